// The words that name a speaker around a cue: the cue's subject (`Kerry said`, `Scott Reed,
// who managed Dole's campaign, said`), an inverted subject (`said Kerry`), the object of
// `according to`, or the subject of the main clause for a participle (`Trump ..., saying`).
// A speaker is a mention, a pronoun, a description (`the Russian president`, `officials`),
// or a capitalised name the mention finder did not tag.

import type { Mention } from "../../domain/extraction.ts";
import type { Token } from "../tokenize.ts";
import {
  CUE_AUXILIARIES,
  FUNCTION_WORDS,
  MEDIA_NOUNS,
  NON_NAME_WORDS,
  ORG_NOUNS,
  PERSON_NOUNS,
  PREPOSITIONS,
  REPORT_NOUNS,
  SENTENCE_ADVERBIALS,
  SPEAKER_PRONOUNS,
  TITLE_HEADS,
  cueLemma,
} from "../../lexicon/words.ts";
import { isDemonym } from "../../lexicon/countries.ts";
import type { Context } from "./context.ts";
import { endsSentenceAt, inQuote, isSentenceFinal } from "./context.ts";
import { cueAt } from "./cues.ts";

export type SpeakerKind = "mention" | "pronoun" | "description" | "name";

export interface SpeakerWords {
  kind: SpeakerKind;
  /** First and last token of the speaker words. */
  start: number;
  end: number;
  /** Token of the head word (the noun of a description, the last token otherwise). */
  head: number;
  /** The mention, for kind `mention`; for a description, an organization named inside (`a report by the Post`). */
  mention: Mention | null;
}

const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "one", "another", "some", "many", "several", "two", "three", "both", "all", "most", "other"]);
/** Longest appositive or relative clause skipped between a subject and its cue, in tokens. */
const APPOSITIVE_REACH = 40;
const DASHES = new Set(["—", "–", "--", "-"]);

function lower(ctx: Context, i: number): string {
  return (ctx.tokens[i]?.text ?? "").toLowerCase();
}

function isLowerWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "word" && t.text === t.text.toLowerCase() && /\p{L}/u.test(t.text);
}

function isCapitalizedWord(t: Token | undefined): boolean {
  if (!t || t.kind !== "word") return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

export function isSpeakerPronoun(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "word" && SPEAKER_PRONOUNS.has(t.text.toLowerCase());
}

/** Could token `i` be the head noun of a description (`officials`, `the daily`)? */
function isNounLike(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  if (!isLowerWord(t)) return false;
  const w = (t as Token).text;
  if (FUNCTION_WORDS.has(w) || CUE_AUXILIARIES.has(w) || PREPOSITIONS.has(w) || DETERMINERS.has(w)) return false;
  if (/['’]/.test(w) || RELATIVE_PRONOUNS.has(w)) return false;
  if (cueLemma(w) !== undefined) return false;
  if (MEDIA_NOUNS.has(w) || ORG_NOUNS.has(w) || PERSON_NOUNS.has(w) || REPORT_NOUNS.has(w)) return true;
  return !/(?:ly|ed)$/.test(w) || w.length <= 4;
}

function mentionWords(ctx: Context, i: number): SpeakerWords | null {
  const m = ctx.mentionAt[i];
  if (!m) return null;
  const a = ctx.mentionStart[i] as number;
  let b = i;
  while (ctx.mentionAt[b + 1] === m) b++;
  return { kind: "mention", start: a, end: b, head: b, mention: m };
}

/**
 * A description whose head noun is token `head`, read backwards: adjectives, nouns,
 * demonyms and names (`the Russian president`, `the Clinton campaign`, `Trump’s
 * spokeswoman`), at most five words, a determiner included.
 */
function descriptionEndingAt(ctx: Context, lo: number, head: number): SpeakerWords | null {
  if (!isNounLike(ctx, head)) return null;
  let a = head;
  while (a - 1 >= lo && head - a < 5) {
    const t = ctx.tokens[a - 1] as Token;
    const w = t.text.toLowerCase();
    if (DETERMINERS.has(w)) {
      a--;
      break;
    }
    if (t.kind === "clitic" && ctx.mentionAt[a - 2]) {
      a = ctx.mentionStart[a - 2] as number;
      break;
    }
    if (ctx.mentionAt[a - 1] || isDemonym(t.text) || (t.kind === "word" && isNounLike(ctx, a - 1)) || (isLowerWord(t) && /-/.test(w))) {
      a = ctx.mentionAt[a - 1] ? (ctx.mentionStart[a - 1] as number) : a - 1;
      continue;
    }
    if (t.kind === "word" && isLowerWord(t) && !FUNCTION_WORDS.has(w) && !CUE_AUXILIARIES.has(w) && cueLemma(w) === undefined && !PREPOSITIONS.has(w)) {
      a--;
      continue;
    }
    break;
  }
  return { kind: "description", start: a, end: head, head, mention: null };
}

/** A description starting at token `i` (`the newspaper`, `a court document filed by ...`). */
function descriptionStartingAt(ctx: Context, i: number, hi: number): SpeakerWords | null {
  let j = i;
  if (DETERMINERS.has(lower(ctx, j))) j++;
  let head = -1;
  while (j < hi && j - i < 6) {
    const t = ctx.tokens[j] as Token;
    if (ctx.mentionAt[j]) {
      const m = mentionWords(ctx, j) as SpeakerWords;
      head = m.end;
      j = m.end + 1;
      continue;
    }
    if (t.kind === "number" && head < 0) {
      j++;
      continue;
    }
    if (isDemonym(t.text) || isNounLike(ctx, j) || (t.kind === "word" && isLowerWord(t) && !FUNCTION_WORDS.has(t.text) && !PREPOSITIONS.has(t.text) && cueLemma(t.text) === undefined)) {
      head = j;
      j++;
      continue;
    }
    break;
  }
  // `an Iowa Democrat`, `a New Hampshire Republican`: a capitalised noun after `a`.
  const indefinite = ["a", "an"].includes(lower(ctx, i));
  if (j < hi && indefinite && isNameWord(ctx.tokens[j]) && !ctx.mentionAt[j]) {
    head = j;
    j++;
  }
  if (head < 0 || !(isNounLike(ctx, head) || (indefinite && isNameWord(ctx.tokens[head])))) return null;
  // `a report by the Washington Post`, `a court document filed by state attorney Dave
  // Aronberg`: the organization or author named in the description.
  let named: Mention | null = null;
  let by = j;
  if (by < hi && AUTHORED.has(lower(ctx, by))) by++;
  if (by < hi && ["by", "from", "of", "in"].includes(lower(ctx, by))) {
    const viaBy = lower(ctx, by) === "by";
    for (let k = by + 1; k < hi && k <= by + 5; k++) {
      const m = ctx.mentionAt[k];
      if (m && ctx.mentionStart[k] === k) {
        if (m.type === "ORGANIZATION" || (viaBy && m.type === "PERSON")) named = m;
        break;
      }
      if (!(isLowerWord(ctx.tokens[k]) || isCapitalizedWord(ctx.tokens[k])) || PREPOSITIONS.has(lower(ctx, k))) break;
    }
  }
  return { kind: "description", start: i, end: head, head, mention: named };
}

/** Verbs whose subject may follow them (`said Kerry`, `added the Post`, `wrote Smith`). */
export const INVERTIBLE = new Set([
  "say", "add", "write", "ask", "explain", "note", "continue", "recall", "reply", "respond", "insist", "argue",
  "tweet", "declare", "warn", "conclude", "quip", "joke", "counter", "retort", "acknowledge", "observe", "remark",
  "complain", "admit", "concede", "recount", "muse", "lament", "boast", "shout", "yell", "whisper", "plead",
  "predict", "suggest", "state", "report", "confirm", "announce", "comment", "assert", "emphasize", "stress",
  "caution", "claim", "exclaim", "according to",
]);

/** Words of time between a subject and its verb (`The State Department two weeks ago said`). */
const TIME_WORDS = new Set([
  "ago", "yesterday", "today", "tonight", "last", "week", "weeks", "month", "months", "year", "years", "day", "days",
  "morning", "afternoon", "evening", "night", "weekend", "earlier", "than", "less", "more", "about", "nearly",
  "two", "three", "four", "five", "six", "several", "few", "a", "this", "just", "hours", "hour", "minutes",
]);

/** Prepositions after which a name belongs to the subject's description (`a spokesman for Cruz`). */
const DESCRIPTION_PREPOSITIONS = new Set(["for", "of", "at", "to", "with"]);
/** Prepositional phrases between a subject and its verb (`Trump in his speech called`). */
const INSERTED_PREPOSITIONS = new Set(["in", "during", "at", "on", "with", "via", "through", "from", "over", "after", "before", "throughout"]);
/** Heads of descriptions that may take a name in a prepositional phrase. */
const PERSONISH = new Set(["member", "members", "friend", "ally", "allies", "supporter", "supporters", "staffer", "staffers", "source", "sources", "people", "person", "official", "officials", "representative", "representatives"]);
/** Participles between a document and its author (`a court document filed by ...`). */
const AUTHORED = new Set(["filed", "released", "written", "issued", "obtained", "published", "sent", "signed", "posted", "authored", "produced", "commissioned", "prepared"]);
const RELATIVE_PRONOUNS = new Set(["who", "which", "that"]);
const SUBJECT_POSITION_WORDS = new Set(["and", "but", "while", "as", "when", "that", "because", "though", "although"]);

function isBoundary(ctx: Context, i: number, hi: number): boolean {
  if (i >= hi) return true;
  const t = ctx.tokens[i] as Token;
  if (t.kind === "punct" || t.kind === "quote") return true;
  const w = t.text.toLowerCase();
  return PREPOSITIONS.has(w) || TIME_WORDS.has(w) || NON_NAME_WORDS.has(w) || ["who", "which", "and", "as"].includes(w);
}

/**
 * A run of capitalised words (`Army Capt. Christian Pardo`, `Sen. Tom Carper`): the mention
 * inside it when there is one, else the run as a name the mention finder missed.
 */
function capitalizedRun(ctx: Context, a: number, b: number): SpeakerWords {
  for (let k = b; k >= a; k--) {
    const m = mentionWords(ctx, k);
    if (m) return m;
  }
  return { kind: "name", start: a, end: b, head: b, mention: null };
}

function isNameWord(t: Token | undefined): boolean {
  return isCapitalizedWord(t) && !FUNCTION_WORDS.has((t as Token).text.toLowerCase()) && !NON_NAME_WORDS.has((t as Token).text.toLowerCase()) && !isDemonym((t as Token).text);
}

/** Lower-case words that may precede a name in a title (`former Vermont governor Howard Dean`). */
const TITLE_LOWER = new Set(["former", "then", "late", "acting", "current", "longtime", "his", "her", "their", "its", "the", "a", "an", "top", "senior", "chief", "new", "incoming", "outgoing"]);

/**
 * The person a title phrase leads to, read forwards from `j`: `former Vermont governor Howard
 * Dean`, `his campaign manager Jeff Weaver`, `Huckabee campaign spokesman Hogan Gidley`.
 */
function personAhead(ctx: Context, j: number, hi: number): SpeakerWords | null {
  for (let k = j; k < hi && k - j <= 12; k++) {
    const t = ctx.tokens[k] as Token;
    // `former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell`: one
    // person's titles, joined by `and`, abbreviated with a stop.
    if (t.text === "." && TITLE_LIKE.test(ctx.tokens[k - 1]?.text ?? "") && isCapitalizedWord(ctx.tokens[k + 1]) === false && lower(ctx, k + 1) === "and") continue;
    if (lower(ctx, k) === "and" && k > j && isCapitalizedWord(ctx.tokens[k + 1])) continue;
    const m = mentionWords(ctx, k);
    if (m) {
      if (m.mention?.type === "PERSON") return m;
      k = m.end;
      continue;
    }
    if (isNameWord(t) && !TITLE_LIKE.test(t.text)) {
      let b = k;
      while (b + 1 < hi && isCapitalizedWord(ctx.tokens[b + 1])) b++;
      if (b > k || k > j) {
        if (isBoundary(ctx, b + 1, hi) || ctx.tokens[b + 1]?.text === "(") return capitalizedRun(ctx, k, b);
      }
      k = b;
      continue;
    }
    if (isCapitalizedWord(t) || t.kind === "number") continue;
    const w = t.text.toLowerCase();
    if (t.kind !== "word" || PREPOSITIONS.has(w) || (FUNCTION_WORDS.has(w) && !TITLE_LOWER.has(w)) || cueLemma(w) !== undefined) return null;
  }
  return null;
}

/** The speaker words that start at token `i` and end before `hi` (exclusive). */
export function subjectAfter(ctx: Context, i: number, hi: number): SpeakerWords | null {
  let j = i;
  while (j < hi && ctx.tokens[j]?.kind === "word" && ["also", "then", "later", "recently", "once", "again", "earlier"].includes(lower(ctx, j))) j++;
  if (j >= hi) return null;
  if (lower(ctx, j) === "the" && ctx.mentionAt[j + 1] && ctx.mentionStart[j + 1] === j + 1) j++;
  const t = ctx.tokens[j] as Token;
  let found: SpeakerWords | null = null;
  const m = mentionWords(ctx, j);
  if (m) {
    // `according to Trump’s spokeswoman Hope Hicks` / `said Trump’s spokesman`.
    const after = ctx.tokens[m.end + 1];
    if (after && after.kind === "clitic" && /^['’]s$/.test(after.text)) {
      for (let k = m.end + 2; k < hi && k <= m.end + 7; k++) {
        const inner = mentionWords(ctx, k);
        if (inner && inner.mention?.type === "PERSON") return inner;
      }
      const desc = descriptionStartingAt(ctx, m.end + 2, hi);
      return desc ? { ...desc, start: m.start } : null;
    }
    found = m;
  } else if (isSpeakerPronoun(t)) {
    found = { kind: "pronoun", start: j, end: j, head: j, mention: null };
  } else if (isNameWord(t)) {
    let b = j;
    while (b + 1 < hi && isCapitalizedWord(ctx.tokens[b + 1])) b++;
    found = capitalizedRun(ctx, j, b);
  } else {
    const person = personAhead(ctx, j, hi);
    if (person) return person;
    found = descriptionStartingAt(ctx, j, hi);
    // `said the White House spokesman, Josh Earnest`: the name in apposition.
    if (found && ctx.tokens[found.end + 1]?.text === ",") {
      const named = mentionWords(ctx, found.end + 2);
      if (named && named.mention?.type === "PERSON") return named;
    }
    if (found && found.mention === null) {
      // The description ends at its head; what follows must not be a verb (`said voters shouldn’t`).
      if (!isBoundary(ctx, found.end + 1, hi)) return null;
    }
    return found;
  }
  if (found && !isBoundary(ctx, found.end + 1, hi) && ctx.tokens[found.end + 1]?.kind !== "clitic") {
    // `said Trump campaign manager Paul Manafort`: the person the words lead to.
    return personAhead(ctx, found.end + 1, hi);
  }
  return found;
}

/**
 * The subject shared by two verbs joined at token `and` (`Bush thought for a moment and said`):
 * the nearest person or pronoun before it in subject position.
 */
function conjoinedSubject(ctx: Context, lo: number, and: number): SpeakerWords | null {
  for (let k = and - 1; k >= lo && and - k <= 30; k--) {
    if (inQuote(ctx, k)) continue;
    const t = ctx.tokens[k] as Token;
    if (isSpeakerPronoun(t) && inSubjectPosition(ctx, k)) return { kind: "pronoun", start: k, end: k, head: k, mention: null };
    const m = ctx.mentionAt[k];
    if (m && m.type !== "PLACE" && ctx.mentionAt[k + 1] !== m) {
      const w = mentionWords(ctx, k) as SpeakerWords;
      if (inSubjectPosition(ctx, w.start) && ctx.tokens[k + 1]?.kind !== "clitic") return w;
      k = w.start;
    }
  }
  return null;
}

/** Whether the mention ending at token `last` stands where a subject stands (`, Doug Andres,`). */
function inSubjectPosition(ctx: Context, first: number): boolean {
  const prev = ctx.tokens[first - 1];
  if (!prev) return true;
  if (isSentenceFinal(prev)) return true;
  if (ctx.sentence[first - 1] !== ctx.sentence[first]) return true;
  if (prev.kind === "quote" || [",", "(", "—", "–", "--", ":"].includes(prev.text)) return true;
  const w = prev.text.toLowerCase();
  if (SUBJECT_POSITION_WORDS.has(w)) return true;
  // `Of Carson, Levine said`: a preposition opening the sentence.
  if (isCapitalizedWord(prev) && PREPOSITIONS.has(w)) return false;
  if (!isCapitalizedWord(prev) && !PERSON_NOUNS.has(w)) return false;
  // `joined on stage by Minnesota Sen. Al Franken`, `made by NYPD commissioner Bill Bratton`:
  // titles after a preposition are no subject's.
  let k = first - 1;
  while (k > 0 && first - k <= 5 && (isCapitalizedWord(ctx.tokens[k]) || ctx.tokens[k]?.text === "." || PERSON_NOUNS.has(lower(ctx, k)))) k--;
  return !(isLowerWord(ctx.tokens[k]) && PREPOSITIONS.has((ctx.tokens[k] as Token).text));
}

/**
 * The speaker of an appositive chain ending with the comma at token `comma` right before
 * the cue: `Josh Earnest` in `the White House spokesman, Josh Earnest, said`, `Doug Andres`
 * in `Doug Andres, a spokesman for Paul Ryan, said`, `Brianne Stone` in `Brianne Stone,
 * 29, of Huntsville, Ala., says`; else the words before the appositive (`The Post, citing
 * officials, said`).
 */
function appositiveSubject(ctx: Context, lo: number, comma: number): SpeakerWords | null {
  const mark = (ctx.tokens[comma] as Token).text;
  const isMark = (u: Token): boolean => u.text === mark || (DASHES.has(mark) && DASHES.has(u.text));
  let j = comma - 1;
  while (j >= lo && comma - j < APPOSITIVE_REACH) {
    const u = ctx.tokens[j] as Token;
    if (!inQuote(ctx, j) && isMark(u)) break;
    if (!inQuote(ctx, j) && endsSentenceAt(ctx, j)) return null;
    j--;
  }
  if (j < lo || comma - j >= APPOSITIVE_REACH) return null;
  // `, Josh Earnest,`: a name in apposition to a description.
  let a = j + 1;
  while (a < comma && isCapitalizedWord(ctx.tokens[a]) && !ctx.mentionAt[a] && TITLE_LIKE.test((ctx.tokens[a] as Token).text)) a++;
  const inner = mentionWords(ctx, a);
  if (inner && inner.mention?.type === "PERSON") {
    let b = inner.end + 1;
    if (ctx.tokens[b]?.text === "(") while (b < comma && (ctx.tokens[b] as Token).text !== ")") b++;
    if (b === comma || (ctx.tokens[b] as Token).text === ")" && b + 1 === comma) return inner;
  }
  // The earliest person in subject position followed by a comma, dash or party tag.
  let earliest: SpeakerWords | null = null;
  for (let k = comma - 1; k >= lo && comma - k < APPOSITIVE_REACH; k--) {
    if (inQuote(ctx, k)) continue;
    const u = ctx.tokens[k] as Token;
    if (endsSentenceAt(ctx, k)) break;
    const next = ctx.tokens[k + 1] as Token;
    if (k + 1 === comma || !(next.text === "," || next.text === "(" || DASHES.has(next.text))) continue;
    const m = ctx.mentionAt[k];
    let w: SpeakerWords | null = null;
    if (m && m.type === "PERSON") {
      w = mentionWords(ctx, k) as SpeakerWords;
    } else if (!m && isNameWord(u) && isNameWord(ctx.tokens[k - 1]) && !ctx.mentionAt[k - 1]) {
      // `Johnnie Wilson, of Springfield, Va., said`: a two-word name the mention finder missed.
      let a = k - 1;
      while (a - 1 >= lo && isNameWord(ctx.tokens[a - 1]) && !ctx.mentionAt[a - 1]) a--;
      w = { kind: "name", start: a, end: k, head: k, mention: null };
    }
    if (w && inSubjectPosition(ctx, w.start)) earliest = w;
  }
  if (earliest) return earliest;
  return subjectBefore(ctx, lo, j, true);
}

/**
 * The person before an appositive that runs from a comma to token `last` without a closing
 * comma (`Sam Lau, the communications director` before `for the Iowa Democratic Party said`).
 */
function unclosedAppositive(ctx: Context, lo: number, last: number): SpeakerWords | null {
  for (let k = last; k - 1 >= lo && last - k < 8; k--) {
    const u = ctx.tokens[k] as Token;
    if (u.text === ",") {
      const person = mentionWords(ctx, k - 1);
      return person && person.mention?.type === "PERSON" && inSubjectPosition(ctx, person.start) ? person : null;
    }
    if (u.kind !== "word" || ctx.mentionAt[k] || RELATIVE_PRONOUNS.has(lower(ctx, k)) || (isLowerWord(u) && cueLemma(u.text) !== undefined)) return null;
  }
  return null;
}

const TITLE_LIKE = /^(?:[A-Z][a-z]*\.|Sen|Rep|Gov|President|Senator|Governor|Secretary|Minister|Mayor|Judge|Justice|General|Speaker|Leader|Majority|Minority|House|Senate|Former|Chairman|Chairwoman|Director|Representative|Congressman|Congresswoman|Vice|Prime|Foreign|Attorney|Army|Navy|Capt|Lt|Col|Gen|Dr|Mr|Mrs|Ms)$/;

/**
 * The subject of the cue starting at token `cue`, reading backwards to `lo`: skipping
 * auxiliaries and adverbs (`has also said`), time phrases (`two weeks ago`), parenthetical
 * party tags (`(R-WI)`), prepositional phrases (`Trump in his speech called`), relative
 * pronouns (`a surrogate who said`) and appositives (`Reed, who managed Dole's campaign,
 * said`).
 */
export function subjectBefore(ctx: Context, lo: number, cue: number, inAppositive = false): SpeakerWords | null {
  let i = cue - 1;
  let insertions = 0;
  while (i >= lo) {
    const t = ctx.tokens[i] as Token;
    const w = t.text.toLowerCase();
    if (inQuote(ctx, i)) return null;
    if (t.kind === "word" && !ctx.mentionAt[i] && (CUE_AUXILIARIES.has(w) || TIME_WORDS.has(w) || NON_NAME_WORDS.has(w) || (/^[a-z]+ly$/.test(t.text) && w.length > 4))) {
      i--;
      continue;
    }
    if (t.kind === "number") {
      i--;
      continue;
    }
    if (t.kind === "clitic" && /^['’](?:s|ve|d|ll)$/.test(t.text) && isSpeakerPronoun(ctx.tokens[i - 1])) {
      i--;
      continue;
    }
    if (t.kind === "word" && w === "to" && i - 1 >= lo) {
      // `Bryne went on to say`, `Trump took to Twitter to accuse`: the subject of the governing verb.
      return conjoinedSubject(ctx, lo, i);
    }
    if (t.kind === "word" && (w === "and" || w === "but") && i - 1 >= lo) {
      // `Bush thought for a moment and said`: the subject of the first verb.
      return conjoinedSubject(ctx, lo, i);
    }
    if (t.kind === "word" && RELATIVE_PRONOUNS.has(w)) {
      // `a campaign surrogate who said`: the subject is what `who` follows.
      i--;
      if (ctx.tokens[i]?.text === ",") i--;
      continue;
    }
    if (t.text === ")") {
      let j = i - 1;
      while (j >= lo && i - j < 12 && (ctx.tokens[j] as Token).text !== "(") j--;
      if (j < lo || (ctx.tokens[j] as Token).text !== "(") return null;
      i = j - 1;
      continue;
    }
    if (t.text === "," || DASHES.has(t.text)) {
      if (inAppositive) return null;
      return appositiveSubject(ctx, lo, i);
    }
    const m = mentionWords(ctx, i);
    if (m && m.mention?.type === "PLACE" && m.start - 2 >= lo && insertions < 3) {
      // `Stacy Baker of Columbia, South Carolina says`, `a woman in Worcester said`: where, not who.
      const p = lower(ctx, m.start - 1);
      if (p === "," || INSERTED_PREPOSITIONS.has(p) || p === "of") {
        insertions++;
        i = m.start - 2;
        continue;
      }
    }
    if (m && m.start - 2 >= lo && lower(ctx, m.start - 1) === "by" && /ed$/.test(lower(ctx, m.start - 2)) && insertions < 3) {
      // `A letter ... obtained by The Associated Press warns`: the agent of a participle.
      insertions++;
      i = m.start - 3;
      continue;
    }
    if (m && m.mention?.type !== "PERSON") {
      // `Mr. Morgan of the Sierra Club said`: the person before the organization's phrase.
      let p = m.start - 1;
      if (lower(ctx, p) === "the") p--;
      if (p - 1 >= lo && ["of", "from", "at", "with"].includes(lower(ctx, p))) {
        const owner = mentionWords(ctx, p - 1);
        if (owner && owner.mention?.type === "PERSON") return owner;
        if (isNameWord(ctx.tokens[p - 1])) {
          let a = p - 1;
          while (a - 1 >= lo && isCapitalizedWord(ctx.tokens[a - 1])) a--;
          if (a < p - 1 || TITLE_LIKE.test((ctx.tokens[a] as Token).text)) return capitalizedRun(ctx, a, p - 1);
        }
      }
      // `Sam Lau, the communications director for the Iowa Democratic Party said`: an
      // appositive whose closing comma is missing; the person before it is the subject.
      const closing = ["of", "from", "at", "with", "for"].includes(lower(ctx, p)) ? unclosedAppositive(ctx, lo, p - 1) : null;
      if (closing) return closing;
    }
    if (m) {
      const before = ctx.tokens[m.start - 1];
      // `a spokesman for Ted Cruz said`: the name is inside the subject's description.
      if (before && isLowerWord(before) && DESCRIPTION_PREPOSITIONS.has(before.text) && m.start - 2 >= lo) {
        const desc = descriptionEndingAt(ctx, lo, m.start - 2);
        const head = desc ? lower(ctx, desc.head) : "";
        if (desc && (PERSON_NOUNS.has(head) || PERSON_NOUNS.has(head.replace(/s$/, "")) || ORG_NOUNS.has(head) || MEDIA_NOUNS.has(head) || REPORT_NOUNS.has(head) || PERSONISH.has(head))) {
          return { ...desc, end: m.end };
        }
      }
      return m;
    }
    if (isSpeakerPronoun(t)) return { kind: "pronoun", start: i, end: i, head: i, mention: null };
    if (isLowerWord(t)) {
      const desc = descriptionEndingAt(ctx, lo, i);
      // `Trump in his announcement speech called`: a phrase between subject and verb.
      const prep = desc ? lower(ctx, desc.start - 1) : "";
      if (desc && insertions < 2 && INSERTED_PREPOSITIONS.has(prep) && desc.start - 2 >= lo) {
        insertions++;
        i = desc.start - 2;
        continue;
      }
      return desc;
    }
    if (isNameWord(t)) {
      let a = i;
      while (a - 1 >= lo && isCapitalizedWord(ctx.tokens[a - 1]) && !FUNCTION_WORDS.has(lower(ctx, a - 1))) a--;
      const p = lower(ctx, a - 1);
      if (a - 2 >= lo && insertions < 3 && (p === "in" || p === "from" || p === "at")) {
        insertions++;
        i = a - 2;
        continue;
      }
      const run = capitalizedRun(ctx, a, i);
      // `another New Hampshire Republican said`, `the Wisconsin Republican said`: a description.
      if (["a", "an", "another", "one", "the", "this"].includes(p) && run.mention?.type !== "PERSON") {
        return { kind: "description", start: a - 1, end: i, head: i, mention: null };
      }
      return run;
    }
    return null;
  }
  return null;
}

/** Sentence-opening adverbs and conjunctions that link to what came before (not subordinators like `when`). */
const LINKING_WORDS = new Set(["and", "but", "so", "yet", "still", "then", "now", "also", "later", "earlier", "meanwhile", "instead", "however", "indeed", "moreover", "separately"]);

/**
 * The subject of the main clause of the sentence starting at `start`, before `limit`: the
 * first person, organization or pronoun not inside a prepositional phrase, after a leading
 * adverbial (`Hours later, Trump ...`, `In a Fox interview, Trump ...`).
 */
export function mainSubject(ctx: Context, start: number, limit: number): SpeakerWords | null {
  let i = start;
  const first = lower(ctx, i);
  // `Then he cut into Bush, calling ...`, `And Trump went on, mocking ...`: a linking word
  // right before the subject opens no adverbial phrase of its own.
  let j = i;
  while (j < limit && j - i < 3 && LINKING_WORDS.has(lower(ctx, j))) j++;
  const linked = j > i && j < limit && (isSpeakerPronoun(ctx.tokens[j]) || (ctx.mentionStart[j] === j && ctx.mentionAt[j]?.type !== "PLACE"));
  if (SENTENCE_ADVERBIALS.has(first) && !linked) {
    for (let k = i; k < limit && k - i < 15; k++) {
      if (ctx.tokens[k]?.text === "," && !inQuote(ctx, k)) {
        i = k + 1;
        break;
      }
    }
  }
  while (i < limit && ["and", "but", "so", "yet", "still", "then"].includes(lower(ctx, i))) i++;
  for (let steps = 0; i < limit && steps < 25; steps++) {
    const q = ctx.quoteAt[i] as number;
    if (q >= 0) {
      const p = ctx.pairs[q];
      i = (p && p.close >= 0 ? p.close : limit) + 1;
      continue;
    }
    const t = ctx.tokens[i] as Token;
    const m = mentionWords(ctx, i);
    if (m) {
      const before = ctx.tokens[m.start - 1];
      const afterM = ctx.tokens[m.end + 1];
      const inPhrase = before !== undefined && m.start > start && isLowerWord(before) && PREPOSITIONS.has(before.text);
      const possessive = afterM !== undefined && afterM.kind === "clitic";
      // `(AFP) -`: a dateline's agency; `White House nominee, Trump,`: a name that only
      // qualifies the person a title leads to.
      const dateline = before?.text === "(" && afterM?.text === ")";
      const qualifier = afterM !== undefined && isLowerWord(afterM) && (PERSON_NOUNS.has(afterM.text) || TITLE_HEADS.has(afterM.text));
      if (!inPhrase && !possessive && !dateline && !qualifier && m.mention?.type !== "PLACE") return m;
      i = m.end + 1;
      continue;
    }
    if (isSpeakerPronoun(t)) return { kind: "pronoun", start: i, end: i, head: i, mention: null };
    // `Band member Flea shared the news ..., writing`, `Rep. Hakeem Jeffries (D-N.Y.)
    // reacted`: a name the mention finder missed, before its verb.
    const verbAfter = cueAt(ctx.tokens, i + 1) !== null || ["has", "had", "was", "is", "will", "would", "also", "went", "then"].includes(lower(ctx, i + 1));
    if (isNameWord(t) && (i > start || isNameWord(ctx.tokens[i + 1]) || verbAfter)) {
      let b = i;
      while (isCapitalizedWord(ctx.tokens[b + 1])) b++;
      const after = ctx.tokens[b + 1];
      const verbNext = isLowerWord(after) && !PREPOSITIONS.has(lower(ctx, b + 1)) && !["and", "or", "of", "the", "a", "an", "nor"].includes(lower(ctx, b + 1));
      if (verbNext || after?.text === "(" || after?.text === ",") return capitalizedRun(ctx, i, b);
      i = b + 1;
      continue;
    }
    if (i === start && DETERMINERS.has(lower(ctx, i))) {
      const desc = descriptionStartingAt(ctx, i, limit);
      if (desc) return desc;
    }
    i++;
  }
  return null;
}
