// Feature extraction: every token gets exactly F hashed feature rows (row indexes into the
// weight table; a row holds one weight per tag). Pure and allocation-free in the hot path
// apart from growing scratch buffers.

import { FNV_OFFSET, fmix, fnvStep, lowerCode, mix2 } from "./hash.ts";
import { MAX_PHRASE, PHRASE_SEED, PREFIX_BIT, type Lexicon } from "./lexicon.ts";
import { docFlags, NUM_DOC, type DocTokenInfo } from "./docfeat.ts";

export const NUM_STATIC = 60;
/** Gazetteer lists with their own feature slots (more lists are ignored). */
export const MAX_GAZ = 12;
export { NUM_DOC };
/** The first NUM_INTRINSIC feature slots of a token depend on the token string alone. */
export const NUM_INTRINSIC = 15;
/**
 * Features that depend on one neighbour's token string alone: 5 for the token at i-1, 5 at i+1,
 * 2 at i-2, 2 at i+2 (cached per word type at inference).
 */
export const NB_SLOTS = [5, 5, 2, 2] as const;
export const NUM_NEIGHBOUR = 14;

const BOS = 0x1b873593;
const EOS = 0x38b34ae5;
const BOS2 = 0x6b43a9b5;
const EOS2 = 0x52dce729;
const UNK_CLUSTER = 1023;

function tpl(tid: number, v: number): number {
  return fmix(Math.imul(v ^ 0x27d4eb2f, 0x165667b1) + Math.imul(tid + 1, 0x9e3779b1));
}

/** Hash of document-level feature `d` with value v (mask it to get the row). */
export function docFeatureHash(d: number, v: number): number {
  return tpl(64 + d, v);
}

export class Featurizer {
  readonly F: number;
  readonly G: number;
  private cap = 0;
  n = 0;
  hW = new Int32Array(0);
  hL = new Int32Array(0);
  hShort = new Int32Array(0);
  hLong = new Int32Array(0);
  cls = new Int32Array(0);
  clu = new Int32Array(0); // 3 per token
  capInfo = new Int32Array(0);
  gaz = new Int32Array(0); // G per token: code 0..4 (none B I L U)
  gazLen = new Int32Array(0);
  gazAny = new Int32Array(0); // bitmask of lists matching the token
  headline = 0;

  constructor(
    readonly lex: Lexicon,
    readonly rowMask: number,
    readonly K: number,
    readonly withDoc: boolean,
  ) {
    this.F = NUM_STATIC + (withDoc ? NUM_DOC : 0);
    this.G = lex.gazNames.length;
    const m = (a: number[]) => Int32Array.from(a, (x) => x & rowMask);
    this.boundaryRows = [
      m([tpl(13, BOS), tpl(17, BOS), tpl(33, 2000), tpl(34, 2000), tpl(35, 2000)]),
      m([tpl(14, EOS), tpl(18, EOS), tpl(36, 2001), tpl(37, 2001), tpl(38, 2001)]),
      m([tpl(15, BOS), tpl(39, 2000)]),
      m([tpl(15, BOS2), tpl(39, 2000)]),
      m([tpl(16, EOS), tpl(40, 2001)]),
      m([tpl(16, EOS2), tpl(40, 2001)]),
    ];
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const c = Math.max(n, this.cap * 2, 64);
    this.cap = c;
    this.hW = new Int32Array(c);
    this.hL = new Int32Array(c);
    this.hShort = new Int32Array(c);
    this.hLong = new Int32Array(c);
    this.tid = new Int32Array(c);
    this.cls = new Int32Array(c);
    this.clu = new Int32Array(c * 3);
    this.capInfo = new Int32Array(c);
    this.gaz = new Int32Array(c * Math.max(1, this.G));
    this.gazLen = new Int32Array(c * Math.max(1, this.G));
    this.gazAny = new Int32Array(c);
  }

  // ---- per word-type cache (token-intrinsic properties and feature rows) ----
  private types = new Map<string, number>();
  private tcap = 0;
  private tW = new Int32Array(0);
  private tL = new Int32Array(0);
  private tShort = new Int32Array(0);
  private tLong = new Int32Array(0);
  private tCls = new Int32Array(0);
  private tFlags = new Int32Array(0); // 1 has letters, 2 has lower-case letters
  private tClu = new Int32Array(0);
  private tCap = new Int32Array(0);
  private tDoc = new Int32Array(0);
  /** gazetteer phrase-table value of the one-word phrase (0 = no entry starts with the word) */
  private tPhr = new Int32Array(0);
  /** NUM_INTRINSIC feature rows per type */
  tIntr = new Int32Array(0);
  /** NUM_NEIGHBOUR feature rows per type: as token i-1 (5), i+1 (5), i-2 (2), i+2 (2) */
  tNb = new Int32Array(0);
  /** the same neighbour feature rows for sentence boundaries: BOS@-1, EOS@+1, BOS@-2, BOS2@-2, EOS@+2, EOS2@+2 */
  boundaryRows: Int32Array[] = [];
  /** type id of each token of the prepared sentence */
  tid = new Int32Array(0);
  /** bumped whenever the type cache is cleared (callers caching per type must reset) */
  generation = 0;
  maxTypes = 200000;

  private growTypes(): void {
    this.resizeTypes(Math.max(1024, this.tcap * 2));
  }

  /**
   * Empties the per-type cache and gives its arrays back (a new generation). Words repeat
   * across news articles, so the cache is kept between documents; a very large document fills
   * it with its own words (a 5 MB one: 12,000 types, 16,384 rows of arrays), which would stay
   * with the thread after it.
   */
  forgetTypes(): void {
    this.types.clear();
    this.resizeTypes(0);
    this.generation++;
  }

  /** The per-type arrays at `c` types, the first ones kept. */
  private resizeTypes(c: number): void {
    const g = (a: Int32Array, w: number) => {
      const b = new Int32Array(c * w);
      b.set(a.subarray(0, b.length));
      return b;
    };
    this.tW = g(this.tW, 1);
    this.tL = g(this.tL, 1);
    this.tShort = g(this.tShort, 1);
    this.tLong = g(this.tLong, 1);
    this.tCls = g(this.tCls, 1);
    this.tFlags = g(this.tFlags, 1);
    this.tClu = g(this.tClu, 3);
    this.tCap = g(this.tCap, 1);
    this.tDoc = g(this.tDoc, 1);
    this.tPhr = g(this.tPhr, 1);
    this.tIntr = g(this.tIntr, NUM_INTRINSIC);
    this.tNb = g(this.tNb, NUM_NEIGHBOUR);
    this.tcap = c;
  }

  /** Type id of a token string, computing its properties on first sight. */
  typeId(s: string): number {
    let t = this.types.get(s);
    if (t !== undefined) return t;
    if (this.types.size >= this.maxTypes) {
      this.types.clear();
      this.generation++;
    }
    t = this.types.size;
    if (t >= this.tcap) this.growTypes();
    this.types.set(s, t);
    this.computeType(s, t);
    return t;
  }

  private computeType(s: string, t: number): void {
    const len = s.length;
    let hw = FNV_OFFSET;
    let hl = FNV_OFFSET;
    let ht = FNV_OFFSET;
    let hs = FNV_OFFSET;
    let hg = FNV_OFFSET;
    let lastSc = -1;
    let run = 0;
    let nU = 0;
    let nLo = 0;
    let nD = 0;
    let nHy = 0;
    let nP = 0;
    const mask = this.rowMask;
    const io = t * NUM_INTRINSIC;
    const intr = this.tIntr;
    for (let k = 0; k < len; k++) {
      const c = s.charCodeAt(k);
      const lc = lowerCode(c);
      hw = fnvStep(hw, c);
      hl = fnvStep(hl, lc);
      ht = fnvStep(ht, k === 0 ? c : lc);
      if (k < 4 && k < len - 1) intr[io + 4 + k] = tpl(5 + k, fmix(hl)) & mask;
      let sc: number;
      if (c >= 48 && c <= 57) {
        sc = 100;
        nD++;
      } else if (lc !== c) {
        sc = 88;
        nU++;
      } else if (c >= 97 && c <= 122) {
        sc = 120;
        nLo++;
      } else if ((c >= 0xdf && c <= 0x24f) || (c >= 0x3ac && c <= 0x52f)) {
        sc = 120;
        nLo++;
      } else {
        sc = c;
        if (c === 45) nHy++;
        else if (c === 46) nP++;
      }
      if (sc !== lastSc) {
        hs = fnvStep(hs, sc);
        hg = fnvStep(hg, sc);
        run = 1;
        lastSc = sc;
      } else if (run < 4) {
        hg = fnvStep(hg, sc);
        run++;
      }
    }
    for (let k = Math.max(0, len - 1); k < 4; k++) intr[io + 4 + k] = tpl(5 + k, 0) & mask;
    // suffixes of the lower-case form
    for (let k = 0; k < 4; k++) {
      let v = 0;
      if (k < len - 1) {
        let h = FNV_OFFSET;
        for (let m = len - 1 - k; m < len; m++) h = fnvStep(h, lowerCode(s.charCodeAt(m)));
        v = fmix(h) ^ 0x5555;
      }
      intr[io + 8 + k] = tpl(9 + k, v) & mask;
    }
    const hW = fmix(hw);
    const hL = fmix(hl);
    const hT = fmix(ht);
    const hS = fmix(hs);
    const hG = fmix(hg);
    this.tW[t] = hW;
    this.tL[t] = hL;
    this.tShort[t] = hS;
    this.tLong[t] = hG;
    const nLet = nU + nLo;
    let cls: number;
    if (nLet === 0 && nD === 0) cls = 7;
    else if (nLet === 0) cls = nD === len ? 4 : 5;
    else if (nD > 0) cls = 6;
    else if (nU === 0) cls = 0;
    else if (nLo === 0) cls = nLet === 1 ? 3 : nP > 0 ? 8 : 2;
    else if (lowerCode(s.charCodeAt(0)) !== s.charCodeAt(0)) cls = nHy > 0 ? 9 : nU > 1 ? 10 : 1;
    else cls = 11;
    this.tCls[t] = cls;
    this.tFlags[t] = (nLet > 0 ? 1 : 0) | (nLo > 0 ? 2 : 0);
    const lex = this.lex;
    let p = lex.words.get(hW);
    if (p === -1 && (cls === 2 || cls === 8)) p = lex.words.get(hT);
    if (p === -1 && cls !== 0) p = lex.words.get(hL);
    for (let j = 0; j < 3; j++) {
      const c = p === -1 || j >= lex.clusterLevels ? UNK_CLUSTER : (p >>> (10 * j)) & 1023;
      this.tClu[t * 3 + j] = c;
      intr[io + 12 + j] = tpl(30 + j, c) & mask;
    }
    this.tCap[t] = lex.lower.get(hL, 255);
    this.tDoc[t] = len > 0 ? docFlags(s) : 0;
    this.tPhr[t] = lex.phrases.get(mix2(PHRASE_SEED, hL), 0);
    const nb = this.tNb;
    const no = t * NUM_NEIGHBOUR;
    const cl = this.tClu;
    nb[no] = tpl(13, hL) & mask;
    nb[no + 1] = tpl(17, hW) & mask;
    for (let j = 0; j < 3; j++) nb[no + 2 + j] = tpl(33 + j, cl[t * 3 + j]!) & mask;
    nb[no + 5] = tpl(14, hL) & mask;
    nb[no + 6] = tpl(18, hW) & mask;
    for (let j = 0; j < 3; j++) nb[no + 7 + j] = tpl(36 + j, cl[t * 3 + j]!) & mask;
    nb[no + 10] = tpl(15, hL) & mask;
    nb[no + 11] = tpl(39, cl[t * 3 + 1]!) & mask;
    nb[no + 12] = tpl(16, hL) & mask;
    nb[no + 13] = tpl(40, cl[t * 3 + 1]!) & mask;
    intr[io] = tpl(1, hW) & mask;
    intr[io + 1] = tpl(2, hL) & mask;
    intr[io + 2] = tpl(3, hS) & mask;
    intr[io + 3] = tpl(4, hG) & mask;
  }

  /** Type ids of a sentence's (normalised) tokens. Call again if `generation` changed meanwhile. */
  typeIds(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.typeId(tokens[i]!);
    return out;
  }

  /** Token information for the document-level features. */
  docInfo(tids: Int32Array): DocTokenInfo {
    const n = tids.length;
    const hL = new Int32Array(n);
    const flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      hL[i] = this.tL[tids[i]!]!;
      flags[i] = this.tDoc[tids[i]!]!;
    }
    return { hL, flags };
  }

  /** Compute per-token properties of a sentence of (normalised) tokens. */
  prepare(tokens: readonly string[]): void {
    const n = tokens.length;
    this.ensure(n);
    for (let i = 0; i < n; i++) this.tid[i] = this.typeId(tokens[i]!);
    this.prepareTypes(this.tid, n);
  }

  /** Compute per-token properties from type ids (see typeIds). */
  prepareTypes(tids: Int32Array, n = tids.length): void {
    this.ensure(n);
    this.n = n;
    let lettersTokens = 0;
    let lowerTokens = 0;
    for (let i = 0; i < n; i++) {
      const t = tids[i]!;
      this.tid[i] = t;
      this.hW[i] = this.tW[t]!;
      this.hL[i] = this.tL[t]!;
      this.hShort[i] = this.tShort[t]!;
      this.hLong[i] = this.tLong[t]!;
      this.cls[i] = this.tCls[t]!;
      this.capInfo[i] = this.tCap[t]!;
      this.clu[i * 3] = this.tClu[t * 3]!;
      this.clu[i * 3 + 1] = this.tClu[t * 3 + 1]!;
      this.clu[i * 3 + 2] = this.tClu[t * 3 + 2]!;
      const fl = this.tFlags[t]!;
      if (fl & 1) {
        lettersTokens++;
        if (fl & 2) lowerTokens++;
      }
    }
    this.headline = lettersTokens > 0 && lowerTokens === 0 ? 1 : 0;
    const lex = this.lex;
    // gazetteers: longest match per list
    const G = this.G;
    if (G > 0) {
      this.gaz.fill(0, 0, n * G);
      this.gazLen.fill(0, 0, n * G);
      this.gazAny.fill(0, 0, n);
      const phrases = lex.phrases;
      for (let i = 0; i < n; i++) {
        if (this.tPhr[this.tid[i]!] === 0) continue; // no gazetteer entry starts with this word
        let h = PHRASE_SEED;
        for (let len = 1; len <= MAX_PHRASE && i + len <= n; len++) {
          h = mix2(h, this.hL[i + len - 1]!);
          const v = len === 1 ? this.tPhr[this.tid[i]!]! : phrases.get(h, 0);
          if (v === 0) break;
          const lists = v & ~PREFIX_BIT;
          if (lists !== 0) {
            for (let g = 0; g < G; g++) {
              if ((lists & (1 << g)) === 0) continue;
              for (let t = i; t < i + len; t++) {
                const o = t * G + g;
                if (this.gazLen[o]! >= len) continue;
                this.gazLen[o] = len;
                this.gaz[o] = len === 1 ? 4 : t === i ? 1 : t === i + len - 1 ? 3 : 2;
              }
            }
          }
          if ((v & PREFIX_BIT) === 0) break;
        }
      }
      for (let i = 0; i < n; i++) {
        let any = 0;
        for (let g = 0; g < G; g++) if (this.gaz[i * G + g] !== 0) any |= 1 << g;
        this.gazAny[i] = any;
      }
    }
  }

  /**
   * Write F feature row indexes per token into out (length >= n*F). `doc` holds NUM_DOC values
   * per token for the document-level stage (ignored unless withDoc). With skipIntrinsic, the
   * NUM_INTRINSIC + NUM_NEIGHBOUR features that depend on a single token string are left out
   * (the tagger adds them from per-type caches).
   */
  extract(out: Int32Array, doc: Int32Array | null, skipIntrinsic = false, withDoc = this.withDoc, skipNeighbours = skipIntrinsic): void {
    const n = this.n;
    const F = NUM_STATIC + (withDoc ? NUM_DOC : 0);
    const mask = this.rowMask;
    const hl = this.headline;
    const hL = this.hL;
    const G = this.G;
    let o = 0;
    for (let i = 0; i < n; i++) {
      const base = o;
      const cls0 = this.cls[i]!;
      const posFlag = i === 0 ? 0 : i <= 2 && this.cls[i - 1] === 7 && this.cls[0] === 7 ? 1 : 2;
      const lm1 = i > 0 ? hL[i - 1]! : BOS;
      const lp1 = i + 1 < n ? hL[i + 1]! : EOS;
      const lm2 = i > 1 ? hL[i - 2]! : i > 0 ? BOS : BOS2;
      const lp2 = i + 2 < n ? hL[i + 2]! : i + 1 < n ? EOS : EOS2;
      const sm1 = i > 0 ? this.hShort[i - 1]! : BOS;
      const s0 = this.hShort[i]!;
      const sp1 = i + 1 < n ? this.hShort[i + 1]! : EOS;
      const cm1 = i > 0 ? this.cls[i - 1]! : 15;
      const cp1 = i + 1 < n ? this.cls[i + 1]! : 14;
      if (!skipIntrinsic) {
        const io = this.tid[i]! * NUM_INTRINSIC;
        for (let k = 0; k < NUM_INTRINSIC; k++) out[o++] = this.tIntr[io + k]!;
      }
      const mb = o;
      out[o++] = tpl(0, 0);
      if (!skipNeighbours) {
        out[o++] = tpl(13, lm1);
        out[o++] = tpl(14, lp1);
        out[o++] = tpl(15, lm2);
        out[o++] = tpl(16, lp2);
        out[o++] = tpl(17, i > 0 ? this.hW[i - 1]! : BOS);
        out[o++] = tpl(18, i + 1 < n ? this.hW[i + 1]! : EOS);
      }
      out[o++] = tpl(19, mix2(mix2(sm1, s0), sp1));
      out[o++] = tpl(20, mix2(sm1, s0));
      out[o++] = tpl(21, mix2(s0, sp1));
      out[o++] = tpl(22, mix2(lm1, hL[i]!));
      out[o++] = tpl(23, mix2(hL[i]!, lp1));
      out[o++] = tpl(24, cls0 | (posFlag << 4) | (hl << 6));
      out[o++] = tpl(25, cls0 | (cm1 << 4) | (cp1 << 8) | (hl << 12));
      out[o++] = tpl(26, this.capInfo[i]! | (cls0 << 8) | (posFlag << 12) | (hl << 14));
      out[o++] = tpl(27, mix2(hL[i]!, hl));
      out[o++] = tpl(28, mix2(this.hW[i]!, posFlag));
      out[o++] = tpl(29, (i > 0 ? this.capInfo[i - 1]! : 511) | (cls0 << 9) | ((i + 1 < n ? this.capInfo[i + 1]! : 511) << 13));
      // clusters
      const c0 = i * 3;
      if (!skipNeighbours) {
        for (let j = 0; j < 3; j++) out[o++] = tpl(33 + j, i > 0 ? this.clu[c0 - 3 + j]! : 2000);
        for (let j = 0; j < 3; j++) out[o++] = tpl(36 + j, i + 1 < n ? this.clu[c0 + 3 + j]! : 2001);
        out[o++] = tpl(39, i > 1 ? this.clu[c0 - 6 + 1]! : 2000);
        out[o++] = tpl(40, i + 2 < n ? this.clu[c0 + 6 + 1]! : 2001);
      }
      out[o++] = tpl(41, (i > 0 ? this.clu[c0 - 3]! : 2000) | (this.clu[c0]! << 11));
      out[o++] = tpl(42, this.clu[c0]! | ((i + 1 < n ? this.clu[c0 + 3]! : 2001) << 11));
      out[o++] = tpl(43, this.clu[c0 + 1]! | (cls0 << 11) | (hl << 15));
      // gazetteers
      const capd = cls0 === 1 || cls0 === 2 || cls0 === 3 || cls0 === 8 || cls0 === 9 || cls0 === 10 ? 1 : 0;
      let all = 0;
      for (let g = 0; g < MAX_GAZ; g++) {
        const code = g < G ? this.gaz[i * G + g]! : 0;
        all = mix2(all, code);
        out[o++] = tpl(44 + g, code | (capd << 3));
      }
      out[o++] = tpl(56, all);
      out[o++] = tpl(57, i > 0 ? this.gazAny[i - 1]! : 0x10000);
      out[o++] = tpl(58, i + 1 < n ? this.gazAny[i + 1]! : 0x10000);
      out[o++] = tpl(59, this.gazAny[i]! | (capd << 16) | (hl << 17));
      if (withDoc) {
        for (let d = 0; d < NUM_DOC; d++) out[o++] = docFeatureHash(d, doc ? doc[i * NUM_DOC + d]! : -1);
      }
      for (let k = mb; k < o; k++) out[k] = out[k]! & mask;
      if (o - base !== F - (skipIntrinsic ? NUM_INTRINSIC : 0) - (skipNeighbours ? NUM_NEIGHBOUR : 0)) throw new Error(`feature count ${o - base} != ${F}`);
    }
  }
}
