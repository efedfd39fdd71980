// npm run ner:eval-pipeline -- FILE: scores the mention finders of src/extract on a
// CoNLL file the way the product uses them, on raw text (each document's tokens joined
// by spaces, sentences by newlines): PER/ORG/LOC only (MISC is not an entity).
// Compares the rule-based finder, the tagger alone, and the tagger merged with the
// rules' gazetteers (the pipeline's default).
import { readFileSync } from "node:fs";
import { parseConll } from "../../src/extract/ner/conll.ts";
import { iobSpans, TYPES } from "../../src/extract/ner/tags.ts";
import { tokenize } from "../../src/extract/tokenize.ts";
import { findMentions } from "../../src/extract/mentions.ts";
import { mergeMentions, taggerMentions } from "../../src/extract/ner-mentions.ts";
import { shippedTagger } from "../../src/ingest/ner-model.ts";
import type { Mention } from "../../src/extract/types.ts";

const file = process.argv[2];
if (!file || file === "--help") {
  console.log("Usage: npm run ner:eval-pipeline -- CONLL_FILE");
  process.exit(file ? 0 : 2);
}
const GOLD_TYPE: Record<string, string> = { PER: "PERSON", ORG: "ORGANIZATION", LOC: "PLACE" };
const tagger = shippedTagger();
const finders: Record<string, (text: string) => Mention[]> = {
  rules: (text) => findMentions(text, tokenize(text)),
  tagger: (text) => taggerMentions(tagger, text),
  merged: (text) => mergeMentions(taggerMentions(tagger, text), findMentions(text, tokenize(text))),
};
const score = Object.fromEntries(Object.keys(finders).map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));

for (const doc of parseConll(readFileSync(file, "utf8"))) {
  let text = "";
  const gold = new Set<string>();
  for (const s of doc.sentences) {
    const offsets: number[] = [];
    for (const tok of s.tokens) {
      if (offsets.length) text += " ";
      offsets.push(text.length);
      text += tok;
    }
    for (const span of iobSpans(s.tags)) {
      const type = GOLD_TYPE[TYPES[span.type]!];
      if (type) gold.add(`${type}:${offsets[span.start]}:${offsets[span.end - 1]! + s.tokens[span.end - 1]!.length}`);
    }
    text += "\n";
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
