// Near-duplicate detection: MinHash signatures over word 3-shingles of an article's body
// (case, punctuation and spacing folded, so another quote style or a re-wrapped paragraph
// changes nothing), and locality-sensitive hashing (bands) to find the stored articles
// worth comparing. Pure: the store keeps the band keys and fingerprints, and decides
// (src/store/copies.ts).
//
// 128 hash functions: an estimate's standard error is at most 0.045, about 0.03 at the
// threshold. 16 bands of 8 rows make a pair at Jaccard 0.85 a candidate with probability
// 0.994, one at 0.5 with 0.06 and one at 0.3 with 0.001. What a fingerprint is, and when two
// are near-duplicates, is src/domain/fingerprint.ts: the store compares stored ones.
import { SIGNATURE_LENGTH, type Fingerprint } from "../domain/fingerprint.ts";

/** Rows per LSH band. */
export const BAND_ROWS = 8;
export const BANDS = SIGNATURE_LENGTH / BAND_ROWS;
/** Words per shingle. */
export const SHINGLE = 3;

/** murmur3's 32-bit finalizer: a bijection that mixes every input bit into every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Hash function k is x -> (a_k * x + b_k) mod 2^32 of the shingle's mixed hash x, with a_k odd (a
// bijection): two operations per function instead of a full mix, a third of the time.
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab) | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x7f4a7c15 + i * 0x2545f491));

/** Lower case, letters and digits only, one space between words. */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Characters folded at a time: a multi-megabyte body folded whole would hold several copies of itself at once. */
const FOLD_SLICE = 65_536;

/**
 * The FNV-1a hash of each word of foldText(body), in order, folding the body a slice at a
 * time. Slices end at an ASCII space or line break, which folding keeps a word boundary, so
 * the words are those of the whole body folded at once (only a run of 64K characters
 * without one is cut inside).
 */
export function hashWords(body: string): Uint32Array {
  let hashes = new Uint32Array(1024);
  let count = 0;
  for (let from = 0; from < body.length; ) {
    let to = Math.min(body.length, from + FOLD_SLICE);
    if (to < body.length) {
      const cut = Math.max(body.lastIndexOf(" ", to), body.lastIndexOf("\n", to));
      if (cut > from) to = cut;
    }
    const folded = foldText(body.slice(from, to));
    from = to;
    if (folded === "") continue;
    let word = 0x811c9dc5; // FNV-1a
    for (let c = 0; c <= folded.length; c++) {
      const code = c < folded.length ? folded.charCodeAt(c) : 32;
      if (code !== 32) {
        word = Math.imul(word ^ code, 0x01000193);
        continue;
      }
      if (count === hashes.length) {
        const grown = new Uint32Array(hashes.length * 2);
        grown.set(hashes);
        hashes = grown;
      }
      hashes[count++] = word;
      word = 0x811c9dc5;
    }
  }
  // A body without words is one empty word, as "".split(" ") is.
  return count === 0 ? Uint32Array.of(0x811c9dc5) : hashes.subarray(0, count);
}

/** The MinHash signature of a body (SIGNATURE_LENGTH unsigned 32-bit minima). */
export function signature(body: string): Uint32Array {
  const wordHashes = hashWords(body);
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const last = Math.max(wordHashes.length - SHINGLE, 0);
  for (let start = 0; start <= last; start++) {
    let h = 0;
    for (let i = start; i < Math.min(start + SHINGLE, wordHashes.length); i++) h = mix(h ^ wordHashes[i]!);
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const v = (Math.imul(h, MULTIPLIERS[k]!) + OFFSETS[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** One key per band (band number in the high bits): equal keys make a candidate pair. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ Math.imul(sig[band * BAND_ROWS + r]!, 0x9e3779b1) ^ r);
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

/** The body's numbers (`2009`, `1.4`, `3-1` gives 3 and 1), sorted: copies keep them, templated reports change them. */
export function numbersOf(body: string): string[] {
  return (body.match(/\d+(?:[.,]\d+)*/g) ?? []).sort().slice(0, MAX_NUMBERS);
}

const MAX_NUMBERS = 500;

export function fingerprint(body: string): Fingerprint {
  return { signature: signature(body), numbers: numbersOf(body) };
}
