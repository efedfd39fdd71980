// Content identity of an article, used to skip re-ingesting the same text under
// another file name. Kept apart from parse.ts because it needs node:crypto.

import { createHash } from "node:crypto";
import type { ParsedDocument } from "./types.ts";

/**
 * sha256 (hex) of the title and body after whitespace normalization, so that the
 * same article with different line endings, BOMs or trailing spaces hashes alike.
 */
export function contentHash(doc: Pick<ParsedDocument, "title" | "body">): string {
  const title = doc.title.normalize("NFC").trim().replace(/\s+/g, " ");
  const body = doc.body
    .normalize("NFC")
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((p) => p.trim().replace(/[ \t\u00a0]+/g, " "))
    .filter((p) => p !== "")
    .join("\n\n");
  return createHash("sha256").update(`${title}\n${body}`, "utf8").digest("hex");
}
