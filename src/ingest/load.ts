// Loads documents into the graph: read, parse, analyse, store, one file at a time, so
// memory stays flat however many files there are. A bad file is reported and skipped.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import type { DbHandle } from "../store/client.ts";
import { saveArticle } from "../store/save-article.ts";
import { decodeDocument, parseDocument, DocumentError, countWords } from "./parse.ts";
import { contentHash } from "./hash.ts";
import { listDocumentFiles } from "./files.ts";
import { analyseArticle } from "../resolve/analyse.ts";

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

/** Reads one file into an article record and its analysis; throws DocumentError for bad input. */
export async function readArticle(file: string, displayName: string) {
  const bytes = await readFile(file);
  const doc = parseDocument(decodeDocument(bytes, displayName), displayName);
  const record = { ...doc, fileName: displayName, contentHash: contentHash(doc), wordCount: countWords(doc.body) };
  return { record, analysis: analyseArticle(doc.body) };
}

export async function loadDocuments(store: DbHandle, paths: string[], events: LoadEvents = {}): Promise<LoadSummary> {
  const files: string[] = [];
  for await (const file of listDocumentFiles(paths)) files.push(file);
  events.onStart?.(files.length);
  const summary: LoadSummary = { loaded: 0, duplicates: 0, failed: [] };
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    try {
      const { record, analysis } = await readArticle(file, name);
      const result = await saveArticle(store.db, record, analysis);
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
