// npm run quotes:eval -- FILE.jsonl [--errors N] [--show fn|fp|speaker] [--no-compromise] [--raw-hint]
//
// Evaluates direct-quote detection and speaker attribution of `extract()` against the
// PolNeAR attribution annotations (JSONL as described in /work/shared/data/polnear/README.md).
// FILE is read relative to the working directory (npm runs scripts in the project root), or
// absolute.
//
// Gold quotes. A gold quote is a quoted run of the article text — from an opening double
// quotation mark to its closing mark, or to the end of its line — that the content of any
// gold attribution touches. Inside/outside is decided per line as the data README does for
// `type` (curly and straight marks; a line break resets; a `”` between a space and a word is
// a mistyped opening mark), plus the typewriter mark `''`
// that NYT texts use: the README's `type` misses `''`, so its NYT quotations are labelled
// `indirect` although they are direct; every attribution type is therefore used and the
// quoted runs decide. This counts the quoted parts of `direct` and `mixed` attributions
// (`Trump said that the US’s “approach ... was madness”` gives its quoted fragment, `“A,” he
// said, “B.”` two runs), one run per paragraph for a quotation over several paragraphs (the
// unit our quote finder outputs), and a quotation the annotators split sentence by sentence
// into several attributions once. A curly quotation nested in a straight-quoted one (`"PENCE:
// ... an episode of “Shark Tank.” But ..."`) is part of the outer run, as it is part of the
// outer speaker's words. A second line scores against the `type` labels as given.
//
// Matching. Gold runs and predicted quotes are trimmed to their first and last letter or
// digit (so `team,` = `team` and marks never count). A prediction matches a gold run when
// their overlap covers at least half of each (overlap >= 0.5 * the longer); matching is
// one-to-one, best overlap first. Precision = matched predictions / predictions, recall =
// matched gold runs / gold runs. Exact matches (identical trimmed offsets) are counted too.
//
// Speakers. Scored on matched runs whose gold speaker is named. The gold name is the head
// noun phrase of the `speaker` span — before any comma, relative clause or preposition
// (`Amy Rao, the chief executive of ...` → `Amy Rao`, `Mr. Burman of the Tax Policy Center`
// → `Mr. Burman`), or a name in apposition (`the White House spokesman, Josh Earnest`) —
// when its head word is capitalized and not a pronoun, weekday or month, party noun or
// nationality (`a New Hampshire Republican`), nor a one-word common noun that only opens
// its sentence (`Aides`, `Transcript`: the article uses the word in lower case too). When
// the span is not named (`he`, `the report`), the `speaker_coref_auto` hint under the same
// tests is the gold name; the README calls that hint noisy, so the two are reported apart.
// A hint that cannot be the speaker of a `he`/`she`/`the governor` is not used: a place
// (`Vermont`, `Indiana` for `the Indiana governor`, `Romare Bearden Park` for `he`), a plural
// group (`African-Americans` for `he`) or a bare honorific or title (`Mr.`, the addressee
// `Mr. President` for `he asks`); nor a hint for an indefinite source span, an unnamed
// person whom the hint ties to the organization or person they work for (`a Twitter
// spokesman` → `Twitter`, `one Clinton aide` → `Bill Clinton`); such quotes then count
// as unnamed, like other pronoun quotes without a usable hint. `--raw-hint` scores with
// the hint as given (the criterion before this rule; both numbers are reported).
// Ours is the resolved entity of the quote's speaker (its canonical name and every alias
// in the article) or, without entity, the speaker mention. Names are compared as folded
// word sets (lower case, no diacritics, punctuation or `the`): correct when they are equal
// without titles (`Mr. Trump` = `Trump`), when all words of one of our names are among the
// gold span's words (`Post` in `The New York Post`, `Mike Pence` in `Gov. Mike Pence
// (R-IN)`), or when all capitalized gold words are among ours (`Clinton` in `Hillary
// Clinton`). A bare surname shared by two people of the article (`Clinton` with `Bill` and
// `Hillary Clinton`) is ambiguous and does not match a full name.
//
// Reference: compromise's `quotations()` is scored for detection with the same criterion
// (it names no speaker).

import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import nlp from "compromise";
import { extractArticle as extract } from "../src/analysis/runtime/analyse.ts";
import { resolveArticle } from "../src/resolve/index.ts";
import type { ResolvedArticle } from "../src/domain/resolved.ts";
import { NON_NAME_WORDS, TITLE_HEADS, TITLE_MODIFIERS } from "../src/lexicon/words.ts";
import { isDemonym, lookupCountry } from "../src/lexicon/countries.ts";
import { isKnownRegion, lookupCity } from "../src/lexicon/places.ts";
import { scriptArgs } from "./args.ts";

interface Span {
  start: number;
  end: number;
  text: string;
}

interface GoldQuote {
  id: string;
  type: "direct" | "mixed" | "indirect";
  content: Span[];
  cue: Span[];
  source: Span[];
  speaker: string | null;
  speaker_coref_auto: string | null;
}

interface Article {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

interface Segment {
  start: number;
  end: number;
  /** Named gold speakers (may be several when two attributions share a segment). */
  names: string[];
  /** Whether the first named gold speaker is the source span itself or only the coreference hint. */
  namedBy: "span" | "hint" | "none";
  speakers: string[];
  cues: string[];
}

type SpeakerWordsKind = "name" | "pronoun" | "description" | "none";

interface Prediction {
  start: number;
  end: number;
  kind: SpeakerWordsKind;
  /** Names our speaker goes by in this article (empty when none). */
  names: string[];
  speakerText: string | null;
  cue: string | null;
}

// ---------------------------------------------------------------------------------------
// Arguments

const args = scriptArgs(
  `Usage: npm run quotes:eval -- FILE.jsonl [--errors N] [--show fn|fp|speaker] [--no-compromise] [--raw-hint]

Direct-quote detection precision, recall and F1 and named-speaker accuracy of the product's
extraction on PolNeAR JSONL (e.g. ../shared/data/polnear/dev.jsonl), with error samples and
compromise's quotations() for reference. How gold quotes and speakers are read is described
at the top of scripts/quotes-eval.ts.

Options:
  --errors N          error samples to print (default 15)
  --show KIND         print only the samples of one kind: fn, fp or speaker
  --no-compromise     skip compromise
  --raw-hint          score speakers with the coreference hint as given
  -h, --help          show this help

Exit codes: 0 scored, 1 failed, 2 usage error.`,
  { errors: { type: "string", default: "15" }, show: { type: "string" }, "no-compromise": { type: "boolean", default: false }, "raw-hint": { type: "boolean", default: false } },
  true,
);
const file = args.positionals[0];
if (!file) {
  console.error("quotes:eval: a PolNeAR JSONL file is required (--help)");
  process.exit(2);
}
const errorCount = args.number(args.values.errors, "--errors", 0, 100_000);
const show = args.values.show;
const withCompromise = !args.values["no-compromise"];
/** `--raw-hint`: the coreference hint as given, even when it names a place or a group (the old criterion). */
const rawHint = args.values["raw-hint"];

// ---------------------------------------------------------------------------------------
// Text helpers

const OPEN_MARKS = new Set(["“", "„", "«"]);
const CLOSE_MARKS = new Set(["”", "»", "‟"]);
const TOGGLE_MARKS = new Set(['"', "″"]);

function isAlnum(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

/** 1 for characters inside double quotation marks (marks excluded); reset at line breaks. */
function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let inside = false;
  /** Inside a straight-quoted run, a curly pair nests (`"... question: “As you know ...” ..."`). */
  let straightOuter = false;
  let nested = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const two = text.slice(i, i + 2);
    if (two === "''" || two === "``") {
      // Typewriter double quotes (NYT archive texts): `''` toggles, ``` `` ``` opens.
      inside = two === "``" ? true : !inside;
      straightOuter = false;
      i++;
    } else if (ch === "\n") {
      inside = false;
      nested = false;
    } else if (inside && straightOuter && OPEN_MARKS.has(ch)) {
      nested = true;
      mask[i] = 1;
    } else if (nested && CLOSE_MARKS.has(ch)) {
      nested = false;
      mask[i] = 1;
    } else if (OPEN_MARKS.has(ch) || (ch === "”" && !inside && /[\s]/.test(text.charAt(i - 1) || " ") && /[\p{L}\p{N}]/u.test(text.charAt(i + 1)))) {
      // (A `”` between a space and a word is a mistyped opening mark: ` ”Fear. I am ...`.)
      inside = true;
      straightOuter = false;
    } else if (CLOSE_MARKS.has(ch)) {
      inside = false;
    } else if (TOGGLE_MARKS.has(ch)) {
      inside = !inside;
      straightOuter = inside;
      nested = false;
    } else if (inside) mask[i] = 1;
  }
  return mask;
}

/** The span shrunk to its first and last letter or digit; null when it has none. */
function trim(text: string, start: number, end: number): { start: number; end: number } | null {
  let a = start;
  let b = end;
  while (a < b && !isAlnum(text.charAt(a))) a++;
  while (b > a && !isAlnum(text.charAt(b - 1))) b--;
  return a < b ? { start: a, end: b } : null;
}

function context(text: string, start: number, end: number, width = 70): string {
  const clip = (s: string): string => s.replace(/\s+/g, " ");
  const inner = end - start > 2 * width ? `${text.slice(start, start + width)} … ${text.slice(end - width / 2, end)}` : text.slice(start, end);
  return `${clip(text.slice(Math.max(0, start - width), start))}⟦${clip(inner)}⟧${clip(text.slice(end, end + width / 2))}`;
}

// ---------------------------------------------------------------------------------------
// Names

const PARTY_NOUNS = new Set(["republican", "republicans", "democrat", "democrats", "independent", "independents", "libertarian", "libertarians", "conservative", "conservatives", "liberal", "liberals", "progressive", "progressives"]);
const PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it", "who", "which", "that", "his", "her", "him", "them"]);

/** Folded words of a name: lower case, no diacritics or punctuation, no `the`, no possessive. */
function nameWords(s: string): string[] {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/\([^)]*\)/g, " ")
    .replace(/'s\b/gi, "")
    .replace(/['.]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "" && w !== "the");
}

/** Name words without leading titles and honorifics (`Mr. Trump` → `trump`). */
function bareNameWords(s: string): string[] {
  const words = nameWords(s);
  let i = 0;
  while (i < words.length - 1 && (TITLE_HEADS.has(words[i] as string) || TITLE_HEADS.has(`${words[i]}.`) || TITLE_MODIFIERS.has(words[i] as string))) i++;
  return words.slice(i);
}

/**
 * Whether a gold speaker phrase names someone: its head (last) word is capitalized, not a
 * pronoun, weekday or month, and not a common word that only opens a sentence (`Aides`,
 * `Transcript`, `Another`: a one-word phrase whose lower-case form the article also uses).
 */
function isNamed(s: string | null, lowerWords: ReadonlySet<string>): boolean {
  if (!s) return false;
  const words = s
    .replace(/\([^)]*\)/g, " ")
    .replace(/[’']s\b/g, "")
    .split(/[^\p{L}\p{N}.'’-]+/u)
    .filter((w) => /[\p{L}]/u.test(w));
  const head = words[words.length - 1];
  if (!head) return false;
  const lower = head.toLowerCase().replace(/\.$/, "");
  // Party members and nationalities are descriptions (`a New Hampshire Republican`, `Iranians`).
  if (PRONOUNS.has(lower) || NON_NAME_WORDS.has(lower) || PARTY_NOUNS.has(lower) || isDemonym(head)) return false;
  if (words.length === 1 && lowerWords.has(lower)) return false;
  const first = head.charAt(0);
  return first !== first.toLowerCase();
}

/** An indefinite source span: an unnamed person (`a Twitter spokesman`, `one Clinton aide`). */
const ANONYMOUS = /^(?:a|an|one|another|some|two|three|several)\s/i;

/** Place nouns that end the name of a place, not of a speaker (`Romare Bearden Park`). */
const PLACE_HEADS = new Set(["park", "street", "avenue", "square", "boulevard", "county", "river", "bridge", "plaza"]);
const HONORIFICS_ONLY = /^(?:mr|mrs|ms|miss|dr|sir|madam)\.?$/i;

/**
 * Whether the coreference hint names something that can be a pronoun's or description's
 * speaker: not a place (`Vermont`, `Indiana` for `the Indiana governor`, `Romare Bearden
 * Park`), a plural group of people (`African-Americans` for `he`) or a bare honorific (`Mr.`).
 */
function canSpeak(name: string): boolean {
  const words = name.replace(/[’']s\b/g, "").split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const bare = words.join(" ").replace(/^the\s+/i, "");
  // `Mr.`, `Mr. President` (an addressee the hint picked up): no name at all.
  if (words.length === 0 || words.every((w) => HONORIFICS_ONLY.test(w) || TITLE_HEADS.has(w.toLowerCase()))) return false;
  if (lookupCountry(bare) || lookupCity(bare) || isKnownRegion(bare)) return false;
  const last = (words[words.length - 1] as string).toLowerCase();
  if (PLACE_HEADS.has(last)) return false;
  const head = (words[words.length - 1] as string).split("-").pop() as string;
  if (/s$/.test(head) && (isDemonym(head) || isDemonym(head.replace(/s$/, "")))) return false;
  return true;
}

/** Words that end the noun phrase naming a speaker (`Amy Rao, the ...`, `a user from Hanover`). */
const PHRASE_CUTS = /\s(?:who|which|that|whose|from|in|at|with|for|on|by|to|going|released|obtained|published|filed|issued|written|according|during|after|before)\s/i;

/** The head noun phrase of a source span: before any comma, relative clause or preposition. */
function headPhrase(s: string, lowerWords: ReadonlySet<string>): string {
  let p = (s.split(",")[0] as string).trim();
  const cut = PHRASE_CUTS.exec(` ${p} `);
  if (cut) p = ` ${p} `.slice(0, cut.index).trim();
  // `Mr. Burman of the Tax Policy Center` → `Mr. Burman`; not `Speaker of the House Rep. Paul Ryan`.
  const of = p.indexOf(" of ");
  if (of > 0) {
    const before = p.slice(0, of);
    const last = before.split(/\s+/).pop() ?? "";
    if (isNamed(before, lowerWords) && !TITLE_HEADS.has(last.toLowerCase()) && !TITLE_HEADS.has(`${last.toLowerCase()}.`)) p = before;
  }
  return p;
}

/**
 * The gold speaker's name, or null when it is only a pronoun or description: the head noun
 * phrase of the source span when named (`Amy Rao, the chief executive of ...` → `Amy Rao`),
 * else a name in apposition (`the White House spokesman, Josh Earnest,`), else the same for
 * the coreference hint.
 */
function goldName(q: GoldQuote, lowerWords: ReadonlySet<string>): string | null {
  for (const s of [q.speaker, q.speaker_coref_auto]) {
    if (!s) continue;
    const head = headPhrase(s, lowerWords);
    if (s !== q.speaker && !rawHint && (!canSpeak(head) || ANONYMOUS.test(q.speaker ?? ""))) continue;
    if (isNamed(head, lowerWords)) return head;
    const apposition = s.split(",")[1]?.trim();
    if (apposition && isNamed(headPhrase(apposition, lowerWords), lowerWords) && !/^(?:a|an|the)\s/i.test(apposition) && (s === q.speaker || rawHint || canSpeak(headPhrase(apposition, lowerWords)))) {
      return headPhrase(apposition, lowerWords);
    }
  }
  return null;
}

function capitalizedWords(s: string): string[] {
  const out: string[] = [];
  for (const w of s.replace(/\([^)]*\)/g, " ").split(/\s+/)) {
    const c = w.replace(/^[^\p{L}]+/u, "").charAt(0);
    if (c !== "" && c !== c.toLowerCase()) out.push(...nameWords(w));
  }
  return out;
}

function sameName(ours: readonly string[], gold: string, ambiguous: ReadonlySet<string>): boolean {
  const goldWords = new Set(nameWords(gold));
  const goldCaps = capitalizedWords(gold).filter((w) => !PRONOUNS.has(w));
  const goldBare = bareNameWords(gold).join(" ");
  for (const name of ours) {
    const words = nameWords(name);
    if (words.length === 0) continue;
    // The same name as written (`Mr. Trump` = `Trump`) is right even when the surname is shared.
    if (bareNameWords(name).join(" ") === goldBare) return true;
    if (words.length === 1 && ambiguous.has(words[0] as string)) continue;
    if (words.every((w) => goldWords.has(w))) return true;
    if (goldCaps.length > 0 && goldCaps.every((w) => words.includes(w))) {
      if (goldCaps.length === 1 && ambiguous.has(goldCaps[0] as string)) continue;
      return true;
    }
  }
  return false;
}

/** Surnames shared by two or more people of the article (`Clinton`). */
function ambiguousSurnames(r: ResolvedArticle): Set<string> {
  const seen = new Map<string, Set<string>>();
  for (const e of r.entities) {
    if (e.type !== "PERSON") continue;
    const words = e.key.split(" ");
    if (words.length < 2) continue;
    const last = words[words.length - 1] as string;
    const set = seen.get(last) ?? new Set<string>();
    set.add(e.key);
    seen.set(last, set);
  }
  return new Set([...seen].filter(([, keys]) => keys.size > 1).map(([w]) => w));
}

// ---------------------------------------------------------------------------------------
// Gold and predictions

/**
 * The gold quotes of an article: every quoted run of the text (opening mark to closing
 * mark, or to the end of its line) that gold attribution content touches, whole.
 */
function goldSegments(a: Article, labelledOnly: boolean): Segment[] {
  const mask = quotedMask(a.text);
  const lowerWords = new Set(a.text.match(/\b\p{Ll}[\p{Ll}-]*\b/gu) ?? []);
  const out: Segment[] = [];
  const attributions = a.quotes.filter((q) => !labelledOnly || q.type === "direct" || q.type === "mixed");
  let i = 0;
  while (i < a.text.length) {
    if (mask[i] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j < a.text.length && mask[j] === 1) j++;
    const t = trim(a.text, i, j);
    i = j;
    if (!t) continue;
    const covering: { q: GoldQuote; chars: number }[] = [];
    for (const q of attributions) {
      let chars = 0;
      for (const c of q.content) chars += Math.max(0, Math.min(c.end, t.end) - Math.max(c.start, t.start));
      if (chars > 0) covering.push({ q, chars });
    }
    if (covering.length === 0) continue;
    covering.sort((x, y) => y.chars - x.chars);
    const seg: Segment = { ...t, names: [], namedBy: "none", speakers: [], cues: [] };
    for (const { q } of covering) {
      const named = goldName(q, lowerWords);
      if (named && seg.namedBy === "none") seg.namedBy = q.speaker && goldName({ ...q, speaker_coref_auto: null }, lowerWords) ? "span" : "hint";
      if (named && !seg.names.includes(named)) seg.names.push(named);
      seg.speakers.push(q.speaker ?? "∅");
      seg.cues.push(q.cue.map((x) => x.text).join(" "));
    }
    out.push(seg);
  }
  return out;
}

function ourPredictions(text: string): { preds: Prediction[]; ambiguous: Set<string> } {
  const ex = extract(text);
  const r = resolveArticle(ex, text);
  const entityNames = new Map<string, string[]>();
  for (const e of r.entities) entityNames.set(`${e.type}:${e.key}`, e.aliases);
  const preds: Prediction[] = [];
  ex.quotes.forEach((q, k) => {
    const t = trim(text, q.start, q.end);
    if (!t) return;
    const rq = r.quotes[k];
    let names: string[] = [];
    if (rq?.speaker) names = entityNames.get(`${rq.speaker.type}:${rq.speaker.key}`) ?? [];
    if (names.length === 0 && q.speaker?.mention) names = [q.speaker.mention.text];
    const resolvedTo = q.speaker?.mention && q.speaker.mention.text !== q.speaker.text ? ` → ${q.speaker.mention.text}` : "";
    const kind: SpeakerWordsKind = !q.speaker
      ? "none"
      : /^(?:he|she|they|we|i|it)$/i.test(q.speaker.text)
        ? "pronoun"
        : q.speaker.mention && q.speaker.mention.start === q.speaker.start && q.speaker.mention.end === q.speaker.end
          ? "name"
          : "description";
    preds.push({ ...t, kind, names, speakerText: q.speaker ? `${q.speaker.text}${resolvedTo}` : null, cue: q.cue });
  });
  return { preds, ambiguous: ambiguousSurnames(r) };
}

function compromisePredictions(text: string): Prediction[] {
  const out: Prediction[] = [];
  const json = nlp(text).quotations().json({ offset: true }) as { offset?: { start: number; length: number } }[];
  for (const j of json) {
    if (!j.offset) continue;
    const t = trim(text, j.offset.start, j.offset.start + j.offset.length);
    if (t) out.push({ ...t, kind: "none", names: [], speakerText: null, cue: null });
  }
  return out;
}

/** One-to-one matching, best overlap first; returns gold index → prediction index. */
function match(golds: readonly Segment[], preds: readonly Prediction[]): Map<number, number> {
  const pairs: { g: number; p: number; score: number }[] = [];
  const byStart = preds.map((p, i) => ({ p, i })).sort((x, y) => x.p.start - y.p.start);
  // Quotes do not overlap: predictions before `from` end before the gold run (a little slack kept).
  let from = 0;
  golds.forEach((g, gi) => {
    while (from < byStart.length && (byStart[from] as { p: Prediction }).p.end <= g.start && from < byStart.length - 1) from++;
    for (let k = Math.max(0, from - 3); k < byStart.length; k++) {
      const { p, i } = byStart[k] as { p: Prediction; i: number };
      if (p.start >= g.end) break;
      const overlap = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (overlap <= 0) continue;
      const score = overlap / Math.max(p.end - p.start, g.end - g.start);
      if (score >= 0.5) pairs.push({ g: gi, p: i, score });
    }
  });
  pairs.sort((x, y) => y.score - x.score);
  const gUsed = new Map<number, number>();
  const pUsed = new Set<number>();
  for (const { g, p } of pairs) {
    if (gUsed.has(g) || pUsed.has(p)) continue;
    gUsed.set(g, p);
    pUsed.add(p);
  }
  return gUsed;
}

// ---------------------------------------------------------------------------------------
// Scoring

interface Counts {
  gold: number;
  pred: number;
  matched: number;
  exact: number;
}

const ours: Counts = { gold: 0, pred: 0, matched: 0, exact: 0 };
const theirs: Counts = { gold: 0, pred: 0, matched: 0, exact: 0 };
const oursLabelled: Counts = { gold: 0, pred: 0, matched: 0, exact: 0 };
let namedScored = 0;
let namedCorrect = 0;
let namedMissing = 0;
let namedNoAttribution = 0;
const byKind = new Map<string, { n: number; ok: number }>();
function tally(key: string, ok: boolean): void {
  const e = byKind.get(key) ?? { n: 0, ok: 0 };
  e.n++;
  if (ok) e.ok++;
  byKind.set(key, e);
}

type ErrorKind = "fn" | "fp" | "speaker";
const errors: { kind: ErrorKind; line: string }[] = [];

function score(c: Counts, golds: readonly Segment[], preds: readonly Prediction[]): Map<number, number> {
  const m = match(golds, preds);
  c.gold += golds.length;
  c.pred += preds.length;
  c.matched += m.size;
  for (const [g, p] of m) {
    const gs = golds[g] as Segment;
    const ps = preds[p] as Prediction;
    if (gs.start === ps.start && gs.end === ps.end) c.exact++;
  }
  return m;
}

const path = resolvePath(process.cwd(), file);
const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "");
const started = performance.now();
let ourMs = 0;
let theirMs = 0;
for (const line of lines) {
  const a = JSON.parse(line) as Article;
  const golds = goldSegments(a, false);
  const t0 = performance.now();
  const { preds, ambiguous } = ourPredictions(a.text);
  ourMs += performance.now() - t0;
  const m = score(ours, golds, preds);
  const matchedPreds = new Set(m.values());
  golds.forEach((g, gi) => {
    const p = m.get(gi);
    if (p === undefined) {
      errors.push({
        kind: "fn",
        line: `FN  ${a.id}  gold speaker ${JSON.stringify(g.speakers[0])} cue ${JSON.stringify(g.cues[0])}\n    ${context(a.text, g.start, g.end)}`,
      });
      return;
    }
    const pred = preds[p] as Prediction;
    if (g.names.length === 0) return;
    namedScored++;
    if (pred.names.length === 0) namedMissing++;
    if (pred.speakerText === null) namedNoAttribution++;
    const correct = g.names.some((n) => sameName(pred.names, n, ambiguous));
    tally(`ours:${pred.kind}`, correct);
    tally(`gold:${g.namedBy}`, correct);
    if (correct) {
      namedCorrect++;
    } else {
      errors.push({
        kind: "speaker",
        line: `SPK(${pred.speakerText === null ? "none" : pred.names.length === 0 ? "no entity" : "other"}${g.namedBy === "hint" ? ",hint" : ""}) [${pred.kind}] ${a.id}  gold ${JSON.stringify(g.names[0])} (span ${JSON.stringify(g.speakers[0])}, cue ${JSON.stringify(g.cues[0])})  ours ${JSON.stringify(pred.speakerText)} = ${JSON.stringify(pred.names[0] ?? null)} (cue ${JSON.stringify(pred.cue)})\n    ${context(a.text, g.start, g.end, 90)}`,
      });
    }
  });
  preds.forEach((p, pi) => {
    if (matchedPreds.has(pi)) return;
    errors.push({
      kind: "fp",
      line: `FP  ${a.id}  ours speaker ${JSON.stringify(p.speakerText)} cue ${JSON.stringify(p.cue)}\n    ${context(a.text, p.start, p.end)}`,
    });
  });
  if (withCompromise) {
    const t1 = performance.now();
    const cp = compromisePredictions(a.text);
    theirMs += performance.now() - t1;
    score(theirs, golds, cp);
  }
  score(oursLabelled, goldSegments(a, true), preds);
}

function prf(c: Counts): string {
  const p = c.pred ? c.matched / c.pred : 0;
  const r = c.gold ? c.matched / c.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const pct = (x: number): string => (100 * x).toFixed(1);
  return `P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  (gold ${c.gold}, predicted ${c.pred}, matched ${c.matched}, exact ${c.exact})`;
}

// Error sample: spread evenly over the corpus, split between kinds unless one is asked for.
const kinds: ErrorKind[] = show ? [show as ErrorKind] : ["fn", "fp", "speaker"];
const sample: string[] = [];
for (const kind of kinds) {
  const list = errors.filter((e) => e.kind === kind);
  const n = show ? errorCount : Math.ceil(errorCount / kinds.length);
  const step = list.length / Math.max(1, Math.min(n, list.length));
  for (let k = 0; k < Math.min(n, list.length); k++) sample.push((list[Math.floor(k * step)] as { line: string }).line);
}

const nErr = (k: ErrorKind): number => errors.filter((e) => e.kind === k).length;
console.log(`Errors (sample of ${sample.length}; ${nErr("fn")} missed, ${nErr("fp")} spurious, ${nErr("speaker")} wrong speaker):`);
for (const s of sample) console.log(s);
console.log("");
console.log(`${file}: ${lines.length} articles, ${ours.gold} gold quoted segments (quoted parts of attributions, \`''\` counted as a quotation mark)`);
console.log(`newsgraph   detection  ${prf(ours)}`);
const acc = namedScored ? ((100 * namedCorrect) / namedScored).toFixed(1) : "n/a";
console.log(
  `newsgraph   speaker    named-speaker accuracy ${acc}  (${namedCorrect}/${namedScored} matched quotes with a named gold speaker; wrong: ${namedNoAttribution} no speaker, ${namedMissing - namedNoAttribution} speaker words without entity, ${namedScored - namedCorrect - namedMissing} other entity)`,
);
const part = (k: string, label: string): string => {
  const e = byKind.get(k);
  return e ? `${label} ${((100 * e.ok) / e.n).toFixed(1)} (${e.ok}/${e.n})` : `${label} -`;
};
console.log(
  `            speaker    by gold: ${part("gold:span", "named span")}, ${part("gold:hint", "pronoun/description span named by the coref hint")}`,
);
console.log(
  `            speaker    by ours: ${part("ours:name", "name")}, ${part("ours:pronoun", "pronoun")}, ${part("ours:description", "description")}, ${part("ours:none", "none")}`,
);
if (withCompromise) console.log(`compromise  detection  ${prf(theirs)}  (names no speaker)`);
console.log(`newsgraph   detection  ${prf(oursLabelled)}  [gold as labelled: type direct|mixed only, so \`''\` quotes count as spurious]`);
console.log(
  `time: newsgraph ${(ourMs / 1000).toFixed(2)} s` + (withCompromise ? `, compromise ${(theirMs / 1000).toFixed(2)} s` : "") + `, total ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
