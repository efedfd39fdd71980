// First-order Viterbi decoding. Transition matrix is (K+1) x (K+1): row K is the start state,
// column K the end state. Transitions scoring below -1e8 are treated as forbidden and skipped.

let delta = new Float64Array(0);
let back = new Uint8Array(0);
let cachedTrans: ArrayLike<number> | null = null;
let prevStart = new Int32Array(0); // per tag y: start offset into prevList
let prevList = new Int32Array(0);

function prepareLists(trans: ArrayLike<number>, K: number): void {
  const K1 = K + 1;
  prevStart = new Int32Array(K + 1);
  const list: number[] = [];
  for (let y = 0; y < K; y++) {
    prevStart[y] = list.length;
    for (let p = 0; p < K; p++) if (trans[p * K1 + y]! > -1e8) list.push(p);
  }
  prevStart[K] = list.length;
  prevList = Int32Array.from(list);
  cachedTrans = trans;
}

const CLOSED = Int32Array.from([0, 3, 4, 7, 8, 11, 12, 15, 16]); // O, L-x, U-x: may be followed by O, B-x, U-x
const STARTS = Int32Array.from([0, 1, 4, 5, 8, 9, 12, 13, 16]); // O, B-x, U-x

/**
 * Viterbi specialised for the 17 BILOU tags of tags.ts (O, then B I L U per type) under the BILOU
 * constraints: after O/L/U come O/B/U; after B/I of a type come I/L of the same type.
 */
export function viterbiBilou(scores: ArrayLike<number>, n: number, trans: ArrayLike<number>, out: Uint8Array): number {
  if (n === 0) return 0;
  const K = 17;
  const K1 = 18;
  if (delta.length < n * K) {
    delta = new Float64Array(n * K * 2);
    back = new Uint8Array(n * K * 2);
  }
  for (let y = 0; y < K; y++) delta[y] = trans[K * K1 + y]! + scores[y]!;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * K;
    const cur = t * K;
    for (let a = 0; a < 9; a++) {
      const y = STARTS[a]!;
      let best = -Infinity;
      let arg = 0;
      for (let b = 0; b < 9; b++) {
        const p = CLOSED[b]!;
        const v = delta[prev + p]! + trans[p * K1 + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[cur + y] = best + scores[cur + y]!;
      back[cur + y] = arg;
    }
    for (let ty = 0; ty < 4; ty++) {
      const B = 1 + 4 * ty;
      const I = B + 1;
      const L = B + 2;
      const dB = delta[prev + B]!;
      const dI = delta[prev + I]!;
      let v1 = dB + trans[B * K1 + I]!;
      let v2 = dI + trans[I * K1 + I]!;
      if (v1 >= v2) {
        delta[cur + I] = v1 + scores[cur + I]!;
        back[cur + I] = B;
      } else {
        delta[cur + I] = v2 + scores[cur + I]!;
        back[cur + I] = I;
      }
      v1 = dB + trans[B * K1 + L]!;
      v2 = dI + trans[I * K1 + L]!;
      if (v1 >= v2) {
        delta[cur + L] = v1 + scores[cur + L]!;
        back[cur + L] = B;
      } else {
        delta[cur + L] = v2 + scores[cur + L]!;
        back[cur + L] = I;
      }
    }
  }
  return finish(delta, back, n, K, trans, out);
}

/** scores: n*K emission scores; trans: (K+1)*(K+1); writes the best path to out[0..n). Returns its score. */
export function viterbi(scores: ArrayLike<number>, n: number, K: number, trans: ArrayLike<number>, out: Uint8Array): number {
  if (n === 0) return 0;
  const K1 = K + 1;
  if (trans !== cachedTrans || prevStart.length !== K + 1) prepareLists(trans, K);
  if (delta.length < n * K) {
    delta = new Float64Array(n * K * 2);
    back = new Uint8Array(n * K * 2);
  }
  for (let y = 0; y < K; y++) delta[y] = trans[K * K1 + y]! + scores[y]!;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * K;
    const cur = t * K;
    for (let y = 0; y < K; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = prevStart[y]!, e = prevStart[y + 1]!; q < e; q++) {
        const p = prevList[q]!;
        const v = delta[prev + p]! + trans[p * K1 + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[cur + y] = best + scores[cur + y]!;
      back[cur + y] = arg;
    }
  }
  return finish(delta, back, n, K, trans, out);
}

/** Best final state (with the end transition), then the path back from it; returns its score. */
function finish(delta: ArrayLike<number>, back: ArrayLike<number>, n: number, K: number, trans: ArrayLike<number>, out: Uint8Array): number {
  const K1 = K + 1;
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * K;
  for (let y = 0; y < K; y++) {
    const v = delta[last + y]! + trans[y * K1 + K]!;
    if (v > best) {
      best = v;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) {
    arg = back[t * K + arg]!;
    out[t - 1] = arg;
  }
  return best;
}
