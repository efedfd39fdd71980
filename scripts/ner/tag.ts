// npm run ner:tag: tags a CoNLL-layout file, writes TOKEN GOLD PRED (conlleval's input).

import { readFileSync } from "node:fs";
import { parseConll } from "../../src/analysis/ner/conll.ts";
import { loadModel, nerModelDir } from "../../src/analysis/runtime/ner-model.ts";
import { Tagger } from "../../src/analysis/ner/model.ts";
import { bilouToIob2 } from "../../src/analysis/ner/tags.ts";
import { scriptArgs } from "../args.ts";

const t0 = performance.now();
const args = scriptArgs(
  `Usage: npm run ner:tag -- [--model DIR] FILE

Reads CoNLL layout (TOKEN [TAG] per line, blank line between sentences, -DOCSTART-
between documents), tags the tokens as given with document context, and writes
TOKEN GOLD PRED per line to stdout (conlleval's input).

Options:
  --model DIR   the model directory (default NER_MODEL_DIR or models/ner)
  -h, --help    show this help

Exit codes: 0 tagged, 1 failed, 2 usage error.`,
  { model: { type: "string" } },
  true,
);
const modelPath = args.values.model ?? nerModelDir();
const file = args.positionals[0];
if (!file) {
  console.error("ner:tag: a CoNLL file is required (--help)");
  process.exit(2);
}
const tagger = new Tagger(loadModel(modelPath));
const tLoad = performance.now();
const docs = parseConll(readFileSync(file, "utf8"));
let ntok = 0;
let pending = "";
// stdout may be a non-blocking pipe: write through the stream and wait for each chunk
const flush = () => {
  const chunk = pending;
  pending = "";
  return new Promise<void>((resolve, reject) => process.stdout.write(chunk, (err) => (err ? reject(err) : resolve())));
};
for (let di = 0; di < docs.length; di++) {
  const d = docs[di]!;
  docs[di] = null as never; // let the document be collected once written
  pending += "-DOCSTART- O O\n\n";
  const pred = tagger.tagDocument(d.sentences.map((s) => s.tokens));
  for (let si = 0; si < d.sentences.length; si++) {
    const s = d.sentences[si]!;
    const p = bilouToIob2(pred[si]!);
    for (let k = 0; k < s.tokens.length; k++) pending += s.tokens[k] + " " + s.tags[k] + " " + p[k] + "\n";
    pending += "\n";
    ntok += s.tokens.length;
  }
  if (pending.length > 1 << 16) await flush();
}
await flush();
const t1 = performance.now();
console.error(
  `tagged ${ntok} tokens in ${((t1 - tLoad) / 1000).toFixed(2)} s (model load ${((tLoad - t0) / 1000).toFixed(2)} s); ` +
    `${Math.round(ntok / ((t1 - t0) / 1000))} tokens/s including load; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
