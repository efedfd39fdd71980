// Loads documents into the graph: read, parse, analyse, store, one file at a time, so
// memory stays flat however many files there are. A bad file is reported and skipped.
// The ingestArticle mutation goes through the same steps (ingestDocument).
import { open } from "node:fs/promises";
import { relative } from "node:path";
import type { DbHandle } from "../store/client.ts";
import { saveArticle, type SaveResult } from "../store/save-article.ts";
import { decodeDocument, parseDocument, DocumentError, countWords } from "./parse.ts";
import { contentHash } from "./hash.ts";
import { listDocumentFiles } from "./files.ts";
import { analyseArticle } from "./analyse.ts";

/** The default largest document, in bytes (MAX_DOCUMENT_BYTES): 5 MiB. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface LoadFailure {
  file: string;
  reason: string;
}

export interface LoadSummary {
  loaded: number;
  duplicates: number;
  failed: LoadFailure[];
}

export interface LoadEvents {
  /** Called once the files are listed. */
  onStart?(total: number): void;
  onFile?(file: string, outcome: "loaded" | "duplicate" | "failed"): void;
  onFailure?(failure: LoadFailure): void;
}

export interface LoadOptions {
  /** Larger documents are rejected by size, without being read. */
  maxDocumentBytes?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function tooLarge(name: string, size: number, max: number): DocumentError {
  return new DocumentError(name, `too large: ${size} bytes (${megabytes(size)}), the limit is ${max} bytes (MAX_DOCUMENT_BYTES)`);
}

/** Reads a file of at most `max` bytes; a larger one is rejected from its size alone. */
async function readLimited(file: string, name: string, max: number): Promise<Buffer> {
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

/** A document's bytes as an article record and its analysis; throws DocumentError for bad input. */
export function prepareArticle(bytes: Uint8Array, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES) {
  if (bytes.length > maxDocumentBytes) throw tooLarge(displayName, bytes.length, maxDocumentBytes);
  const doc = parseDocument(decodeDocument(bytes, displayName), displayName);
  const record = { ...doc, fileName: displayName, contentHash: contentHash(doc), wordCount: countWords(doc.body) };
  return { record, analysis: analyseArticle(doc.body) };
}

/** Reads one file into an article record and its analysis; throws DocumentError for bad input. */
export async function readArticle(file: string, displayName: string, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES) {
  return prepareArticle(await readLimited(file, displayName, maxDocumentBytes), displayName, maxDocumentBytes);
}

/** Parses, analyses and stores one document given as bytes (the ingestArticle mutation). */
export function ingestDocument(store: DbHandle, bytes: Uint8Array, fileName: string, options: LoadOptions = {}): Promise<SaveResult> {
  const { record, analysis } = prepareArticle(bytes, fileName, options.maxDocumentBytes);
  return saveArticle(store.writer, record, analysis);
}

export async function loadDocuments(store: DbHandle, paths: string[], events: LoadEvents = {}, options: LoadOptions = {}): Promise<LoadSummary> {
  const files: string[] = [];
  for await (const file of listDocumentFiles(paths)) files.push(file);
  events.onStart?.(files.length);
  const summary: LoadSummary = { loaded: 0, duplicates: 0, failed: [] };
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    try {
      const { record, analysis } = await readArticle(file, name, options.maxDocumentBytes);
      const result = await saveArticle(store.writer, record, analysis);
      if (result.status === "created") summary.loaded++;
      else summary.duplicates++;
      events.onFile?.(name, result.status === "created" ? "loaded" : "duplicate");
    } catch (error) {
      if (!(error instanceof DocumentError) && !isFileError(error)) throw error;
      const failure = { file: name, reason: error instanceof DocumentError ? error.reason : error.message };
      summary.failed.push(failure);
      events.onFailure?.(failure);
      events.onFile?.(name, "failed");
    }
  }
  return summary;
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
}
