// What the attribution rules look up per token, computed once per text in linear time:
// paragraphs, sentence counts, the mention covering each token, the quotation each token is
// inside of, and the gender of people where their names or titles tell it.

import type { Mention } from "../types.ts";
import type { Token } from "../tokenize.ts";
import { paragraphIndexes } from "../sentences.ts";
import { famousSurnameGender, givenNameGender } from "../lexicon/names.ts";
import { markupTokens, pairQuotes, type QuotePair } from "./marks.ts";

export type Gender = "f" | "m";

export interface Context {
  text: string;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  paragraph: number[];
  /** Token → number of sentence ends (`. ! ?`) and paragraph breaks before it. */
  sentence: Int32Array;
  /** Token → the mention covering it. */
  mentionAt: (Mention | undefined)[];
  /** Token → index of the first token of the mention covering it, -1 outside mentions. */
  mentionStart: Int32Array;
  pairs: QuotePair[];
  /** Token → index into `pairs` of the quotation it is part of (marks included), -1 outside. */
  quoteAt: Int32Array;
  /** Known gender of person mentions. */
  gender: Map<Mention, Gender>;
  /**
   * Person mention → a key shared by the mentions of one person in this text: the full name,
   * which a bare surname joins when only one full name ends with it.
   */
  personKey: Map<Mention, string>;
}

const SENTENCE_FINAL = new Set([".", "!", "?", "…"]);

export function isSentenceFinal(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && SENTENCE_FINAL.has(t.text);
}

export function buildContext(text: string, tokens: readonly Token[], mentions: readonly Mention[]): Context {
  const paragraph = paragraphIndexes(tokens);
  const markup = markupTokens(tokens, paragraph);
  const pairs = pairQuotes(tokens, paragraph, markup);

  const sentence = new Int32Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (tokens[i] as Token).lineBreakBefore) s++;
    sentence[i] = s;
    if (isSentenceFinal(tokens[i])) s++;
  }

  const mentionAt = new Array<Mention | undefined>(tokens.length);
  const mentionStart = new Int32Array(tokens.length).fill(-1);
  let m = 0;
  let currentStart = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (m < mentions.length && (mentions[m] as Mention).end <= t.start) {
      m++;
      currentStart = -1;
    }
    const mention = mentions[m];
    if (mention && mention.start < t.end && t.start < mention.end) {
      if (currentStart < 0) currentStart = i;
      mentionAt[i] = mention;
      mentionStart[i] = currentStart;
    }
  }

  const quoteAt = new Int32Array(tokens.length).fill(-1);
  pairs.forEach((p, k) => {
    const end = p.close >= 0 ? p.close : p.lastInside;
    for (let i = p.open; i <= end; i++) quoteAt[i] = k;
  });

  return {
    text,
    tokens,
    mentions,
    paragraph,
    sentence,
    mentionAt,
    mentionStart,
    pairs,
    quoteAt,
    gender: personGenders(text, mentions),
    personKey: personKeys(mentions),
  };
}

const FEMALE_TITLES = /(?:Mrs|Ms|Miss|Madam|Madame|Queen|Princess|Lady|Dame|Congresswoman|Chairwoman|Businesswoman|Spokeswoman|Sister|Mother|Grandmother)\.?\s+$/;
const MALE_TITLES = /(?:Mr|Sir|King|Prince|Lord|Congressman|Chairman|Businessman|Spokesman|Father|Brother|Pope)\.?\s+$/;

function lastWord(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? "";
}

/**
 * Genders known for person mentions: from the first word (`Hillary Clinton`), from an
 * honorific right before (`Mrs. Clinton`), or shared by the mentions of one person.
 */
function personGenders(text: string, mentions: readonly Mention[]): Map<Mention, Gender> {
  const out = new Map<Mention, Gender>();
  const byKey = new Map<string, Gender>();
  const keys = personKeys(mentions);
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const words = m.text.split(/\s+/);
    const before = text.slice(Math.max(0, m.start - 16), m.start);
    let g: Gender | null = FEMALE_TITLES.test(before) ? "f" : MALE_TITLES.test(before) ? "m" : null;
    if (g === null && words.length > 1) g = givenNameGender(words[0] ?? "");
    if (g === null && words.length === 1) g = famousSurnameGender(lastWord(m.text));
    const key = keys.get(m) ?? m.text;
    // `Melanie`, `Kevin`: a given name on its own, of nobody named in full.
    if (g === null && words.length === 1 && !key.includes(" ")) g = givenNameGender(m.text);
    if (g !== null && !byKey.has(key)) byKey.set(key, g);
  }
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const g = byKey.get(keys.get(m) ?? m.text);
    if (g) out.set(m, g);
  }
  return out;
}

/** One key per person: full names as written, a bare surname joined to its only full name. */
function personKeys(mentions: readonly Mention[]): Map<Mention, string> {
  const fullBySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== "PERSON" || !m.text.includes(" ")) continue;
    const key = m.text.toLowerCase();
    const set = fullBySurname.get(lastWord(key)) ?? new Set<string>();
    set.add(key);
    fullBySurname.set(lastWord(key), set);
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const key = m.text.toLowerCase();
    if (key.includes(" ")) {
      out.set(m, key);
      continue;
    }
    const full = fullBySurname.get(key);
    out.set(m, full && full.size === 1 ? ([...full][0] as string) : key);
  }
  return out;
}

/** Whether token `i` is part of a quotation (its marks included). */
export function inQuote(ctx: Context, i: number): boolean {
  return (ctx.quoteAt[i] ?? -1) >= 0;
}

/**
 * Whether token `i` ends a sentence: a full stop, question or exclamation mark not
 * followed by a comma, closing bracket or lower-case word (`R-Ky., said`, `(D-N.Y.) said`).
 */
export function endsSentenceAt(ctx: Context, i: number): boolean {
  if (!isSentenceFinal(ctx.tokens[i])) return false;
  const next = ctx.tokens[i + 1];
  if (!next || next.lineBreakBefore) return true;
  if (next.text === "," || next.text === ")" || next.text === ";") return false;
  // `D-N.C.`: a stop glued to the letters after it abbreviates.
  if (next.start === (ctx.tokens[i] as Token).end && (next.kind === "word" || next.kind === "punct")) return false;
  return !(next.kind === "word" && next.text === next.text.toLowerCase() && /\p{L}/u.test(next.text) && next.start === (ctx.tokens[i] as Token).end + 1);
}
