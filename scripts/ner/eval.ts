// npm run ner:eval: conlleval precision/recall/F1 of the NER model on a CoNLL file, and speed.

import { readFileSync } from "node:fs";
import { conllEval, formatEval, parseConll } from "../../src/analysis/ner/conll.ts";
import { loadModel, nerModelDir } from "../../src/analysis/runtime/ner-model.ts";
import { Tagger } from "../../src/analysis/ner/model.ts";
import { bilouToIob2 } from "../../src/analysis/ner/tags.ts";
import { DATA, scriptArgs } from "../args.ts";

const args = scriptArgs(
  `Usage: npm run ner:eval -- [--model DIR] [--passes N] [FILE]

Tags a CoNLL-layout file (default DATA/conll2003/dev.txt, DATA being $NER_DATA_DIR or
/work/shared/data) with the model, its tokens as given, with document context, and prints
conlleval-style precision, recall and F1 per type and overall, and throughput (the first
pass, and the best of N passes once warmed up).

Options:
  --model DIR    the model directory (default NER_MODEL_DIR or models/ner)
  --passes N     tagging passes (default 1)
  -h, --help     show this help

Exit codes: 0 scored, 1 failed, 2 usage error.`,
  { model: { type: "string" }, passes: { type: "string", default: "1" } },
  true,
);
const modelPath = args.values.model ?? nerModelDir();
const passes = args.number(args.values.passes, "--passes", 1, 1000);
const file = args.positionals[0] ?? `${DATA}/conll2003/dev.txt`;
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
