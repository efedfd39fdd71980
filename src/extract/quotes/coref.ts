// Who a speaker pronoun or description stands for.
//
// Pronouns (`he`, `she`) go to the most salient person before them, in the spirit of
// Lappin & Leass: every earlier mention adds weight to its person, more for subjects and
// most for people just quoted or reported (`Ushakov confirmed`), halved with every sentence
// between; a gender known from a given name or honorific that disagrees rules a person out.
//
// Descriptions go to the entity the article described so: `the Russian president` to the
// person introduced as `Russian President Vladimir Putin` (or `Putin, the Russian
// president,`), `the newspaper`/`the American daily` to the news outlet last named,
// `the ministry` to the last organization with that word in its name.

import type { Mention } from "../types.ts";
import type { Token } from "../tokenize.ts";
import { isMediaName } from "../lexicon/organizations.ts";
import { MEDIA_NOUNS, ORG_NOUNS, PERSON_NOUNS, PREPOSITIONS, REPORT_NOUNS } from "../lexicon/words.ts";
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
      if (m.type === "ORGANIZATION") {
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
  c = { role: new Map(), descriptors: personDescriptors(ctx, people), lastOrgBefore, lastMediaBefore, people, orgs, byLastWord, fullNames };
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

/**
 * The grammatical weight of a mention: subject, object or oblique, plus a bonus when it is
 * the subject of a reporting verb (`Ushakov confirmed`, `said Ushakov`).
 */
function roleWeight(ctx: Context, c: CorefCache, m: Mention, last: number): number {
  const known = c.role.get(m);
  if (known !== undefined) return known;
  const first = ctx.mentionStart[last] as number;
  const prev = ctx.tokens[first - 1];
  const prevLower = lower(ctx, first - 1);
  const next = ctx.tokens[last + 1];
  let w: number;
  if (next && next.kind === "clitic") w = W_OBLIQUE;
  else if (prev && prev.kind === "word" && PREPOSITIONS.has(prevLower)) w = W_OBLIQUE;
  else if (
    !prev ||
    ctx.sentence[first - 1] !== ctx.sentence[first] ||
    prev.kind === "quote" ||
    [",", ":", "(", "—", "–"].includes(prev.text) ||
    CLAUSE_BOUNDARY_WORDS.has(prevLower) ||
    (prev.kind === "word" && prev.text.charAt(0) !== prevLower.charAt(0))
  ) {
    w = W_SUBJECT;
  } else {
    w = W_OBJECT;
  }
  // Reporting subject: `Ushakov said`, `Trump has also told`, `said Ushakov`.
  let k = last + 1;
  while (k < ctx.tokens.length && k - last <= 3 && ["has", "had", "also", "then", "later", "again", "have", "was", "is", "recently", "previously"].includes(lower(ctx, k))) k++;
  const cue = cueAt(ctx.tokens, k);
  // A loose cue reports too when no object follows it (`McLaughlin agreed with Matthews`).
  const afterCue = cue ? lower(ctx, cue.end + 1) : "";
  const reports = cue !== null && cue.kind === "verb" && (!cue.weak || ["with", "that", ",", ".", ":"].includes(afterCue));
  // `noted NBC’s Dante Chinni`: an inverted subject, possibly after its outlet.
  let b = first - 1;
  if (ctx.tokens[b]?.kind === "clitic" && ctx.mentionAt[b - 1]) b = (ctx.mentionStart[b - 1] as number) - 1;
  const before = cueAt(ctx.tokens, b);
  if (reports || (before && before.kind === "verb" && !before.weak && !before.listener)) w += W_REPORTING;
  // `According to Ham, ...`: the source of what the sentence reports.
  if (prevLower === "to" && lower(ctx, first - 2) === "according") w = W_SUBJECT + W_REPORTING;
  // `Henry Crespo, president of the ... Caucus.`, `Brewer, an early supporter of Trump,`: a name with its description.
  // Not a name that is itself an appositive (`his counterpart, Sergey Lavrov, many times`).
  if (next?.text === "," && prev?.text !== ",") {
    const after = lower(ctx, last + 2);
    const noun = lower(ctx, last + 3);
    if (["a", "an", "the"].includes(after) ? PERSON_NOUNS.has(noun) || PERSON_NOUNS.has(lower(ctx, last + 4)) : PERSON_NOUNS.has(after)) w += W_INTRODUCED;
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
  const home = ctx.paragraph[at] ?? 0;
  const here = ctx.sentence[at] ?? 0;
  const minToken = Math.max(0, at - ANTECEDENT_TOKENS);
  const score = new Map<string, number>();
  const latest = new Map<string, Mention>();
  const add = (m: Mention, last: number, weight: number): void => {
    const g = ctx.gender.get(m);
    if (g !== undefined && g !== gender) return;
    const key = ctx.personKey.get(m) ?? m.text;
    const distance = Math.max(0, here - (ctx.sentence[last] ?? 0));
    let w = weight / 2 ** distance;
    if (g === gender) w *= KNOWN_GENDER_FACTOR;
    score.set(key, (score.get(key) ?? 0) + w);
    if (!latest.has(key)) latest.set(key, m);
  };
  // People mentioned before the pronoun, latest first.
  for (let k = before(c.people, at) - 1; k >= 0; k--) {
    const { mention, last } = c.people[k] as { mention: Mention; last: number };
    if (last < minToken || (ctx.paragraph[last] ?? 0) < home - ANTECEDENT_PARAGRAPHS) break;
    add(mention, last, W_RECENCY + roleWeight(ctx, c, mention, last));
  }
  for (let k = earlier.length - 1; k >= 0; k--) {
    const s = earlier[k] as EarlierSpeaker;
    if (s.at >= at) continue;
    if (s.at < minToken || (ctx.paragraph[s.at] ?? 0) < home - ANTECEDENT_PARAGRAPHS) break;
    if (s.mention.type === "PERSON") add(s.mention, s.at, W_SPEAKER);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, s] of score) {
    if (s > bestScore) {
      best = key;
      bestScore = s;
    }
  }
  if (best === null) return null;
  const chosen = latest.get(best) ?? null;
  return chosen ? fullNameOfGender(ctx, c, chosen, gender, at) : null;
}

/**
 * For a bare surname shared by several full names of the text (`Clinton` with `Bill Clinton`
 * and `Hillary Clinton`), the latest full name before `at` whose gender fits the pronoun,
 * when only one does; otherwise the mention itself.
 */
function fullNameOfGender(ctx: Context, c: CorefCache, m: Mention, gender: Gender, at: number): Mention {
  if (m.text.includes(" ")) return m;
  const people = c.fullNames.get(m.text.toLowerCase());
  if (!people || people.size < 2) return m;
  // Full names of the pronoun's gender; failing one, those whose gender is not known to
  // differ (`Ted Cruz` beside `Heidi Cruz` for `he`).
  const pick = (fits: (g: Gender | undefined) => boolean): { mention: Mention; last: number }[] | null | false => {
    // Several fit: the one the article names in full most often before `at` (`Ted Cruz`
    // in his story, not his father `Rafael Cruz` named once); a tie is ambiguous.
    let fitting: { mention: Mention; last: number }[] | null = null;
    let count = 0;
    let tied = false;
    for (const list of people.values()) {
      const first = list[0] as { mention: Mention; last: number };
      if (first.last >= at || !fits(personGender(ctx, list))) continue;
      const n = before(list, at);
      if (n > count) {
        fitting = list;
        count = n;
        tied = false;
      } else if (n === count) {
        tied = true;
      }
    }
    return tied ? false : fitting;
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
export function resolveDescription(ctx: Context, sw: SpeakerWords, at: number): Mention | null {
  const c = cache(ctx);
  const head = lower(ctx, sw.head);
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
    return best;
  }
  return null;
}
