// Text in, canonical entities and attributed quotes out: the product's pipeline
// (src/analysis/pipeline.ts) with the tagger of NER_MODEL_DIR, then resolution.
import { createPipeline, newsPipeline } from "../pipeline.ts";
import type { Extraction } from "../../domain/extraction.ts";
import { resolveArticle } from "../../resolve/index.ts";
import type { ResolvedArticle } from "../../domain/resolved.ts";
import { shippedTagger } from "./ner-model.ts";
import { LARGE_DOCUMENT_BYTES } from "./collect-garbage.ts";

let extractor: ((text: string) => Extraction) | undefined;

/** The extraction pipeline with the NER model (loaded on first use). */
export function extractArticle(body: string): Extraction {
  extractor ??= createPipeline(newsPipeline(shippedTagger()));
  return extractor(body);
}

/**
 * The article's entities and quotes. After a body of LARGE_DOCUMENT_BYTES characters or more
 * the tagger drops its caches per word (kept between news articles, whose words repeat): a
 * 5 MB document's stayed with the thread, and ten such documents grew them to over 100 MB.
 */
export function analyseArticle(body: string): ResolvedArticle {
  try {
    return resolveArticle(extractArticle(body), body);
  } finally {
    if (body.length >= LARGE_DOCUMENT_BYTES) shippedTagger().forgetWordTypes?.();
  }
}
