// The analysis pipeline, declared in one place: one document that named components fill
// in a declared order (after spaCy's Language: a Doc and a list of pipes). Each component
// reads what earlier ones wrote and writes its own field; swapping one (another tagger,
// another quote finder) replaces one entry of a list. Pure and synchronous: the tagger is
// given, loaded by the caller (src/analysis/runtime/ner-model.ts reads NER_MODEL_DIR).
import type { Extraction, Mention, QuoteSpan, SpeakerRef } from "../domain/extraction.ts";
import { tokenize, type Token } from "./tokenize.ts";
import { splitSentences } from "./sentences.ts";
import { findMentions as findRuleMentions, type MentionFinder } from "./mentions.ts";
import { findQuotes, type QuoteFinder } from "./quotes.ts";
import { impliedNameMentions, mergeMentions, retypePeople, taggerMentions } from "./ner-mentions.ts";
import { retypePlaces } from "./place-mentions.ts";
import type { TaggedSpan, TaggerToken } from "./ner/model.ts";

/** A tagger the `ner` component can run: entities over the pipeline's sentences of tokens. */
export interface SentenceTagger {
  tagSentences(text: string, sentences: readonly (readonly TaggerToken[])[]): TaggedSpan[];
  /** Drops what the tagger keeps between documents (caches per word), if it keeps anything. */
  forgetWordTypes?(): void;
}

/** One document under analysis: the text, and what the components found in it so far. */
export interface AnalysisDoc {
  readonly text: string;
  /** `tokenize`: the one tokenization every later component reads. */
  tokens: Token[];
  /** `sentences`: the tokens grouped into sentences (the tagger's unit). */
  sentences: Token[][];
  /** The entity mentions so far (`ner` or a mention finder writes them, `merge` completes them). */
  mentions: Mention[];
  /** `rules`: the rule-based finder's mentions (names from gazetteers, titles and shapes). */
  ruleMentions: Mention[];
  /** `quotes`: direct quotes with their speakers. */
  quotes: QuoteSpan[];
}

export interface Component {
  readonly name: string;
  run(doc: AnalysisDoc): void;
}

export const tokenizer: Component = { name: "tokenize", run: (doc) => void (doc.tokens = tokenize(doc.text)) };

export const sentences: Component = { name: "sentences", run: (doc) => void (doc.sentences = splitSentences(doc.text, doc.tokens)) };

/** The trained tagger: PER, ORG and LOC over the sentences become the document's mentions. */
export function ner(tagger: SentenceTagger): Component {
  return { name: "ner", run: (doc) => void (doc.mentions = taggerMentions(tagger.tagSentences(doc.text, doc.sentences), doc.text)) };
}

export const rules: Component = { name: "rules", run: (doc) => void (doc.ruleMentions = findRuleMentions(doc.text, doc.tokens)) };

/**
 * The tagger's mentions completed by the rules' gazetteers (src/analysis/ner-mentions.ts:
 * a known name the tagger missed, an organization's type, a titled person), then names
 * the layout gives away (transcript labels, `Mr. King`).
 */
export const merge: Component = {
  name: "merge",
  run(doc) {
    const merged = retypePlaces(retypePeople(mergeMentions(doc.mentions, doc.ruleMentions)), doc.text);
    const implied = impliedNameMentions(doc.text, merged);
    doc.mentions = implied.length === 0 ? merged : [...merged, ...implied].sort((a, b) => a.start - b.start);
  },
};

/** Any mention finder over the tokens as the document's mentions (the rules alone, a test's). */
export function mentionFinder(find: MentionFinder, name = "mentions"): Component {
  return { name, run: (doc) => void (doc.mentions = find(doc.text, doc.tokens)) };
}

export function quoteFinder(find: QuoteFinder = findQuotes): Component {
  return { name: "quotes", run: (doc) => void (doc.quotes = find(doc.text, doc.tokens, doc.mentions)) };
}

/** The product's pipeline: the trained tagger merged with the rules, then quotes and speakers. */
export function newsPipeline(tagger: SentenceTagger): Component[] {
  return [tokenizer, sentences, ner(tagger), rules, merge, quoteFinder()];
}

/** Without a trained model: the rule-based mention finder, then quotes. */
export const rulesPipeline: Component[] = [tokenizer, mentionFinder(findRuleMentions, "rules"), quoteFinder()];

function sliceMatches(text: string, s: { text: string; start: number; end: number }): boolean {
  return s.start >= 0 && s.end <= text.length && s.start < s.end && text.slice(s.start, s.end) === s.text;
}

/**
 * Keeps only spans whose offsets point at their text, and mentions that do not overlap,
 * so a swapped-in component cannot break the contract the rest of the system relies on.
 */
function enforceContract(text: string, mentions: Mention[], quotes: QuoteSpan[]): Extraction {
  const sorted = mentions.filter((m) => sliceMatches(text, m)).sort((a, b) => a.start - b.start || b.end - a.end);
  const clean: Mention[] = [];
  for (const m of sorted) {
    const prev = clean[clean.length - 1];
    if (!prev || m.start >= prev.end) clean.push(m);
  }
  const kept = new Set(clean);
  const cleanSpeaker = (s: SpeakerRef | null): SpeakerRef | null => {
    if (!s || !sliceMatches(text, s)) return null;
    return s.mention && !kept.has(s.mention) ? { ...s, mention: null } : s;
  };
  const cleanQuotes = quotes
    .filter((q) => sliceMatches(text, q))
    .map((q) => ({ ...q, speaker: cleanSpeaker(q.speaker) }));
  return { mentions: clean, quotes: cleanQuotes };
}

/** The document after running `components` in order over `text` (the evaluations read its parts). */
export function analyse(components: readonly Component[], text: string): AnalysisDoc {
  const doc: AnalysisDoc = { text, tokens: [], sentences: [], mentions: [], ruleMentions: [], quotes: [] };
  for (const c of components) c.run(doc);
  return doc;
}

/**
 * The longest text analysed in one piece, in UTF-16 code units. News articles are far
 * shorter (the corpus's longest is 34 KB); a longer text is analysed in parts of at most
 * this size, so that the memory an analysis holds at once (a token object per word, the
 * tagger's feature rows: about 130 bytes of heap per character of text) is bounded by the
 * part, not by the document (MAX_DOCUMENT_BYTES allows 5 MiB: 650 MB in one piece).
 */
export const MAX_PART_CHARS = 100_000;

/** A part of a text: `start`..`end`, end exclusive. */
export interface TextPart {
  start: number;
  end: number;
}

/**
 * Cuts `text` into parts of at most `max` code units, each ending at the last paragraph
 * break in its second half, else the last line break, else the last sentence end (`. `),
 * else the last space; only a text with none of these is cut mid-word (never inside a
 * surrogate pair). A cut at a paragraph break leaves every sentence and every
 * one-paragraph quote whole in one part.
 */
export function textParts(text: string, max = MAX_PART_CHARS): TextPart[] {
  const parts: TextPart[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    const half = start + Math.floor(max / 2);
    const after = (found: number, length: number) => (found >= half ? found + length : -1);
    let end = after(text.lastIndexOf("\n\n", limit - 2), 2);
    if (end < 0) end = after(text.lastIndexOf("\n", limit - 1), 1);
    if (end < 0) end = after(text.lastIndexOf(". ", limit - 2), 2);
    if (end < 0) end = after(text.lastIndexOf(" ", limit - 1), 1);
    if (end < 0) {
      end = limit;
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--;
    }
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: text.length });
  return parts;
}

/** `found`, whose offsets are into the part of the text starting at `offset`, with offsets into the whole text. */
function shifted(found: Extraction, offset: number): Extraction {
  if (offset === 0) return found;
  const moved = new Map<Mention, Mention>();
  const mentions = found.mentions.map((m) => {
    const m2 = { ...m, start: m.start + offset, end: m.end + offset };
    moved.set(m, m2);
    return m2;
  });
  const quotes = found.quotes.map((q) => ({
    ...q,
    start: q.start + offset,
    end: q.end + offset,
    speaker: q.speaker && { ...q.speaker, start: q.speaker.start + offset, end: q.speaker.end + offset, mention: q.speaker.mention && (moved.get(q.speaker.mention) ?? null) },
  }));
  return { mentions, quotes };
}

/**
 * Runs the components in order over each text; the result keeps the offset contract
 * (types.ts). A text longer than `maxPartChars` is analysed part by part (textParts), each
 * part alone: what reaches across a document (the tagger's label-consistency features, a
 * pronoun's antecedent, a surname's full name) reaches across its part only. Parts are
 * analysed one after the other, and only their results are kept.
 */
export function createPipeline(components: readonly Component[], maxPartChars = MAX_PART_CHARS): (text: string) => Extraction {
  const names = components.map((c) => c.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`pipeline component "${repeated}" is listed twice`);
  const whole = (text: string): Extraction => {
    const doc = analyse(components, text);
    return enforceContract(text, doc.mentions, doc.quotes);
  };
  return (text: string): Extraction => {
    if (text.length <= maxPartChars) return whole(text);
    const result: Extraction = { mentions: [], quotes: [] };
    for (const part of textParts(text, maxPartChars)) {
      const found = shifted(whole(text.slice(part.start, part.end)), part.start);
      for (const m of found.mentions) result.mentions.push(m);
      for (const q of found.quotes) result.quotes.push(q);
    }
    return result;
  };
}
