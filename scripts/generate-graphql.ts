// Writes schema.graphql and the Nexus typegen; `--check` writes them to a scratch
// folder instead and fails when the committed ones differ (CI).
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA_FILE, TYPEGEN_FILE, writeSchemaArtifacts } from "../src/graphql/schema.ts";

if (!process.argv.includes("--check")) {
  await writeSchemaArtifacts();
  console.log(`wrote ${SCHEMA_FILE}\nwrote ${TYPEGEN_FILE}`);
} else {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-schema-"));
  const fresh = { schema: join(dir, "schema.graphql"), typegen: join(dir, "nexus-typegen.ts") };
  await writeSchemaArtifacts(fresh);
  const read = (f: string) => (existsSync(f) ? readFileSync(f, "utf8") : "");
  const stale = [[SCHEMA_FILE, fresh.schema], [TYPEGEN_FILE, fresh.typegen]].filter(([committed, made]) => read(committed!) !== read(made!));
  rmSync(dir, { recursive: true, force: true });
  for (const [committed] of stale) console.error(`stale: ${committed} (run npm run generate:graphql and commit it)`);
  process.exit(stale.length ? 1 : 0);
}
