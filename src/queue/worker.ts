// Consumes the document queue: each job is parsed, analysed and stored through the same
// single-document path as the loader and the ingestArticle mutation (ingestDocument).
//
// Up to `concurrency` jobs run at once in a process. Analysis is synchronous CPU work, so
// one job at a time (the default) keeps a process's transactions short; more jobs help
// when the database is distant and its round trips can overlap another job's analysis.
// More CPUs want more processes: any number, on any number of machines, against one
// database. pg-boss hands each job to one worker (FOR UPDATE SKIP LOCKED), and the store's
// unique keys and retries keep concurrent writers from duplicating articles or entities.
//
// Outcomes:
// - stored or already there: the job is completed with { outcome, articleId };
// - a bad document (DocumentError: empty, binary, too large, ...): a permanent failure,
//   logged and completed with { outcome: "rejected", reason }, never retried;
// - anything else (the database away, a bug): the job is failed, and pg-boss retries it
//   (QUEUE_RETRY_LIMIT times, backing off) before leaving it failed;
// - the worker is killed mid-job: the job stays active until its timeout
//   (QUEUE_JOB_TIMEOUT_SECONDS), when maintenance (run by any worker every
//   QUEUE_MAINTENANCE_SECONDS) puts it back for another worker.
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { DbHandle } from "../store/client.ts";
import { ingestDocument } from "../ingest/load.ts";
import { DocumentError } from "../ingest/parse.ts";
import { logger as rootLogger, type Logger } from "../logger.ts";
import { DOCUMENT_QUEUE, decodeJobDocument, MalformedJobError, type DocumentJob } from "./boss.ts";

export interface WorkerOptions {
  boss: PgBoss;
  store: DbHandle;
  /** Jobs handled at once by this process. */
  concurrency: number;
  /** Stop once no job is waiting, running (anywhere) or due for a retry. */
  exitWhenIdle?: boolean;
  maxDocumentBytes?: number;
  /** Milliseconds between looks at an empty queue. */
  pollMs?: number;
  logger?: Logger;
}

export interface WorkerSummary {
  loaded: number;
  duplicates: number;
  /** Bad documents: permanent failures, with the reason. */
  rejected: { file: string; reason: string }[];
  /** Jobs that failed unexpectedly and were handed back to pg-boss for a retry. */
  errors: number;
  /** Why the worker stopped. */
  stoppedBy: "idle" | "signal";
}

export interface RunningWorker {
  /** Stops fetching; the jobs in hand are finished, then `done` resolves. */
  stop(): void;
  done: Promise<WorkerSummary>;
}

export type JobResult =
  | { outcome: "loaded" | "duplicate"; articleId: number }
  | { outcome: "rejected"; reason: string };

/** One job's document through parse, analysis and store; a bad document is a result, not an error. */
export async function processDocumentJob(store: DbHandle, data: unknown, maxDocumentBytes?: number): Promise<JobResult & { fileName: string }> {
  let doc: { bytes: Uint8Array; fileName: string };
  try {
    doc = decodeJobDocument(data);
  } catch (error) {
    if (!(error instanceof MalformedJobError)) throw error;
    return { outcome: "rejected", reason: `malformed job: ${error.message}`, fileName: String((data as DocumentJob | null)?.fileName ?? "?") };
  }
  try {
    const saved = await ingestDocument(store, doc.bytes, doc.fileName, { maxDocumentBytes });
    return { outcome: saved.status === "created" ? "loaded" : "duplicate", articleId: saved.articleId, fileName: doc.fileName };
  } catch (error) {
    if (error instanceof DocumentError) return { outcome: "rejected", reason: error.reason, fileName: doc.fileName };
    throw error;
  }
}

export function startWorker(options: WorkerOptions): RunningWorker {
  const { boss, store, concurrency } = options;
  const pollMs = options.pollMs ?? 1000;
  const log = (options.logger ?? rootLogger).child({ component: "worker" });
  const summary: WorkerSummary = { loaded: 0, duplicates: 0, rejected: [], errors: 0, stoppedBy: "idle" };
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();

  const handle = async (job: PgBoss.Job<DocumentJob>) => {
    // Let the loop fetch more (and signals land) before this job's synchronous analysis.
    await new Promise((resolve) => setImmediate(resolve));
    const fileName = job.data?.fileName;
    let result: JobResult;
    try {
      result = await processDocumentJob(store, job.data, options.maxDocumentBytes);
    } catch (error) {
      summary.errors++;
      log.error({ jobId: job.id, file: fileName, err: error }, "job failed; pg-boss retries it");
      await boss
        .fail(DOCUMENT_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) })
        .catch((e: unknown) => log.error({ jobId: job.id, err: e }, "could not mark the job failed; it comes back after its timeout"));
      return;
    }
    if (result.outcome === "rejected") {
      summary.rejected.push({ file: fileName ?? "?", reason: result.reason });
      log.warn({ jobId: job.id, file: fileName, reason: result.reason }, "document rejected");
    } else {
      if (result.outcome === "loaded") summary.loaded++;
      else summary.duplicates++;
      log.info({ jobId: job.id, file: fileName, outcome: result.outcome, articleId: result.articleId }, "document stored");
    }
    // A bad document is a permanent failure: completing the job (its output says
    // "rejected" and why) keeps pg-boss from retrying what can never succeed.
    await boss
      .complete(DOCUMENT_QUEUE, job.id, result)
      .catch((e: unknown) => log.error({ jobId: job.id, err: e }, "could not complete the job; it comes back after its timeout and is stored once"));
  };

  const start = (job: PgBoss.Job<DocumentJob>) => {
    const running: Promise<void> = handle(job)
      .catch((error: unknown) => log.error({ jobId: job.id, err: error }, "job handling failed"))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  /** No job waiting, running or due for a retry, here or in any other worker. */
  const queueIsEmpty = async () => (await boss.getQueueSize(DOCUMENT_QUEUE, { before: "completed" })) === 0;

  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  /** Resolves when a job in hand ends, after `ms`, or on stop, whichever comes first. */
  const slotOrPause = async (ms: number) => {
    const timer = new AbortController();
    const onStop = () => timer.abort();
    stopping.signal.addEventListener("abort", onStop, { once: true });
    try {
      await Promise.race([...inFlight, sleep(ms, undefined, { signal: timer.signal }).catch(() => undefined)]);
    } finally {
      timer.abort();
      stopping.signal.removeEventListener("abort", onStop);
    }
  };

  const loop = async (): Promise<WorkerSummary> => {
    while (!stopping.signal.aborted) {
      const free = concurrency - inFlight.size;
      if (free > 0) {
        let jobs: PgBoss.Job<DocumentJob>[] = [];
        try {
          jobs = await boss.fetch<DocumentJob>(DOCUMENT_QUEUE, { batchSize: free });
        } catch (error) {
          log.error({ err: error }, "could not fetch jobs; trying again");
        }
        // Jobs fetched as a stop arrives are in hand: they are finished like the others.
        for (const job of jobs) start(job);
        if (jobs.length) continue;
        if (inFlight.size === 0) {
          if (options.exitWhenIdle) {
            try {
              if (await queueIsEmpty()) break;
            } catch (error) {
              log.error({ err: error }, "could not read the queue size; trying again");
            }
          }
          await pause(pollMs);
          continue;
        }
        // Nothing to fetch but jobs in hand: look again when one ends or after a poll interval.
        await slotOrPause(pollMs);
        continue;
      }
      await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return summary;
  };

  return {
    stop() {
      summary.stoppedBy = "signal";
      stopping.abort();
    },
    done: loop(),
  };
}
