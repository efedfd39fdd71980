// Candidate names: maximal runs of capitalised words, possibly joined by name
// connectors (`Bank of England`, `Bashar al Assad`, `Procter & Gamble`).
// Deciding what, if anything, each run names is the classifier's job (mentions.ts).

import type { Token } from "./tokenize.ts";
import { NAME_CONNECTORS, NON_NAME_WORDS, SURNAME_PARTICLES } from "../lexicon/words.ts";

/**
 * Longest run handed to the classifier. Real names are far shorter; longer runs are
 * headline case, and cutting them keeps classification cost constant per run.
 */
export const MAX_CHUNK_TOKENS = 12;

/** A run of tokens, `first`..`last` inclusive. */
export interface Chunk {
  first: number;
  last: number;
}

function startsUpper(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase();
}

/** `al-Assad`, `el-Sisi`, `bin-Salman`: a lowercase particle glued to a capitalised name. */
function isParticleName(word: string): boolean {
  const dash = word.indexOf("-");
  if (dash <= 0 || dash + 1 >= word.length) return false;
  return SURNAME_PARTICLES.has(word.slice(0, dash)) && startsUpper(word.slice(dash + 1));
}

/** No name word is longer than this; longer "words" are junk such as URLs or base64. */
const MAX_NAME_WORD = 40;

/** A word that may be part of a name: capitalised (or particle-prefixed), not a month or weekday. */
export function isNameWord(t: Token): boolean {
  if (t.kind !== "word" || t.text.length > MAX_NAME_WORD) return false;
  if (!startsUpper(t.text) && !isParticleName(t.text)) return false;
  return !NON_NAME_WORDS.has(t.text.toLowerCase());
}

function isConnector(t: Token): boolean {
  if (t.kind === "word") return NAME_CONNECTORS.has(t.text) && t.text !== "&";
  return t.kind === "punct" && t.text === "&";
}

/**
 * Finds capitalised runs in one left-to-right pass. A run never crosses a line break,
 * punctuation, a quote or a clitic (so `Kerry’s` ends at `Kerry`). Up to two connector
 * words may join two name words; trailing connectors are never included.
 */
export function findNameChunks(tokens: readonly Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i] as Token)) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    for (;;) {
      const t = tokens[j];
      if (t === undefined || t.lineBreakBefore || j - first >= MAX_CHUNK_TOKENS) break;
      if (isNameWord(t)) {
        last = j;
        j++;
        continue;
      }
      // Connector run (`of`, `of the`, `de la`, `&`) only if a name word follows it;
      // `the` may not open a run, so `Trump the candidate` is not glued.
      let k = j;
      while (k - j < 2 && tokens[k] !== undefined && isConnector(tokens[k] as Token) && !(tokens[k] as Token).lineBreakBefore) {
        if (k === j && (tokens[k] as Token).text === "the") break;
        k++;
      }
      const after = tokens[k];
      if (k > j && after !== undefined && !after.lineBreakBefore && isNameWord(after)) {
        last = k;
        j = k + 1;
        continue;
      }
      break;
    }
    chunks.push({ first, last });
    i = last + 1;
  }
  return chunks;
}
