// Writes schema.graphql and the Nexus typegen; `--check` fails when the committed ones
// are stale (CI). The typegen's imports are relative to where it is written, so the
// check writes in place and puts the committed text back afterwards.
import { readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { SCHEMA_FILE, TYPEGEN_FILE, writeSchemaArtifacts } from "../src/graphql/schema.ts";
import { runCommand } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const USAGE = `Usage: npm run generate:graphql [-- --check]

Writes schema.graphql and the Nexus typegen from the Nexus types in src/graphql.

Options:
  --check      write nothing; exit 1 when the committed files are stale
  -h, --help   show this help

Exit codes: 0 written (or up to date), 1 stale (--check) or generation failed, 2 usage error.`;

const FILES = [SCHEMA_FILE, TYPEGEN_FILE];
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, { check: { type: "boolean" } });
  if (!values.check) {
    await writeSchemaArtifacts();
    console.log(FILES.map((f) => `wrote ${f}`).join("\n"));
    return 0;
  }
  const committed = FILES.map(read);
  await writeSchemaArtifacts();
  const stale = FILES.filter((file, i) => read(file) !== committed[i]);
  FILES.forEach((file, i) => {
    const text = committed[i];
    if (text === null || text === undefined) rmSync(file, { force: true });
    else writeFileSync(file, text);
  });
  for (const file of stale) console.error(`stale: ${file} (run npm run generate:graphql and commit it)`);
  return stale.length ? 1 : 0;
}

runCommand("generate-graphql", USAGE, main);
