// Lexical resources baked into the model: word clusters, corpus capitalisation statistics and
// gazetteers, all keyed by 32-bit hashes so lookups allocate nothing.

import { IntMap, hashLower, hashStr, mix2 } from "./hash.ts";

export const PHRASE_SEED = 0x2545f491;
export const PREFIX_BIT = 1 << 30;
export const MAX_PHRASE = 6;

export interface Lexicon {
  /** case-sensitive word hash -> packed cluster ids (10 bits each, up to 3 granularities) */
  words: IntMap;
  /** lower-case word hash -> packed corpus statistics (cap-ratio bucket | freq bucket << 4) */
  lower: IntMap;
  /** phrase hash (lower-case tokens) -> bitmask of gazetteer lists | PREFIX_BIT */
  phrases: IntMap;
  gazNames: string[];
  clusterLevels: number;
}

export function emptyLexicon(): Lexicon {
  return { words: new IntMap(16), lower: new IntMap(16), phrases: new IntMap(16), gazNames: [], clusterLevels: 0 };
}

/** Hash of a sequence of lower-case token hashes. */
export function phraseHash(lowerHashes: readonly number[]): number {
  let h = PHRASE_SEED;
  for (const x of lowerHashes) h = mix2(h, x);
  return h;
}

/** Add a tokenized gazetteer entry (tokens already normalised) to list `list`. */
export function addPhrase(lex: Lexicon, tokens: readonly string[], list: number): void {
  if (tokens.length === 0 || tokens.length > MAX_PHRASE) return;
  let h = PHRASE_SEED;
  for (let i = 0; i < tokens.length; i++) {
    h = mix2(h, hashLower(tokens[i]!));
    const old = lex.phrases.get(h, 0);
    const add = i === tokens.length - 1 ? 1 << list : PREFIX_BIT;
    lex.phrases.set(h, old | add);
  }
}

export function setClusters(lex: Lexicon, word: string, packed: number): void {
  lex.words.set(hashStr(word), packed);
}
