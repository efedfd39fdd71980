// Text in, canonical entities and attributed quotes out: the product's extraction
// pipeline (the trained tagger with the rules' gazetteers, then quotes) and resolution.
// It lives here because it loads the shipped model, the one file extraction needs.
import { createExtractor } from "../extract/index.ts";
import type { Extraction } from "../extract/types.ts";
import { nerMentionFinder } from "../extract/ner-mentions.ts";
import { resolveArticle } from "../resolve/index.ts";
import type { ResolvedArticle } from "../resolve/types.ts";
import { shippedTagger } from "./ner-model.ts";

let extractor: ((text: string) => Extraction) | undefined;

/** The extraction pipeline with the shipped NER model (loaded on first use). */
export function extractArticle(body: string): Extraction {
  extractor ??= createExtractor({ findMentions: nerMentionFinder(shippedTagger()) });
  return extractor(body);
}

export function analyseArticle(body: string): ResolvedArticle {
  return resolveArticle(extractArticle(body), body);
}
