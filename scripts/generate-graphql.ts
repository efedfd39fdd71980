// Writes schema.graphql and the Nexus typegen; `--check` fails when the committed ones
// are stale (CI). The typegen's imports are relative to where it is written, so the
// check writes in place and puts the committed text back afterwards.
import { readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { SCHEMA_FILE, TYPEGEN_FILE, writeSchemaArtifacts } from "../src/graphql/schema.ts";

const FILES = [SCHEMA_FILE, TYPEGEN_FILE];
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

if (!process.argv.includes("--check")) {
  await writeSchemaArtifacts();
  console.log(FILES.map((f) => `wrote ${f}`).join("\n"));
} else {
  const committed = FILES.map(read);
  await writeSchemaArtifacts();
  const stale = FILES.filter((file, i) => read(file) !== committed[i]);
  FILES.forEach((file, i) => {
    const text = committed[i];
    if (text === null || text === undefined) rmSync(file, { force: true });
    else writeFileSync(file, text);
  });
  for (const file of stale) console.error(`stale: ${file} (run npm run generate:graphql and commit it)`);
  process.exit(stale.length ? 1 : 0);
}
