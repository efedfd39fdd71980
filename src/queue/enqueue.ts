// `npm run seed -- --queue DIR...`: puts documents into the queue instead of loading them.
// Files are streamed (one walk to count them for the progress bar, one to read them),
// read one at a time with a size limit, and inserted in batches; only the current batch
// is ever in memory.
import type PgBoss from "pg-boss";
import type { DocumentMeta } from "../domain/document.ts";
import { countDocuments, listDocuments, type DocumentSource } from "../documents/documents.ts";
import { feedPages, type FeedPage } from "../documents/feeds.ts";
import { DocumentError } from "../documents/document-error.ts";
import type { LoadFailure } from "../ingest/load.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, isFileError, readLimited } from "../documents/read.ts";
import { DOCUMENT_QUEUE, documentJobId, encodeJobDocument, type DocumentJob } from "./boss.ts";

/** A document's job: its bytes, and how to read them. */
function jobData(source: DocumentSource | FeedPage, bytes: Uint8Array): DocumentJob {
  if ("failure" in source) throw new Error("a failed source has no job");
  const { format, pageUrl, fallback } = source.task as { format?: "json" | "html" | "text"; pageUrl?: string; fallback?: DocumentMeta };
  return {
    ...encodeJobDocument(bytes, source.name, format === "json" || format === "html" ? format : undefined),
    ...(pageUrl ? { pageUrl } : {}),
    ...(fallback ? { fallback: { ...fallback, publishedAt: fallback.publishedAt?.toISOString() } } : {}),
  };
}

export interface EnqueueSummary {
  /** New jobs. */
  enqueued: number;
  /** Documents whose job was already in the queue (the same bytes, enqueued before or twice now). */
  alreadyQueued: number;
  /** Files that could not be read or are too large, with the reason; nothing was enqueued for them. */
  failed: LoadFailure[];
}

export interface EnqueueEvents {
  /** Called once the files are counted. */
  onStart?(total: number): void;
  /** Called for each file once its batch is in the queue (or it failed). */
  onFile?(file: string, outcome: "enqueued" | "failed"): void;
  onFailure?(failure: LoadFailure): void;
}

export interface EnqueueOptions {
  /** Larger files are reported as too large, from their size alone (MAX_DOCUMENT_BYTES). */
  maxDocumentBytes?: number;
  /** Seconds a job may run before it counts as lost and is retried (QUEUE_JOB_TIMEOUT_SECONDS). */
  jobTimeoutSeconds?: number;
  /** Retries of a lost or errored job (QUEUE_RETRY_LIMIT). */
  retryLimit?: number;
  /** Most jobs per insert. */
  batchSize?: number;
  /** Most document bytes per insert. */
  batchBytes?: number;
}

/**
 * Enqueues the document files under `paths` (files and folders, as `npm run seed` takes
 * them). A file that is too large or unreadable is reported and skipped; an unknown path
 * throws before anything is enqueued.
 */
export async function enqueueDocuments(boss: PgBoss, paths: string[], events: EnqueueEvents = {}, options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  // Counting first walks the folders twice but holds no list: the bar gets a total, memory stays flat.
  events.onStart?.(await countDocuments(paths));
  return enqueueSources(boss, listDocuments(paths, max), events, options);
}

/**
 * Enqueues the pages of feeds' items (`seed --queue --feed`): the pages are fetched here,
 * so workers need only the database; a page that cannot be fetched is a failure, with the
 * item's own full text used instead when it has one.
 */
export async function enqueueFeeds(boss: PgBoss, feeds: string[], events: EnqueueEvents = {}, options: EnqueueOptions & { timeoutMs?: number } = {}): Promise<EnqueueSummary> {
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  return enqueueSources(boss, feedPages(feeds, max, options.timeoutMs), events, options);
}

async function enqueueSources(boss: PgBoss, sources: AsyncIterable<DocumentSource | FeedPage>, events: EnqueueEvents, options: EnqueueOptions): Promise<EnqueueSummary> {
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const batchSize = options.batchSize ?? 200;
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const summary: EnqueueSummary = { enqueued: 0, alreadyQueued: 0, failed: [] };

  const db = boss.getDb();
  let batch: PgBoss.JobInsert<DocumentJob>[] = [];
  let names: string[] = [];
  const idsInBatch = new Set<string>();
  let bytesInBatch = 0;
  const flush = async () => {
    if (!batch.length) return;
    // pg-boss's insert is one INSERT .. ON CONFLICT DO NOTHING and returns nothing; its row
    // count tells how many jobs were new.
    let inserted = 0;
    await boss.insert(batch, {
      db: {
        executeSql: async (text: string, values: unknown[]) => {
          const result = (await db.executeSql(text, values)) as { rows: unknown[]; rowCount?: number | null };
          inserted = result.rowCount ?? 0;
          return result;
        },
      },
    });
    summary.enqueued += inserted;
    summary.alreadyQueued += batch.length - inserted;
    for (const name of names) events.onFile?.(name, "enqueued");
    batch = [];
    names = [];
    idsInBatch.clear();
    bytesInBatch = 0;
  };

  for await (const source of sources) {
    const { name } = source;
    let bytes: Uint8Array;
    try {
      if ("failure" in source) throw new DocumentError(name, source.failure);
      bytes = "bytes" in source.task ? source.task.bytes : await readLimited(source.task.file, name, max);
    } catch (error) {
      if (!(error instanceof DocumentError) && !isFileError(error)) throw error;
      const failure = { file: name, reason: error instanceof DocumentError ? error.reason : error.message };
      summary.failed.push(failure);
      events.onFailure?.(failure);
      events.onFile?.(name, "failed");
      continue;
    }
    const id = documentJobId(bytes);
    if (idsInBatch.has(id)) {
      // The same bytes twice in one batch: one job.
      summary.alreadyQueued++;
      events.onFile?.(name, "enqueued");
      continue;
    }
    if (batch.length && bytesInBatch + bytes.length > batchBytes) await flush();
    batch.push({
      id,
      name: DOCUMENT_QUEUE,
      data: jobData(source, bytes),
      ...(options.jobTimeoutSeconds ? { expireInSeconds: options.jobTimeoutSeconds } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      // A retry waits 1-2 s, then 2-4 s, 4-8 s ...: a database restart is ridden out.
      retryDelay: 1,
      retryBackoff: true,
    });
    names.push(name);
    idsInBatch.add(id);
    bytesInBatch += bytes.length;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}
