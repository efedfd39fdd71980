// One document from bytes to what the store writes: an article record and its analysis.
// No database here, so that analysis can run in worker threads (src/analysis/runtime/pool.ts).
import { open } from "node:fs/promises";
import type { ArticleRecord } from "../../domain/article-record.ts";
import type { ResolvedArticle } from "../../domain/resolved.ts";
import { decodeDocument, parseDocument, countWords } from "../../documents/parse.ts";
import { DocumentError } from "../../documents/document-error.ts";
import { contentHash } from "../../documents/hash.ts";
import { analyseArticle } from "./analyse.ts";
import { withFallback, withMeta, type DocumentMeta, type ParsedDocument } from "../../domain/document.ts";
import { parseJsonRecord } from "../../documents/formats/record.ts";
import { isHtml, parseHtmlPage } from "../../documents/formats/html.ts";
import { bandKeys, encodeFingerprint, fingerprint } from "../../documents/near-duplicates.ts";

/** The default largest document, in bytes (MAX_DOCUMENT_BYTES): 5 MiB. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface PreparedArticle {
  record: ArticleRecord;
  analysis: ResolvedArticle;
}

/** A document prepared for the store, or why it cannot be. */
export type Prepared = ({ ok: true } & PreparedArticle) | { ok: false; reason: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function tooLarge(name: string, size: number, max: number): DocumentError {
  return new DocumentError(name, `too large: ${size} bytes (${megabytes(size)}), the limit is ${max} bytes (MAX_DOCUMENT_BYTES)`);
}

/** Reads a file of at most `max` bytes; a larger one is rejected from its size alone (DocumentError). */
export async function readLimited(file: string, name: string, max: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    if (size > max) throw tooLarge(name, size, max);
    // The file may grow between stat and read: read at most one byte past the limit.
    const buffer = Buffer.alloc(Math.min(size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) throw tooLarge(name, length, max);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** How to read a document's bytes beyond what its name and start tell. */
export interface ReadAs {
  /** `json`: one JSON record (a JSON Lines line); `html` a page; `text` the text layouts; unset: HTML by name or start, else text. */
  format?: "json" | "html" | "text";
  /** Fields that override the document's own (the ingestArticle input's). */
  meta?: DocumentMeta;
  /** Fields for what the document does not say itself (a feed item's, for its page). */
  fallback?: DocumentMeta;
  /** An HTML page's address, for relative links and as its URL when it names none. */
  pageUrl?: string;
}

/** A document's text in its format (formats/*, parse.ts). */
export function parseAny(text: string, name: string, as: ReadAs = {}): ParsedDocument {
  const html = as.format === "html" || (as.format === undefined && isHtml(name, text));
  const doc = as.format === "json" ? parseJsonRecord(text, name) : html ? parseHtmlPage(text, name, { pageUrl: as.pageUrl }) : parseDocument(text, name);
  return withMeta(withFallback(doc, as.fallback), as.meta);
}

/** A document's bytes as an article record and its analysis; throws DocumentError for bad input. */
export function prepareArticle(bytes: Uint8Array, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES, as: ReadAs = {}): PreparedArticle {
  if (bytes.length > maxDocumentBytes) throw tooLarge(displayName, bytes.length, maxDocumentBytes);
  const doc = parseAny(decodeDocument(bytes, displayName), displayName, as);
  const print = fingerprint(doc.body);
  const record = { ...doc, fileName: displayName, contentHash: contentHash(doc), wordCount: countWords(doc.body), minhash: encodeFingerprint(print), bands: bandKeys(print.signature) };
  return { record, analysis: analyseArticle(doc.body) };
}

/** A document's content hash as ingest will read it, or why it cannot be read. */
export type Hashed = { ok: true; hash: string } | { ok: false; reason: string };

/** The content hash of a document's bytes (parsed as prepareArticle does); bad input is a failure. */
export function hashBytes(bytes: Uint8Array, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES, as: ReadAs = {}): Hashed {
  try {
    if (bytes.length > maxDocumentBytes) throw tooLarge(displayName, bytes.length, maxDocumentBytes);
    return { ok: true, hash: contentHash(parseAny(decodeDocument(bytes, displayName), displayName, as)) };
  } catch (error) {
    if (error instanceof DocumentError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Reads one file into an article record and its analysis; throws DocumentError for bad input. */
export async function readArticle(file: string, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES, as: ReadAs = {}): Promise<PreparedArticle> {
  return prepareArticle(await readLimited(file, displayName, maxDocumentBytes), displayName, maxDocumentBytes, as);
}

/** Like readArticle, with bad input (DocumentError, a file error) as a failure instead of a throw. */
export async function tryReadArticle(file: string, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES, as: ReadAs = {}): Promise<Prepared> {
  try {
    return { ok: true, ...(await readArticle(file, displayName, maxDocumentBytes, as)) };
  } catch (error) {
    return failure(error);
  }
}

/** Like prepareArticle, with bad input as a failure instead of a throw. */
export function prepareBytes(bytes: Uint8Array, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES, as: ReadAs = {}): Prepared {
  try {
    return { ok: true, ...prepareArticle(bytes, displayName, maxDocumentBytes, as) };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): Prepared {
  if (error instanceof DocumentError) return { ok: false, reason: error.reason };
  if (isFileError(error)) return { ok: false, reason: error.message };
  throw error;
}

/** A Node file-system error (ENOENT, EACCES, EISDIR...): the file's problem, not a bug. */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
}
