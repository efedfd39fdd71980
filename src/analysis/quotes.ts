// Direct quotations and who said them: the third pipeline stage.
//
// 1. Quotation marks are paired within paragraphs (quotes/marks.ts); a quotation left
//    open at a paragraph's end continues in the next paragraph's opening quotation.
// 2. Each quotation looks for its attribution (quotes/attribution.ts, with the cues of
//    quotes/cues.ts and the speaker words of quotes/speakers.ts): right after it (`,”
//    Ushakov said`, `,” said Kerry`, `” ― Donald Trump`), before it in its sentence (`Trump
//    said that the US’s "...`, `According to RT, “...`, `“A,” he said, “B.”`, `Trump ...,
//    calling him “...”`), after a colon, or in a transcript label (`"WALLACE: ...`).
// 3. Without one it continues the quotation before it when nothing intervenes (`“A,” he
//    said. “B.”`, consecutive quote paragraphs), or follows a sentence that reports
//    someone speaking (`Packer said in a statement. “...”`).
// 4. The speaker words are a name, a pronoun or a description; pronouns, descriptions and
//    names the mention finder missed are resolved to a mention of the article
//    (quotes/coref.ts).
// Quotations of at most three words without attribution are scare quotes (`the so-called
// “moderate opposition”`), and title-case ones (`“Meet the Press”`) are titles unless a
// naming verb gives them (`called him “Little Marco”`): neither is kept.

import type { Mention, QuoteSpan, SpeakerRef } from "../domain/extraction.ts";
import type { Token } from "./tokenize.ts";
import { buildContext, inQuote, type Context } from "./quotes/context.ts";
import type { QuotePair } from "./quotes/marks.ts";
import { attributionAfter, attributionBefore, endsSentence, introducingSentence, sentenceStart, type Attribution } from "./quotes/attribution.ts";
import { cueAt, cueText } from "./quotes/cues.ts";
import { resolveDescription, resolveName, resolvePronoun, type EarlierSpeaker } from "./quotes/coref.ts";
import type { SpeakerWords } from "./quotes/speakers.ts";
import { NAMING_CUES } from "../lexicon/words.ts";

/** The pipeline boundary for quote finding and attribution. */
export type QuoteFinder = (text: string, tokens: readonly Token[], mentions: readonly Mention[]) => QuoteSpan[];

/** Quotations of at most this many words without attribution are scare quotes. */
const SCARE_QUOTE_WORDS = 3;
/** Longest title (`“The Art of the Deal”`), in words. */
const TITLE_WORDS = 8;
/** Longest stretch between a quotation and the one it continues, in tokens. */
const CONTINUATION_GAP = 120;

const TITLE_SMALL_WORDS = new Set(["of", "the", "and", "a", "an", "in", "on", "at", "to", "for", "with", "from", "by", "or", "but", "vs.", "de", "la", "is", "it", "&", "-", "–", ":", "'s", "’s"]);

interface Found {
  pair: QuotePair;
  index: number;
  attribution: Attribution | null;
  cue: string | null;
  speaker: SpeakerRef | null;
  /** Person key or mention of the speaker, to tell whether a later name is someone else. */
  speakerMention: Mention | null;
  kept: boolean;
}

function countWords(tokens: readonly Token[], a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) {
    const kind = (tokens[i] as Token).kind;
    if (kind === "word" || kind === "number") n++;
  }
  return n;
}

/** `“Meet the Press”`, `''Fox News Sunday''`: two to eight words, all capitalised but small ones. */
function isTitleLike(tokens: readonly Token[], pair: QuotePair): boolean {
  let words = 0;
  let capitals = 0;
  for (let i = pair.open + 1; i <= pair.lastInside; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "punct") {
      if ([".", "?", ";", "!"].includes(t.text)) return false;
      continue;
    }
    if (t.kind === "quote" || t.kind === "clitic") continue;
    words++;
    if (words > TITLE_WORDS) return false;
    if (t.kind === "number") continue;
    const c = t.text.charAt(0);
    if (c !== c.toLowerCase()) {
      if (t.text !== "I") capitals++;
    } else if (!TITLE_SMALL_WORDS.has(t.text)) {
      return false;
    }
  }
  const first = tokens[pair.open + 1];
  return words >= 2 && capitals >= 1 && first !== undefined && first.text.charAt(0) !== first.text.charAt(0).toLowerCase();
}

function speakerRef(ctx: Context, sw: SpeakerWords, mention: Mention | null): SpeakerRef {
  const start = (ctx.tokens[sw.start] as Token).start;
  const end = (ctx.tokens[sw.end] as Token).end;
  return { text: ctx.text.slice(start, end), start, end, mention };
}

function resolveSpeaker(ctx: Context, sw: SpeakerWords, earlier: readonly EarlierSpeaker[]): Mention | null {
  switch (sw.kind) {
    case "mention":
      return sw.mention ? (ctx.personAlias.get(sw.mention) ?? sw.mention) : null;
    case "pronoun":
      return resolvePronoun(ctx, sw.start, (ctx.tokens[sw.start] as Token).text, earlier);
    case "description":
      return sw.mention ?? resolveDescription(ctx, sw, sw.start, earlier);
    case "name":
      return resolveName(ctx, sw, sw.start) ?? (ctx.mentionAt[sw.end] && ctx.mentionAt[sw.end]?.type !== "PLACE" ? (ctx.mentionAt[sw.end] as Mention) : null);
    default:
      return null;
  }
}

function sameSpeaker(ctx: Context, x: Mention, y: Mention): boolean {
  const a = ctx.personAlias.get(x) ?? x;
  const b = ctx.personAlias.get(y) ?? y;
  if (a === b) return true;
  if (a.type !== b.type) return false;
  if (a.type === "PERSON") return (ctx.personKey.get(a) ?? a.text) === (ctx.personKey.get(b) ?? b.text);
  return a.text === b.text;
}

/**
 * Whether nothing between tokens `from` and `to` (exclusive) moves the report to someone
 * else: no other person or organization named outside quotations and no reporting verb.
 */
function nothingIntervenes(ctx: Context, from: number, to: number, speaker: Mention | null): boolean {
  if (to - from > CONTINUATION_GAP) return false;
  // A sentence about the speaker may name others after them (`Roloson supports Democrat
  // Hillary Clinton in the race.`): the sentence whose first name is the speaker's.
  let aboutSpeaker = -1;
  let named = -1;
  for (let i = from; i < to; i++) {
    if (inQuote(ctx, i)) continue;
    const m = ctx.mentionAt[i];
    const sentence = ctx.sentence[i] ?? 0;
    if (m && m.type !== "PLACE") {
      const same = speaker !== null && sameSpeaker(ctx, m, speaker);
      if (named !== sentence) {
        named = sentence;
        aboutSpeaker = same ? sentence : -1;
      }
      if (!same && aboutSpeaker !== sentence) return false;
    }
    if (cueAt(ctx.tokens, i)) return false;
  }
  return true;
}

/** The quotation `pair` continues, if any: the same speaker as an earlier one. */
function continued(ctx: Context, pair: QuotePair, prev: Found | undefined): Found | null {
  if (!prev) return null;
  if (pair.continues && ctx.pairs[prev.index + 1] === pair) return prev;
  if (!prev.speaker || prev.attribution === null) return null;
  const gapStart = Math.max(prev.pair.close, prev.pair.lastInside, prev.attribution.end) + 1;
  const samePara = ctx.paragraph[prev.pair.open] === ctx.paragraph[pair.open];
  const nextPara =
    ctx.paragraph[gapStart - 1] === (ctx.paragraph[pair.open] ?? 0) - 1 && (ctx.tokens[pair.open] as Token).lineBreakBefore;
  if (!samePara && !nextPara) return null;
  return nothingIntervenes(ctx, gapStart, pair.open, prev.speakerMention) ? prev : null;
}

/** Whether a quotation stands as a sentence: capitalised first word, after a sentence end or paragraph start. */
function opensSentence(ctx: Context, pair: QuotePair): boolean {
  const first = ctx.tokens[pair.open + 1];
  if (!first || !/^\p{Lu}/u.test(first.text)) return false;
  const opener = ctx.tokens[pair.open] as Token;
  const before = ctx.tokens[pair.open - 1];
  return opener.lineBreakBefore || before === undefined || before.kind === "quote" || [".", "!", "?", "…"].includes(before.text);
}

/**
 * A speaker label opening a quoted transcript paragraph (`"WALLACE: Let’s start ...`,
 * `"MR. TRUMP: ...`): the label's tokens, or null. Labels are capitals only, or a person.
 */
function transcriptLabel(ctx: Context, pair: QuotePair): SpeakerWords | null {
  const first = pair.open + 1;
  for (let colon = first + 1; colon <= pair.lastInside && colon - first <= 3; colon++) {
    if ((ctx.tokens[colon] as Token).text !== ":") continue;
    let caps = true;
    for (let i = first; i < colon; i++) {
      const t = ctx.tokens[i] as Token;
      if (t.kind !== "word" || t.text.length < 2 || t.text !== t.text.toUpperCase()) caps = false;
    }
    const m = ctx.mentionAt[first];
    const person = m !== undefined && m.type === "PERSON" && ctx.mentionStart[first] === first && ctx.mentionAt[colon - 1] === m;
    if (!caps && !person) return null;
    // `LAVROV:` is resolved like a name to the person the article introduced (`Sergei Lavrov`).
    return { kind: caps ? "name" : "mention", start: first, end: colon - 1, head: colon - 1, mention: person && !caps ? (m as Mention) : null };
  }
  return null;
}

/** Whether a quotation starts inside a sentence (`Russia insisted that Pyongyang “...`). */
function startsMidSentence(ctx: Context, pair: QuotePair): boolean {
  const opener = ctx.tokens[pair.open] as Token;
  const before = ctx.tokens[pair.open - 1];
  if (opener.lineBreakBefore || before === undefined || ctx.paragraph[pair.open - 1] !== ctx.paragraph[pair.open]) return false;
  // `calling him, among other things, “...”`, `Trump said: “...”`: after a comma or colon inside the sentence too.
  if (before.text === "," || before.text === ":") return pair.open - 1 > sentenceStart(ctx, pair.open);
  return before.kind === "word" || before.kind === "clitic" || before.kind === "number";
}

/**
 * The attribution after the quotation (`,” Ushakov said`), else the one before it. A
 * quotation that ends its sentence after starting inside one (`Russia insisted that
 * Pyongyang “stop.” The agency said ...`) belongs to the cue before it, not the next sentence.
 */
function ownAttribution(ctx: Context, pair: QuotePair): Attribution | null {
  const after = attributionAfter(ctx, pair);
  if (after && after.cue !== null && endsSentence(ctx, pair) && startsMidSentence(ctx, pair)) {
    const before = attributionBefore(ctx, pair);
    if (before && before.cue !== null && before.speaker !== null && before.via !== "colon") return before;
  }
  return after ?? attributionBefore(ctx, pair);
}

/** The baseline quote finder. Quotes come out in text order. */
export const findQuotes: QuoteFinder = (text, tokens, mentions) => {
  const ctx = buildContext(text, tokens, mentions);
  const earlier: EarlierSpeaker[] = [];
  const found: Found[] = [];

  ctx.pairs.forEach((pair, index) => {
    if (pair.lastInside <= pair.open) return;
    const words = countWords(tokens, pair.open + 1, pair.lastInside);
    if (words === 0) return;
    const prev = found[found.length - 1];
    const entry: Found = { pair, index, attribution: null, cue: null, speaker: null, speakerMention: null, kept: false };
    const label = transcriptLabel(ctx, pair);
    const own: Attribution | null = label
      ? { via: "after", cue: null, speaker: label, end: pair.open }
      : ownAttribution(ctx, pair);
    const from = own ? null : continued(ctx, pair, prev);
    if (from) {
      entry.attribution = { via: "continued", cue: from.attribution?.cue ?? null, speaker: from.attribution?.speaker ?? null, end: from.attribution?.end ?? pair.open };
      entry.cue = from.cue;
      entry.speaker = from.speaker;
      entry.speakerMention = from.speakerMention;
    } else {
      const attribution = own ?? introducingSentence(ctx, pair.open);
      entry.attribution = attribution;
      if (attribution) {
        entry.cue = attribution.cue ? cueText(text, tokens, attribution.cue) : null;
        if (attribution.speaker) {
          const mention = resolveSpeaker(ctx, attribution.speaker, earlier);
          entry.speaker = speakerRef(ctx, attribution.speaker, mention);
          entry.speakerMention = mention;
          if (mention) earlier.push({ at: attribution.speaker.start, mention });
        }
      }
    }
    const via = entry.attribution?.via ?? null;
    const title = isTitleLike(tokens, pair);
    if (via === null) entry.kept = words > SCARE_QUOTE_WORDS && !title;
    // `“It’s taxing,” O’Donnell said. “Big time.”`: a continuation that is a sentence of its own.
    else if (via === "continued") entry.kept = (words > SCARE_QUOTE_WORDS || opensSentence(ctx, pair)) && !title;
    // `On “Fox News Sunday,” Pence said`: a title inside a sentence stays a title.
    else if (via === "after") entry.kept = !title || opensSentence(ctx, pair);
    // A title after a naming verb is the name someone gave (`called the winner “Miss Piggy”`).
    else entry.kept = !title || (entry.attribution?.cue !== null && NAMING_CUES.has(entry.attribution?.cue?.lemma ?? ""));
    found.push(entry);
  });

  // A quotation running over several paragraphs takes its attribution from any part of it.
  for (let k = found.length - 2; k >= 0; k--) {
    const cur = found[k] as Found;
    const next = found[k + 1] as Found;
    if (cur.speaker === null && next.pair.continues && next.index === cur.index + 1 && next.speaker) {
      cur.cue = next.cue;
      cur.speaker = next.speaker;
      cur.speakerMention = next.speakerMention;
    }
  }

  const out: QuoteSpan[] = [];
  for (const f of found) {
    if (!f.kept) continue;
    // A transcript label is the speaker, not part of the quotation.
    const label = f.attribution?.via === "after" && f.attribution.cue === null && f.attribution.speaker && f.attribution.speaker.start === f.pair.open + 1;
    const firstIndex = label && f.attribution?.speaker ? f.attribution.speaker.end + 2 : f.pair.open + 1;
    if (firstIndex > f.pair.lastInside) continue;
    const first = tokens[firstIndex] as Token;
    const last = tokens[f.pair.lastInside] as Token;
    out.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end, cue: f.cue, speaker: f.speaker });
  }
  return out;
};
