// npm run ner:train: trains the two-stage averaged-perceptron NER model deterministically
// and writes its directory (config.json, weights, lexicon).

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseConll, pipelineDoc, pipelineEval, formatEval, type EvalResult, type PipelineDoc } from "../../src/analysis/ner/conll.ts";
import { Featurizer } from "../../src/analysis/ner/features.ts";
import { emptyLexicon, type Lexicon } from "../../src/analysis/ner/lexicon.ts";
import { Tagger, buildModel, rowUsage, type NerModel } from "../../src/analysis/ner/model.ts";
import { trainPerceptron, type TrainSeq, type Weights } from "../../src/analysis/ner/perceptron.ts";
import { NUM_TAGS } from "../../src/analysis/ner/tags.ts";
import { normalizeToken } from "../../src/analysis/ner/normalize.ts";
import { SHIPPED_NER_MODEL_DIR, loadModel, writeModel } from "../../src/analysis/runtime/ner-model.ts";
import { buildGazetteers } from "./gazetteers.ts";
import { buildCorpusLexicon } from "./corpus.ts";
import { DATA, scriptArgs } from "../args.ts";

const args = scriptArgs(
  `Usage: npm run ner:train -- [options]

Trains the NER model (src/analysis/ner: two averaged-perceptron stages over BILOU tags)
deterministically from CoNLL-2003 train, read the way the product reads text: each
document's tokens joined by spaces (sentences by newlines), then the pipeline's tokenizer
and sentence splitter, the gold entities projected onto those tokens by character offsets
(src/analysis/ner/conll.ts pipelineDoc). Reports it on dev, scored the same way (exact
character spans), and writes the model directory
--out (default models/ner, the shipped model; NER_MODEL_DIR makes the product use another):
config.json (the component, labels, files, gazetteers and these options), weights.bin.gz
and lexicon.bin.gz (word clusters learned from --news, corpus statistics, gazetteers from
npm data; hashed). Data defaults to $NER_DATA_DIR or /work/shared/data.

Options:
  --train FILE      CoNLL training file (default DATA/conll2003/train.txt)
  --dev FILE        CoNLL dev file, or none (default DATA/conll2003/dev.txt)
  --out DIR         the model directory to write (default models/ner)
  --news DIR        unlabeled articles for the word clusters (default DATA/news)
  --epochs N        stage-1 epochs (default 10)
  --epochs2 N       stage-2 epochs (default --epochs)
  --rows-bits B     2^B hashed feature rows (default 20)
  --folds K         jackknife folds for stage 2 (default 4)
  --prune X         drop rows whose largest weight is at most X (default 0)
  --no-gaz          no gazetteer features
  --no-clusters     no word clusters
  --clusters-from DIR  the word clusters of an existing model directory's lexicon instead
                    of learning them (the exchange clustering is most of a first training
                    run: 395 s of 550 on a quiet machine; it is cached per corpus in TMPDIR)
  --no-stage2       one stage only
  --eval-epochs     dev F1 after every stage-1 epoch
  -h, --help        show this help

Exit codes: 0 written, 1 training failed, 2 usage error.`,
  {
    train: { type: "string", default: `${DATA}/conll2003/train.txt` },
    dev: { type: "string", default: `${DATA}/conll2003/dev.txt` },
    out: { type: "string", default: SHIPPED_NER_MODEL_DIR },
    news: { type: "string", default: `${DATA}/news` },
    epochs: { type: "string", default: "10" },
    epochs2: { type: "string" },
    "rows-bits": { type: "string", default: "20" },
    folds: { type: "string", default: "4" },
    prune: { type: "string", default: "0" },
    "no-gaz": { type: "boolean", default: false },
    "no-clusters": { type: "boolean", default: false },
    "clusters-from": { type: "string" },
    "no-stage2": { type: "boolean", default: false },
    "eval-epochs": { type: "boolean", default: false },
  },
);
const { values } = args;
const trainPath = values.train;
const devPath = values.dev;
const outPath = values.out;
const newsDir = values.news;
const epochs = args.number(values.epochs, "--epochs", 1, 100);
const epochs2 = args.number(values.epochs2 ?? values.epochs, "--epochs2", 1, 100);
const rowBits = args.number(values["rows-bits"], "--rows-bits", 8, 26);
const folds = args.number(values.folds, "--folds", 2, 20);
const useGaz = !values["no-gaz"];
const useClusters = !values["no-clusters"];
const clustersFrom = values["clusters-from"];
const useStage2 = !values["no-stage2"];

const t0 = Date.now();
const log = (m: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const trainDocs = parseConll(readFileSync(trainPath, "utf8")).map(pipelineDoc);
const devDocs = devPath === "none" ? [] : parseConll(readFileSync(devPath, "utf8")).map(pipelineDoc);
for (const [name, docs] of [["train", trainDocs], ["dev", devDocs]] as const) {
  const count = (f: (d: PipelineDoc) => number) => docs.reduce((n, d) => n + f(d), 0);
  log(
    `${name}: ${docs.length} docs, ${count((d) => d.sentences.length)} pipeline sentences, ${count((d) => d.sentences.reduce((n, s) => n + s.length, 0))} tokens; ` +
      `${count((d) => d.gold.length)} gold entities, ${count((d) => d.unaligned)} not on token edges (widened), ${count((d) => d.split)} cut by a sentence break (one entity per piece)`,
  );
}

const lex: Lexicon = emptyLexicon();
if (useGaz) {
  buildGazetteers(lex);
  log(`gazetteers: ${lex.gazNames.join(", ")}; ${lex.phrases.size} phrase keys`);
}
{
  const trainTokens = trainDocs.map(normDoc);
  buildCorpusLexicon(lex, newsDir, trainTokens, { clusters: useClusters && !clustersFrom, log });
  if (useClusters && clustersFrom) {
    const from = loadModel(clustersFrom).lex;
    lex.words = from.words;
    lex.clusterLevels = from.clusterLevels;
    log(`clusters for ${from.words.size} words taken from ${clustersFrom}`);
  }
}

const mask = (1 << rowBits) - 1;

function normDoc(d: PipelineDoc): string[][] {
  return d.sentences.map((s) => s.map((t) => normalizeToken(t.text)));
}

function buildSeqs(docs: PipelineDoc[], fz: Featurizer, docVals: Int32Array[][] | null): TrainSeq[] {
  const seqs: TrainSeq[] = [];
  docs.forEach((d, di) => {
    const gold = d.tags;
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

function evaluate(model: NerModel, docs: PipelineDoc[]): { text: string; f1: number; tps: number; result: EvalResult } {
  const tagger = new Tagger(model);
  const ts = Date.now();
  const r = pipelineEval(docs, (sentences) => tagger.tagDocument(sentences));
  const tps = r.tokens / ((Date.now() - ts) / 1000);
  return { text: formatEval(r), f1: r.overall.f1, tps, result: r };
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
      verbose && devDocs.length && values["eval-epochs"]
        ? (ep, w) => {
            const r = evaluate(buildModel(rowBits, lex, w, null), devDocs);
            log(`  dev F1 after epoch ${ep}: ${r.f1.toFixed(2)}`);
          }
        : undefined,
  });
}

const prune = Number(values.prune);
const usage = rowUsage(seqs1.map((s) => s.feats), rowBits);
const w1 = trainStage1(seqs1, true);
let model: NerModel = buildModel(rowBits, lex, w1, null, { prune, usage });
log(`stage 1: ${model.rows.length} non-zero rows`);
let dev: EvalResult | undefined;
if (devDocs.length) {
  const r = evaluate(model, devDocs);
  dev = r.result;
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
    dev = r.result;
    log(`stage 2 dev:\n${r.text}\n(${Math.round(r.tps)} tokens/s in-process)`);
  }
}

const f2 = (x: number) => Math.round(x * 100) / 100;
model.meta = {
  // where the directory was written is no part of how it was trained
  command: `npm run ner:train -- ${process.argv.slice(2).join(" ").replace(/--out(?:=|\s+)\S+\s*/, "")}`.trim(),
  data: { train: basename(trainPath), dev: devPath === "none" ? null : basename(devPath) },
  tokens: "the pipeline's (src/analysis/tokenize.ts, sentences.ts) over each document's tokens joined by spaces; gold projected by character offsets",
  prune,
  epochs,
  epochs2,
  rowBits,
  folds,
  gazetteers: useGaz,
  clusters: useClusters,
  ...(useClusters && clustersFrom ? { clustersFrom } : {}),
  stage2: useStage2,
  ...(dev ? { devF1: { overall: f2(dev.overall.f1), ...Object.fromEntries(Object.entries(dev.byType).map(([t, s]) => [t, f2(s.f1)])) } } : {}),
  seconds: Math.round((Date.now() - t0) / 1000),
};
const bytes = writeModel(outPath, model);
log(`wrote ${outPath} (${(bytes / 1e6).toFixed(2)} MB); training took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
