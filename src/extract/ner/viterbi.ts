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
