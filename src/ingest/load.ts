// Loads documents into the graph through the one ingest loop (./batch.ts): the files and
// folders of `npm run seed`, streamed from the folder walk so memory stays flat however
// many files there are, and the single document of the ingestArticle mutation. A bad file
// is reported and skipped.
import type { DbHandle } from "../store/client.ts";
import type { SaveResult } from "../store/save-article.ts";
import { countDocuments, listDocuments } from "../documents/documents.ts";
import { DocumentError } from "../documents/document-error.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, type ReadAs } from "../documents/read.ts";
import { createAnalysisPool, warmUp, type AnalysisPool } from "../analysis/runtime/pool.ts";
import type { Hashed, HashTask } from "../analysis/runtime/prepare.ts";
import { withinAnalysisBudget } from "../analysis/runtime/analysis-gate.ts";
import { collectAfter } from "../analysis/runtime/collect-garbage.ts";
import { ingestSources, type LoadFailure, type Outcome, type Tally } from "./batch.ts";

export type { LoadFailure };
export type LoadSummary = Tally;

export interface LoadEvents {
  /** Called once the files are counted. */
  onStart?(total: number): void;
  onFile?(file: string, outcome: Outcome): void;
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

/** Analysis and hashing on the calling thread, for a caller without threads (a pool of none holds nothing to close). */
const ON_THIS_THREAD = createAnalysisPool(0);

/**
 * Parses, analyses and stores one document given as bytes (the ingestArticle mutation);
 * throws DocumentError for bad input. With a pool, the analysis runs on its thread. Large
 * documents take turns (analysis-gate.ts).
 */
export async function ingestDocument(store: DbHandle, bytes: Uint8Array, fileName: string, options: LoadOptions & { pool?: AnalysisPool } & ReadAs = {}): Promise<SaveResult> {
  const { format, meta, fallback, pageUrl } = options;
  const pool = options.pool ?? ON_THIS_THREAD;
  return withinAnalysisBudget(bytes.length, async () => {
    let saved: SaveResult | undefined;
    try {
      await ingestSources(
        store,
        pool,
        [{ name: fileName, task: { bytes, format, meta, fallback, pageUrl } }],
        {
          onWritten: ([stored]) => (saved = stored!.result),
          onRejected: (_source, reason) => {
            throw new DocumentError(fileName, reason);
          },
        },
        { maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES },
      );
    } finally {
      // The write's garbage goes before the next large document's turn (collect-garbage.ts).
      collectAfter(bytes.length);
    }
    return saved!;
  });
}

/** A document's content hash, read as ingestDocument reads it: on the pool's hashing thread when there is a pool. */
export function hashIngestDocument(task: HashTask, pool: AnalysisPool = ON_THIS_THREAD): Promise<Hashed> {
  return pool.hash(task);
}

/** Fewer files than this are analysed on the calling thread: starting threads would cost more. */
const FEW_FILES = 16;

/**
 * Loads the files and folders into the store. The store may still be opening (the seed
 * command migrates it meanwhile): the analysis threads start and load their model in the
 * same time instead of after it.
 */
export async function loadDocuments(store: DbHandle | Promise<DbHandle>, paths: string[], events: LoadEvents = {}, options: LoadOptions = {}): Promise<LoadSummary> {
  const opened = Promise.resolve(store);
  // Handled now, awaited below: a store that fails to open must not be an unhandled rejection while the files are counted.
  opened.catch(() => {});
  // A first walk counts the files for the progress bar; only names are read, none kept.
  const total = await countDocuments(paths);
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const pool = createAnalysisPool(options.threads ?? (total < FEW_FILES ? 0 : undefined));
  try {
    const [ready] = await Promise.all([opened, warmUp(pool)]);
    events.onStart?.(total);
    return await ingestSources(
      ready,
      pool,
      listDocuments(paths, maxDocumentBytes),
      {
        onWritten: (stored) => {
          for (const { source, outcome } of stored) events.onFile?.(source.name, outcome);
        },
        onRejected: ({ name }, reason) => {
          events.onFailure?.({ file: name, reason });
          events.onFile?.(name, "failed");
        },
      },
      { maxDocumentBytes, batchSize: options.batchSize },
    );
  } finally {
    await pool.close();
  }
}
