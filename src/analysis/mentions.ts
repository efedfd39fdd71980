// Baseline named-entity recognizer: capitalised runs (chunks.ts) classified as PERSON,
// ORGANIZATION or PLACE with gazetteers and a few rules of news style.
//
// This is one swappable pipeline component with the signature `MentionFinder`; a
// trained tagger can replace it without touching the tokenizer or the quote finder.
//
// Rules, in order of trust:
//  1. a whole run found in a gazetteer (countries, cities, regions, known organizations);
//  2. a title (`President`, `Foreign Minister`, `Mr.`) announces a person: the title is
//     dropped and what follows it is a PERSON;
//  3. an organization keyword (`Post`, `Front`, `Ministry` ...) makes an ORGANIZATION;
//     laws, events and prizes (`... Act`, `... Cup`) are dropped;
//  4. place words (`Province`, `Lake` ...) make a PLACE;
//  5. two or more words: PERSON when the first is a given name, or the last is a known
//     surname, has a family-name ending (`-ov`, `-enko`) or also stands alone in the
//     text (`Tad Devine` ... `Devine`); else ORGANIZATION;
//  6. a single unknown word is kept only when it repeats a person's surname or an
//     organization's first/last word mentioned earlier (`Ushakov`, `Post`), is a
//     well-known surname, a defined or repeated acronym, or the subject of a speech
//     verb (`Estrosi told`); otherwise it is dropped.
// Sentence-initial words are discounted when the same word occurs in lower case
// elsewhere in the text, or looks like a verb or adverb (`Stopping`, `Backed`).

import type { Mention } from "../domain/extraction.ts";
import type { EntityType } from "../domain/entity-types.ts";
import type { Token } from "./tokenize.ts";
import { findNameChunks, MAX_CHUNK_TOKENS, type Chunk } from "./chunks.ts";
import { isAllCaps, sentenceStarts } from "./sentences.ts";
import { isDemonym, lookupCountry } from "../lexicon/countries.ts";
import { isKnownRegion, lookupCity, PLACE_PREFIXES, PLACE_SUFFIXES } from "../lexicon/places.ts";
import { hasOrgKeyword, isKnownOrganization, ORG_KEYWORDS } from "../lexicon/organizations.ts";
import { hasSurnameEnding, isFamousSurname, isGivenName } from "../lexicon/names.ts";
import {
  COMPASS_WORDS,
  FUNCTION_WORDS,
  NAME_CONNECTORS,
  NON_ENTITY_TAILS,
  SPEECH_VERBS,
  SURNAME_PARTICLES,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from "../lexicon/words.ts";

/** The pipeline boundary for named-entity recognition. */
export type MentionFinder = (text: string, tokens: readonly Token[]) => Mention[];

/** Capitalised acronyms that are common nouns, not organizations. */
const NON_ENTITY_ACRONYMS = new Set(
  `CEO CEOS CFO COO CTO TV GDP FM PM MP MPS MEP MEPS AM OK DNA HIV AIDS ID IT PC CD CDS DVD DVDS GMT BST EST
  PST EDT UTC VAT IPO AI PR HQ RSS SMS MP3 LCD ATM ATMS NGO NGOS GPS PDF ISP VR OBE MBE CBE QC BC AD WMD
  IED IEDS RPG ICBM II III IV VI VII VIII IX XI XII USB PIN SUV SUVS FAQ LGBT LGBTQ`.split(/\s+/),
);

/** Words before `of` that make `X of Y` one name (`Bank of England`, `Gulf of Aden`). */
const OF_HEADS = new Set([
  "republic", "states", "kingdom", "house", "houses", "people", "city", "state", "statue", "isle",
  "isles", "emirate", "sultanate", "province", "bay", "gulf", "cape", "straits", "strait", "sea", "duke",
  "duchess", "earl", "prince", "princess", "queen", "king", "lord", "lady", "bishop", "archbishop",
  "mayor", "secretary", "minister", "chancellor", "president", "director", "head", "chief", "court",
  "battle", "church", "order", "friends", "sons", "daughters", "museum", "island", "islands", "lake",
  "mount", "port", "district", "county", "union", "federation", "league", "bank", "university",
]);

const VERBISH_START = /^[a-z]{3,}(?:ing|ed|ly)$/;

/** Common nouns that often open `X said` (never people's names). */
const COMMON_SPEAKERS = new Set(
  `analysts officials police experts critics sources residents witnesses observers investigators
  authorities doctors scientists researchers economists lawyers prosecutors aides supporters
  opponents voters insiders organisers organizers campaigners fans people others many some both
  neither spokesman spokeswoman spokesperson officers troops rebels activists protesters`.split(/\s+/),
);

/** Roman numerals that may end a name (`World War II`, `Elizabeth II`). */
const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$/;

interface Context {
  text: string;
  tokens: readonly Token[];
  starts: boolean[];
  /** Words seen written in lower case somewhere in the text (`officials`, `government`). */
  lowerSeen: Set<string>;
  /** Surnames of PERSON mentions so far, lower case, particles stripped. */
  surnames: Set<string>;
  /** Last words of multi-word ORGANIZATION mentions so far (`post` of `Washington Post`). */
  orgTails: Set<string>;
  /** First words of multi-word ORGANIZATION mentions so far (`al-nusra` of `Al-Nusra Front`). */
  orgHeads: Set<string>;
  /** Words that stand alone as a one-word capitalised run somewhere in the text. */
  standalone: Set<string>;
  acronymCounts: Map<string, number>;
  out: Mention[];
}

function tok(ctx: Context, i: number): Token {
  return ctx.tokens[i] as Token;
}

function lower(t: Token): string {
  return t.text.toLowerCase();
}

function spanText(ctx: Context, a: number, b: number): string {
  return ctx.text.slice(tok(ctx, a).start, tok(ctx, b).end);
}

function spanWords(ctx: Context, a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(tok(ctx, i).text);
  return out;
}

/** `al-Assad` → `assad`; `Lavrov` → `lavrov`: how a bare surname would be written. */
export function surnameKey(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  const dash = w.indexOf("-");
  if (dash > 0 && SURNAME_PARTICLES.has(w.slice(0, dash))) return w.slice(dash + 1);
  return w;
}

function isTitleHead(t: Token): boolean {
  return t.kind === "word" && TITLE_HEADS.has(lower(t));
}

function isTitleModifier(t: Token): boolean {
  return t.kind === "word" && TITLE_MODIFIERS.has(lower(t));
}

function isFunctionWord(t: Token): boolean {
  // `US` and `IT` in capitals are names, not the pronoun or `it`.
  if (t.text.length > 1 && isAllCaps(t.text)) return false;
  return FUNCTION_WORDS.has(lower(t));
}

/** No gazetteer name is longer than this; longer strings are not looked up at all. */
const MAX_GAZETTEER_NAME = 60;

function lookupGazetteer(name: string): EntityType | null {
  if (name.length > MAX_GAZETTEER_NAME) return null;
  if (lookupCountry(name) || lookupCity(name) || isKnownRegion(name)) return "PLACE";
  if (isKnownOrganization(name)) return "ORGANIZATION";
  return null;
}

/** Memo of gazetteer answers for one text: names repeat, and lookups normalize strings. */
let gazetteerMemo = new Map<string, EntityType | null>();

/** The type a gazetteer gives the whole string, if any. */
function gazetteerType(name: string): EntityType | null {
  let type = gazetteerMemo.get(name);
  if (type === undefined) {
    type = lookupGazetteer(name);
    gazetteerMemo.set(name, type);
  }
  return type;
}

function emit(ctx: Context, type: EntityType, a: number, b: number): void {
  // A name never starts or ends with a connector (`& Taylor` after a split).
  while (a <= b && NAME_CONNECTORS.has(tok(ctx, a).text)) a++;
  while (b >= a && NAME_CONNECTORS.has(tok(ctx, b).text)) b--;
  if (a > b) return;
  const start = tok(ctx, a).start;
  const end = tok(ctx, b).end;
  ctx.out.push({ type, text: ctx.text.slice(start, end), start, end });
  if (type === "PERSON") {
    ctx.surnames.add(surnameKey(tok(ctx, b).text));
  } else if (type === "ORGANIZATION" && b > a) {
    ctx.orgTails.add(lower(tok(ctx, b)));
    const head = lower(tok(ctx, a));
    // A common word heading an organization (`Select Committee`) would turn every
    // capitalised `Select` into that organization.
    if (!ctx.lowerSeen.has(head) && !isGivenName(head)) ctx.orgHeads.add(head);
  }
}

/** A sentence-initial word that is only capitalised because it opens the sentence. */
function isCapitalisedCommonWord(ctx: Context, i: number, b: number): boolean {
  if (!ctx.starts[i]) return false;
  const t = tok(ctx, i);
  if (isAllCaps(t.text) && t.text.length > 1) return false;
  const w = lower(t);
  if (gazetteerType(t.text) !== null || isFamousSurname(w) || ctx.surnames.has(surnameKey(w))) return false;
  // `Bill Clinton`, `Mark Carney`: a given name followed by a name stays.
  if (i < b && isGivenName(w)) return false;
  // `Later Assad left`: an opening word glued to a known name is not part of it.
  if (i < b && (isKnownPersonWord(ctx, tok(ctx, i + 1)) || gazetteerType(spanText(ctx, i + 1, b)) !== null)) return true;
  return ctx.lowerSeen.has(w) || VERBISH_START.test(w);
}

/** Classifies tokens a..b (inclusive) of one chunk and emits mentions for them. */
function classify(ctx: Context, a: number, b: number): void {
  // 1. Whole-run gazetteer match, trying again after each stripped leading word
  //    (`The Hague` matches before `The` is dropped, `The US` after).
  for (;;) {
    if (a > b) return;
    const type = gazetteerType(spanText(ctx, a, b));
    if (type !== null) {
      emit(ctx, type, a, b);
      return;
    }
    const t = tok(ctx, a);
    if (isFunctionWord(t) || NAME_CONNECTORS.has(t.text) || isCapitalisedCommonWord(ctx, a, b)) {
      a++;
      continue;
    }
    break;
  }
  // A trailing connector cannot end a name (chunks never produce one, splits might).
  while (b > a && NAME_CONNECTORS.has(tok(ctx, b).text)) b--;

  // `EVENTUALLY VOTERS MAKE GOOD DECISIONS`: a run in capitals is shouting, not a
  // name; only its words that are names on their own count.
  if (a < b && allCapsRun(ctx, a, b)) {
    for (let i = a; i <= b; i++) classify(ctx, i, i);
    return;
  }
  // `Information Act`, `Grand Prix`, `World War II`: laws, events and prizes are dropped.
  const tail = b > a && ROMAN.test(tok(ctx, b).text) ? b - 1 : b;
  if (a < tail && NON_ENTITY_TAILS.has(lower(tok(ctx, tail)))) return;

  if (splitAtWeakOf(ctx, a, b)) return;
  if (splitAtTitle(ctx, a, b)) return;

  const words = spanWords(ctx, a, b);
  if (a < b && hasOrgKeyword(words)) {
    emit(ctx, "ORGANIZATION", a, b);
    return;
  }

  // Nationality words around a name are description (`Russian Sergei Lavrov`,
  // `South Carolina Republican`, `North Vietnamese`), and so are leading title
  // modifiers before a known name (`State Clinton` of `secretary of State Clinton`).
  if (isDemonym(spanText(ctx, a, b))) return;
  let changed = false;
  while (a <= b && (isDemonym(tok(ctx, a).text) || (a < b && isTitleModifier(tok(ctx, a)) && isKnownPersonWord(ctx, tok(ctx, a + 1))))) {
    a++;
    changed = true;
  }
  while (b >= a && isDemonym(tok(ctx, b).text)) {
    b--;
    changed = true;
    while (b >= a && COMPASS_WORDS.has(lower(tok(ctx, b)))) b--;
  }
  if (a > b) return;
  if (changed) {
    classify(ctx, a, b);
    return;
  }

  if (a < b) {
    classifyMultiWord(ctx, a, b);
  } else {
    classifySingleWord(ctx, a);
  }
}

function allCapsRun(ctx: Context, a: number, b: number): boolean {
  for (let i = a; i <= b; i++) {
    const t = tok(ctx, i).text;
    if (!(t.length > 1 && isAllCaps(t)) && !NAME_CONNECTORS.has(t.toLowerCase())) return false;
  }
  return true;
}

/**
 * `Putin of Russia` is two names, `Bank of England` one: split at an `of` whose left
 * word is not a head that takes an `of` complement. Returns true when it split.
 */
function splitAtWeakOf(ctx: Context, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const t = tok(ctx, i);
    if (t.text !== "of") continue;
    const head = lower(tok(ctx, i - 1));
    if (OF_HEADS.has(head) || ORG_KEYWORDS.has(head) || PLACE_SUFFIXES.has(head) || TITLE_HEADS.has(head)) continue;
    let right = i + 1;
    if (tok(ctx, right).text === "the" && right < b) right++;
    classify(ctx, a, i - 1);
    classify(ctx, right, b);
    return true;
  }
  return false;
}

/** True when the word names a person on its own here (given name, known or seen surname). */
function isKnownPersonWord(ctx: Context, t: Token): boolean {
  const w = lower(t);
  return isGivenName(w) || isFamousSurname(w) || ctx.surnames.has(surnameKey(w));
}

/**
 * `Syrian President Bashar al-Assad`, `US Secretary of State John Kerry`: the last title
 * in the run splits it; what follows the title is a person, what precedes it (minus
 * title modifiers and nationality words) is classified on its own. Returns true when a
 * title was found and handled.
 */
function splitAtTitle(ctx: Context, a: number, b: number): boolean {
  let h = -1;
  for (let i = b; i >= a; i--) {
    if (isTitleHead(tok(ctx, i))) {
      h = i;
      break;
    }
  }
  if (h < 0) return false;
  // `General Motors`, `Justice Department`: a keyword after the title makes it a body.
  if (h < b && hasOrgKeyword(spanWords(ctx, h + 1, b))) return false;

  // The title phrase may take an `of` complement: `Secretary of State`, `Minister of
  // Foreign Affairs`. It ends before the first word that looks like a person's name.
  let nameStart = h + 1;
  if (nameStart <= b && tok(ctx, nameStart).text === "of") {
    nameStart++;
    if (nameStart <= b && tok(ctx, nameStart).text === "the") nameStart++;
    while (nameStart <= b && !isKnownPersonWord(ctx, tok(ctx, nameStart))) nameStart++;
  }

  let p = h - 1;
  while (p >= a && (isTitleModifier(tok(ctx, p)) || isTitleHead(tok(ctx, p)) || isDemonym(tok(ctx, p).text))) p--;
  if (p >= a) classify(ctx, a, p);

  if (nameStart <= b) {
    const type = gazetteerType(spanText(ctx, nameStart, b));
    const nameWord = lower(tok(ctx, nameStart));
    // `General Election`: a common word after a title is no name.
    const common = nameStart === b && (ctx.lowerSeen.has(nameWord) || NON_ENTITY_TAILS.has(nameWord));
    // `President Trump`, `Mr Lavrov`; a gazetteer name after a title is what it is.
    if (type !== null || !common) emit(ctx, type ?? "PERSON", nameStart, b);
  }
  return true;
}

function classifyMultiWord(ctx: Context, a: number, b: number): void {
  const first = tok(ctx, a);
  const last = tok(ctx, b);
  if (PLACE_SUFFIXES.has(lower(last)) || PLACE_PREFIXES.has(lower(first))) {
    emit(ctx, "PLACE", a, b);
    return;
  }
  if (isGivenName(first.text) || SURNAME_PARTICLES.has(lower(first))) {
    emit(ctx, "PERSON", a, b);
    return;
  }
  // Runs whose first word is missing from the given-name list: a known or family-name
  // shaped surname (`Irina Shevchenko`), or a last word that also stands alone in the
  // text (`Tad Devine` ... `Devine said`) marks a person; organizations are seldom
  // called by their last word alone.
  const lastKey = surnameKey(last.text);
  const titlecase = b - a <= 2 && !isAllCaps(last.text);
  if (
    isFamousSurname(lastKey) ||
    ctx.surnames.has(lastKey) ||
    (titlecase && hasSurnameEnding(last.text)) ||
    (titlecase && ctx.standalone.has(lastKey) && gazetteerType(last.text) === null)
  ) {
    emit(ctx, "PERSON", a, b);
    return;
  }
  emit(ctx, "ORGANIZATION", a, b);
}

function classifySingleWord(ctx: Context, i: number): void {
  const t = tok(ctx, i);
  const w = lower(t);
  if (ctx.surnames.has(surnameKey(w)) || isFamousSurname(surnameKey(w))) {
    emit(ctx, "PERSON", i, i);
    return;
  }
  if (ctx.orgTails.has(w) || ctx.orgHeads.has(w)) {
    emit(ctx, "ORGANIZATION", i, i);
    return;
  }
  if (isAllCaps(t.text) && t.text.length >= 2 && !NON_ENTITY_ACRONYMS.has(t.text.replace(/\./g, ""))) {
    // `Securities and Exchange Commission (SEC)`: an acronym defined in parentheses takes
    // the type of the name it abbreviates; otherwise a repeated acronym is an organization.
    const prevMention = ctx.out[ctx.out.length - 1];
    const open = ctx.tokens[i - 1];
    if (open?.text === "(" && prevMention && ctx.text.slice(prevMention.end, open.start).trim() === "") {
      emit(ctx, prevMention.type, i, i);
      return;
    }
    if ((ctx.acronymCounts.get(t.text) ?? 0) >= 2) {
      emit(ctx, "ORGANIZATION", i, i);
      return;
    }
  }
  // `Estrosi told reporters`: an unknown name as the subject of a speech verb is a
  // person (organizations that speak are known, multi-word or acronyms). A plural
  // opening a sentence (`Analysts said`) is a common noun.
  const next = ctx.tokens[i + 1];
  if (
    next !== undefined &&
    !(ctx.starts[i] && w.endsWith("s")) &&
    !COMMON_SPEAKERS.has(w) &&
    next.kind === "word" &&
    SPEECH_VERBS.has(next.text) &&
    t.text.length >= 3 &&
    !isAllCaps(t.text) &&
    !ORG_KEYWORDS.has(w) &&
    !TITLE_HEADS.has(w) &&
    !isDemonym(w) &&
    !ctx.lowerSeen.has(w)
  ) {
    emit(ctx, "PERSON", i, i);
    return;
  }
  // `Russia-backed`, `Obama-era`: a known name glued to a lowercase modifier.
  const dash = t.text.indexOf("-");
  if (dash > 0) {
    const head = t.text.slice(0, dash);
    const rest = t.text.slice(dash + 1);
    if (rest !== "" && rest === rest.toLowerCase()) {
      const type = gazetteerType(head) ?? (isFamousSurname(head.toLowerCase()) || ctx.surnames.has(head.toLowerCase()) ? "PERSON" : null);
      if (type !== null) {
        ctx.out.push({ type, text: head, start: t.start, end: t.start + dash });
        if (type === "PERSON") ctx.surnames.add(head.toLowerCase());
      }
    }
  }
}

function collectWordStats(tokens: readonly Token[]): { lowerSeen: Set<string>; acronymCounts: Map<string, number> } {
  const lowerSeen = new Set<string>();
  const acronymCounts = new Map<string, number>();
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    const c = t.text.charAt(0);
    if (c === c.toLowerCase() && c !== c.toUpperCase()) lowerSeen.add(t.text);
    else if (t.text.length >= 2 && isAllCaps(t.text)) acronymCounts.set(t.text, (acronymCounts.get(t.text) ?? 0) + 1);
  }
  return { lowerSeen, acronymCounts };
}

/**
 * `Securities and Exchange Commission`, `Bosnia and Herzegovina`: `and` joins two runs
 * only when the whole is a gazetteer name or the right run is an organization by keyword
 * and the left one names nothing on its own (so `Moscow and Washington` stay apart).
 */
function joinAndChunks(text: string, tokens: readonly Token[], chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    const and = tokens[c.first - 1];
    if (prev && and && prev.last === c.first - 2 && and.text === "and" && c.last - prev.first < MAX_CHUNK_TOKENS) {
      const whole = text.slice((tokens[prev.first] as Token).start, (tokens[c.last] as Token).end);
      const left = text.slice((tokens[prev.first] as Token).start, (tokens[prev.last] as Token).end);
      const rightWords: string[] = [];
      for (let i = c.first; i <= c.last; i++) rightWords.push((tokens[i] as Token).text);
      const leftNamesSomething =
        lookupGazetteer(left) !== null || isFamousSurname(left.toLowerCase()) || isGivenName((tokens[prev.first] as Token).text);
      // A one-word right run (`House and Senate`) is more often a second body than a tail.
      if (lookupGazetteer(whole) !== null || (rightWords.length > 1 && hasOrgKeyword(rightWords) && !leftNamesSomething)) {
        out[out.length - 1] = { first: prev.first, last: c.last };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The baseline mention finder: every mention is a clean slice of `text`, in text order. */
export const findMentions: MentionFinder = (text, tokens) => {
  const { lowerSeen, acronymCounts } = collectWordStats(tokens);
  const ctx: Context = {
    text,
    tokens,
    starts: sentenceStarts(tokens),
    lowerSeen,
    surnames: new Set(),
    orgTails: new Set(),
    orgHeads: new Set(),
    standalone: new Set(),
    acronymCounts,
    out: [],
  };
  const chunks = joinAndChunks(text, tokens, findNameChunks(tokens));
  for (const c of chunks) {
    if (c.first === c.last) ctx.standalone.add(surnameKey((tokens[c.first] as Token).text));
  }
  // The memo lives for one call only, so memory stays bounded by one text's names.
  gazetteerMemo = new Map();
  try {
    for (const chunk of chunks) classify(ctx, chunk.first, chunk.last);
  } finally {
    gazetteerMemo = new Map();
  }
  return ctx.out.sort((x, y) => x.start - y.start);
};
