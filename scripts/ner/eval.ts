// npm run ner:eval: precision/recall/F1 of the NER model on a CoNLL file read the product's
// way (the pipeline's tokens and sentences, exact character spans), and speed.

import { readFileSync } from "node:fs";
import { conllEval, formatEval, parseConll, pipelineDoc, pipelineEval } from "../../src/analysis/ner/conll.ts";
import { loadModel, nerModelDir } from "../../src/analysis/runtime/ner-model.ts";
import { Tagger } from "../../src/analysis/ner/model.ts";
import { bilouToIob2 } from "../../src/analysis/ner/tags.ts";
import { DATA, scriptArgs } from "../args.ts";

const args = scriptArgs(
  `Usage: npm run ner:eval -- [--model DIR] [--passes N] [--conll-tokens] [FILE]

Tags a CoNLL-layout file (default DATA/conll2003/dev.txt, DATA being $NER_DATA_DIR or
/work/shared/data) with the model, with document context, the way training reads it and
the product tokenizes: each document's tokens joined by spaces and its sentences by
newlines, then the pipeline's tokenizer and sentence splitter. Prints conlleval-style
precision, recall and F1 per type and overall (entities as exact character spans; token
accuracy against the gold tags projected onto the pipeline's tokens), and throughput (the
first pass, and the best of N passes once warmed up).

Options:
  --model DIR      the model directory (default NER_MODEL_DIR or models/ner)
  --passes N       tagging passes (default 1)
  --conll-tokens   tag the file's own tokens and sentences instead (conlleval proper;
                   the score models before the pipeline-token retraining were reported with)
  -h, --help       show this help

Exit codes: 0 scored, 1 failed, 2 usage error.`,
  { model: { type: "string" }, passes: { type: "string", default: "1" }, "conll-tokens": { type: "boolean", default: false } },
  true,
);
const modelPath = args.values.model ?? nerModelDir();
const passes = args.number(args.values.passes, "--passes", 1, 1000);
const file = args.positionals[0] ?? `${DATA}/conll2003/dev.txt`;
const t0 = performance.now();
const model = loadModel(modelPath);
const tagger = new Tagger(model);
const t1 = performance.now();
const conllDocs = parseConll(readFileSync(file, "utf8"));
const t2 = performance.now();
const inputs = args.values["conll-tokens"] ? null : conllDocs.map(pipelineDoc);
const sentencesOf = (i: number): string[][] => (inputs ? inputs[i]!.sentences.map((s) => s.map((t) => t.text)) : conllDocs[i]!.sentences.map((s) => s.tokens));
function conllPairs(): { gold: string[]; pred: string[] }[] {
  const pairs: { gold: string[]; pred: string[] }[] = [];
  conllDocs.forEach((d, di) => {
    const pred = tagger.tagDocument(sentencesOf(di));
    d.sentences.forEach((s, i) => pairs.push({ gold: s.tags, pred: bilouToIob2(pred[i]!) }));
  });
  return pairs;
}
const result = inputs ? pipelineEval(inputs, (sentences) => tagger.tagDocument(sentences)) : conllEval(conllPairs());
const t3 = performance.now();
const ntok = result.tokens;
process.stdout.on("error", () => {}); // e.g. piped into head
console.log(`${inputs ? "pipeline tokens, exact character spans" : "the file's tokens (conlleval)"}:`);
console.log(formatEval(result));
const rss = process.memoryUsage().rss / 1e6;
console.log(
  `model load ${((t1 - t0) / 1000).toFixed(2)} s; tokenizing and tagging ${ntok} tokens in ${((t3 - t2) / 1000).toFixed(2)} s = ` +
    `${Math.round(ntok / ((t3 - t2) / 1000))} tokens/s; RSS ${rss.toFixed(0)} MB`,
);
if (passes > 1) {
  const docs = conllDocs.map((_, i) => sentencesOf(i));
  let best = Infinity;
  for (let p = 1; p < passes; p++) {
    const ts = performance.now();
    for (const d of docs) tagger.tagDocument(d);
    best = Math.min(best, performance.now() - ts);
  }
  console.log(`warm: best of ${passes - 1} further passes ${(best / 1000).toFixed(2)} s = ${Math.round(ntok / (best / 1000))} tokens/s`);
}
