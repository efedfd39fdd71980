// Loads documents into the graph: read, parse, analyse, store. Files are streamed from
// the folder walk through a bounded window of analyses on worker threads (pool.ts) into
// batched writes, in file order, so memory stays flat however many files there are and
// the result is the same as loading them one by one. A bad file is reported and skipped.
// The ingestArticle mutation goes through the same steps (ingestDocument).
import type { DbHandle } from "../store/client.ts";
import { saveArticle, saveArticles, type SaveResult } from "../store/save-article.ts";
import { countDocuments, listDocuments } from "../documents/documents.ts";
import { createAnalysisPool, type AnalysisPool } from "../analysis/runtime/pool.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, prepareBytes, type Prepared, type PreparedArticle, type ReadAs } from "../analysis/runtime/prepare.ts";
import { DocumentError } from "../documents/document-error.ts";
import { withinAnalysisBudget } from "../analysis/runtime/analysis-gate.ts";

export interface LoadFailure {
  file: string;
  reason: string;
}

export interface LoadSummary {
  /** New articles, and stored ones whose text changed (the same URL, or an earlier near-duplicate). */
  loaded: number;
  /** Recorded as copies of a stored article: near-duplicates, or the same text from another URL. */
  copies: number;
  duplicates: number;
  failed: LoadFailure[];
}

export interface LoadEvents {
  /** Called once the files are counted. */
  onStart?(total: number): void;
  onFile?(file: string, outcome: "loaded" | "copy" | "duplicate" | "failed"): void;
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
 * throws DocumentError for bad input. With a pool, the analysis runs on its thread. Large
 * documents take turns (analysis-gate.ts).
 */
export async function ingestDocument(store: DbHandle, bytes: Uint8Array, fileName: string, options: LoadOptions & { pool?: AnalysisPool } & ReadAs = {}): Promise<SaveResult> {
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const as: ReadAs = { format: options.format, meta: options.meta, fallback: options.fallback, pageUrl: options.pageUrl };
  return withinAnalysisBudget(bytes.length, async () => {
    const prepared = options.pool ? await options.pool.prepare({ bytes, name: fileName, maxDocumentBytes, ...as }) : prepareBytes(bytes, fileName, maxDocumentBytes, as);
    if (!prepared.ok) throw new DocumentError(fileName, prepared.reason);
    return saveArticle(store, prepared.record, prepared.analysis);
  });
}

/** Fewer files than this are analysed on the calling thread: starting threads would cost more. */
const FEW_FILES = 16;

export async function loadDocuments(store: DbHandle, paths: string[], events: LoadEvents = {}, options: LoadOptions = {}): Promise<LoadSummary> {
  // A first walk counts the files for the progress bar; only names are read, none kept.
  const total = await countDocuments(paths);
  events.onStart?.(total);
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const batchSize = options.batchSize ?? 100;
  const pool = createAnalysisPool(options.threads ?? (total < FEW_FILES ? 0 : undefined));
  const summary: LoadSummary = { loaded: 0, copies: 0, duplicates: 0, failed: [] };

  let batch: { name: string; article: PreparedArticle }[] = [];
  const flush = async () => {
    const written = batch;
    batch = [];
    const results = await saveArticles(store, written.map((w) => w.article));
    results.forEach((result, i) => {
      const outcome = result.status === "created" || result.status === "updated" ? "loaded" : result.status;
      if (outcome === "loaded") summary.loaded++;
      else if (outcome === "copy") summary.copies++;
      else summary.duplicates++;
      events.onFile?.(written[i]!.name, outcome);
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
    for await (const source of listDocuments(paths, maxDocumentBytes)) {
      const { name } = source;
      const prepared: Promise<Prepared> = "failure" in source ? Promise.resolve({ ok: false, reason: source.failure }) : pool.prepare({ ...source.task, name, maxDocumentBytes });
      window.push({ name, prepared });
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
