// The README's data model diagram is the one scripts/model-diagram.ts draws from
// prisma/models.prisma; a change to the model without `npm run docs:model` fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { MODELS_FILE, README_FILE, renderDiagram, withDiagram } from "../scripts/model-diagram.ts";

const models = readFileSync(MODELS_FILE, "utf8");
const readme = readFileSync(README_FILE, "utf8");

test("README.md's model diagram is up to date with prisma/models.prisma (npm run docs:model)", () => {
  assert.equal(readme, withDiagram(readme, renderDiagram(models)), "run npm run docs:model and commit README.md");
});

test("the diagram shows every model, key and relation", () => {
  const diagram = renderDiagram(models);
  for (const model of models.matchAll(/^model (\w+) \{/gm)) assert.match(diagram, new RegExp(`^  ${model[1]} \\{$`, "m"), model[1]);
  assert.match(diagram, /^    String contentHash UK$/m);
  assert.match(diagram, /^    Int articleId PK, FK$/m);
  assert.match(diagram, /^    Int speakerPersonId FK "optional"$/m);
  assert.match(diagram, /^  Article \|\|--o\{ Quote : quotes$/m);
  assert.match(diagram, /^  Person \|o--o\{ Quote : quotes$/m);
});

test("a model change makes the README's diagram stale", () => {
  const changed = models.replace(/(model Person \{\n)/, "$1  nickname     String?\n");
  assert.notEqual(changed, models);
  const diagram = renderDiagram(changed);
  assert.match(diagram, /^    String nickname "optional"$/m);
  assert.notEqual(withDiagram(readme, diagram), readme);
});
