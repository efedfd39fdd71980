// npm run ner:train -- [--train F] [--dev F|none] [--out F] [--news DIR] [--epochs N] [--epochs2 N]
//                      [--rows-bits B] [--folds K] [--prune X] [--no-gaz] [--no-clusters]
//                      [--no-stage2] [--eval-epochs]
// Trains the two-stage averaged-perceptron NER model deterministically and writes it gzipped
// (default models/ner.bin.gz). Data defaults to $NER_DATA_DIR or /work/shared/data.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { parseConll, conllEval, formatEval, type Doc } from "../../src/extract/ner/conll.ts";
import { Featurizer } from "../../src/extract/ner/features.ts";
import { emptyLexicon, type Lexicon } from "../../src/extract/ner/lexicon.ts";
import { Tagger, buildModel, rowUsage, serializeModel, type NerModel } from "../../src/extract/ner/model.ts";
import { trainPerceptron, type TrainSeq, type Weights } from "../../src/extract/ner/perceptron.ts";
import { NUM_TAGS, iobSpans, spansToBilou, bilouToIob2 } from "../../src/extract/ner/tags.ts";
import { normalizeToken } from "../../src/extract/ner/tokenize.ts";
import { buildGazetteers } from "./gazetteers.ts";
import { buildCorpusLexicon } from "./corpus.ts";
import { helpFromHeader } from "./help.ts";

helpFromHeader(import.meta.url);

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : def;
};
const flag = (name: string) => args.includes(`--${name}`);

const DATA = process.env.NER_DATA_DIR ?? "/work/shared/data";
const trainPath = opt("train", `${DATA}/conll2003/train.txt`);
const devPath = opt("dev", `${DATA}/conll2003/dev.txt`);
const outPath = opt("out", "models/ner.bin.gz");
const newsDir = opt("news", `${DATA}/news`);
const epochs = Number(opt("epochs", "10"));
const epochs2 = Number(opt("epochs2", opt("epochs", "10")));
const rowBits = Number(opt("rows-bits", "20"));
const folds = Number(opt("folds", "4"));
const useGaz = !flag("no-gaz");
const useClusters = !flag("no-clusters");
const useStage2 = !flag("no-stage2");

const t0 = Date.now();
const log = (m: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const trainDocs = parseConll(readFileSync(trainPath, "utf8"));
const devDocs = devPath === "none" ? [] : parseConll(readFileSync(devPath, "utf8"));
log(`train ${trainDocs.length} docs, dev ${devDocs.length} docs`);

const lex: Lexicon = emptyLexicon();
if (useGaz) {
  buildGazetteers(lex);
  log(`gazetteers: ${lex.gazNames.join(", ")}; ${lex.phrases.size} phrase keys`);
}
{
  const trainTokens = trainDocs.map((d) => d.sentences.map((s) => s.tokens.map(normalizeToken)));
  buildCorpusLexicon(lex, newsDir, trainTokens, { clusters: useClusters, log });
}

const mask = (1 << rowBits) - 1;

function normDoc(d: Doc): string[][] {
  return d.sentences.map((s) => s.tokens.map(normalizeToken));
}
function goldDoc(d: Doc): Uint8Array[] {
  return d.sentences.map((s) => spansToBilou(iobSpans(s.tags), s.tokens.length));
}

function buildSeqs(docs: Doc[], fz: Featurizer, docVals: Int32Array[][] | null): TrainSeq[] {
  const seqs: TrainSeq[] = [];
  docs.forEach((d, di) => {
    const gold = goldDoc(d);
    const norm = normDoc(d);
    norm.forEach((toks, si) => {
      fz.prepare(toks);
      const feats = new Int32Array(toks.length * fz.F);
      fz.extract(feats, docVals ? docVals[di]![si]! : null);
      seqs.push({ feats, n: toks.length, gold: gold[si]! });
    });
  });
  return seqs;
}

function evaluate(model: NerModel, docs: Doc[]): { text: string; f1: number; tps: number } {
  const tagger = new Tagger(model);
  const pairs: { gold: string[]; pred: string[] }[] = [];
  const ts = Date.now();
  let ntok = 0;
  for (const d of docs) {
    const pred = tagger.tagDocument(d.sentences.map((s) => s.tokens));
    d.sentences.forEach((s, i) => {
      ntok += s.tokens.length;
      pairs.push({ gold: s.tags, pred: bilouToIob2(pred[i]!) });
    });
  }
  const tps = ntok / ((Date.now() - ts) / 1000);
  const r = conllEval(pairs);
  return { text: formatEval(r), f1: r.overall.f1, tps };
}

const F1 = new Featurizer(lex, mask, NUM_TAGS, false);
const seqs1 = buildSeqs(trainDocs, F1, null);
log(`stage-1 features: ${seqs1.length} sentences, F=${F1.F}`);

function trainStage1(seqs: TrainSeq[], verbose: boolean): Weights {
  return trainPerceptron(seqs, {
    rows: 1 << rowBits,
    F: F1.F,
    epochs,
    seed: 7,
    log: verbose ? log : undefined,
    onEpoch:
      verbose && devDocs.length && flag("eval-epochs")
        ? (ep, w) => {
            const r = evaluate(buildModel(rowBits, lex, w, null), devDocs);
            log(`  dev F1 after epoch ${ep}: ${r.f1.toFixed(2)}`);
          }
        : undefined,
  });
}

const prune = Number(opt("prune", "0"));
const usage = rowUsage(seqs1.map((s) => s.feats), rowBits);
const w1 = trainStage1(seqs1, true);
let model: NerModel = buildModel(rowBits, lex, w1, null, { prune, usage });
log(`stage 1: ${model.rows.length} non-zero rows`);
if (devDocs.length) {
  const r = evaluate(model, devDocs);
  log(`stage 1 dev:\n${r.text}\n(${Math.round(r.tps)} tokens/s in-process)`);
}

if (useStage2) {
  // jackknife: stage-1 predictions on each fold from a model trained on the other folds
  const docVals: Int32Array[][] = new Array(trainDocs.length);
  for (let k = 0; k < folds; k++) {
    const trainIdx: number[] = [];
    const heldIdx: number[] = [];
    trainDocs.forEach((_, i) => (i % folds === k ? heldIdx : trainIdx).push(i));
    // sequences of the training folds (seqs1 is in document order)
    const docSeqStart: number[] = [];
    let pos = 0;
    for (const d of trainDocs) {
      docSeqStart.push(pos);
      pos += d.sentences.length;
    }
    const sub: TrainSeq[] = [];
    for (const i of trainIdx) for (let s = 0; s < trainDocs[i]!.sentences.length; s++) sub.push(seqs1[docSeqStart[i]! + s]!);
    const w = trainStage1(sub, false);
    const tagger = new Tagger(buildModel(rowBits, lex, w, null));
    for (const i of heldIdx) {
      docVals[i] = tagger.localDocFeatures(normDoc(trainDocs[i]!));
    }
    log(`jackknife fold ${k + 1}/${folds} done`);
  }
  const F2 = new Featurizer(lex, mask, NUM_TAGS, true);
  const seqs2 = buildSeqs(trainDocs, F2, docVals);
  const w2 = trainPerceptron(seqs2, { rows: 1 << rowBits, F: F2.F, epochs: epochs2, seed: 11, log });
  rowUsage(seqs2.map((s) => s.feats), rowBits, usage);
  model = buildModel(rowBits, lex, w1, w2, { prune, usage });
  log(`stages 1+2: ${model.rows.length} non-zero rows`);
  if (devDocs.length) {
    const r = evaluate(model, devDocs);
    log(`stage 2 dev:\n${r.text}\n(${Math.round(r.tps)} tokens/s in-process)`);
  }
}

model.meta = { prune, epochs, epochs2, rowBits, folds, gazetteers: useGaz, clusters: useClusters, stage2: useStage2 };
const bytes = gzipSync(serializeModel(model), { level: 9 });
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, bytes);
log(`wrote ${outPath} (${(bytes.length / 1e6).toFixed(2)} MB); training took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
