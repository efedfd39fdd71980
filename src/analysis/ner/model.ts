// The NER model: lexicon + two perceptron stages (local, then document-level), binary
// (de)serialisation and the tagger. Pure: no I/O (src/analysis/runtime/ner-model.ts loads it from disk).

import { IntMap } from "./hash.ts";
import type { Lexicon } from "./lexicon.ts";
import { Featurizer, NB_SLOTS, NUM_DOC, NUM_INTRINSIC, NUM_NEIGHBOUR, NUM_STATIC, docFeatureHash } from "./features.ts";

/** context feature rows per token scored explicitly (the rest come from per-type caches) */
const F_CTX = NUM_STATIC - NUM_INTRINSIC - NUM_NEIGHBOUR;
import { docFeatures } from "./docfeat.ts";
import type { Weights } from "./perceptron.ts";
import { viterbiBilou } from "./viterbi.ts";
import { NUM_TAGS, TYPES, bilouSpans, bilouToIob2 } from "./tags.ts";
import { normalizeToken } from "./normalize.ts";
import { tokenize } from "../tokenize.ts";
import { splitSentences } from "../sentences.ts";

/** A token as the tagger needs it: its text as written and its offsets. */
export type TaggerToken = { text: string; start: number; end: number };

/** An entity the tagger found: a CoNLL type (PER, ORG, LOC, MISC) over a span of the text. */
export interface TaggedSpan {
  type: string;
  text: string;
  start: number;
  end: number;
}

/** One perceptron stage, over the model's shared compact row space. */
export interface Stage {
  /** (rows.length + 1) * K quantised weights (row 0 is all zeros); the real weight is W[i] * scale */
  W: Int16Array;
  scale: number;
  /** (K+1)*(K+1) transition scores */
  T: Float32Array;
}

export interface NerModel {
  rowBits: number;
  lex: Lexicon;
  /** hashed feature row ids that have a non-zero weight in some stage (most used first) */
  rows: Int32Array;
  /** 2^rowBits entries: row id -> offset into each stage's W (compact index * K); 0 = zero row */
  rowMap: Int32Array;
  stage1: Stage;
  stage2: Stage | null;
  meta: Record<string, unknown>;
}

function buildRowMap(rows: Int32Array, rowBits: number): Int32Array {
  const m = new Int32Array(1 << rowBits);
  for (let i = 0; i < rows.length; i++) m[rows[i]!] = (i + 1) * NUM_TAGS;
  return m;
}

/**
 * Build a model from dense trained weights: keep the rows whose largest |weight| (in any stage)
 * exceeds `prune`, order them by `usage` (most used first, so hot rows share cache lines) and
 * quantise each stage to Int16.
 */
export function buildModel(
  rowBits: number,
  lex: Lexicon,
  w1: Weights,
  w2: Weights | null,
  opt: { prune?: number; usage?: Uint32Array; meta?: Record<string, unknown> } = {},
): NerModel {
  const K = NUM_TAGS;
  const R = 1 << rowBits;
  const prune = opt.prune ?? 0;
  const keep: number[] = [];
  for (let r = 0; r < R; r++) {
    let mx = 0;
    for (const w of w2 ? [w1, w2] : [w1]) for (let y = 0; y < K; y++) mx = Math.max(mx, Math.abs(w.W[r * K + y]!));
    if (mx > prune) keep.push(r);
  }
  const usage = opt.usage;
  if (usage) keep.sort((a, b) => usage[b]! - usage[a]! || a - b);
  const rows = Int32Array.from(keep);
  const stage = (w: Weights): Stage => {
    const Wf = new Float32Array((rows.length + 1) * K);
    for (let i = 0; i < rows.length; i++) Wf.set(w.W.subarray(rows[i]! * K, rows[i]! * K + K), (i + 1) * K);
    const { q, scale } = quantize(Wf);
    return { W: q, scale, T: w.T };
  };
  return { rowBits, lex, rows, rowMap: buildRowMap(rows, rowBits), stage1: stage(w1), stage2: w2 ? stage(w2) : null, meta: opt.meta ?? {} };
}

/** How often each feature row occurs in the given feature arrays. */
export function rowUsage(featArrays: Iterable<Int32Array>, rowBits: number, into?: Uint32Array): Uint32Array {
  const u = into ?? new Uint32Array(1 << rowBits);
  for (const f of featArrays) for (let i = 0; i < f.length; i++) u[f[i]!]!++;
  return u;
}

/**
 * Per-stage cache of summed weights per word type: slot 0 the token's intrinsic features, slots
 * 1-4 its features as the neighbour at i-1, i+1, i-2, i+2. Quantised units.
 */
interface PartialCache {
  /** The 6 boundary rows (BOUNDARY values, see Featurizer.boundaryRows), then types * 5 * 17. */
  sums: Int32Array;
  done: Uint8Array;
  generation: number;
}
const SLOTS = 5;
/**
 * The sentence-boundary rows (BOS@-1, EOS@+1, BOS@-2, BOS2@-2, EOS@+2, EOS2@+2) sit before
 * the types' sums in the same array, so that a token's five contributions are read from
 * one array at five offsets, whatever its position.
 */
const BOUNDARY = 6 * 17;

export class Tagger {
  readonly fz: Featurizer;
  private scores = new Float32Array(0);
  private caches: PartialCache[] = [];
  constructor(readonly model: NerModel) {
    if (NUM_TAGS !== 17) throw new Error("the scorer is specialised for 17 tags");
    const mask = (1 << model.rowBits) - 1;
    this.fz = new Featurizer(model.lex, mask, NUM_TAGS, false);
    for (let i = 0; i < 2; i++) this.caches.push({ sums: new Int32Array(0), done: new Uint8Array(0), generation: -1 });
  }

  /**
   * Stage-1 context feature rows of a sentence, mapped to compact offsets (the single-token
   * features come from the per-type caches). Reused by stage 2.
   */
  private staticRows(tids: Int32Array): Int32Array {
    const n = tids.length;
    const fz = this.fz;
    fz.prepareTypes(tids, n);
    const feats = new Int32Array(n * F_CTX);
    fz.extract(feats, null, true, false, true);
    const rowMap = this.model.rowMap;
    for (let k = n * F_CTX - 1; k >= 0; k--) feats[k] = rowMap[feats[k]!]!;
    return feats;
  }

  /** Stage-2 rows: the stage-1 context rows plus the document-level feature rows. */
  private stage2Rows(rows1: Int32Array, doc: Int32Array, n: number): Int32Array {
    const F2 = F_CTX + NUM_DOC;
    const out = new Int32Array(n * F2);
    const rowMap = this.model.rowMap;
    const mask = (1 << this.model.rowBits) - 1;
    for (let i = 0; i < n; i++) {
      const o = i * F2;
      const s = i * F_CTX;
      for (let k = 0; k < F_CTX; k++) out[o + k] = rows1[s + k]!;
      for (let d = 0; d < NUM_DOC; d++) out[o + F_CTX + d] = rowMap[docFeatureHash(d, doc[i * NUM_DOC + d]!) & mask]!;
    }
    return out;
  }

  /** Emission scores (cached per-type sums + context rows) and Viterbi for one stage. */
  private decode(stageNo: number, w: Stage, tids: Int32Array, feats: Int32Array, F: number): Uint8Array {
    const n = tids.length;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    const K = NUM_TAGS;
    const fz = this.fz;
    if (this.scores.length < n * K) this.scores = new Float32Array(n * K * 2);
    const rowMap = this.model.rowMap;
    const W = w.W;
    const c = this.caches[stageNo]!;
    if (c.generation !== fz.generation) {
      c.done = new Uint8Array(1024);
      c.sums = new Int32Array(BOUNDARY + 1024 * SLOTS * K);
      c.generation = fz.generation;
      fz.boundaryRows.forEach((rows, b) => {
        for (const r0 of rows) {
          const r = rowMap[r0]!;
          for (let y = 0; y < K; y++) c.sums[b * K + y]! += W[r + y]!;
        }
      });
    }
    const tid = tids;
    const intr = fz.tIntr;
    const nb = fz.tNb;
    for (let i = 0; i < n; i++) {
      const t = tid[i]!;
      if (t >= c.done.length) {
        const cap = Math.max(t + 1, c.done.length * 2);
        const d = new Uint8Array(cap);
        d.set(c.done);
        const sm = new Int32Array(BOUNDARY + cap * SLOTS * K);
        sm.set(c.sums);
        c.done = d;
        c.sums = sm;
      }
      if (c.done[t]) continue;
      c.done[t] = 1;
      const sums = c.sums;
      const so = BOUNDARY + t * SLOTS * K;
      for (let k = 0; k < NUM_INTRINSIC; k++) {
        const r = rowMap[intr[t * NUM_INTRINSIC + k]!]!;
        for (let y = 0; y < K; y++) sums[so + y]! += W[r + y]!;
      }
      let k = 0;
      for (let slot = 0; slot < 4; slot++) {
        const o = so + (slot + 1) * K;
        for (let m = 0; m < NB_SLOTS[slot]!; m++, k++) {
          const r = rowMap[nb[t * NUM_NEIGHBOUR + k]!]!;
          for (let y = 0; y < K; y++) sums[o + y]! += W[r + y]!;
        }
      }
    }
    scoreTokens(W, w.scale, feats, n, F, c.sums, tid, this.scores);
    viterbiBilou(this.scores, n, w.T, out);
    return out;
  }

  /**
   * Gives back the per-word-type caches (the featurizer's and the summed weights per stage)
   * and the score buffers sized for the longest sentence seen: after a very large document
   * they would hold tens of MB until the thread's next document of that size.
   */
  forgetWordTypes(): void {
    this.fz.forgetTypes();
    for (const c of this.caches) {
      c.sums = new Int32Array(0);
      c.done = new Uint8Array(0);
    }
    this.scores = new Float32Array(0);
  }

  /** Type ids of a document's tokens (normalised here), all from one type-cache generation. */
  private typeIds(sentences: readonly (readonly string[])[]): Int32Array[] {
    const fz = this.fz;
    for (;;) {
      const gen = fz.generation;
      const tids = sentences.map((s) => {
        const t = new Int32Array(s.length);
        for (let i = 0; i < s.length; i++) t[i] = fz.typeId(normalizeToken(s[i]!));
        return t;
      });
      if (fz.generation === gen) return tids;
    }
  }

  private stage1(tids: Int32Array[]): { tags: Uint8Array[]; rows: Int32Array[] } {
    const rows = tids.map((t) => this.staticRows(t));
    const tags = tids.map((t, i) => this.decode(0, this.model.stage1, t, rows[i]!, F_CTX));
    return { tags, rows };
  }

  /** Stage-1 (sentence-local) BILOU tags for a document. */
  tagLocal(sentences: readonly (readonly string[])[]): Uint8Array[] {
    return this.stage1(this.typeIds(sentences)).tags;
  }

  /** Document-level feature values from this model's stage-1 predictions (used in training). */
  localDocFeatures(sentences: readonly (readonly string[])[]): Int32Array[] {
    const tids = this.typeIds(sentences);
    const first = this.stage1(tids).tags;
    return docFeatures(
      tids.map((t) => this.fz.docInfo(t)),
      first,
    );
  }

  /** BILOU tags for a document given as sentences of tokens (tokens are normalised here). */
  tagDocument(sentences: readonly (readonly string[])[]): Uint8Array[] {
    const tids = this.typeIds(sentences);
    const first = this.stage1(tids);
    const stage2 = this.model.stage2;
    if (!stage2) return first.tags;
    const doc = docFeatures(
      tids.map((t) => this.fz.docInfo(t)),
      first.tags,
    );
    return tids.map((t, i) => this.decode(1, stage2, t, this.stage2Rows(first.rows[i]!, doc[i]!, t.length), F_CTX + NUM_DOC));
  }

  /** IOB2 tag strings for a document given as sentences of tokens. */
  tagDocumentIob(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagDocument(sentences).map((t) => bilouToIob2(t));
  }

  /**
   * Entities in one document given as the pipeline's sentences of tokens (src/analysis/pipeline.ts),
   * with character offsets into `text`.
   */
  tagSentences(text: string, sents: readonly (readonly TaggerToken[])[]): TaggedSpan[] {
    const tags = this.tagDocument(sents.map((s) => s.map((t) => t.text)));
    const out: TaggedSpan[] = [];
    sents.forEach((s, i) => {
      for (const sp of bilouSpans(tags[i]!)) {
        const start = s[sp.start]!.start;
        const end = s[sp.end - 1]!.end;
        out.push({ type: TYPES[sp.type]!, text: text.slice(start, end), start, end });
      }
    });
    return out;
  }

  /** Raw text (one document) through the pipeline's tokenizer and sentences, then tagged. */
  tagText(text: string): TaggedSpan[] {
    return this.tagSentences(text, splitSentences(text, tokenize(text)));
  }
}

/**
 * Emission scores: each token's cached per-type sums (its own intrinsic features and its
 * neighbours' contributions at i-1, i+1, i-2, i+2, or the boundary rows past the sentence's
 * ends), plus the F context feature rows of each token (offsets into W; absent rows point at
 * the zero row). Unrolled for the 17 tags; the five sums are added in registers, not
 * through an array (a fifth of the tagger's time went to that array's writes and reads).
 */
function scoreTokens(W: Int16Array, scale: number, feats: Int32Array, n: number, F: number, S: Int32Array, tid: Int32Array, out: Float32Array): void {
  const K = 17;
  const T = SLOTS * K;
  for (let t = 0; t < n; t++) {
    const o = t * K;
    const s0 = BOUNDARY + tid[t]! * T;
    const p1 = t > 0 ? BOUNDARY + tid[t - 1]! * T + K : 0;
    const n1 = t + 1 < n ? BOUNDARY + tid[t + 1]! * T + 2 * K : K;
    const p2 = t > 1 ? BOUNDARY + tid[t - 2]! * T + 3 * K : t > 0 ? 2 * K : 3 * K;
    const n2 = t + 2 < n ? BOUNDARY + tid[t + 2]! * T + 4 * K : t + 1 < n ? 4 * K : 5 * K;
    let a0 = S[s0 + 0]! + S[p1 + 0]! + S[n1 + 0]! + S[p2 + 0]! + S[n2 + 0]!;
    let a1 = S[s0 + 1]! + S[p1 + 1]! + S[n1 + 1]! + S[p2 + 1]! + S[n2 + 1]!;
    let a2 = S[s0 + 2]! + S[p1 + 2]! + S[n1 + 2]! + S[p2 + 2]! + S[n2 + 2]!;
    let a3 = S[s0 + 3]! + S[p1 + 3]! + S[n1 + 3]! + S[p2 + 3]! + S[n2 + 3]!;
    let a4 = S[s0 + 4]! + S[p1 + 4]! + S[n1 + 4]! + S[p2 + 4]! + S[n2 + 4]!;
    let a5 = S[s0 + 5]! + S[p1 + 5]! + S[n1 + 5]! + S[p2 + 5]! + S[n2 + 5]!;
    let a6 = S[s0 + 6]! + S[p1 + 6]! + S[n1 + 6]! + S[p2 + 6]! + S[n2 + 6]!;
    let a7 = S[s0 + 7]! + S[p1 + 7]! + S[n1 + 7]! + S[p2 + 7]! + S[n2 + 7]!;
    let a8 = S[s0 + 8]! + S[p1 + 8]! + S[n1 + 8]! + S[p2 + 8]! + S[n2 + 8]!;
    let a9 = S[s0 + 9]! + S[p1 + 9]! + S[n1 + 9]! + S[p2 + 9]! + S[n2 + 9]!;
    let a10 = S[s0 + 10]! + S[p1 + 10]! + S[n1 + 10]! + S[p2 + 10]! + S[n2 + 10]!;
    let a11 = S[s0 + 11]! + S[p1 + 11]! + S[n1 + 11]! + S[p2 + 11]! + S[n2 + 11]!;
    let a12 = S[s0 + 12]! + S[p1 + 12]! + S[n1 + 12]! + S[p2 + 12]! + S[n2 + 12]!;
    let a13 = S[s0 + 13]! + S[p1 + 13]! + S[n1 + 13]! + S[p2 + 13]! + S[n2 + 13]!;
    let a14 = S[s0 + 14]! + S[p1 + 14]! + S[n1 + 14]! + S[p2 + 14]! + S[n2 + 14]!;
    let a15 = S[s0 + 15]! + S[p1 + 15]! + S[n1 + 15]! + S[p2 + 15]! + S[n2 + 15]!;
    let a16 = S[s0 + 16]! + S[p1 + 16]! + S[n1 + 16]! + S[p2 + 16]! + S[n2 + 16]!;
    const fb = t * F;
    for (let f = 0; f < F; f++) {
      const r = feats[fb + f]!;
      a0 += W[r + 0]!;
      a1 += W[r + 1]!;
      a2 += W[r + 2]!;
      a3 += W[r + 3]!;
      a4 += W[r + 4]!;
      a5 += W[r + 5]!;
      a6 += W[r + 6]!;
      a7 += W[r + 7]!;
      a8 += W[r + 8]!;
      a9 += W[r + 9]!;
      a10 += W[r + 10]!;
      a11 += W[r + 11]!;
      a12 += W[r + 12]!;
      a13 += W[r + 13]!;
      a14 += W[r + 14]!;
      a15 += W[r + 15]!;
      a16 += W[r + 16]!;
    }
    out[o + 0] = a0 * scale;
    out[o + 1] = a1 * scale;
    out[o + 2] = a2 * scale;
    out[o + 3] = a3 * scale;
    out[o + 4] = a4 * scale;
    out[o + 5] = a5 * scale;
    out[o + 6] = a6 * scale;
    out[o + 7] = a7 * scale;
    out[o + 8] = a8 * scale;
    out[o + 9] = a9 * scale;
    out[o + 10] = a10 * scale;
    out[o + 11] = a11 * scale;
    out[o + 12] = a12 * scale;
    out[o + 13] = a13 * scale;
    out[o + 14] = a14 * scale;
    out[o + 15] = a15 * scale;
    out[o + 16] = a16 * scale;
  }
}

// ---- a model directory: config.json and two files of sections (weights, lexicon) ----

const MAGIC = 0x4252454e; // "NERB" little-endian
/** Changes whenever feature extraction changes incompatibly (checked when a model is loaded). */
const FEATURE_LAYOUT = `static${NUM_STATIC}-doc${NUM_DOC}-v1`;
const VERSION = 5;

interface Section {
  name: string;
  kind: "i32" | "f32" | "i16";
  offset: number;
  length: number;
  scale?: number;
}

function quantize(w: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { q, scale };
}

type Part = { name: string; kind: Section["kind"]; data: ArrayBufferView; scale?: number };

/** One file of sections: "NERB" | u32 version | u32 headerLen | header JSON | padding | sections. */
function writeSections(head: Record<string, unknown>, parts: Part[]): Uint8Array {
  const sections: Section[] = [];
  let off = 0;
  for (const p of parts) {
    const bytes = p.data.byteLength;
    sections.push({ name: p.name, kind: p.kind, offset: off, length: bytes, ...(p.scale !== undefined ? { scale: p.scale } : {}) });
    off += (bytes + 3) & ~3;
  }
  const header = new TextEncoder().encode(JSON.stringify({ ...head, sections }));
  const headLen = (12 + header.length + 3) & ~3;
  const buf = new Uint8Array(headLen + off);
  const dv = new DataView(buf.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, header.length, true);
  buf.set(header, 12);
  parts.forEach((p, i) => buf.set(new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength), headLen + sections[i]!.offset));
  return buf;
}

function readSections<H>(buf: Uint8Array, what: string): { header: H; get(name: string): Section; body: ArrayBuffer; i32(name: string): Int32Array } {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 12 || dv.getUint32(0, true) !== MAGIC) throw new Error(`not an NER model ${what} file`);
  if (dv.getUint32(4, true) !== VERSION) throw new Error(`unsupported NER model ${what} version: retrain with npm run ner:train`);
  const hlen = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + hlen))) as H & { sections: Section[] };
  const base = (12 + hlen + 3) & ~3;
  // copy into an aligned buffer so typed views work whatever the input's offset
  const body = new ArrayBuffer(buf.length - base);
  new Uint8Array(body).set(buf.subarray(base));
  const get = (name: string): Section => {
    const s = header.sections.find((x) => x.name === name);
    if (!s) throw new Error(`NER model ${what} section ${name} missing`);
    return s;
  };
  return { header, get, body, i32: (name) => new Int32Array(body, get(name).offset, get(name).length / 4) };
}

/** What a model directory's config.json says (`npm run ner:train` writes it). */
export interface NerModelConfig {
  /** The tagger that reads this directory: the pipeline's NER component is chosen by it. */
  component: "averaged-perceptron";
  /** Entity types, in the order of the tag ids. */
  labels: string[];
  tagScheme: "BILOU";
  /** The feature extraction the weights were trained with (src/analysis/ner/features.ts). */
  features: string;
  /** The files of the directory: feature weights, and the lexicon (word clusters, corpus statistics, gazetteers, hashed). */
  files: { weights: string; lexicon: string };
  /** The gazetteers (word lists) in the lexicon, in the order of their feature slots. */
  gazetteers: string[];
  /** How it was trained (npm run ner:train's options). */
  training: Record<string, unknown>;
}

/** The parts of a model directory, uncompressed: config.json, the weights and the lexicon. */
export interface NerModelParts {
  config: NerModelConfig;
  weights: Uint8Array;
  lexicon: Uint8Array;
}

export function serializeModel(m: NerModel, files = { weights: "weights.bin.gz", lexicon: "lexicon.bin.gz" }): NerModelParts {
  const parts: Part[] = [];
  const addMap = (name: string, map: IntMap) => {
    parts.push({ name: `${name}.keys`, kind: "i32", data: map.keys });
    parts.push({ name: `${name}.vals`, kind: "i32", data: map.vals });
  };
  addMap("words", m.lex.words);
  addMap("lower", m.lex.lower);
  addMap("phrases", m.lex.phrases);
  const lexicon = writeSections({ gazNames: m.lex.gazNames, clusterLevels: m.lex.clusterLevels }, parts.splice(0));
  parts.push({ name: "rows", kind: "i32", data: m.rows });
  const addStage = (name: string, w: Stage) => {
    parts.push({ name: `${name}.W`, kind: "i16", data: w.W, scale: w.scale });
    parts.push({ name: `${name}.T`, kind: "f32", data: w.T });
  };
  addStage("stage1", m.stage1);
  if (m.stage2) addStage("stage2", m.stage2);
  const weights = writeSections({ rowBits: m.rowBits, features: FEATURE_LAYOUT, hasStage2: !!m.stage2 }, parts);
  const config: NerModelConfig = {
    component: "averaged-perceptron",
    labels: [...TYPES],
    tagScheme: "BILOU",
    features: FEATURE_LAYOUT,
    files,
    gazetteers: m.lex.gazNames,
    training: m.meta,
  };
  return { config, weights, lexicon };
}

export function deserializeModel({ config, weights, lexicon }: NerModelParts): NerModel {
  if (config.component !== "averaged-perceptron") throw new Error(`NER model component ${JSON.stringify(config.component)} is not this tagger's (averaged-perceptron)`);
  const w = readSections<{ rowBits: number; features?: string; hasStage2: boolean }>(weights, "weights");
  if (w.header.features !== FEATURE_LAYOUT) {
    throw new Error(`NER model was trained with feature layout ${w.header.features}, this code computes ${FEATURE_LAYOUT}: retrain with npm run ner:train`);
  }
  if (config.labels.join() !== TYPES.join()) throw new Error(`NER model labels ${config.labels.join(", ")} are not this tagger's ${TYPES.join(", ")}`);
  const l = readSections<{ gazNames: string[]; clusterLevels: number }>(lexicon, "lexicon");
  const map = (name: string) => IntMap.fromArrays(l.i32(`${name}.keys`), l.i32(`${name}.vals`));
  const stage = (name: string): Stage => {
    const ws = w.get(`${name}.W`);
    const W = new Int16Array(w.body, ws.offset, ws.length / 2);
    const scale = ws.scale ?? 1;
    const ts = w.get(`${name}.T`);
    return { W, scale, T: new Float32Array(w.body.slice(ts.offset, ts.offset + ts.length)) };
  };
  const rows = w.i32("rows");
  return {
    rowBits: w.header.rowBits,
    rows,
    rowMap: buildRowMap(rows, w.header.rowBits),
    lex: {
      words: map("words"),
      lower: map("lower"),
      phrases: map("phrases"),
      gazNames: l.header.gazNames,
      clusterLevels: l.header.clusterLevels,
    },
    stage1: stage("stage1"),
    stage2: w.header.hasStage2 ? stage("stage2") : null,
    meta: config.training,
  };
}
