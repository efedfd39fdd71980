// Content identity of an article, used to skip re-ingesting the same text under
// another file name. Kept apart from parse.ts because it needs node:crypto.

import { createHash } from "node:crypto";
import type { ParsedDocument } from "../domain/document.ts";

/**
 * sha256 (hex) of the title and body after whitespace normalization, so that the
 * same article with different line endings, BOMs or trailing spaces hashes alike.
 */
export function contentHash(doc: Pick<ParsedDocument, "title" | "body">): string {
  const title = doc.title.normalize("NFC").trim().replace(/\s+/g, " ");
  const hash = createHash("sha256").update(`${title}\n`, "utf8");
  // The paragraphs go into the hash one by one (the same bytes as joined with blank lines):
  // a multi-megabyte body joined, then encoded whole, would be two more copies of it at once.
  let first = true;
  for (const paragraph of doc.body.normalize("NFC").split(/\n[ \t\u00a0]*\n\s*/)) {
    const p = paragraph.trim().replace(/[ \t\u00a0]+/g, " ");
    if (p === "") continue;
    if (!first) hash.update("\n\n", "utf8");
    hash.update(p, "utf8");
    first = false;
  }
  return hash.digest("hex");
}
