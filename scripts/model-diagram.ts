// npm run docs:model: writes the README's Mermaid diagram of the data model from
// prisma/models.prisma, between <!-- model:start --> and <!-- model:end -->.
// test/readme.test.ts fails when the README's diagram is not what this writes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCommand, UsageError } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MODELS_FILE = join(ROOT, "prisma", "models.prisma");
export const README_FILE = join(ROOT, "README.md");
export const START = "<!-- model:start -->";
export const END = "<!-- model:end -->";

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: string;
}

interface Model {
  name: string;
  fields: Field[];
  /** Fields of a composite @@id. */
  compositeId: string[];
}

/** The models of a Prisma schema: enough of the grammar for our one file (no comments kept). */
export function parseModels(schema: string): Model[] {
  const models: Model[] = [];
  let current: Model | undefined;
  for (const raw of schema.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const open = /^model\s+(\w+)\s*\{$/.exec(line);
    if (open) {
      current = { name: open[1]!, fields: [], compositeId: [] };
      models.push(current);
      continue;
    }
    if (!current || !line) continue;
    if (line === "}") {
      current = undefined;
      continue;
    }
    const id = /^@@id\(\[([^\]]*)\]/.exec(line);
    if (id) current.compositeId = id[1]!.split(",").map((f) => f.trim());
    if (line.startsWith("@@")) continue;
    const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (field) current.fields.push({ name: field[1]!, type: field[2]!, list: Boolean(field[3]), optional: Boolean(field[4]), attributes: field[5]! });
  }
  return models;
}

/** A Mermaid erDiagram: each model's columns with their keys, and one line per relation. */
export function renderDiagram(schema: string): string {
  const models = parseModels(schema);
  const modelNames = new Set(models.map((m) => m.name));
  const lines = ["```mermaid", "erDiagram"];
  const relations: string[] = [];
  for (const model of models) {
    const foreignKeys = new Set<string>();
    for (const field of model.fields) {
      const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(field.attributes);
      if (!relation || !modelNames.has(field.type)) continue;
      const keys = relation[1]!.split(",").map((f) => f.trim());
      keys.forEach((k) => foreignKeys.add(k));
      const optional = keys.some((k) => model.fields.find((f) => f.name === k)?.optional);
      // The other side's list field names the relation from the parent's point of view.
      const parent = models.find((m) => m.name === field.type)!;
      const backName = parent.fields.find((f) => f.type === model.name && f.list && sameRelation(f, field))?.name ?? field.name;
      relations.push(`  ${parent.name} ${optional ? "|o" : "||"}--o{ ${model.name} : ${backName}`);
    }
    lines.push(`  ${model.name} {`);
    for (const field of model.fields) {
      if (modelNames.has(field.type)) continue;
      const keys = [
        field.attributes.includes("@id") || model.compositeId.includes(field.name) ? "PK" : "",
        foreignKeys.has(field.name) ? "FK" : "",
        field.attributes.includes("@unique") ? "UK" : "",
      ].filter(Boolean);
      lines.push(`    ${field.type} ${field.name}${keys.length ? ` ${keys.join(", ")}` : ""}${field.optional ? ' "optional"' : ""}`);
    }
    lines.push("  }");
  }
  lines.push(...relations, "```");
  return lines.join("\n");
}

/** Two sides of a named relation (`@relation("name", ...)`) must share the name; unnamed ones match. */
function sameRelation(back: Field, forward: Field): boolean {
  const name = (f: Field) => /@relation\(\s*"([^"]+)"/.exec(f.attributes)?.[1];
  return name(back) === name(forward);
}

/** The README with its diagram block replaced; throws (a setup error) when the markers are missing. */
export function withDiagram(readme: string, diagram: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new UsageError(`README.md has no ${START} ... ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${diagram}\n${readme.slice(end)}`;
}

const HELP = `Usage: npm run docs:model [-- --check]

Writes the Mermaid erDiagram of prisma/models.prisma into README.md, between
${START} and ${END}.

Options:
  --check      write nothing; exit 1 when README.md's diagram is out of date
  -h, --help   show this help

Exit codes: 0 written (or up to date), 1 out of date (--check), 2 usage error or no markers.`;

function main(): number {
  const { values } = scriptArgs(HELP, { check: { type: "boolean" } });
  const readme = readFileSync(README_FILE, "utf8");
  const updated = withDiagram(readme, renderDiagram(readFileSync(MODELS_FILE, "utf8")));
  if (values.check) {
    if (updated === readme) return 0;
    console.error("stale: README.md's model diagram (run npm run docs:model and commit it)");
    return 1;
  }
  if (updated !== readme) writeFileSync(README_FILE, updated);
  console.log(updated === readme ? "README.md: the model diagram is up to date" : "README.md: wrote the model diagram");
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCommand("model-diagram", HELP, main);
