// Extraction's entry points: `extract` runs the rule-based pipeline (no model), and
// `createExtractor` swaps its stages (a test's mention finder). The product's pipeline, with
// the trained tagger, is declared in ./pipeline.ts and built by src/analysis/runtime/analyse.ts.

import type { Extraction } from "../domain/extraction.ts";
import { createPipeline, mentionFinder, quoteFinder, rulesPipeline } from "./pipeline.ts";
import { findMentions, type MentionFinder } from "./mentions.ts";
import { findQuotes, type QuoteFinder } from "./quotes.ts";

export type { Token } from "./tokenize.ts";
export type { MentionFinder } from "./mentions.ts";
export type { QuoteFinder } from "./quotes.ts";

export interface Stages {
  findMentions: MentionFinder;
  findQuotes: QuoteFinder;
}

/** The rule-based pipeline with some stages swapped; unspecified stages use the rules. */
export function createExtractor(stages: Partial<Stages> = {}): (text: string) => Extraction {
  return createPipeline(rulesPipeline.map((c) => (c.name === "rules" ? mentionFinder(stages.findMentions ?? findMentions, "rules") : c.name === "quotes" ? quoteFinder(stages.findQuotes ?? findQuotes) : c)));
}

const baseline = createPipeline(rulesPipeline);

/** Mentions of people, organizations and places, and attributed quotes, in `text`. */
export function extract(text: string): Extraction {
  return baseline(text);
}
