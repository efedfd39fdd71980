// Writes one Prisma schema per provider from prisma/models.prisma.
// `--check` exits 1 when a written schema differs from what it would write (CI).
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

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

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
const check = process.argv.includes("--check");
let stale = false;
for (const provider of PROVIDERS) {
  const file = join(root, "prisma", provider, "schema.prisma");
  const text = render(provider, models);
  if (check) {
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
      console.error(`stale: ${file} (run npm run prisma:schemas)`);
      stale = true;
    }
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
process.exit(stale ? 1 : 0);
