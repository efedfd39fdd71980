// Document-level (non-local) features for the second stage, computed from the first stage's
// predictions over the whole document (Krishnan & Manning 2006 style label-consistency features).

import { lowerCode } from "./hash.ts";
import { IntMap } from "./hash.ts";
import { NUM_TAGS, tagPos, tagType } from "./tags.ts";

/** Document-level feature slots per token. */
export const NUM_DOC = 12;

/** Per-sentence token information the document features need. */
export interface DocTokenInfo {
  /** lower-case hash of each token */
  hL: Int32Array;
  /** bit 0: first character is upper-case; bit 1: the token has an ASCII lower-case letter */
  flags: Uint8Array;
}

/** The DocTokenInfo flags of one token string. */
export function docFlags(s: string): number {
  const c = s.charCodeAt(0);
  let f = lowerCode(c) !== c ? 1 : 0;
  for (let k = 0; k < s.length; k++) {
    const d = s.charCodeAt(k);
    if (d >= 97 && d <= 122) {
      f |= 2;
      break;
    }
  }
  return f;
}

const STRIDE = NUM_TAGS + 3;
const BOS_CTX = 0x1b873593;
const EOS_CTX = 0x38b34ae5;
const NONE_CTX = 0x7fff0001;
const NOCAP_CTX = 0x7ffe0002; // per-tag counts, then capitalised-O, lower-case occurrences, total

/**
 * info: token information per sentence; pred: stage-1 BILOU tags per sentence.
 * Returns per sentence an Int32Array of n*NUM_DOC feature values.
 */
export function docFeatures(info: readonly DocTokenInfo[], pred: readonly Uint8Array[]): Int32Array[] {
  // dense ids for the lower-case word forms of the document
  const index = new IntMap(256);
  let nIds = 0;
  const ids = info.map(({ hL }) => {
    const out = new Int32Array(hL.length);
    for (let i = 0; i < hL.length; i++) {
      let id = index.get(hL[i]!);
      if (id === -1) index.set(hL[i]!, (id = nIds++));
      out[i] = id;
    }
    return out;
  });
  const counts = new Int32Array(nIds * STRIDE);
  const capOcc = new Int32Array(nIds); // capitalised occurrences
  for (let si = 0; si < info.length; si++) {
    const flags = info[si]!.flags;
    const sid = ids[si]!;
    const tags = pred[si]!;
    const n = sid.length;
    let headline = true;
    for (let i = 0; i < n; i++) if (flags[i]! & 2) headline = false;
    for (let i = 0; i < n; i++) {
      const o = sid[i]! * STRIDE;
      counts[o + STRIDE - 1]!++;
      const tag = tags[i]!;
      const cap = flags[i]! & 1;
      if (tag !== 0) counts[o + tag]!++;
      else if (cap && i > 0 && !headline) counts[o + NUM_TAGS]!++;
      if (!cap) counts[o + NUM_TAGS + 1]!++;
      else capOcc[sid[i]!]!++;
    }
  }
  // context aggregation (Ratinov & Roth 2009): the words before / after the other capitalised
  // occurrences of the same word in the document (only words seen capitalised twice or more)
  const prevCtx: (Map<number, number> | undefined)[] = new Array(nIds);
  const nextCtx: (Map<number, number> | undefined)[] = new Array(nIds);
  const addCtx = (m: (Map<number, number> | undefined)[], id: number, c: number) => {
    let e = m[id];
    if (!e) m[id] = e = new Map();
    e.set(c, (e.get(c) ?? 0) + 1);
  };
  for (let si = 0; si < info.length; si++) {
    const { hL: hs, flags } = info[si]!;
    const sid = ids[si]!;
    const n = hs.length;
    for (let i = 0; i < n; i++) {
      if (!(flags[i]! & 1) || capOcc[sid[i]!]! < 2) continue;
      addCtx(prevCtx, sid[i]!, i > 0 ? hs[i - 1]! : BOS_CTX);
      addCtx(nextCtx, sid[i]!, i + 1 < n ? hs[i + 1]! : EOS_CTX);
    }
  }
  // Each word's contexts ranked once (count desc; ties in first-seen order): ranking them
  // again at every occurrence made a long document quadratic in a frequent word.
  const MAX_WANT = 3;
  // The kept few go back to first-seen order, the tie-break of a full ranking.
  const ranked = (m: (Map<number, number> | undefined)[]) =>
    m.map((e) => {
      if (!e) return undefined;
      const seen = [...e].map(([c, n], order) => [c, n, order] as const);
      const kept = seen.sort((a, b) => b[1] - a[1]).slice(0, MAX_WANT + 1);
      return kept.sort((a, b) => a[2] - b[2]).map(([c, n]): [number, number] => [c, n]);
    });
  const prevRanked = ranked(prevCtx);
  const nextRanked = ranked(nextCtx);
  /**
   * The `want` most frequent context words other than this occurrence's own. This occurrence
   * lowers only its own context's count by one, so the answer lies among the first want+1.
   */
  const topCtx = (top: [number, number][] | undefined, own: number, outArr: Int32Array, at: number, want: number) => {
    for (let k = 0; k < want; k++) outArr[at + k] = NONE_CTX + k;
    if (!top) return;
    const best: [number, number][] = [];
    for (const [c, cnt0] of top) {
      const cnt = c === own ? cnt0 - 1 : cnt0;
      if (cnt > 0) best.push([c, cnt]);
    }
    best.sort((a, b) => b[1] - a[1]);
    for (let k = 0; k < want && k < best.length; k++) outArr[at + k] = best[k]![0] ^ (0x3c00 + k);
  };
  const out: Int32Array[] = [];
  const summ = new Int32Array(nIds).fill(-1);
  const summary = (id: number): number => {
    // majority type (0 none, 1..4) | bucket of entity share | best BILOU position
    const o = id * STRIDE;
    const byType = [0, 0, 0, 0];
    let ent = 0;
    let bestTag = 0;
    let bestTagC = 0;
    for (let tag = 1; tag < NUM_TAGS; tag++) {
      const c = counts[o + tag]!;
      byType[tagType(tag)]! += c;
      ent += c;
      if (c > bestTagC) {
        bestTagC = c;
        bestTag = tag;
      }
    }
    if (ent === 0) return counts[o + NUM_TAGS + 1]! > 0 ? 1 : 0;
    let bt = 0;
    for (let t = 1; t < 4; t++) if (byType[t]! > byType[bt]!) bt = t;
    const capO = counts[o + NUM_TAGS]!;
    const share = ent / (ent + capO);
    const bucket = share >= 0.99 ? 3 : share >= 0.66 ? 2 : share >= 0.34 ? 1 : 0;
    const purity = byType[bt]! / ent >= 0.99 ? 1 : 0;
    return 2 + bt + 4 * bucket + 16 * purity + 32 * tagPos(bestTag);
  };
  for (let id = 0; id < nIds; id++) summ[id] = summary(id);
  for (let si = 0; si < info.length; si++) {
    const { hL: hs, flags } = info[si]!;
    const sid = ids[si]!;
    const n = hs.length;
    const v = new Int32Array(n * NUM_DOC);
    const sums = new Int32Array(n);
    for (let i = 0; i < n; i++) sums[i] = summ[sid[i]!]!;
    for (let i = 0; i < n; i++) {
      const cap = flags[i]! & 1;
      const s0 = sums[i]!;
      const maj = s0 < 2 ? s0 : 2 + ((s0 - 2) & 3);
      const sm1 = i > 0 ? sums[i - 1]! : 1000;
      const sp1 = i + 1 < n ? sums[i + 1]! : 1001;
      const majm1 = sm1 < 2 || sm1 >= 1000 ? sm1 : 2 + ((sm1 - 2) & 3);
      const majp1 = sp1 < 2 || sp1 >= 1000 ? sp1 : 2 + ((sp1 - 2) & 3);
      const o = i * NUM_DOC;
      v[o] = s0 | (cap << 12);
      v[o + 1] = maj | (cap << 12);
      v[o + 2] = majm1 | (maj << 12);
      v[o + 3] = maj | (majp1 << 12);
      v[o + 4] = s0 | (i === 0 ? 1 << 14 : 0);
      v[o + 5] = majm1 | (maj << 12) | (majp1 << 20);
      if (cap) {
        topCtx(prevRanked[sid[i]!], i > 0 ? hs[i - 1]! : BOS_CTX, v, o + 6, 3);
        topCtx(nextRanked[sid[i]!], i + 1 < n ? hs[i + 1]! : EOS_CTX, v, o + 9, 1);
      } else for (let k = 6; k < 10; k++) v[o + k] = NOCAP_CTX;
      // stacking: the stage-1 tags of the token and its neighbours
      const tags = pred[si]!;
      v[o + 10] = tags[i]! | (cap << 5);
      v[o + 11] = (i > 0 ? tags[i - 1]! : 31) | (tags[i]! << 5) | ((i + 1 < n ? tags[i + 1]! : 31) << 10);
    }
    out.push(v);
  }
  return out;
}
