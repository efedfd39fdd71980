// Direct quotations and who said them: the third pipeline stage.
//
// 1. Pair double quotation marks within a paragraph (curly, straight, `''`, and
//    mismatched pairs such as `"...”`).
// 2. Look for an attribution right after the quote (`,” Ushakov said`, `,” said Trump`,
//    `,” he told journalists`) or right before it (`Trump said that the US’s "...`,
//    `According to the Post, “...`).
// 3. The speaker is the nearest fitting named mention or pronoun in that attribution;
//    pronouns and descriptions (`the daily`) are resolved to an earlier mention.
// Short quotes (1–3 words) without any attribution are scare quotes and are skipped.

import type { Mention, QuoteSpan, SpeakerRef } from "./types.ts";
import type { Token } from "./tokenize.ts";
import { doubleQuoteRole, paragraphIndexes } from "./sentences.ts";
import { SPEAKER_PRONOUNS } from "./lexicon/words.ts";
import { isMediaName } from "./lexicon/organizations.ts";
import { famousSurnameGender, givenNameGender } from "./lexicon/names.ts";

/** The pipeline boundary for quote finding and attribution. */
export type QuoteFinder = (text: string, tokens: readonly Token[], mentions: readonly Mention[]) => QuoteSpan[];

/** Reporting verbs (lower case, as written) that attribute a quote. */
const CUE_VERBS = new Set(
  `say says said saying tell tells told telling add adds added adding insist insists insisted
  explain explains explained note notes noted write writes wrote ask asks asked reply replies replied
  declare declares declared argue argues argued claim claims claimed warn warns warned continue
  continues continued acknowledge acknowledges acknowledged announce announces announced comment
  comments commented conclude concludes concluded confirm confirms confirmed recall recalls recalled
  remark remarks remarked report reports reported stress stresses stressed suggest suggests
  suggested tweet tweets tweeted complain complains complained admit admits admitted predict
  predicts predicted observe observes observed urge urges urged vow vows vowed promise promises
  promised caution cautions cautioned emphasize emphasizes emphasized emphasise emphasises emphasised
  state states stated quip quips quipped joke jokes joked boast boasts boasted counter counters
  countered respond responds responded retort retorts retorted shout shouts shouted yell yells
  yelled whisper whispers whispered maintain maintains maintained muse muses mused lament laments
  lamented concede concedes conceded agree agrees agreed recount recounts recounted describe
  describes described call calls called put puts cite cites cited writing`.split(/\s+/).filter((w) => w !== ""),
);

/**
 * Cues too loose to mark the subject of reporting for pronoun resolution
 * (`Kerry had called his counterpart`).
 */
const WEAK_CUES = new Set([
  "call", "calls", "called", "put", "puts", "cite", "cites", "cited", "describe", "describes", "described",
  "writing", "continue", "continues", "continued", "agree", "agrees", "agreed", "ask", "asks", "asked",
  "report", "reports", "reported", "state", "states",
]);
/** Words after which a cue word is a noun (`the report`, `his comments`). */
const NOUN_DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "whose", "every", "each", "any", "no"]);
/** Particles that turn a cue into another verb (`called for`, `put off`). */
const PHRASAL_PARTICLES = new Set(["for", "on", "off", "up", "out", "back", "forward", "down", "in", "into"]);
const PHRASAL_CUES = new Set(["call", "calls", "called", "put", "puts", "state", "states", "continue", "continues", "continued", "agree", "agrees", "agreed", "note", "notes", "noted"]);

/** Cues whose object is the listener (`told reporters`), never the speaker. */
const LISTENER_CUES = new Set(["tell", "tells", "told", "telling", "ask", "asks", "asked"]);
/**
 * After a quote that ends its sentence (`...idiocy.”`), a following sentence only
 * attributes it when it is this short (`Bouhlel said.`); longer ones say something new.
 */
const SHORT_ATTRIBUTION_SENTENCE = 6;

/** Words that open a reported clause after a cue (`said that`, `said if`, `said he`). */
const CLAUSE_OPENERS = new Set(["that", "if", "whether", "he", "she", "they", "it", "we", "i", "there", "this"]);

/** Longest attribution clause considered on either side of a quote, in tokens. */
const WINDOW = 25;
/** A cue after the quote must come within this many tokens of it. */
const AFTER_CUE_REACH = 12;
/** A cue before the quote must come within this many tokens of the opening mark. */
const BEFORE_CUE_REACH = 6;
/** Quotes of at most this many words without attribution are scare quotes. */
const SCARE_QUOTE_WORDS = 3;
/** How many paragraphs back a pronoun may find its antecedent. */
const ANTECEDENT_PARAGRAPHS = 3;
/** ... and how many tokens back at most, so that huge one-paragraph texts stay linear. */
const ANTECEDENT_TOKENS = 600;

/** Nouns that describe a news outlet (`the daily`, `the newspaper`). */
const MEDIA_NOUNS = new Set([
  "daily", "newspaper", "paper", "report", "broadcaster", "channel", "outlet", "agency", "network",
  "tabloid", "magazine", "publication", "station", "website", "piece", "article",
]);
/** Nouns that describe an organization (`the company`, `the ministry`). */
const ORG_NOUNS = new Set([
  "company", "firm", "group", "ministry", "department", "agency", "government", "party", "organization",
  "organisation", "committee", "campaign", "bank", "council", "administration",
]);
/** Words skipped when collecting a descriptive speaker (`officials have said`). */
const NOT_DESCRIPTION = new Set([
  "has", "have", "had", "was", "were", "is", "are", "also", "then", "later", "once", "again", "later",
  "and", "but", "that", "which", "who", "it", "would", "will", "could", "can", "may", "might", "did",
  "does", "do", "not", "never", "in", "on", "at", "of", "for", "to", "with", "as", "by", "from",
  "when", "where", "what", "how", "why", "so", "just", "now", "here", "there", "this", "he", "she",
  "they", "we", "i", "you", "him", "them", "us", "me", "asked", "told", "said",
]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "one"]);

interface Pair {
  open: number;
  /** Token index of the closing mark, or -1 for a quote left open at paragraph end. */
  close: number;
  /** Token index of the last token inside. */
  lastInside: number;
}

interface Context {
  text: string;
  tokens: readonly Token[];
  paragraph: number[];
  /** Token index → the mention covering it. */
  mentionAt: (Mention | undefined)[];
  /** Token index → first token index of the mention covering it. */
  mentionStart: number[];
  insideQuote: boolean[];
  /** Token index → mentions followed by a reporting verb (`Trump said`), for pronouns. */
  reportingSubjects: Set<Mention>;
  /** Gender of a person mention, from its given name or a full name sharing its surname. */
  gender: Map<Mention, "f" | "m">;
  /** Token index → latest organization mention ending before it. */
  lastOrgBefore: (Mention | undefined)[];
  /** Token index → latest news-outlet mention ending before it. */
  lastMediaBefore: (Mention | undefined)[];
}

/** Whether token `i` is a reporting verb here (not `called for`, `put off`). */
function isCueAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== "word" || !CUE_VERBS.has(t.text)) return false;
  // `the report`, `his claims`, `Trump’s remarks`: after a determiner it is a noun.
  const prev = tokens[i - 1];
  if (prev && (prev.kind === "clitic" || NOUN_DETERMINERS.has(prev.text.toLowerCase()))) return false;
  if (PHRASAL_CUES.has(t.text)) {
    const next = tokens[i + 1];
    if (next && next.kind === "word" && PHRASAL_PARTICLES.has(next.text)) return false;
  }
  return true;
}

/** `according to`: the only two-word cue; returns its length in tokens (0 if absent). */
function accordingToAt(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (t && n && t.kind === "word" && t.text.toLowerCase() === "according" && n.text === "to") return 2;
  return 0;
}

function isSentenceEnd(t: Token): boolean {
  return t.kind === "punct" && (t.text === "." || t.text === "!" || t.text === "?");
}

/** Pairs double quotation marks, never across a paragraph break. */
function pairQuotes(tokens: readonly Token[], paragraph: readonly number[]): Pair[] {
  const pairs: Pair[] = [];
  let open = -1;
  const closeAtParagraphEnd = (last: number): void => {
    if (open >= 0 && last > open) pairs.push({ open, close: -1, lastInside: last });
    open = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (open >= 0 && paragraph[i] !== paragraph[open]) closeAtParagraphEnd(i - 1);
    const role = doubleQuoteRole(tokens, i);
    if (role === null) continue;
    const mark = (tokens[i] as Token).text;
    if (open < 0) {
      if (role === "open") open = i;
    } else if (role === "close" || mark === '"' || mark === "''") {
      // Inside a quote a straight mark can only close it (`"... idiocy."`).
      if (i > open + 1) pairs.push({ open, close: i, lastInside: i - 1 });
      open = -1;
    } else {
      // A second opening mark: the first one was never closed; start over from here.
      open = i;
    }
  }
  closeAtParagraphEnd(tokens.length - 1);
  return pairs;
}

function buildContext(text: string, tokens: readonly Token[], mentions: readonly Mention[], pairs: readonly Pair[]): Context {
  const mentionAt = new Array<Mention | undefined>(tokens.length);
  const mentionStart = new Array<number>(tokens.length).fill(-1);
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
  const insideQuote = new Array<boolean>(tokens.length).fill(false);
  for (const p of pairs) {
    const end = p.close >= 0 ? p.close : p.lastInside;
    for (let i = p.open; i <= end; i++) insideQuote[i] = true;
  }
  const reportingSubjects = new Set<Mention>();
  for (let i = 0; i < tokens.length; i++) {
    const mention = mentionAt[i];
    if (!mention || insideQuote[i] || mentionAt[i + 1] === mention) continue;
    // `Ushakov said`, `Yury Ushakov confirmed`, `Trump has said`.
    for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (isCueAt(tokens, k) && !WEAK_CUES.has(t.text)) {
        reportingSubjects.add(mention);
        break;
      }
      if (t.kind !== "word" || !NOT_DESCRIPTION.has(t.text)) break;
    }
  }
  // Prefix tables make description lookups O(1) instead of a backward scan per quote.
  const lastOrgBefore = new Array<Mention | undefined>(tokens.length);
  const lastMediaBefore = new Array<Mention | undefined>(tokens.length);
  let lastOrg: Mention | undefined;
  let lastMedia: Mention | undefined;
  for (let i = 0; i < tokens.length; i++) {
    lastOrgBefore[i] = lastOrg;
    lastMediaBefore[i] = lastMedia;
    const m = mentionAt[i];
    if (m && m.type === "ORGANIZATION" && mentionAt[i + 1] !== m) {
      lastOrg = m;
      if (isMediaName(m.text)) lastMedia = m;
    }
  }
  return {
    text,
    tokens,
    lastOrgBefore,
    lastMediaBefore,
    paragraph: paragraphIndexes(tokens),
    mentionAt,
    mentionStart,
    insideQuote,
    reportingSubjects,
    gender: personGenders(text, mentions),
  };
}

const FEMALE_TITLES = /(?:Mrs|Ms|Miss|Madam|Queen|Princess|Lady|Dame)\.?\s+$/;
const MALE_TITLES = /(?:Mr|Sir|King|Prince|Lord)\.?\s+$/;

/**
 * Genders known for person mentions: from the first word (`Hillary Clinton`), from an
 * honorific right before (`Mrs. Clinton`), or inherited by a bare surname from the
 * full name it shortens.
 */
function personGenders(text: string, mentions: readonly Mention[]): Map<Mention, "f" | "m"> {
  const out = new Map<Mention, "f" | "m">();
  const bySurname = new Map<string, "f" | "m">();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const words = m.text.split(/\s+/);
    const before = text.slice(Math.max(0, m.start - 12), m.start);
    let g: "f" | "m" | null = FEMALE_TITLES.test(before) ? "f" : MALE_TITLES.test(before) ? "m" : null;
    const surname = (words[words.length - 1] ?? "").toLowerCase();
    if (g === null && words.length > 1) g = givenNameGender(words[0] ?? "");
    if (g === null && words.length === 1) g = bySurname.get(surname) ?? famousSurnameGender(surname);
    if (g !== null) {
      out.set(m, g);
      if (words.length > 1 || !bySurname.has(surname)) bySurname.set(surname, g);
    }
  }
  return out;
}

function ref(ctx: Context, a: number, b: number, mention: Mention | null): SpeakerRef {
  const start = (ctx.tokens[a] as Token).start;
  const end = (ctx.tokens[b] as Token).end;
  return { text: ctx.text.slice(start, end), start, end, mention };
}

function isPronoun(t: Token): boolean {
  return t.kind === "word" && SPEAKER_PRONOUNS.has(t.text.toLowerCase());
}

/**
 * The antecedent of a pronoun at token `at`, among people mentioned outside quotes:
 * in the pronoun's own paragraph the latest speaker or reporting subject (`Trump said
 * that`), else the latest person there; in earlier paragraphs the latest speaker or
 * reporting subject (`Yury Ushakov confirmed`), else the latest person.
 */
function resolvePronoun(ctx: Context, at: number, pronoun: string, earlierSpeakers: ReadonlyMap<number, Mention>): Mention | null {
  const p = pronoun.toLowerCase();
  if (p !== "he" && p !== "she") return null;
  const home = ctx.paragraph[at] ?? 0;
  const minParagraph = home - ANTECEDENT_PARAGRAPHS;
  let nearestHere: Mention | null = null;
  let nearest: Mention | null = null;
  // A known gender that disagrees with the pronoun rules a candidate out.
  const wrongGender = p === "he" ? "f" : "m";
  const stop = Math.max(0, at - ANTECEDENT_TOKENS);
  for (let i = at - 1; i >= stop && (ctx.paragraph[i] ?? 0) >= minParagraph; i--) {
    const here = ctx.paragraph[i] === home;
    if (!here && nearestHere) return nearestHere;
    const speaker = earlierSpeakers.get(i);
    if (speaker && speaker.type === "PERSON" && ctx.gender.get(speaker) !== wrongGender) return speaker;
    const m = ctx.mentionAt[i];
    if (!m || m.type !== "PERSON" || ctx.insideQuote[i] || ctx.gender.get(m) === wrongGender) continue;
    if (ctx.reportingSubjects.has(m)) return m;
    if (here) nearestHere ??= m;
    nearest ??= m;
  }
  return nearestHere ?? nearest;
}

/** Nearest preceding organization fitting a description noun (`the daily` → a media outlet). */
function resolveDescription(ctx: Context, at: number, noun: string): Mention | null {
  if (MEDIA_NOUNS.has(noun)) return ctx.lastMediaBefore[at] ?? null;
  if (ORG_NOUNS.has(noun)) return ctx.lastOrgBefore[at] ?? null;
  return null;
}

/** Ranks speaker candidates: people and pronouns first, then organizations, then places. */
function rank(ctx: Context, i: number): number {
  const m = ctx.mentionAt[i];
  if (m) return m.type === "PERSON" ? 3 : m.type === "ORGANIZATION" ? 2 : 1;
  return isPronoun(ctx.tokens[i] as Token) ? 3 : 0;
}

/** Builds the speaker found at token `i` (a mention's last token or a pronoun). */
function speakerAt(ctx: Context, i: number, earlierSpeakers: ReadonlyMap<number, Mention>): SpeakerRef {
  const m = ctx.mentionAt[i];
  if (m) {
    const a = ctx.mentionStart[i] ?? i;
    return { text: m.text, start: m.start, end: m.end, mention: m };
  }
  const t = ctx.tokens[i] as Token;
  return ref(ctx, i, i, resolvePronoun(ctx, i, t.text, earlierSpeakers));
}

/**
 * Highest-ranked candidate among `indexes`; on ties the first listed (nearest the cue)
 * wins. A place only speaks as the cue's immediate neighbour (`Russia said`), since a
 * place elsewhere in the clause is usually where, not who.
 */
function bestCandidate(ctx: Context, indexes: readonly number[], cue: number): number {
  let best = -1;
  let bestRank = 0;
  for (const i of indexes) {
    let r = rank(ctx, i);
    if (r === 1 && i !== cue - 1 && i !== cue + 1) r = 0;
    if (r > bestRank) {
      best = i;
      bestRank = r;
    }
  }
  return best;
}

/**
 * A descriptive speaker ending right before token `end` (exclusive): `officials`,
 * `the daily`, `the Kremlin’s spokesman`. Up to three words, lower case, no verbs.
 */
function description(ctx: Context, from: number, end: number, resolveAt: number): SpeakerRef | null {
  let a = end;
  while (a - 1 >= from && end - a < 3) {
    const t = ctx.tokens[a - 1] as Token;
    if (t.kind !== "word" || NOT_DESCRIPTION.has(t.text.toLowerCase()) || /ly$/.test(t.text)) break;
    a--;
  }
  // Keep a determiner only as part of a noun phrase, never alone.
  while (a < end && NOT_DESCRIPTION.has((ctx.tokens[a] as Token).text.toLowerCase())) a++;
  if (a >= end) return null;
  const lastWord = (ctx.tokens[end - 1] as Token).text.toLowerCase();
  if (DETERMINERS.has(lastWord)) return null;
  return ref(ctx, a, end - 1, resolveDescription(ctx, resolveAt, lastWord));
}

/** A descriptive speaker starting at token `from` (`according to the daily,`). */
function descriptionAfter(ctx: Context, from: number, limit: number, resolveAt: number): SpeakerRef | null {
  let b = from;
  while (b <= limit && b - from < 4) {
    const t = ctx.tokens[b] as Token;
    if (t.kind !== "word" || CUE_VERBS.has(t.text)) break;
    b++;
  }
  if (b === from) return null;
  const noun = (ctx.tokens[b - 1] as Token).text.toLowerCase();
  return ref(ctx, from, b - 1, resolveDescription(ctx, resolveAt, noun));
}

interface Attribution {
  cue: string;
  speaker: SpeakerRef | null;
}

/** Attribution after the closing mark: `,” Ushakov said`, `,” said Trump`, `,” Post adds`. */
function attributionAfter(ctx: Context, pair: Pair, earlier: ReadonlyMap<number, Mention>): Attribution | null {
  if (pair.close < 0) return null;
  const para = ctx.paragraph[pair.close];
  const window: number[] = [];
  for (let i = pair.close + 1; i < ctx.tokens.length && window.length < WINDOW; i++) {
    const t = ctx.tokens[i] as Token;
    if (ctx.paragraph[i] !== para || ctx.insideQuote[i]) break;
    window.push(i);
    if (isSentenceEnd(t)) break;
  }
  const lastInside = ctx.tokens[pair.lastInside] as Token;
  if (isSentenceEnd(lastInside) && window.length > SHORT_ATTRIBUTION_SENTENCE) return null;
  for (let w = 0; w < window.length && w < AFTER_CUE_REACH; w++) {
    const i = window[w] as number;
    const according = accordingToAt(ctx.tokens, i);
    if (!isCueAt(ctx.tokens, i) && according === 0) continue;
    const cueEnd = i + Math.max(according, 1) - 1;
    const cue = ctx.text.slice((ctx.tokens[i] as Token).start, (ctx.tokens[cueEnd] as Token).end);
    // `,” Gingrich said if ...`: a cue with its own clause reports something else.
    const following = ctx.tokens[cueEnd + 1];
    if (according === 0 && following && following.kind === "word" && CLAUSE_OPENERS.has(following.text.toLowerCase())) return null;
    if (according === 0) {
      const before = window.slice(0, w).reverse();
      const best = bestCandidate(ctx, before, i);
      if (best >= 0) return { cue, speaker: speakerAt(ctx, best, earlier) };
    }
    const after = LISTENER_CUES.has(cue) ? [] : window.slice(w + Math.max(according, 1), w + Math.max(according, 1) + 6);
    const bestAfter = bestCandidate(ctx, after, cueEnd);
    if (bestAfter >= 0) return { cue, speaker: speakerAt(ctx, bestAfter, earlier) };
    const desc =
      according === 0
        ? description(ctx, (window[0] as number), i, pair.open)
        : descriptionAfter(ctx, cueEnd + 1, (window[window.length - 1] as number), pair.open);
    return { cue, speaker: desc };
  }
  return null;
}

/** Attribution before the opening mark: `Trump said that the US’s "...`, `According to RT, “...`. */
function attributionBefore(ctx: Context, pair: Pair, earlier: ReadonlyMap<number, Mention>): Attribution | null {
  const para = ctx.paragraph[pair.open];
  const window: number[] = []; // in text order
  for (let i = pair.open - 1; i >= 0 && window.length < WINDOW; i--) {
    const t = ctx.tokens[i] as Token;
    if (ctx.paragraph[i] !== para || ctx.insideQuote[i] || isSentenceEnd(t)) break;
    window.unshift(i);
  }
  // The cue closest to the quote, within reach of the opening mark.
  for (let w = window.length - 1; w >= 0 && window.length - w <= BEFORE_CUE_REACH + 1; w--) {
    const i = window[w] as number;
    let cueStart = i;
    let according = 0;
    if (w > 0 && accordingToAt(ctx.tokens, window[w - 1] as number) === 2) {
      cueStart = window[w - 1] as number;
      according = 2;
    } else if (!isCueAt(ctx.tokens, i)) {
      continue;
    }
    const cueEnd = according === 2 ? i : cueStart;
    const cue = ctx.text.slice((ctx.tokens[cueStart] as Token).start, (ctx.tokens[cueEnd] as Token).end);
    const firstCueW = according === 2 ? w - 1 : w;
    if (according === 0) {
      const before = window.slice(0, firstCueW).reverse();
      const best = bestCandidate(ctx, before, cueStart);
      if (best >= 0) return { cue, speaker: speakerAt(ctx, best, earlier) };
    }
    const after = LISTENER_CUES.has(cue) ? [] : window.slice(w + 1);
    const bestAfter = bestCandidate(ctx, after, cueEnd);
    if (bestAfter >= 0) return { cue, speaker: speakerAt(ctx, bestAfter, earlier) };
    if (according === 2) {
      return { cue, speaker: descriptionAfter(ctx, cueEnd + 1, pair.open - 1, pair.open) };
    }
    const desc = description(ctx, (window[0] as number) ?? cueStart, cueStart, pair.open);
    return { cue, speaker: desc };
  }
  return null;
}

function countWords(tokens: readonly Token[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) {
    const kind = (tokens[i] as Token).kind;
    if (kind === "word" || kind === "number") n++;
  }
  return n;
}

/** The quoted words between the marks, trimmed, with their offsets. */
function innerSpan(tokens: readonly Token[], pair: Pair): { start: number; end: number } | null {
  const first = tokens[pair.open + 1];
  const last = tokens[pair.lastInside];
  if (!first || !last || pair.lastInside <= pair.open) return null;
  return { start: first.start, end: last.end };
}

/**
 * `“A,” he said. “B.”`: a quote with no attribution of its own, following an attributed
 * quote in the same paragraph with no other person named in between, continues it.
 */
function continuedAttribution(ctx: Context, previous: { pair: Pair; quote: QuoteSpan } | undefined, pair: Pair): Attribution | null {
  if (!previous || previous.pair.close < 0 || !previous.quote.speaker) return null;
  if (ctx.paragraph[previous.pair.open] !== ctx.paragraph[pair.open]) return null;
  const speaker = previous.quote.speaker;
  for (let i = previous.pair.close + 1; i < pair.open; i++) {
    const m = ctx.mentionAt[i];
    if (m && m.type === "PERSON" && m !== speaker.mention && !ctx.insideQuote[i]) return null;
  }
  return { cue: previous.quote.cue ?? "", speaker };
}

/** The baseline quote finder. Quotes come out in text order. */
export const findQuotes: QuoteFinder = (text, tokens, mentions) => {
  const paragraph = paragraphIndexes(tokens);
  const pairs = pairQuotes(tokens, paragraph);
  const ctx = buildContext(text, tokens, mentions, pairs);
  const earlierSpeakers = new Map<number, Mention>();
  const found: { pair: Pair; quote: QuoteSpan }[] = [];

  for (const pair of pairs) {
    const inner = innerSpan(tokens, pair);
    if (!inner) continue;
    const words = countWords(tokens, pair.open + 1, pair.lastInside);
    const attribution =
      attributionAfter(ctx, pair, earlierSpeakers) ??
      attributionBefore(ctx, pair, earlierSpeakers) ??
      (words > SCARE_QUOTE_WORDS ? continuedAttribution(ctx, found[found.length - 1], pair) : null);
    if (!attribution && words <= SCARE_QUOTE_WORDS) continue;
    if (words === 0) continue;
    const speaker = attribution?.speaker ?? null;
    if (speaker?.mention && speaker.mention.type === "PERSON") earlierSpeakers.set(pair.open, speaker.mention);
    found.push({
      pair,
      quote: {
        text: text.slice(inner.start, inner.end),
        start: inner.start,
        end: inner.end,
        cue: attribution?.cue || null,
        speaker,
      },
    });
  }

  // A quote left open at a paragraph end continues in the next paragraph's opening
  // quote (news style for long quotations): it shares that quote's attribution.
  for (let k = found.length - 2; k >= 0; k--) {
    const cur = found[k] as { pair: Pair; quote: QuoteSpan };
    const next = found[k + 1] as { pair: Pair; quote: QuoteSpan };
    if (cur.pair.close >= 0 || cur.quote.speaker !== null) continue;
    const nextOpen = tokens[next.pair.open] as Token;
    if (nextOpen.lineBreakBefore && paragraph[next.pair.open] === (paragraph[cur.pair.open] ?? 0) + 1) {
      cur.quote.cue = next.quote.cue;
      cur.quote.speaker = next.quote.speaker;
    }
  }
  return found.map((f) => f.quote);
};
