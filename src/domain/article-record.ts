// What the store is given to write: an article's record and its analysis (a module of its
// own so that save-article.ts and copies.ts, which plans the batch, share it without a cycle).
import type { ParsedDocument } from "./document.ts";
import type { ResolvedArticle } from "./resolved.ts";

export interface ArticleRecord extends ParsedDocument {
  fileName: string;
  contentHash: string;
  wordCount: number;
  /** MinHash signature (base64) and its LSH band keys: src/documents/near-duplicates.ts. */
  minhash: string;
  bands: number[];
}

export interface ArticleToSave {
  record: ArticleRecord;
  analysis: ResolvedArticle;
}
