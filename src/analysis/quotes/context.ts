// What the attribution rules look up per token, computed once per text in linear time:
// paragraphs, sentence counts, the mention covering each token, the quotation each token is
// inside of, and the gender of people where their names or titles tell it.

import type { Mention } from "../../domain/extraction.ts";
import type { Token } from "../tokenize.ts";
import { paragraphIndexes } from "../sentences.ts";
import { famousSurnameGender, givenNameGender, isGivenName } from "../../lexicon/names.ts";
import { lookupCountry } from "../../lexicon/countries.ts";
import { isKnownRegion } from "../../lexicon/places.ts";
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
  /**
   * A surname the mention finder typed as an organization or place (`Bolton`, `Madison`)
   * when the text names one person so in full (`John Bolton`) → that person's full-name mention.
   */
  personAlias: Map<Mention, Mention>;
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

  const personKey = personKeys(mentions);
  const personAlias = misTypedSurnames(mentions, personKey);
  const gender = personGenders(text, mentions);
  for (const [m, person] of personAlias) {
    personKey.set(m, personKey.get(person) ?? person.text.toLowerCase());
    const g = gender.get(person);
    if (g) gender.set(m, g);
  }
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
    gender,
    personKey,
    personAlias,
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
    if (g === null) g = HONORIFIC_GENDER[HONORIFIC.exec(m.text)?.[1] ?? ""] ?? null;
    if (g === null && words.length > 1) g = givenNameGender(words[0] ?? "");
    const key = keys.get(m) ?? m.text;
    // `Sanders` is Bernie only when the text names no other Sanders in full (`Felicia Sanders`).
    if (g === null && words.length === 1 && !key.includes(" ")) g = famousSurnameGender(lastWord(m.text));
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

/**
 * Single-word mentions that stand for a person the text names in full, when the mention
 * finder got the word wrong:
 * - an organization or place that is the surname of exactly one such person (`Bolton`
 *   beside `John Bolton`), but not a country or region (`Washington` beside `George
 *   Washington` is more often the city);
 * - a person, organization or place spelt one letter off that surname (`Wines` beside
 *   `Leslie Wimes`, `McLenney` beside `Tyresha McClenney`), for surnames of five letters or more.
 * Maps each such mention to the person's first full-name mention.
 */
function misTypedSurnames(mentions: readonly Mention[], keys: ReadonlyMap<Mention, string>): Map<Mention, Mention> {
  const bySurname = new Map<string, { key: string; mention: Mention } | null>();
  for (const m of mentions) {
    if (m.type !== "PERSON" || !m.text.includes(" ")) continue;
    const surname = lastWord(m.text);
    const key = keys.get(m) ?? m.text.toLowerCase();
    const known = bySurname.get(surname);
    if (known === undefined) bySurname.set(surname, { key, mention: m });
    else if (known !== null && known.key !== key) bySurname.set(surname, null);
  }
  // Surnames by their one-letter deletions, so a near spelling is found without comparing all pairs.
  const byDeletion = new Map<string, Set<string>>();
  for (const surname of bySurname.keys()) {
    if (surname.length < 5) continue;
    for (const d of deletions(surname)) {
      const set = byDeletion.get(d) ?? new Set<string>();
      set.add(surname);
      byDeletion.set(d, set);
    }
  }
  const out = new Map<Mention, Mention>();
  for (const m of mentions) {
    if (m.text.includes(" ") || !/^\p{Lu}[\p{L}'’-]+$/u.test(m.text)) continue;
    const word = m.text.toLowerCase();
    const exact = bySurname.get(word);
    if (exact !== undefined) {
      if (exact && m.type !== "PERSON" && /^\p{Lu}\p{Ll}+$/u.test(m.text) && !lookupCountry(m.text) && !isKnownRegion(m.text)) out.set(m, exact.mention);
      continue;
    }
    if (word.length < 5 || isGivenName(word) || lookupCountry(m.text) || isKnownRegion(m.text)) continue;
    let near: { key: string; mention: Mention } | null | undefined;
    for (const d of [word, ...deletions(word)]) {
      for (const surname of byDeletion.get(d) ?? []) {
        const person = bySurname.get(surname);
        if (!person || surname.charAt(0) !== word.charAt(0) || !oneEditApart(word, surname)) continue;
        near = near === undefined || near?.key === person.key ? person : null;
      }
    }
    if (near) out.set(m, near.mention);
  }
  return out;
}

/** The strings made by deleting one letter of `w`. */
function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Whether `a` and `b` differ by one substitution, insertion, deletion or swap of neighbours. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A courtesy title the mention finder keeps in a mention (`Mr. Lew`, `Mrs. Clinton`), and the gender it tells. */
const HONORIFIC = /^(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Sir|Dame)\.?\s+/;
const HONORIFIC_GENDER: Record<string, Gender> = { Mr: "m", Sir: "m", Mrs: "f", Ms: "f", Miss: "f", Dame: "f" };

/** The name without a leading courtesy title, lower case: `Mr. Lew` → `lew`. */
function bareName(text: string): string {
  return text.replace(HONORIFIC, "").toLowerCase();
}

/**
 * One key per person: full names as written, a bare surname (also with its courtesy title,
 * `Mr. Lew`) joined to its only full name (`Jacob J. Lew`). Full names that differ only by
 * a middle name or initial (`Loretta Lynch`, `Loretta E. Lynch`) are one person, unless two
 * different middles make them two (`George W. Bush`, `George H.W. Bush`).
 */
function personKeys(mentions: readonly Mention[]): Map<Mention, string> {
  // First and last word → the full names written with them.
  const byEnds = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const name = bareName(m.text);
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const ends = `${words[0] as string} ${words[words.length - 1] as string}`;
    const set = byEnds.get(ends) ?? new Set<string>();
    set.add(name);
    byEnds.set(ends, set);
  }
  // Each full name → its person's key: the longest spelling, when the middles agree.
  const fullKey = new Map<string, string>();
  for (const [ends, names] of byEnds) {
    const middles = new Set([...names].filter((n) => n !== ends));
    const key = middles.size === 1 ? ([...middles][0] as string) : middles.size === 0 ? ends : null;
    for (const n of names) fullKey.set(n, key ?? n);
  }
  const fullBySurname = new Map<string, Set<string>>();
  for (const key of new Set(fullKey.values())) {
    const set = fullBySurname.get(lastWord(key)) ?? new Set<string>();
    set.add(key);
    fullBySurname.set(lastWord(key), set);
  }
  const out = new Map<Mention, string>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const name = bareName(m.text);
    if (name.includes(" ")) {
      out.set(m, fullKey.get(name) ?? name);
      continue;
    }
    const full = fullBySurname.get(name);
    const only = full && full.size === 1 ? ([...full][0] as string) : null;
    // `Mr. Clinton` is not the `Hillary Clinton` of the text.
    const titleGender = HONORIFIC_GENDER[HONORIFIC.exec(m.text)?.[1] ?? ""];
    const fullGender = only ? givenNameGender(only.split(" ")[0] ?? "") : null;
    out.set(m, only && !(titleGender && fullGender && titleGender !== fullGender) ? only : m.text.toLowerCase());
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
