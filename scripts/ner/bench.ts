// npm run bench:ner: tokens/s of our tagger and of compromise on the same real articles.

import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { analyseArticle } from "../../src/analysis/runtime/analyse.ts";
import { loadModel, nerModelDir } from "../../src/analysis/runtime/ner-model.ts";
import { Tagger } from "../../src/analysis/ner/model.ts";
import { tokenize } from "../../src/analysis/tokenize.ts";
import { DATA, scriptArgs } from "../args.ts";

const args = scriptArgs(
  `Usage: npm run bench:ner -- [--model DIR] [--news DIR] [--limit N] [--json FILE]

Throughput of our tagger and of the compromise package on the same real news articles
(--news, default DATA/news, DATA being $NER_DATA_DIR or /work/shared/data; --limit of
them, default 1000, spread over all sources). Both get raw article text and must find
people, places and organisations; tokens/s uses the pipeline tokenizer's token count as
the common denominator. Also the whole extraction of the product (tagger, gazetteers,
quotes and speakers, resolution) on the same texts.

Options:
  --model DIR   the model directory (default NER_MODEL_DIR or models/ner)
  --news DIR    the articles (default DATA/news)
  --limit N     how many articles (default 1000)
  --json FILE   also write the numbers as JSON (for npm run bench)
  -h, --help    show this help

Exit codes: 0 done, 1 failed, 2 usage error.`,
  { model: { type: "string" }, news: { type: "string", default: `${DATA}/news` }, limit: { type: "string", default: "1000" }, json: { type: "string" } },
);
const dir = args.values.news;
const limit = args.number(args.values.limit, "--limit", 1, 1_000_000);
function list(d: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) out.push(...list(p));
    else if (n.endsWith(".txt") && n !== "README.md") out.push(p);
  }
  return out;
}
const files = list(dir);
// a deterministic spread over all sources
const step = Math.max(1, Math.floor(files.length / limit));
const texts = files.filter((_, i) => i % step === 0).slice(0, limit).map((f) => readFileSync(f, "utf8"));
let ntok = 0;
for (const t of texts) ntok += tokenize(t).length;
console.log(`${texts.length} articles, ${ntok} tokens, ${(texts.reduce((a, t) => a + t.length, 0) / 1e6).toFixed(2)} MB`);

const t0 = performance.now();
const tagger = new Tagger(loadModel(args.values.model ?? nerModelDir()));
const t1 = performance.now();
let ours = 0;
for (const t of texts) ours += tagger.tagText(t).length;
const t2 = performance.now();
console.log(
  `newsgraph NER: ${ours} entities; load ${((t1 - t0) / 1000).toFixed(2)} s; ${((t2 - t1) / 1000).toFixed(2)} s = ${Math.round(ntok / ((t2 - t1) / 1000))} tokens/s`,
);

const nlp = ((await import("compromise")) as unknown as { default: (t: string) => any }).default;
const t3 = performance.now();
let theirs = 0;
for (const t of texts) {
  const doc = nlp(t);
  theirs += doc.people().length + doc.places().length + doc.organizations().length;
}
const t4 = performance.now();
console.log(`compromise:     ${theirs} entities; ${((t4 - t3) / 1000).toFixed(2)} s = ${Math.round(ntok / ((t4 - t3) / 1000))} tokens/s`);
console.log(`speed-up: ${((t4 - t3) / (t2 - t1)).toFixed(1)}x`);

analyseArticle(texts[0] ?? ""); // loads the model before timing
const t5 = performance.now();
let quotes = 0;
for (const t of texts) quotes += analyseArticle(t).quotes.length;
const t6 = performance.now();
const rate = (ms: number) => Math.round(ntok / (ms / 1000));
console.log(`whole extraction (entities, quotes, speakers, resolution): ${quotes} quotes; ${((t6 - t5) / 1000).toFixed(2)} s = ${rate(t6 - t5)} tokens/s`);

const json = args.values.json;
if (json) {
  mkdirSync(dirname(json), { recursive: true });
  const result = {
    generatedAt: new Date().toISOString(),
    articles: texts.length,
    tokens: ntok,
    nerTokensPerSecond: rate(t2 - t1),
    compromiseTokensPerSecond: rate(t4 - t3),
    speedUp: Number(((t4 - t3) / (t2 - t1)).toFixed(1)),
    extractionTokensPerSecond: rate(t6 - t5),
    extractionArticlesPerSecond: Math.round(texts.length / ((t6 - t5) / 1000)),
  };
  writeFileSync(json, JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${json}`);
}
