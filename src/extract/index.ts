// The extraction pipeline: tokenize → find mentions → find quotes.
// Pure and synchronous. Each stage is a plain function so that one can be swapped
// (a trained tagger for `findMentions`) without touching the others.

import type { Extraction, Mention, QuoteSpan, SpeakerRef } from "./types.ts";
import { tokenize, type Token } from "./tokenize.ts";
import { findMentions, type MentionFinder } from "./mentions.ts";
import { findQuotes, type QuoteFinder } from "./quotes.ts";

export type { Token } from "./tokenize.ts";
export type { MentionFinder } from "./mentions.ts";
export type { QuoteFinder } from "./quotes.ts";

export interface Pipeline {
  tokenize: (text: string) => Token[];
  findMentions: MentionFinder;
  findQuotes: QuoteFinder;
}

export const defaultPipeline: Pipeline = { tokenize, findMentions, findQuotes };

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

/** Builds an extractor from pipeline stages; unspecified stages use the baseline. */
export function createExtractor(stages: Partial<Pipeline> = {}): (text: string) => Extraction {
  const p: Pipeline = { ...defaultPipeline, ...stages };
  return (text: string): Extraction => {
    const tokens = p.tokenize(text);
    const mentions = p.findMentions(text, tokens);
    const quotes = p.findQuotes(text, tokens, mentions);
    return enforceContract(text, mentions, quotes);
  };
}

const baseline = createExtractor();

/** Mentions of people, organizations and places, and attributed quotes, in `text`. */
export function extract(text: string): Extraction {
  return baseline(text);
}
