// One document's bytes (or file) to a ParsedDocument, in its format, within the size limit.
// Throws DocumentError for bad input; shared by the analysis threads, the hashing of
// ingestArticle and `seed --queue`, so that all read a document alike.
import { open } from "node:fs/promises";
import { decodeDocument, parseDocument } from "./parse.ts";
import { DocumentError } from "./document-error.ts";
import { withFallback, withMeta, type DocumentMeta, type ParsedDocument } from "../domain/document.ts";
import { parseJsonRecord } from "./formats/record.ts";
import { isHtml, parseHtmlPage } from "./formats/html.ts";

/** The default largest document, in bytes (MAX_DOCUMENT_BYTES): 5 MiB. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

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

/** A document to read: a file, or its bytes in hand, and how to read them. */
export type DocumentInput = ReadAs & ({ file: string } | { bytes: Uint8Array });

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

/** A document's text in its format (formats/*, parse.ts). */
export function parseAny(text: string, name: string, as: ReadAs = {}): ParsedDocument {
  const html = as.format === "html" || (as.format === undefined && isHtml(name, text));
  const doc = as.format === "json" ? parseJsonRecord(text, name) : html ? parseHtmlPage(text, name, { pageUrl: as.pageUrl }) : parseDocument(text, name);
  return withMeta(withFallback(doc, as.fallback), as.meta);
}

/** A document's bytes parsed in their format; throws DocumentError for bad input, a larger one than `max` included. */
export function readDocument(bytes: Uint8Array, name: string, max: number, as: ReadAs = {}): ParsedDocument {
  if (bytes.length > max) throw tooLarge(name, bytes.length, max);
  return parseAny(decodeDocument(bytes, name), name, as);
}

/** A Node file-system error (ENOENT, EACCES, EISDIR...): the file's problem, not a bug. */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
}
