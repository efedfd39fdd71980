// Loads documents into the graph: read, parse, analyse, store. Files are streamed from
// the folder walk through a bounded window of analyses on worker threads (pool.ts) into
// batched writes, in file order, so memory stays flat however many files there are and
// the result is the same as loading them one by one. A bad file is reported and skipped.
// The ingestArticle mutation goes through the same steps (ingestDocument).
import { relative } from "node:path";
import type { DbHandle } from "../store/client.ts";
import { saveArticle, saveArticles, type ArticleRecord, type SaveResult } from "../store/save-article.ts";
import { listDocumentFiles } from "./files.ts";
import { createAnalysisPool, type AnalysisPool } from "./pool.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, prepareBytes, type Prepared, type PreparedArticle } from "./prepare.ts";
import { DocumentError } from "./parse.ts";

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
  /** Called once the files are counted. */
  onStart?(total: number): void;
  onFile?(file: string, outcome: "loaded" | "duplicate" | "failed"): void;
  onFailure?(failure: LoadFailure): void;
}

export interface LoadOptions {
  /** Larger documents are rejected by size, without being read. */
  maxDocumentBytes?: number;
  /** Analysis threads; 0 analyses on this thread. Default: one per core, none for a handful of files. */
  threads?: number;
  /** Articles per write transaction (default 100). */
  batchSize?: number;
}

/**
 * Parses, analyses and stores one document given as bytes (the ingestArticle mutation);
 * throws DocumentError for bad input. With a pool, the analysis runs on its thread.
 */
export async function ingestDocument(
  store: DbHandle, bytes: Uint8Array, fileName: string, options: LoadOptions & { pool?: AnalysisPool } = {},
): Promise<SaveResult & { record: ArticleRecord }> {
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const prepared = options.pool ? await options.pool.prepare({ bytes, name: fileName, maxDocumentBytes }) : prepareBytes(bytes, fileName, maxDocumentBytes);
  if (!prepared.ok) throw new DocumentError(fileName, prepared.reason);
  // The record too: what was stored, for an answer that needs no read-back.
  return { ...(await saveArticle(store, prepared.record, prepared.analysis)), record: prepared.record };
}

/** Fewer files than this are analysed on the calling thread: starting threads would cost more. */
const FEW_FILES = 16;

async function countFiles(paths: string[]): Promise<number> {
  let total = 0;
  for await (const _ of listDocumentFiles(paths)) total++;
  return total;
}

export async function loadDocuments(store: DbHandle, paths: string[], events: LoadEvents = {}, options: LoadOptions = {}): Promise<LoadSummary> {
  // A first walk counts the files for the progress bar; only names are read, none kept.
  const total = await countFiles(paths);
  events.onStart?.(total);
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const batchSize = options.batchSize ?? 100;
  const pool = createAnalysisPool(options.threads ?? (total < FEW_FILES ? 0 : undefined));
  const summary: LoadSummary = { loaded: 0, duplicates: 0, failed: [] };

  let batch: { name: string; article: PreparedArticle }[] = [];
  const flush = async () => {
    const written = batch;
    batch = [];
    const results = await saveArticles(store, written.map((w) => w.article));
    results.forEach((result, i) => {
      if (result.status === "created") summary.loaded++;
      else summary.duplicates++;
      events.onFile?.(written[i]!.name, result.status === "created" ? "loaded" : "duplicate");
    });
  };
  const take = async (name: string, prepared: Prepared) => {
    if (prepared.ok) {
      batch.push({ name, article: prepared });
      if (batch.length >= batchSize) await flush();
      return;
    }
    const failure = { file: name, reason: prepared.reason };
    summary.failed.push(failure);
    events.onFailure?.(failure);
    events.onFile?.(name, "failed");
  };

  // Analyses run ahead of the writes by up to two batches, so the threads stay busy
  // while a batch is written; results are taken in file order.
  const window: { name: string; prepared: Promise<Prepared> }[] = [];
  const windowSize = Math.max(2 * batchSize, 4 * pool.threads);
  try {
    for await (const file of listDocumentFiles(paths)) {
      const name = relative(process.cwd(), file) || file;
      window.push({ name, prepared: pool.prepare({ file, name, maxDocumentBytes }) });
      // Handled now so that a failing analysis is never an unhandled rejection while it waits its turn.
      window.at(-1)!.prepared.catch(() => {});
      if (window.length >= windowSize) {
        const next = window.shift()!;
        await take(next.name, await next.prepared);
      }
    }
    for (const next of window.splice(0)) await take(next.name, await next.prepared);
    await flush();
  } finally {
    await pool.close();
  }
  return summary;
}
