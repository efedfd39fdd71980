// The NER model: lexicon + two perceptron stages (local, then document-level), binary
// (de)serialisation and the tagger. Pure: no I/O (see model-file.ts for loading from disk).

import { IntMap } from "./hash.ts";
import type { Lexicon } from "./lexicon.ts";
import { Featurizer } from "./features.ts";
import { docFeatures } from "./docfeat.ts";
import { scoreSparse, type Weights } from "./perceptron.ts";
import { viterbi } from "./viterbi.ts";
import { NUM_TAGS, TYPES, bilouSpans, bilouToIob2 } from "./tags.ts";
import { normalizeToken, splitSentences, tokenize, type Token } from "./tokenize.ts";

/** One perceptron stage with only its non-zero rows kept. */
export interface Stage {
  /** row ids (sorted) that have weights */
  rows: Int32Array;
  /** rows.length * K quantised weights; the real weight is W[i] * scale */
  W: Int16Array;
  scale: number;
  /** 2^rowBits entries: row id -> offset into W (row index * K), or -1 */
  rowMap: Int32Array;
  /** (K+1)*(K+1) transition scores */
  T: Float32Array;
}

export interface NerModel {
  rowBits: number;
  lex: Lexicon;
  stage1: Stage;
  stage2: Stage | null;
  meta: Record<string, unknown>;
}

function buildRowMap(rows: Int32Array, rowBits: number): Int32Array {
  const m = new Int32Array(1 << rowBits).fill(-1);
  for (let i = 0; i < rows.length; i++) m[rows[i]!] = i * NUM_TAGS;
  return m;
}

/** Keep the rows of a dense weight table whose largest |weight| exceeds `prune`. */
export function compactStage(w: Weights, rowBits: number, prune = 0): Stage {
  const K = NUM_TAGS;
  const R = 1 << rowBits;
  const keep: number[] = [];
  for (let r = 0; r < R; r++) {
    let mx = 0;
    for (let y = 0; y < K; y++) mx = Math.max(mx, Math.abs(w.W[r * K + y]!));
    if (mx > prune) keep.push(r);
  }
  const rows = Int32Array.from(keep);
  const Wf = new Float32Array(rows.length * K);
  for (let i = 0; i < rows.length; i++) Wf.set(w.W.subarray(rows[i]! * K, rows[i]! * K + K), i * K);
  const { q, scale } = quantize(Wf);
  return { rows, W: q, scale, rowMap: buildRowMap(rows, rowBits), T: w.T };
}

export class Tagger {
  readonly f1: Featurizer;
  readonly f2: Featurizer | null;
  private feats = new Int32Array(0);
  private scores = new Float32Array(0);
  constructor(readonly model: NerModel) {
    const mask = (1 << model.rowBits) - 1;
    this.f1 = new Featurizer(model.lex, mask, NUM_TAGS, false);
    this.f2 = model.stage2 ? new Featurizer(model.lex, mask, NUM_TAGS, true) : null;
  }

  private run(fz: Featurizer, w: Stage, tokens: readonly string[], doc: Int32Array | null): Uint8Array {
    const n = tokens.length;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    fz.prepare(tokens);
    if (this.feats.length < n * fz.F) this.feats = new Int32Array(n * fz.F * 2);
    if (this.scores.length < n * NUM_TAGS) this.scores = new Float32Array(n * NUM_TAGS * 2);
    const feats = this.feats;
    fz.extract(feats, doc);
    const rowMap = w.rowMap;
    for (let k = n * fz.F - 1; k >= 0; k--) feats[k] = rowMap[feats[k]!]!;
    scoreSparse(w.W, w.scale, feats, n, fz.F, NUM_TAGS, this.scores);
    viterbi(this.scores, n, NUM_TAGS, w.T, out);
    return out;
  }

  /** Stage-1 (sentence-local) BILOU tags for a document. Tokens must be normalised. */
  tagLocal(sentences: readonly (readonly string[])[]): Uint8Array[] {
    return sentences.map((s) => this.run(this.f1, this.model.stage1, s, null));
  }

  /** BILOU tags for a document given as sentences of tokens (tokens are normalised here). */
  tagDocument(sentences: readonly (readonly string[])[]): Uint8Array[] {
    const norm = sentences.map((s) => s.map(normalizeToken));
    const first = this.tagLocal(norm);
    if (!this.f2 || !this.model.stage2) return first;
    const doc = docFeatures(norm, first);
    return norm.map((s, i) => this.run(this.f2!, this.model.stage2!, s, doc[i]!));
  }

  /** IOB2 tag strings for a document given as sentences of tokens. */
  tagDocumentIob(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagDocument(sentences).map((t) => bilouToIob2(t));
  }

  /** Tokenize and tag raw text (one document); returns entity mentions with char offsets. */
  tagText(text: string): { type: string; text: string; start: number; end: number }[] {
    const sents: Token[][] = splitSentences(text, tokenize(text));
    const tags = this.tagDocument(sents.map((s) => s.map((t) => t.text)));
    const out: { type: string; text: string; start: number; end: number }[] = [];
    sents.forEach((s, i) => {
      for (const sp of bilouSpans(tags[i]!)) {
        const start = s[sp.start]!.start;
        const end = s[sp.end - 1]!.end;
        out.push({ type: TYPES[sp.type]!, text: text.slice(start, end), start, end });
      }
    });
    return out;
  }
}

// ---- binary format ----
// "NERB" | u32 version | u32 headerLen | header JSON | padding to 4 | sections (4-byte aligned)

const MAGIC = 0x4252454e; // "NERB" little-endian
const VERSION = 2;

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

export function serializeModel(m: NerModel): Uint8Array {
  const parts: { name: string; kind: Section["kind"]; data: ArrayBufferView; scale?: number }[] = [];
  const addMap = (name: string, map: IntMap) => {
    parts.push({ name: `${name}.keys`, kind: "i32", data: map.keys });
    parts.push({ name: `${name}.vals`, kind: "i32", data: map.vals });
  };
  addMap("words", m.lex.words);
  addMap("lower", m.lex.lower);
  addMap("phrases", m.lex.phrases);
  const addStage = (name: string, w: Stage) => {
    parts.push({ name: `${name}.rows`, kind: "i32", data: w.rows });
    parts.push({ name: `${name}.W`, kind: "i16", data: w.W, scale: w.scale });
    parts.push({ name: `${name}.T`, kind: "f32", data: w.T });
  };
  addStage("stage1", m.stage1);
  if (m.stage2) addStage("stage2", m.stage2);
  const sections: Section[] = [];
  let off = 0;
  for (const p of parts) {
    const bytes = p.data.byteLength;
    sections.push({ name: p.name, kind: p.kind, offset: off, length: bytes, ...(p.scale !== undefined ? { scale: p.scale } : {}) });
    off += (bytes + 3) & ~3;
  }
  const header = new TextEncoder().encode(
    JSON.stringify({ rowBits: m.rowBits, gazNames: m.lex.gazNames, clusterLevels: m.lex.clusterLevels, hasStage2: !!m.stage2, meta: m.meta, sections }),
  );
  const headLen = (12 + header.length + 3) & ~3;
  const buf = new Uint8Array(headLen + off);
  const dv = new DataView(buf.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, header.length, true);
  buf.set(header, 12);
  parts.forEach((p, i) => {
    buf.set(new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength), headLen + sections[i]!.offset);
  });
  return buf;
}

export function deserializeModel(buf: Uint8Array): NerModel {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error("not an NER model file");
  if (dv.getUint32(4, true) !== VERSION) throw new Error("unsupported NER model version");
  const hlen = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + hlen))) as {
    rowBits: number;
    gazNames: string[];
    clusterLevels: number;
    hasStage2: boolean;
    meta: Record<string, unknown>;
    sections: Section[];
  };
  const base = (12 + hlen + 3) & ~3;
  // copy into an aligned buffer so typed views work whatever the input's offset
  const body = new ArrayBuffer(buf.length - base);
  new Uint8Array(body).set(buf.subarray(base));
  const get = (name: string): Section => {
    const s = header.sections.find((x) => x.name === name);
    if (!s) throw new Error(`model section ${name} missing`);
    return s;
  };
  const i32 = (name: string) => {
    const s = get(name);
    return new Int32Array(body, s.offset, s.length / 4);
  };
  const map = (name: string) => IntMap.fromArrays(i32(`${name}.keys`), i32(`${name}.vals`));
  const stage = (name: string): Stage => {
    const ws = get(`${name}.W`);
    const W = new Int16Array(body, ws.offset, ws.length / 2);
    const scale = ws.scale ?? 1;
    const ts = get(`${name}.T`);
    const rows = i32(`${name}.rows`);
    return { rows, W, scale, rowMap: buildRowMap(rows, header.rowBits), T: new Float32Array(body.slice(ts.offset, ts.offset + ts.length)) };
  };
  return {
    rowBits: header.rowBits,
    lex: {
      words: map("words"),
      lower: map("lower"),
      phrases: map("phrases"),
      gazNames: header.gazNames,
      clusterLevels: header.clusterLevels,
    },
    stage1: stage("stage1"),
    stage2: header.hasStage2 ? stage("stage2") : null,
    meta: header.meta,
  };
}
