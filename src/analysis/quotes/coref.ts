// Who a speaker pronoun or description stands for.
//
// Pronouns (`he`, `she`) go to the most salient person before them, in the spirit of
// Lappin & Leass: every earlier mention adds weight to its person, more for subjects (of
// the whole noun phrase: `Obama consultant Cornell Belcher` is Belcher the subject) and
// most for people just quoted or reported (`Ushakov confirmed`, `Hendler, a Democratic
// operative, warned`), halved with every sentence between; a gender known from a given
// name or honorific that disagrees rules a person out. A person's salience is their best
// mention plus a share of the others. The narrative's own `he`/`she` are resolved in text
// order and add to the person they stand for (`Asked who leads, he said Ryan. “...,” he
// said` stays with the first `he`).
//
// Descriptions go to the entity the article described so: `the Russian president` to the
// person introduced as `Russian President Vladimir Putin` (or `Putin, the Russian
// president,`), `the newspaper`/`the American daily` to the news outlet last named,
// `the ministry` to the last organization with that word in its name; `the Democratic
// candidate`, described so nowhere, to the most salient person of no other party.

import type { Mention } from "../../domain/extraction.ts";
import type { Token } from "../tokenize.ts";
import { isMediaName } from "../../lexicon/organizations.ts";
import { CUE_AUXILIARIES, cueLemma, FUNCTION_WORDS, MEDIA_NOUNS, ORG_NOUNS, PERSON_NOUNS, PREPOSITIONS, REPORT_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from "../../lexicon/words.ts";
import { cueAt } from "./cues.ts";
import type { Context, Gender } from "./context.ts";
import { inQuote } from "./context.ts";
import type { SpeakerWords } from "./speakers.ts";

/** A speaker already found, at the token of its quotation's attribution. */
export interface EarlierSpeaker {
  at: number;
  mention: Mention;
}

/** How far back a pronoun looks, in paragraphs and tokens (the token bound keeps huge paragraphs linear). */
const ANTECEDENT_PARAGRAPHS = 4;
const ANTECEDENT_TOKENS = 700;
/** How far back a description looks, in tokens. */
const DESCRIPTION_TOKENS = 3000;

/** Organizations named after the person they speak for (`the Trump campaign`). */
const CAMPAIGN_NOUNS = new Set(["campaign", "camp"]);

const W_RECENCY = 100;
const W_SUBJECT = 80;
const W_OBJECT = 40;
const W_OBLIQUE = 10;
const W_REPORTING = 100;
const W_SPEAKER = 200;
/** A person introduced with an appositive (`Henry Crespo, president of ...,`): about to be quoted. */
const W_INTRODUCED = 100;
const KNOWN_GENDER_FACTOR = 1.5;
const SUM_SHARE = 0.15;
const LINK_SHARE = 1;

const CLAUSE_BOUNDARY_WORDS = new Set(["and", "but", "that", "while", "when", "because", "as", "after", "before", "if", "although", "though", "since", "so", "then", "where"]);

/** Abbreviated titles, spelt out to match descriptions (`Sen.` = `the senator`). */
const TITLE_EXPANSIONS: Record<string, string> = {
  "sen.": "senator", sen: "senator", "gov.": "governor", gov: "governor", "rep.": "representative",
  rep: "representative", "pres.": "president", "gen.": "general", "sec.": "secretary", "amb.": "ambassador",
  "atty.": "attorney", "lt.": "lieutenant", "col.": "colonel", "capt.": "captain", "dr.": "doctor",
  "sgt.": "sergeant", "adm.": "admiral", "rev.": "reverend", "prof.": "professor", congressman: "congressman",
  "president-elect": "president", "vice-president": "vice", frontrunner: "front-runner", ceo: "executive",
};

interface CorefCache {
  role: Map<Mention, number>;
  /** Person key → words that described the person (titles before, appositives after). */
  descriptors: Map<string, Set<string>>;
  /** Token → latest organization / news outlet mention ending before it. */
  lastOrgBefore: (Mention | undefined)[];
  lastMediaBefore: (Mention | undefined)[];
  /** Person mentions in text order, with the token index of their last token. */
  people: { mention: Mention; last: number }[];
  orgs: { mention: Mention; last: number }[];
  /** Last word (lower case) → person and organization mentions ending with it, in text order. */
  byLastWord: Map<string, { mention: Mention; last: number }[]>;
  /** Surname → person key → the full-name mentions of that person, in text order. */
  fullNames: Map<string, Map<string, { mention: Mention; last: number }[]>>;
  /** `he`/`she` outside quotations, in text order: the tokens, and the people resolved so far. */
  pronouns: number[];
  chain: ChainLink[];
}

/** A `he`/`she` of the narrative resolved to a person: it adds to that person's salience. */
interface ChainLink {
  last: number;
  mention: Mention;
  gender: Gender;
}

/** Number of entries of `list` ending before token `at` (binary search). */
function before(list: readonly { last: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { last: number }).last < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const caches = new WeakMap<Context, CorefCache>();

function cache(ctx: Context): CorefCache {
  let c = caches.get(ctx);
  if (c) return c;
  const lastOrgBefore = new Array<Mention | undefined>(ctx.tokens.length);
  const lastMediaBefore = new Array<Mention | undefined>(ctx.tokens.length);
  const people: { mention: Mention; last: number }[] = [];
  const orgs: { mention: Mention; last: number }[] = [];
  let org: Mention | undefined;
  let media: Mention | undefined;
  for (let i = 0; i < ctx.tokens.length; i++) {
    lastOrgBefore[i] = org;
    lastMediaBefore[i] = media;
    const m = ctx.mentionAt[i];
    if (m && ctx.mentionAt[i + 1] !== m) {
      if (ctx.personAlias.has(m)) {
        if (!inQuote(ctx, i)) people.push({ mention: m, last: i });
      } else if (m.type === "ORGANIZATION") {
        org = m;
        orgs.push({ mention: m, last: i });
        if (isMediaName(m.text)) media = m;
      } else if (m.type === "PERSON" && !inQuote(ctx, i)) {
        people.push({ mention: m, last: i });
      }
    }
  }
  const byLastWord = new Map<string, { mention: Mention; last: number }[]>();
  const fullNames = new Map<string, Map<string, { mention: Mention; last: number }[]>>();
  for (let i = 0; i < ctx.tokens.length; i++) {
    const m = ctx.mentionAt[i];
    if (!m || m.type === "PLACE" || ctx.mentionAt[i + 1] === m) continue;
    const words = m.text.toLowerCase().split(/\s+/);
    const lastWord = words[words.length - 1] as string;
    const list = byLastWord.get(lastWord) ?? [];
    list.push({ mention: m, last: i });
    byLastWord.set(lastWord, list);
    if (m.type === "PERSON" && words.length > 1) {
      const byKey = fullNames.get(lastWord) ?? new Map<string, { mention: Mention; last: number }[]>();
      const key = ctx.personKey.get(m) ?? m.text;
      const own = byKey.get(key) ?? [];
      own.push({ mention: m, last: i });
      byKey.set(key, own);
      fullNames.set(lastWord, byKey);
    }
  }
  const pronouns: number[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "word" && pronounGender(t.text) !== null && !inQuote(ctx, i)) pronouns.push(i);
  }
  c = { role: new Map(), descriptors: personDescriptors(ctx, people), lastOrgBefore, lastMediaBefore, people, orgs, byLastWord, fullNames, pronouns, chain: [] };
  caches.set(ctx, c);
  return c;
}

function lower(ctx: Context, i: number): string {
  return (ctx.tokens[i]?.text ?? "").toLowerCase();
}

function descriptorWord(w: string): string {
  return TITLE_EXPANSIONS[w] ?? (w.endsWith(".") ? w.slice(0, -1) : w);
}

/** Titles before a person's name and appositives after it, per person key. */
function personDescriptors(ctx: Context, people: readonly { mention: Mention; last: number }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { mention, last } of people) {
    const key = ctx.personKey.get(mention) ?? mention.text;
    const words = out.get(key) ?? new Set<string>();
    const first = ctx.mentionStart[last] as number;
    // `former Florida Gov.`, `Russian President`, `Secretary of State`.
    for (let i = first - 1; i >= 0 && first - i <= 5; i--) {
      const t = ctx.tokens[i] as Token;
      if (t.kind !== "word" || ctx.mentionAt[i]?.type === "PERSON" || ctx.paragraph[i] !== ctx.paragraph[first]) break;
      const w = t.text.toLowerCase();
      if (["the", "a", "an", "and", "said", "says", "told", "by", "with", "to", "from"].includes(w)) break;
      // `The Treasury secretary also lauded Mr. Kim`: a verb ends the words that describe him.
      if (PREPOSITIONS.has(w) || CUE_AUXILIARIES.has(w) || (t.text === w && cueLemma(w) !== undefined)) break;
      words.add(descriptorWord(w));
    }
    // `Putin, the Russian president,` / `Jim Clyburn, a Democratic congressman from ...`.
    if (ctx.tokens[last + 1]?.text === ",") {
      for (let i = last + 2; i < ctx.tokens.length && i - last <= 12; i++) {
        const t = ctx.tokens[i] as Token;
        if (t.kind !== "word" || ctx.mentionAt[i]?.type === "PERSON") break;
        const w = t.text.toLowerCase();
        if (PREPOSITIONS.has(w) || w === "who") break;
        words.add(descriptorWord(w));
      }
    }
    out.set(key, words);
  }
  return out;
}

/** Whether token `k` is a word describing a person inside their noun phrase (`former`, `consultant`, `Republican`). */
function isDescriptorWord(ctx: Context, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word" || ctx.mentionAt[k]) return false;
  const w = t.text.toLowerCase();
  if (PERSON_NOUNS.has(w) || TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || DESCRIPTOR_ADJECTIVES.has(w)) return true;
  // `Republican`, `Democratic`, `GOP` inside a sentence: capitalised words that name no entity.
  return t.text.charAt(0) !== w.charAt(0) && !PREPOSITIONS.has(w) && !FUNCTION_WORDS.has(w) && ctx.sentence[k - 1] === ctx.sentence[k];
}

/** Adjectives that describe a person before their name (`longtime adviser`, `top aide`). */
const DESCRIPTOR_ADJECTIVES = new Set(["top", "longtime", "veteran", "conservative", "liberal", "progressive", "presidential", "political", "black", "white", "retired", "fellow", "campaign", "tech", "radio", "talk", "television", "news", "party", "state", "county", "city", "local", "democratic", "republican", "independent", "gop", "rival", "delegate", "supporter", "critic", "ally", "friend", "resident", "voter", "member"]);

/**
 * The first token of the noun phrase a person mention heads: back over the words that
 * describe the person (`Obama consultant Cornell Belcher`, `Trump’s spokeswoman Hope Hicks`,
 * `the Republican presidential candidate Donald Trump`).
 */
function phraseStart(ctx: Context, first: number): number {
  let s = first;
  for (let k = first - 1; k >= 0 && first - k <= 8; k--) {
    if (ctx.sentence[k] !== ctx.sentence[first] || inQuote(ctx, k)) break;
    const t = ctx.tokens[k] as Token;
    if (isDescriptorWord(ctx, k)) {
      s = k;
      continue;
    }
    if (s === first) break;
    // `Obama consultant`, `NBC’s correspondent`: an entity premodifying the description.
    if (t.kind === "clitic" && /^['’]s$/.test(t.text) && ctx.mentionAt[k - 1]) {
      k = ctx.mentionStart[k - 1] as number;
      s = k;
      continue;
    }
    const m = ctx.mentionAt[k];
    if (m) {
      k = ctx.mentionStart[k] as number;
      s = k;
      continue;
    }
    if (["the", "a", "an", "his", "her", "their", "its"].includes(t.text.toLowerCase())) s = k;
    break;
  }
  return s;
}

/** Whether the mention ending at `last` only premodifies a person named right after it (`Obama consultant Cornell Belcher`). */
function premodifies(ctx: Context, last: number): boolean {
  let k = last + 1;
  if (ctx.tokens[k]?.kind === "clitic") k++;
  const from = k;
  while (k - from < 5 && isDescriptorWord(ctx, k)) k++;
  return k > from && ctx.mentionAt[k]?.type === "PERSON";
}

/**
 * The comma closing an appositive after the mention ending at `last` (`Josh Hendler, a top
 * Democratic tech operative, warned`), when the appositive describes a person; else -1.
 */
function appositiveEnd(ctx: Context, last: number): number {
  if (ctx.tokens[last + 1]?.text !== ",") return -1;
  let described = false;
  for (let k = last + 2; k < ctx.tokens.length && k - last <= 20; k++) {
    const t = ctx.tokens[k] as Token;
    if (inQuote(ctx, k) || ctx.sentence[k] !== ctx.sentence[last] || t.lineBreakBefore) return -1;
    if (ctx.mentionAt[k]?.type === "PERSON" && !described) return -1;
    if (t.text === ",") return described ? k : -1;
    const w = t.text.toLowerCase();
    if (PERSON_NOUNS.has(w) || PERSON_NOUNS.has(w.replace(/s$/, "")) || TITLE_HEADS.has(w) || t.kind === "number") described = true;
    if (k === last + 2 && ["a", "an", "the", "who"].includes(w)) described = true;
  }
  return -1;
}

/**
 * The grammatical weight of a mention: subject, object or oblique, plus a bonus when it is
 * the subject of a reporting verb (`Ushakov confirmed`, `said Ushakov`).
 */
function roleWeight(ctx: Context, c: CorefCache, m: Mention, last: number): number {
  const known = c.role.get(m);
  if (known !== undefined) return known;
  const first = ctx.mentionStart[last] as number;
  // The subject test looks before the whole noun phrase (`Obama consultant Cornell Belcher`).
  const np = phraseStart(ctx, first);
  const prev = ctx.tokens[np - 1];
  const prevLower = lower(ctx, np - 1);
  const next = ctx.tokens[last + 1];
  let w: number;
  const modifier = premodifies(ctx, last);
  if (modifier || (next && next.kind === "clitic")) w = W_OBLIQUE;
  else if (prev && prev.kind === "word" && PREPOSITIONS.has(prevLower)) w = W_OBLIQUE;
  else if (
    !prev ||
    ctx.sentence[np - 1] !== ctx.sentence[np] ||
    prev.kind === "quote" ||
    [",", ":", "(", "—", "–"].includes(prev.text) ||
    CLAUSE_BOUNDARY_WORDS.has(prevLower) ||
    (prev.kind === "word" && prev.text.charAt(0) !== prevLower.charAt(0))
  ) {
    w = W_SUBJECT;
  } else {
    w = W_OBJECT;
  }
  // Reporting subject: `Ushakov said`, `Trump has also told`, `said Ushakov`, and past an
  // appositive, `Josh Hendler, a Democratic operative, warned`.
  const apposition = appositiveEnd(ctx, last);
  let k = apposition >= 0 ? apposition + 1 : last + 1;
  const from = k;
  while (k < ctx.tokens.length && k - from <= 3 && ["has", "had", "also", "then", "later", "again", "have", "was", "is", "recently", "previously"].includes(lower(ctx, k))) k++;
  const cue = cueAt(ctx.tokens, k);
  // A loose cue reports too when no object follows it (`McLaughlin agreed with Matthews`).
  const afterCue = cue ? lower(ctx, cue.end + 1) : "";
  const reports = cue !== null && cue.kind === "verb" && (!cue.weak || ["with", "that", ",", ".", ":"].includes(afterCue));
  // `noted NBC’s Dante Chinni`: an inverted subject, possibly after its outlet.
  let b = first - 1;
  if (ctx.tokens[b]?.kind === "clitic" && ctx.mentionAt[b - 1]) b = (ctx.mentionStart[b - 1] as number) - 1;
  const before = cueAt(ctx.tokens, b);
  if (!modifier && (reports || (before && before.kind === "verb" && !before.weak && !before.listener))) w += W_REPORTING;
  // `According to Ham, ...`: the source of what the sentence reports.
  if (lower(ctx, first - 1) === "to" && lower(ctx, first - 2) === "according") w = W_SUBJECT + W_REPORTING;
  // `Henry Crespo, president of the ... Caucus.`, `Brewer, an early supporter of Trump,`: a name with its description.
  // Not a name that is itself an appositive (`his counterpart, Sergey Lavrov, many times`).
  if (next?.text === "," && ctx.tokens[first - 1]?.text !== ",") {
    const after = lower(ctx, last + 2);
    const noun = lower(ctx, last + 3);
    if (apposition >= 0 || (["a", "an", "the"].includes(after) ? PERSON_NOUNS.has(noun) || PERSON_NOUNS.has(lower(ctx, last + 4)) : PERSON_NOUNS.has(after))) w += W_INTRODUCED;
  }
  c.role.set(m, w);
  return w;
}

function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  return p === "he" ? "m" : p === "she" ? "f" : null;
}

/**
 * The organization `it` stands for as a speaker (`The Post reported ... It added`): the
 * latest organization named outside quotations in this or the previous paragraph.
 */
function resolveIt(ctx: Context, at: number): Mention | null {
  const c = cache(ctx);
  const home = ctx.paragraph[at] ?? 0;
  for (let k = before(c.orgs, at) - 1; k >= 0; k--) {
    const { mention, last } = c.orgs[k] as { mention: Mention; last: number };
    if ((ctx.paragraph[last] ?? 0) < home - 1 || at - last > ANTECEDENT_TOKENS) break;
    if (!inQuote(ctx, last)) return mention;
  }
  return null;
}

/** The person (or for `it`, organization) a speaker pronoun at token `at` stands for, or null. */
export function resolvePronoun(ctx: Context, at: number, pronoun: string, earlier: readonly EarlierSpeaker[]): Mention | null {
  if (pronoun.toLowerCase() === "it") return resolveIt(ctx, at);
  const gender = pronounGender(pronoun);
  if (gender === null) return null;
  const c = cache(ctx);
  extendChain(ctx, c, at, earlier);
  return antecedent(ctx, c, at, gender, earlier);
}

/** Index into `c.pronouns` of the first pronoun not yet resolved into the chain. */
const chainProgress = new WeakMap<CorefCache, number>();

/**
 * Resolves the narrative's `he`/`she` before token `at` in text order, each with the links
 * before it (`he said Ryan` keeps `he` the person the paragraph is about).
 */
function extendChain(ctx: Context, c: CorefCache, at: number, earlier: readonly EarlierSpeaker[]): void {
  let next = chainProgress.get(c) ?? 0;
  while (next < c.pronouns.length && (c.pronouns[next] as number) < at) {
    const p = c.pronouns[next] as number;
    next++;
    const gender = pronounGender((ctx.tokens[p] as Token).text) as Gender;
    const m = antecedent(ctx, c, p, gender, earlier);
    if (m) c.chain.push({ last: p, mention: m, gender });
  }
  chainProgress.set(c, next);
}

/** The weight of a pronoun link: a subject, more when it reports (`he said`). */
function linkWeight(ctx: Context, p: number): number {
  let k = p + 1;
  while (k < ctx.tokens.length && k - p <= 3 && ["has", "had", "also", "then", "later", "again", "have", "was", "is", "recently", "previously"].includes(lower(ctx, k))) k++;
  const cue = cueAt(ctx.tokens, k);
  return W_RECENCY + W_SUBJECT + (cue !== null && cue.kind === "verb" && !cue.weak ? W_REPORTING : 0);
}

/** The most salient person of `gender` before token `at`. */
function antecedent(ctx: Context, c: CorefCache, at: number, gender: Gender | null, earlier: readonly EarlierSpeaker[]): Mention | null {
  const home = ctx.paragraph[at] ?? 0;
  const here = ctx.sentence[at] ?? 0;
  const minToken = Math.max(0, at - ANTECEDENT_TOKENS);
  const score = new Map<string, number>();
  const total = new Map<string, number>();
  const latest = new Map<string, Mention>();
  const add = (m: Mention, last: number, weight: number): void => {
    const g = ctx.gender.get(m);
    if (g !== undefined && gender !== null && g !== gender) return;
    const key = ctx.personKey.get(m) ?? m.text;
    const distance = Math.max(0, here - (ctx.sentence[last] ?? 0));
    let w = weight / 2 ** distance;
    if (g === gender) w *= KNOWN_GENDER_FACTOR;
    score.set(key, Math.max(score.get(key) ?? 0, w));
    total.set(key, (total.get(key) ?? 0) + w);
    if (!latest.has(key)) latest.set(key, m);
  };
  const inWindow = (last: number): boolean => last >= minToken && (ctx.paragraph[last] ?? 0) >= home - ANTECEDENT_PARAGRAPHS;
  // People mentioned before the pronoun, latest first.
  for (let k = before(c.people, at) - 1; k >= 0; k--) {
    const { mention, last } = c.people[k] as { mention: Mention; last: number };
    if (!inWindow(last)) break;
    add(mention, last, W_RECENCY + roleWeight(ctx, c, mention, last));
  }
  for (let k = before(c.chain, at) - 1; k >= 0; k--) {
    const link = c.chain[k] as ChainLink;
    if (!inWindow(link.last)) break;
    if (gender === null || link.gender === gender) add(link.mention, link.last, linkWeight(ctx, link.last) * LINK_SHARE);
  }
  for (let k = earlier.length - 1; k >= 0; k--) {
    const s = earlier[k] as EarlierSpeaker;
    if (s.at >= at) continue;
    if (!inWindow(s.at)) break;
    if (s.mention.type === "PERSON") add(s.mention, s.at, W_SPEAKER);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, top] of score) {
    const s = top + SUM_SHARE * ((total.get(key) ?? top) - top);
    if (s > bestScore) {
      best = key;
      bestScore = s;
    }
  }
  if (best === null) return null;
  const latestMention = latest.get(best) ?? null;
  const chosen = latestMention ? (ctx.personAlias.get(latestMention) ?? latestMention) : null;
  return chosen && gender ? fullNameOfGender(ctx, c, chosen, gender, at) : chosen;
}

/**
 * For a bare surname shared by several full names of the text (`Clinton` with `Bill Clinton`
 * and `Hillary Clinton`), the latest full name before `at` whose gender fits the pronoun;
 * otherwise the mention itself.
 */
function fullNameOfGender(ctx: Context, c: CorefCache, m: Mention, gender: Gender, at: number): Mention {
  if (m.text.includes(" ")) return m;
  const people = c.fullNames.get(m.text.toLowerCase());
  if (!people || people.size < 2) return m;
  // Full names of the pronoun's gender; failing one, those whose gender is not known to
  // differ (`Ted Cruz` beside `Heidi Cruz` for `he`). Of several, the one named in full as a
  // subject latest before `at` (`Homeland Security Secretary Jeh Johnson says` after a `Gary
  // Johnson` item earlier in a live blog; not his father, `accused Rafael Cruz`).
  const pick = (fits: (g: Gender | undefined) => boolean): { mention: Mention; last: number }[] | null => {
    let fitting: { mention: Mention; last: number }[] | null = null;
    let latest = -1;
    for (const list of people.values()) {
      const n = before(list, at);
      if (n === 0 || !fits(personGender(ctx, list))) continue;
      // Named as a subject (`Ted Cruz said`), not in passing (`accused Rafael Cruz`).
      let named = -1;
      for (let k = n - 1; k >= 0 && named < 0; k--) {
        const { mention, last } = list[k] as { mention: Mention; last: number };
        if (roleWeight(ctx, c, mention, last) >= W_SUBJECT) named = last + ctx.tokens.length;
      }
      if (named < 0) named = (list[n - 1] as { last: number }).last;
      if (named > latest) {
        fitting = list;
        latest = named;
      }
    }
    return fitting;
  };
  let fitting = pick((g) => g === gender);
  if (fitting === null) fitting = pick((g) => g === undefined || g === gender);
  return fitting ? ((fitting[before(fitting, at) - 1] as { mention: Mention }).mention) : m;
}

/** The gender known for any of a person's mentions. */
function personGender(ctx: Context, list: readonly { mention: Mention }[]): Gender | undefined {
  for (const { mention } of list) {
    const g = ctx.gender.get(mention);
    if (g !== undefined) return g;
  }
  return undefined;
}

/** How many same-surname mentions a name looks at on either side. */
const NAME_LOOKUPS = 50;

const NAME_TITLES = /^(?:mr|mrs|ms|miss|dr|sen|rep|gov|del|gen|prof|rev|sir|lady|lord|president|senator|governor|secretary|minister|judge|mayor)\.?$/i;

/**
 * The mention a name the mention finder missed stands for (`said Mr. King`, `PENCE:`): a
 * person or organization of the text with the same name, or, for one word, the same
 * last word; the latest before `at`, else the first after.
 */
export function resolveName(ctx: Context, sw: SpeakerWords, at: number): Mention | null {
  const words: string[] = [];
  for (let i = sw.start; i <= sw.end; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "word" && !(words.length === 0 && NAME_TITLES.test(t.text))) words.push(t.text.toLowerCase());
  }
  if (words.length === 0) return null;
  const name = words.join(" ");
  const last = words[words.length - 1] as string;
  const candidates = cache(ctx).byLastWord.get(last);
  if (!candidates) return null;
  const fits = (m: Mention): boolean => {
    const text = m.text.toLowerCase();
    return text === name || words.length === 1 || text.startsWith(`${words[0] as string} `);
  };
  // The latest fitting one before `at`, else the first after (a bounded look either way).
  const k = before(candidates, at);
  for (let j = k - 1; j >= 0 && k - j <= NAME_LOOKUPS; j--) {
    const m = (candidates[j] as { mention: Mention }).mention;
    if (fits(m)) return m;
  }
  for (let j = k; j < candidates.length && j - k < NAME_LOOKUPS; j++) {
    const m = (candidates[j] as { mention: Mention }).mention;
    if (fits(m)) return m;
  }
  return null;
}

const PARTIES: readonly (readonly string[])[] = [
  ["republican", "gop", "conservative"],
  ["democratic", "democrat", "liberal"],
];

/** Whether a description names one party and the person was described with another only. */
function otherParty(modifiers: readonly string[], words: ReadonlySet<string>): boolean {
  const own = PARTIES.findIndex((p) => modifiers.some((w) => p.includes(w)));
  if (own < 0) return false;
  const has = (p: readonly string[]) => p.some((w) => words.has(w));
  return !has(PARTIES[own] as readonly string[]) && PARTIES.some((p, i) => i !== own && has(p));
}

/** The entity a description (`the Russian president`, `the daily`) at token `at` stands for, or null. */
export function resolveDescription(ctx: Context, sw: SpeakerWords, at: number, earlier: readonly EarlierSpeaker[] = []): Mention | null {
  const c = cache(ctx);
  const head = lower(ctx, sw.head);
  // `Cruz himself said`: the name the reflexive stresses.
  if (REFLEXIVES.has(head)) {
    const named = ctx.mentionAt[sw.head - 1];
    return named && named.type !== "PLACE" ? (ctx.personAlias.get(named) ?? named) : null;
  }
  // `the editorial board writes`: the newspaper's board speaks for the newspaper.
  if (head === "board" && lower(ctx, sw.head - 1) === "editorial") return c.lastMediaBefore[at] ?? null;
  if (MEDIA_NOUNS.has(head) || REPORT_NOUNS.has(head)) {
    if (sw.mention && sw.mention.type === "ORGANIZATION") return sw.mention;
    return c.lastMediaBefore[at] ?? null;
  }
  // `Clinton’s campaign`, `the Trump campaign`: the candidate speaks through it.
  if (CAMPAIGN_NOUNS.has(head)) {
    for (let i = sw.head - 1; i >= sw.start; i--) {
      const m = ctx.mentionAt[i];
      if (m?.type === "PERSON") return m;
    }
  }
  if (ORG_NOUNS.has(head)) {
    // The latest organization with the noun in its name (`the committee` → `House
    // Oversight Committee`), else the latest organization for the most generic nouns.
    const singular = head.replace(/s$/, "");
    for (let k = before(c.orgs, at) - 1, seen = 0; k >= 0 && seen < 60; k--, seen++) {
      const { mention, last } = c.orgs[k] as { mention: Mention; last: number };
      if (at - last > DESCRIPTION_TOKENS) break;
      if (mention.text.toLowerCase().includes(singular)) return mention;
    }
    return null;
  }
  if (PERSON_NOUNS.has(head) || PERSON_NOUNS.has(head.replace(/s$/, ""))) {
    if (head.endsWith("s") && !PERSON_NOUNS.has(head)) return null; // `officials`: many people
    // `a Clinton aide`, `one Trump adviser`: someone new, not someone named before.
    if (["a", "an", "one", "another", "some"].includes(lower(ctx, sw.start))) return null;
    for (let i = sw.start; i < sw.head; i++) if (ctx.mentionAt[i]?.type === "PERSON") return null;
    const modifiers: string[] = [];
    for (let i = sw.start; i < sw.head; i++) {
      const w = lower(ctx, i);
      if (!["the", "a", "an", "this", "that", "his", "her", "their", "its"].includes(w)) modifiers.push(descriptorWord(w));
    }
    const title = descriptorWord(head);
    const seen = new Set<string>();
    let best: Mention | null = null;
    let bestScore = -1;
    for (let k = before(c.people, at) - 1; k >= 0; k--) {
      const { mention, last } = c.people[k] as { mention: Mention; last: number };
      if (at - last > DESCRIPTION_TOKENS) break;
      // Each person once, at their latest mention.
      const key = ctx.personKey.get(mention) ?? mention.text;
      if (seen.has(key)) continue;
      seen.add(key);
      const words = c.descriptors.get(key);
      if (!words || !words.has(title)) continue;
      // `the GOP front-runner` is not the one introduced as `Democratic front-runner`.
      if (otherParty(modifiers, words)) continue;
      let s = 0;
      for (const w of modifiers) if (words.has(w)) s++;
      if (s > bestScore) {
        best = mention;
        bestScore = s;
      }
    }
    if (best || lower(ctx, sw.start) !== "the" || !CAMPAIGNER_NOUNS.has(head)) return best;
    // `The Democratic presidential candidate blasted ...`, `the billionaire front-runner said`:
    // a definite description of a candidate or politician nobody was described as is the
    // most salient person, as for a pronoun, unless of another party. Only party words may
    // qualify it (`the French minister`, `the New Hampshire Union Leader` are someone else).
    for (let i = sw.start + 1; i < sw.head; i++) {
      const t = ctx.tokens[i] as Token;
      if (t.text.charAt(0) !== t.text.charAt(0).toLowerCase() && !PARTIES.some((p) => p.includes(t.text.toLowerCase()))) return null;
    }
    const gender: Gender | null = FEMALE_NOUNS.has(head) ? "f" : MALE_NOUNS.has(head) ? "m" : null;
    extendChain(ctx, c, at, earlier);
    const salient = antecedent(ctx, c, at, gender, earlier);
    if (!salient) return null;
    const words = c.descriptors.get(ctx.personKey.get(salient) ?? salient.text);
    return words && otherParty(modifiers, words) ? null : salient;
  }
  return null;
}

/** People a story follows and calls by their role (`the front-runner`, `the senator`). */
const CAMPAIGNER_NOUNS = new Set(["candidate", "nominee", "front-runner", "frontrunner", "contender", "hopeful", "senator", "governor", "congressman", "congresswoman", "lawmaker", "billionaire", "businessman", "businesswoman", "mogul", "tycoon", "developer"]);
const FEMALE_NOUNS = new Set(["congresswoman", "chairwoman", "spokeswoman", "businesswoman", "queen", "princess", "actress", "mother", "daughter", "wife", "sister", "widow"]);
const MALE_NOUNS = new Set(["congressman", "chairman", "spokesman", "businessman", "king", "prince", "pope", "father", "son", "husband", "brother"]);
/** Reflexives that stress a name before them (`Cruz himself`). */
const REFLEXIVES = new Set(["himself", "herself", "themselves", "itself"]);
