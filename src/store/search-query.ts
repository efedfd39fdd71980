// A search box's text as words and phrases (./search.ts explains what is supported): the
// same query for both databases, which each write into their own full-text syntax
// (./sqlite/search.ts, ./postgres/search.ts). A module of its own, below the dialects.

export interface SearchTerm {
  /** Lower-cased words; more than one make a phrase. */
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
}

export const MAX_SEARCH_TERMS = 32;
export const MAX_SEARCH_LENGTH = 1000;

/** Input that holds no word to search for, or too many. */
export class SearchInputError extends Error {}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function term(text: string, prefix: boolean): SearchTerm | null {
  const words = text.normalize("NFKC").toLowerCase().match(WORD);
  return words ? { words, prefix } : null;
}

/** Parses a search box's text; throws SearchInputError when it holds no word. */
export function parseSearch(text: string): SearchQuery {
  if (text.length > MAX_SEARCH_LENGTH) throw new SearchInputError(`must be at most ${MAX_SEARCH_LENGTH} characters, got ${text.length}`);
  const terms: SearchTerm[] = [];
  // A quoted phrase (an unclosed quote runs to the end), or a run of anything else but spaces.
  for (const m of text.matchAll(/"([^"]*)(?:"|$)|[^\s"]+/g)) {
    const phrase = m[1];
    const t = phrase !== undefined ? term(phrase, /\*\s*$/.test(phrase)) : term(m[0], m[0].endsWith("*"));
    if (t) terms.push(t);
  }
  if (terms.length === 0) throw new SearchInputError("must contain at least one word (letters or digits)");
  if (terms.length > MAX_SEARCH_TERMS) throw new SearchInputError(`may hold at most ${MAX_SEARCH_TERMS} words or phrases, got ${terms.length}`);
  return { terms };
}

export type SearchKind = "article" | "quote" | "person" | "organization" | "place";
