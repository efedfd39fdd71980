// Averaged structured perceptron (Collins 2002) over hashed feature rows, first-order Viterbi.

import { viterbi } from "./viterbi.ts";
import { NUM_TAGS, allowed, allowedEnd } from "./tags.ts";

export interface TrainSeq {
  feats: Int32Array; // n*F row indexes
  n: number;
  gold: Uint8Array; // BILOU ids
}

export interface Weights {
  W: Float32Array; // rows*K
  T: Float32Array; // (K+1)*(K+1)
}

export const NEG = -1e9;

/** Transition matrix with the BILOU constraints (NEG where disallowed, 0 elsewhere). */
export function transitionMask(): Float32Array {
  const K = NUM_TAGS;
  const K1 = K + 1;
  const m = new Float32Array(K1 * K1);
  for (let p = -1; p < K; p++) {
    const row = p < 0 ? K : p;
    for (let y = 0; y < K; y++) m[row * K1 + y] = allowed(p, y) ? 0 : NEG;
    m[row * K1 + K] = p < 0 ? NEG : allowedEnd(p) ? 0 : NEG;
  }
  return m;
}

export function scoreSeq(W: Float32Array, feats: Int32Array, n: number, F: number, K: number, out: Float32Array): void {
  for (let t = 0; t < n; t++) {
    const o = t * K;
    for (let y = 0; y < K; y++) out[o + y] = 0;
    const fb = t * F;
    for (let f = 0; f < F; f++) {
      const r = feats[fb + f]! * K;
      for (let y = 0; y < K; y++) out[o + y]! += W[r + y]!;
    }
  }
}

/** The reference mulberry32 (not src/seeded-random.ts's variant): the shipped model's training order depends on this sequence. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  rows: number;
  F: number;
  epochs: number;
  seed?: number;
  /** called after each epoch with the averaged weights so far */
  onEpoch?: (epoch: number, avg: Weights) => void;
  log?: (msg: string) => void;
}

export function trainPerceptron(seqs: readonly TrainSeq[], opt: TrainOptions): Weights {
  const K = NUM_TAGS;
  const K1 = K + 1;
  const F = opt.F;
  const size = opt.rows * K;
  const W = new Float32Array(size);
  const U = new Float64Array(size);
  const mask = transitionMask();
  const T = new Float32Array(mask);
  const TU = new Float64Array(K1 * K1);
  let maxN = 1;
  for (const s of seqs) maxN = Math.max(maxN, s.n);
  const scores = new Float32Array(maxN * K);
  const pred = new Uint8Array(maxN);
  const order = seqs.map((_, i) => i);
  const rnd = mulberry32(opt.seed ?? 1);
  let c = 1;
  const average = (): Weights => {
    const aW = new Float32Array(size);
    for (let i = 0; i < size; i++) aW[i] = W[i]! - U[i]! / c;
    const aT = new Float32Array(K1 * K1);
    for (let i = 0; i < aT.length; i++) aT[i] = mask[i]! < 0 ? NEG : T[i]! - TU[i]! / c;
    return { W: aW, T: aT };
  };
  for (let ep = 0; ep < opt.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let errs = 0;
    let toks = 0;
    const t0 = Date.now();
    for (const idx of order) {
      const s = seqs[idx]!;
      const n = s.n;
      scoreSeq(W, s.feats, n, F, K, scores);
      viterbi(scores, n, K, T, pred);
      toks += n;
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const g = s.gold[t]!;
        const p = pred[t]!;
        if (g === p) continue;
        wrong = true;
        errs++;
        const fb = t * F;
        for (let f = 0; f < F; f++) {
          const r = s.feats[fb + f]! * K;
          W[r + g]! += 1;
          U[r + g]! += c;
          W[r + p]! -= 1;
          U[r + p]! -= c;
        }
      }
      if (wrong) {
        for (let t = 0; t <= n; t++) {
          const gp = t === 0 ? K : s.gold[t - 1]!;
          const pp = t === 0 ? K : pred[t - 1]!;
          const gy = t === n ? K : s.gold[t]!;
          const py = t === n ? K : pred[t]!;
          if (gp === pp && gy === py) continue;
          T[gp * K1 + gy]! += 1;
          TU[gp * K1 + gy]! += c;
          T[pp * K1 + py]! -= 1;
          TU[pp * K1 + py]! -= c;
        }
      }
      c++;
    }
    opt.log?.(`epoch ${ep + 1}: token errors ${errs}/${toks} (${((100 * errs) / toks).toFixed(2)}%), ${Date.now() - t0} ms`);
    if (opt.onEpoch) opt.onEpoch(ep + 1, average());
  }
  return average();
}
