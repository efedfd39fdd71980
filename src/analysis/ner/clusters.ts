// Word clustering with the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
// greedily move each word to the class that maximises the class-bigram log-likelihood
//   sum_{c,d} N(c,d) log N(c,d) - 2 sum_c N(c) log N(c).
// Pure and deterministic. Used at training time only.

/**
 * corpus: word ids (0 .. V-1). counts: unigram count of each id. Words are processed in the given
 * order (usually most frequent first). Returns the class of each word.
 */
export function exchangeCluster(
  corpus: Int32Array,
  V: number,
  K: number,
  iters: number,
  log?: (m: string) => void,
): Int32Array {
  // unigram counts
  const uni = new Float64Array(V);
  for (let i = 0; i < corpus.length; i++) uni[corpus[i]!]!++;
  // bigram counts -> CSR (right and left neighbours)
  const pairs = new Map<number, number>();
  for (let i = 1; i < corpus.length; i++) {
    const key = corpus[i - 1]! * V + corpus[i]!;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const keys = Float64Array.from(pairs.keys()).sort();
  const P = keys.length;
  const rStart = new Int32Array(V + 1);
  const rIdx = new Int32Array(P);
  const rCnt = new Float64Array(P);
  for (let i = 0; i < P; i++) rStart[Math.floor(keys[i]! / V) + 1]!++;
  for (let v = 0; v < V; v++) rStart[v + 1]! += rStart[v]!;
  for (let i = 0; i < P; i++) {
    const k = keys[i]!;
    rIdx[i] = k % V;
    rCnt[i] = pairs.get(k)!;
  }
  const lStart = new Int32Array(V + 1);
  const lIdx = new Int32Array(P);
  const lCnt = new Float64Array(P);
  for (let i = 0; i < P; i++) lStart[rIdx[i]! + 1]!++;
  for (let v = 0; v < V; v++) lStart[v + 1]! += lStart[v]!;
  const fill = lStart.slice(0, V);
  for (let a = 0; a < V; a++) {
    for (let j = rStart[a]!; j < rStart[a + 1]!; j++) {
      const b = rIdx[j]!;
      const p = fill[b]!++;
      lIdx[p] = a;
      lCnt[p] = rCnt[j]!;
    }
  }
  pairs.clear();
  // x log x table
  const TAB = Math.min(corpus.length + 2, 1 << 22);
  const xlx = new Float64Array(TAB);
  for (let x = 1; x < TAB; x++) xlx[x] = x * Math.log(x);
  const f = (x: number): number => (x < TAB ? xlx[x]! : x * Math.log(x));

  // word order: by frequency, descending (ties by id)
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => uni[b]! - uni[a]! || a - b);
  const cls = new Int32Array(V);
  order.forEach((w, r) => (cls[w] = r % K));
  const N = new Float64Array(K * K);
  const nc = new Float64Array(K);
  for (let w = 0; w < V; w++) nc[cls[w]!]! += uni[w]!;
  for (let a = 0; a < V; a++) for (let j = rStart[a]!; j < rStart[a + 1]!; j++) N[cls[a]! * K + cls[rIdx[j]!]!]! += rCnt[j]!;

  const R = new Float64Array(K);
  const L = new Float64Array(K);
  const rList = new Int32Array(K);
  const lList = new Int32Array(K);
  for (let it = 0; it < iters; it++) {
    let moves = 0;
    const t0 = Date.now();
    for (const w of order) {
      const a = cls[w]!;
      const nw = uni[w]!;
      let nr = 0;
      let nl = 0;
      let s = 0;
      for (let j = rStart[w]!; j < rStart[w + 1]!; j++) {
        const v = rIdx[j]!;
        if (v === w) {
          s += rCnt[j]!;
          continue;
        }
        const c = cls[v]!;
        if (R[c] === 0) rList[nr++] = c;
        R[c]! += rCnt[j]!;
      }
      for (let j = lStart[w]!; j < lStart[w + 1]!; j++) {
        const v = lIdx[j]!;
        if (v === w) continue;
        const c = cls[v]!;
        if (L[c] === 0) lList[nl++] = c;
        L[c]! += lCnt[j]!;
      }
      // remove w from a
      for (let q = 0; q < nr; q++) N[a * K + rList[q]!]! -= R[rList[q]!]!;
      for (let q = 0; q < nl; q++) N[lList[q]! * K + a]! -= L[lList[q]!]!;
      N[a * K + a]! -= s;
      nc[a]! -= nw;
      let best = a;
      let bestD = -Infinity;
      for (let b = 0; b < K; b++) {
        let d = 0;
        const rowB = b * K;
        for (let q = 0; q < nr; q++) {
          const c = rList[q]!;
          if (c === b) continue;
          const x = N[rowB + c]!;
          d += f(x + R[c]!) - f(x);
        }
        for (let q = 0; q < nl; q++) {
          const c = lList[q]!;
          if (c === b) continue;
          const x = N[c * K + b]!;
          d += f(x + L[c]!) - f(x);
        }
        const xbb = N[rowB + b]!;
        d += f(xbb + R[b]! + L[b]! + s) - f(xbb);
        d -= 2 * (f(nc[b]! + nw) - f(nc[b]!));
        if (d > bestD + 1e-9 || (b === a && d >= bestD - 1e-9)) {
          bestD = d;
          best = b;
        }
      }
      for (let q = 0; q < nr; q++) N[best * K + rList[q]!]! += R[rList[q]!]!;
      for (let q = 0; q < nl; q++) N[lList[q]! * K + best]! += L[lList[q]!]!;
      N[best * K + best]! += s;
      nc[best]! += nw;
      if (best !== a) {
        cls[w] = best;
        moves++;
      }
      for (let q = 0; q < nr; q++) R[rList[q]!] = 0;
      for (let q = 0; q < nl; q++) L[lList[q]!] = 0;
    }
    log?.(`exchange K=${K} iteration ${it + 1}: ${moves} moves, ${Date.now() - t0} ms`);
    if (moves < V * 0.002) break;
  }
  return cls;
}
