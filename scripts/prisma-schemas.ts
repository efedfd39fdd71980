// Writes one Prisma schema per provider from prisma/models.prisma.
// `--check` exits 1 when a written schema differs from what it would write (CI).
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCommand } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const USAGE = `Usage: npm run prisma:schemas [-- --check]

Writes prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma from
prisma/models.prisma, each with its provider's datasource and generator.

Options:
  --check      write nothing; exit 1 when a written schema is stale
  -h, --help   show this help

Exit codes: 0 written (or up to date), 1 stale (--check), 2 usage error.`;

export const PROVIDERS = ["sqlite", "postgresql"] as const;

function render(provider: (typeof PROVIDERS)[number], models: string): string {
  return `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.ts; do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../src/store/generated/${provider}"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

function main(): number {
  const { values } = scriptArgs(USAGE, { check: { type: "boolean" } });
  const root = join(dirname(new URL(import.meta.url).pathname), "..");
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  let stale = false;
  for (const provider of PROVIDERS) {
    const file = join(root, "prisma", provider, "schema.prisma");
    const text = render(provider, models);
    if (values.check) {
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
        console.error(`stale: ${file} (run npm run prisma:schemas)`);
        stale = true;
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return stale ? 1 : 0;
}

runCommand("prisma-schemas", USAGE, main);
