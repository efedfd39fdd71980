// Document-level (non-local) features for the second stage, computed from the first stage's
// predictions over the whole document (Krishnan & Manning 2006 style label-consistency features).

import { FNV_OFFSET, fmix, fnvStep, lowerCode } from "./hash.ts";
import { IntMap } from "./hash.ts";
import { NUM_DOC } from "./features.ts";
import { NUM_TAGS, tagPos, tagType } from "./tags.ts";

function lowerHash(s: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < s.length; k++) h = fnvStep(h, lowerCode(s.charCodeAt(k)));
  return fmix(h);
}
function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  return lowerCode(c) !== c;
}
function hasLowerLetter(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

const STRIDE = NUM_TAGS + 3; // per-tag counts, then capitalised-O, lower-case occurrences, total

/**
 * tokens: sentences of normalised tokens; pred: stage-1 BILOU tags per sentence.
 * Returns per sentence an Int32Array of n*NUM_DOC feature values.
 */
export function docFeatures(tokens: readonly (readonly string[])[], pred: readonly Uint8Array[]): Int32Array[] {
  const index = new IntMap(256);
  const counts: number[] = [];
  const slot = (h: number): number => {
    let s = index.get(h);
    if (s === -1) {
      s = counts.length / STRIDE;
      index.set(h, s);
      for (let k = 0; k < STRIDE; k++) counts.push(0);
    }
    return s * STRIDE;
  };
  const hashes: Int32Array[] = [];
  for (let si = 0; si < tokens.length; si++) {
    const toks = tokens[si]!;
    const tags = pred[si]!;
    let headline = true;
    for (const t of toks) if (hasLowerLetter(t)) headline = false;
    const hs = new Int32Array(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const h = lowerHash(t);
      hs[i] = h;
      const o = slot(h);
      counts[o + STRIDE - 1]!++;
      const tag = tags[i]!;
      if (tag !== 0) counts[o + tag]!++;
      else if (isCap(t) && i > 0 && !headline) counts[o + NUM_TAGS]!++;
      if (!isCap(t)) counts[o + NUM_TAGS + 1]!++;
    }
    hashes.push(hs);
  }
  const out: Int32Array[] = [];
  const summary = (h: number): number => {
    // majority type (0 none, 1..4) | bucket of entity share | best BILOU position
    const s = index.get(h);
    if (s === -1) return 0;
    const o = s * STRIDE;
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
  for (let si = 0; si < tokens.length; si++) {
    const toks = tokens[si]!;
    const hs = hashes[si]!;
    const n = toks.length;
    const v = new Int32Array(n * NUM_DOC);
    const sums = new Int32Array(n);
    for (let i = 0; i < n; i++) sums[i] = summary(hs[i]!);
    for (let i = 0; i < n; i++) {
      const cap = isCap(toks[i]!) ? 1 : 0;
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
    }
    out.push(v);
  }
  return out;
}
