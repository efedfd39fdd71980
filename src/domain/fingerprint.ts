// A body's near-duplicate fingerprint as stored (src/documents/near-duplicates.ts computes
// it from a body), and when two fingerprints are one article: read by the documents layer
// and by the store, which compares a new article with stored ones (src/store/copies.ts).

/** Hash functions in a signature. */
export const SIGNATURE_LENGTH = 128;

/**
 * Estimated Jaccard similarity at or above which two bodies count as the same article,
 * set in the widest gap of the scores on ../shared/data/news (`npm run bench:near-duplicates`):
 * the pairs that are one text (the same body under two headlines, a word or a sentence
 * changed, a paragraph added) score 0.883 and above; below the gap, at 0.820 and under, are
 * rewrites and follow-up stories that share paragraphs.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.85;

/**
 * Numbers that may differ between copies (a corrected figure, `two` written `2`). Bodies
 * alike but for more of their numbers are different reports from one template (results,
 * prices, weather), not copies. On the news corpus 58 of the 60 pairs above the threshold
 * have the same numbers and the other two differ by one and two.
 */
export const MAX_NUMBER_CHANGES = 2;

/** Size of the symmetric difference of two sorted lists, as multisets. */
function changedNumbers(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let changed = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (i++, j++);
    else if (a[i]! < b[j]!) (i++, changed++);
    else (j++, changed++);
  }
  return changed + (a.length - i) + (b.length - j);
}

/** What the near-duplicate check keeps of a body. */
export interface Fingerprint {
  signature: Uint32Array;
  numbers: string[];
}

/** The estimated Jaccard similarity of two signatures' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_LENGTH; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_LENGTH;
}

/** The similarity of two bodies when one is a near-duplicate of the other, else 0. */
export function nearDuplicateScore(a: Fingerprint, b: Fingerprint): number {
  const sim = similarity(a.signature, b.signature);
  return sim >= NEAR_DUPLICATE_THRESHOLD && changedNumbers(a.numbers, b.numbers) <= MAX_NUMBER_CHANGES ? sim : 0;
}

/** A fingerprint as text for a database column: the signature's bytes in base64, then the numbers. */
export function encodeFingerprint(f: Fingerprint): string {
  const sig = f.signature;
  return `${Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString("base64")}|${f.numbers.join(" ")}`;
}

export function decodeFingerprint(text: string): Fingerprint {
  const bar = text.indexOf("|");
  const bytes = Buffer.from(bar < 0 ? text : text.slice(0, bar), "base64");
  const sig = new Uint32Array(SIGNATURE_LENGTH);
  for (let k = 0; k < SIGNATURE_LENGTH; k++) sig[k] = bytes.readUInt32LE(k * 4);
  const numbers = bar < 0 || bar === text.length - 1 ? [] : text.slice(bar + 1).split(" ");
  return { signature: sig, numbers };
}
