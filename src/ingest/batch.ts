// The one ingest loop: documents in, analysed on the analysis threads, stored in batched
// writes. The seed command (./load.ts), feeds (./feeds.ts), the queue worker
// (src/queue/worker.ts) and the ingestArticle mutation (./load.ts's ingestDocument) all
// run it; they differ only in where documents come from and what they do with outcomes.
//
// Analyses run ahead of the writes by a window (two batches by default), so the threads
// stay busy while a batch is written; results are taken in source order, so the outcome
// is the same as storing the documents one by one, whatever the batch size or threads.
import type { DbHandle } from "../store/client.ts";
import { saveArticles, type SaveResult } from "../store/save-article.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import type { Prepared, PreparedArticle } from "../analysis/runtime/prepare.ts";
import { DocumentError } from "../documents/document-error.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, type DocumentInput } from "../documents/read.ts";
import { ingestArticles } from "../metrics.ts";

/** What became of a document: a new or changed article, a copy of one, already stored, or bad input. */
export type Outcome = "loaded" | "copy" | "duplicate" | "failed";
export type StoredOutcome = Exclude<Outcome, "failed">;

/**
 * `created` and `updated` both load the text. A newcomer that displaces a stored
 * near-duplicate adds no article but one copy (the stored text), so it counts as a copy:
 * the tallies then match the stored rows whatever the batch size (within one batch the
 * earlier text is inserted and the later one is its copy; across batches the later one
 * is stored first and displaced).
 */
export const outcomeOf = (result: SaveResult): StoredOutcome =>
  result.status === "updated" && result.displaced ? "copy" : result.status === "created" || result.status === "updated" ? "loaded" : result.status;

/**
 * A document to ingest: what to read, or how to get it when its turn comes (a feed item's
 * page, fetched then; a DocumentError it throws is the document's failure), or why it
 * cannot be. `ref` is the caller's (the queue's job).
 */
export type Source<R = unknown> = { name: string; ref?: R } & ({ task: DocumentInput | (() => Promise<DocumentInput>) } | { failure: string });

/** Yielded by a source before it waits for more documents: what is in hand is written now. */
export const IDLE = Symbol("idle");

export interface LoadFailure {
  file: string;
  reason: string;
}

/** The outcomes counted. */
export interface Tally {
  /** New articles, and stored ones whose text changed (the same URL, or an earlier near-duplicate). */
  loaded: number;
  /** Recorded as copies of a stored article: near-duplicates, or the same text from another URL. */
  copies: number;
  duplicates: number;
  failed: LoadFailure[];
}

export interface Stored<R> {
  source: Source<R>;
  outcome: StoredOutcome;
  result: SaveResult;
}

/** What the caller does with outcomes; a promise one returns is awaited after the batch's write, before the next. */
export interface IngestHandlers<R> {
  /** A batch committed, in source order. */
  onWritten?(stored: Stored<R>[]): unknown;
  /** A document that cannot become an article (bad input): a permanent failure. */
  onRejected?(source: Source<R>, reason: string): unknown;
  /** An analysis or a write that threw (a thread died, the database is away). Without a handler the loop stops with the error. */
  onError?(sources: Source<R>[], error: unknown): unknown;
}

export interface IngestOptions {
  /** Larger documents are rejected by size. */
  maxDocumentBytes?: number;
  /** Articles per write transaction (default 100). */
  batchSize?: number;
  /** Documents under analysis at once (default: two batches, at least four per thread). */
  window?: number;
}

/** Runs the sources through analysis into the store; resolves with the outcomes counted once all are written. */
export async function ingestSources<R>(
  store: DbHandle,
  pool: AnalysisPool,
  sources: AsyncIterable<Source<R> | typeof IDLE> | Iterable<Source<R> | typeof IDLE>,
  handlers: IngestHandlers<R> = {},
  options: IngestOptions = {},
): Promise<Tally> {
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const batchSize = options.batchSize ?? 100;
  const windowSize = options.window ?? Math.max(2 * batchSize, 4 * pool.threads);
  const tally: Tally = { loaded: 0, copies: 0, duplicates: 0, failed: [] };
  const pending: unknown[] = [];
  const error = (failed: Source<R>[], e: unknown) => {
    if (!handlers.onError) throw e;
    pending.push(handlers.onError(failed, e));
  };

  const start = (source: Source<R>): Promise<Prepared> => {
    if ("failure" in source) return Promise.resolve({ ok: false, reason: source.failure });
    const prepared = (typeof source.task === "function" ? source.task() : Promise.resolve(source.task)).then(
      (task) => pool.prepare({ ...task, name: source.name, maxDocumentBytes }),
      (e: unknown) => {
        if (e instanceof DocumentError) return { ok: false as const, reason: e.reason };
        throw e;
      },
    );
    // Handled now so that a failing analysis is never an unhandled rejection while it waits its turn.
    prepared.catch(() => {});
    return prepared;
  };

  let batch: { source: Source<R>; article: PreparedArticle }[] = [];
  /** Writes the batch; then what the handlers started (for it and for the failures before it) is awaited. */
  const flush = async () => {
    await write();
    await Promise.all(pending.splice(0));
  };
  const write = async () => {
    const written = batch;
    batch = [];
    if (written.length === 0) return;
    let results: SaveResult[];
    try {
      results = await saveArticles(store, written.map((w) => w.article));
    } catch (e) {
      error(written.map((w) => w.source), e);
      return;
    }
    const stored = results.map((result, i) => ({ source: written[i]!.source, outcome: outcomeOf(result), result }));
    for (const { outcome } of stored) {
      if (outcome === "loaded") tally.loaded++;
      else if (outcome === "copy") tally.copies++;
      else tally.duplicates++;
      ingestArticles.inc({ outcome });
    }
    pending.push(handlers.onWritten?.(stored));
  };
  const take = async ({ source, prepared }: { source: Source<R>; prepared: Promise<Prepared> }) => {
    let result: Prepared;
    try {
      result = await prepared;
    } catch (e) {
      error([source], e);
      return;
    }
    if (result.ok) {
      batch.push({ source, article: result });
      if (batch.length >= batchSize) await flush();
      return;
    }
    tally.failed.push({ file: source.name, reason: result.reason });
    ingestArticles.inc({ outcome: "failed" });
    pending.push(handlers.onRejected?.(source, result.reason));
  };
  /** Everything in hand taken and written, and what the handlers started for it done. */
  const drain = async () => {
    for (const next of window.splice(0)) await take(next);
    await flush();
  };

  const window: { source: Source<R>; prepared: Promise<Prepared> }[] = [];
  for await (const source of sources) {
    if (source === IDLE) {
      await drain();
      continue;
    }
    window.push({ source, prepared: start(source) });
    if (window.length >= windowSize) await take(window.shift()!);
  }
  await drain();
  return tally;
}
