// Text in, canonical entities and attributed quotes out: the product's pipeline
// (src/analysis/pipeline.ts) with the tagger of NER_MODEL_DIR, then resolution.
import { createPipeline, newsPipeline } from "../pipeline.ts";
import type { Extraction } from "../../domain/extraction.ts";
import { resolveArticle } from "../../resolve/index.ts";
import type { ResolvedArticle } from "../../domain/resolved.ts";
import { shippedTagger } from "./ner-model.ts";

let extractor: ((text: string) => Extraction) | undefined;

/** The extraction pipeline with the NER model (loaded on first use). */
export function extractArticle(body: string): Extraction {
  extractor ??= createPipeline(newsPipeline(shippedTagger()));
  return extractor(body);
}

export function analyseArticle(body: string): ResolvedArticle {
  return resolveArticle(extractArticle(body), body);
}
