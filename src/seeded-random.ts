/**
 * A small seeded generator (a variant of mulberry32): the same seed, the same numbers, so
 * that samples and generated test corpora repeat exactly. The NER trainer shuffles with
 * the reference mulberry32 of its own (src/analysis/ner/perceptron.ts): the shipped
 * model's training order depends on that sequence.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
