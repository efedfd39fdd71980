// npm run ner:eval-pipeline: scores the mention finders of src/analysis on a CoNLL file the
// way the product runs them (src/analysis/pipeline.ts), on raw text.
import { readFileSync } from "node:fs";
import { parseConll, pipelineDoc } from "../../src/analysis/ner/conll.ts";
import { TYPES } from "../../src/analysis/ner/tags.ts";
import { analyse, ner, rules, sentences, tokenizer } from "../../src/analysis/pipeline.ts";
import { mergeMentions } from "../../src/analysis/ner-mentions.ts";
import { nerModelDir, loadTagger } from "../../src/analysis/runtime/ner-model.ts";
import type { Mention } from "../../src/domain/extraction.ts";
import { scriptArgs } from "../args.ts";

const { values, positionals } = scriptArgs(
  `Usage: npm run ner:eval-pipeline -- [--model DIR] CONLL_FILE

Scores the mention finders of src/analysis on a CoNLL file the way the product uses them,
on raw text (each document's tokens joined by spaces, clitics such as 's glued to their
word, sentences by newlines: src/analysis/ner/conll.ts pipelineDoc), through the
pipeline's components (tokenize, sentences, ner, rules): PER/ORG/LOC only (MISC is not an
entity), exact spans. Compares the rule-based finder, the tagger alone, and the tagger
merged with the rules' gazetteers (the pipeline's default).

Options:
  --model DIR   the NER model directory (default NER_MODEL_DIR or models/ner)
  -h, --help    show this help

Exit codes: 0 scored, 1 failed, 2 usage error.`,
  { model: { type: "string" } },
  true,
);
const file = positionals[0];
if (!file) {
  console.error("ner:eval-pipeline: a CoNLL file is required (--help)");
  process.exit(2);
}
const GOLD_TYPE: Record<string, string> = { PER: "PERSON", ORG: "ORGANIZATION", LOC: "PLACE" };
const tag = ner(loadTagger(values.model ?? nerModelDir()));
const finders: Record<string, (text: string) => Mention[]> = {
  rules: (text) => analyse([tokenizer, rules], text).ruleMentions,
  tagger: (text) => analyse([tokenizer, sentences, tag], text).mentions,
  merged: (text) => {
    const doc = analyse([tokenizer, sentences, tag, rules], text);
    return mergeMentions(doc.mentions, doc.ruleMentions);
  },
};
const score = Object.fromEntries(Object.keys(finders).map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));

for (const doc of parseConll(readFileSync(file, "utf8")).map(pipelineDoc)) {
  const text = doc.text;
  const gold = new Set<string>();
  for (const span of doc.gold) {
    const type = GOLD_TYPE[TYPES[span.type]!];
    if (type) gold.add(`${type}:${span.start}:${span.end}`);
  }
  for (const [name, find] of Object.entries(finders)) {
    const found = new Set(find(text).map((m) => `${m.type}:${m.start}:${m.end}`));
    const sc = score[name]!;
    for (const f of found) gold.has(f) ? sc.tp++ : sc.fp++;
    for (const g of gold) if (!found.has(g)) sc.fn++;
  }
}
for (const [name, { tp, fp, fn }] of Object.entries(score)) {
  const p = tp / (tp + fp), r = tp / (tp + fn);
  console.log(`${name.padEnd(7)} precision ${(100 * p).toFixed(2)}  recall ${(100 * r).toFixed(2)}  F1 ${((200 * p * r) / (p + r)).toFixed(2)}  (PER/ORG/LOC, exact spans)`);
}
