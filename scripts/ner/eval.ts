// npm run ner:eval -- FILE [--model models/ner.bin.gz] [--passes N]
// Tags a CoNLL-layout file with the model and prints conlleval-style precision/recall/F1 per
// type and overall, plus throughput (first pass, and the best of N passes once warmed up).

import { readFileSync } from "node:fs";
import { conllEval, formatEval, parseConll } from "../../src/extract/ner/conll.ts";
import { loadModel } from "../../src/ingest/ner-model.ts";
import { Tagger } from "../../src/extract/ner/model.ts";
import { bilouToIob2 } from "../../src/extract/ner/tags.ts";
import { helpFromHeader } from "./help.ts";

helpFromHeader(import.meta.url);

const args = process.argv.slice(2);
const mi = args.indexOf("--model");
const modelPath = mi >= 0 ? args[mi + 1]! : "models/ner.bin.gz";
const pi = args.indexOf("--passes");
const passes = pi >= 0 ? Math.max(1, Number(args[pi + 1])) : 1;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--model" && args[i - 1] !== "--passes") ?? `${process.env.NER_DATA_DIR ?? "/work/shared/data"}/conll2003/dev.txt`;
const t0 = performance.now();
const model = loadModel(modelPath);
const tagger = new Tagger(model);
const t1 = performance.now();
const docs = parseConll(readFileSync(file, "utf8"));
const t2 = performance.now();
const pairs: { gold: string[]; pred: string[] }[] = [];
let ntok = 0;
for (const d of docs) {
  const pred = tagger.tagDocument(d.sentences.map((s) => s.tokens));
  d.sentences.forEach((s, i) => {
    ntok += s.tokens.length;
    pairs.push({ gold: s.tags, pred: bilouToIob2(pred[i]!) });
  });
}
const t3 = performance.now();
process.stdout.on("error", () => {}); // e.g. piped into head
console.log(formatEval(conllEval(pairs)));
const rss = process.memoryUsage().rss / 1e6;
console.log(
  `model load ${((t1 - t0) / 1000).toFixed(2)} s; tagging ${ntok} tokens in ${((t3 - t2) / 1000).toFixed(2)} s = ` +
    `${Math.round(ntok / ((t3 - t2) / 1000))} tokens/s; RSS ${rss.toFixed(0)} MB`,
);
if (passes > 1) {
  const inputs = docs.map((d) => d.sentences.map((s) => s.tokens));
  let best = Infinity;
  for (let p = 1; p < passes; p++) {
    const ts = performance.now();
    for (const d of inputs) tagger.tagDocument(d);
    best = Math.min(best, performance.now() - ts);
  }
  console.log(`warm: best of ${passes - 1} further passes ${(best / 1000).toFixed(2)} s = ${Math.round(ntok / (best / 1000))} tokens/s`);
}
