// npm run ner:tag -- FILE [--model models/ner.bin.gz]
// Reads CoNLL layout (TOKEN [TAG] per line, blank line between sentences, -DOCSTART- between
// documents), tags the tokens as given with document context, writes TOKEN GOLD PRED per line.

import { readFileSync, writeSync } from "node:fs";
import { parseConll } from "../../src/extract/ner/conll.ts";
import { loadModel } from "../../src/extract/ner/model-file.ts";
import { Tagger } from "../../src/extract/ner/model.ts";
import { bilouToIob2 } from "../../src/extract/ner/tags.ts";

const t0 = performance.now();
const args = process.argv.slice(2);
const mi = args.indexOf("--model");
const modelPath = mi >= 0 ? args[mi + 1]! : "models/ner.bin.gz";
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--model");
if (!file) {
  console.error("usage: ner:tag -- FILE [--model PATH]");
  process.exit(2);
}
const tagger = new Tagger(loadModel(modelPath));
const tLoad = performance.now();
const docs = parseConll(readFileSync(file, "utf8"));
const chunks: string[] = [];
let ntok = 0;
for (const d of docs) {
  chunks.push("-DOCSTART- O O\n\n");
  const pred = tagger.tagDocument(d.sentences.map((s) => s.tokens));
  d.sentences.forEach((s, i) => {
    const p = bilouToIob2(pred[i]!);
    let out = "";
    for (let k = 0; k < s.tokens.length; k++) out += `${s.tokens[k]} ${s.tags[k]} ${p[k]}\n`;
    chunks.push(out + "\n");
    ntok += s.tokens.length;
  });
}
const buf = Buffer.from(chunks.join(""));
let off = 0;
while (off < buf.length) off += writeSync(1, buf, off, buf.length - off);
const t1 = performance.now();
console.error(
  `tagged ${ntok} tokens in ${((t1 - tLoad) / 1000).toFixed(2)} s (model load ${((tLoad - t0) / 1000).toFixed(2)} s); ` +
    `${Math.round(ntok / ((t1 - t0) / 1000))} tokens/s including load`,
);
