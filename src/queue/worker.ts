// Consumes the document queue in batches: a worker takes up to `batchSize` jobs and feeds
// them to the one ingest loop (src/ingest/batch.ts), which analyses them on the worker's
// threads and stores them in batched writes; while one batch is written the next is taken
// and analysed. This module is what pg-boss adds: taking, completing and failing jobs. Any number of workers, on any number of machines, against one
// database: pg-boss hands each job to one worker (FOR UPDATE SKIP LOCKED), and the
// store's unique keys and retries keep concurrent writers from duplicating articles or
// entities.
//
// Outcomes:
// - stored or already there: the job is completed with { outcome } (the log line
//   "document stored" names its article);
// - a bad document (DocumentError: empty, binary, too large, ...): a permanent failure,
//   logged and completed with { outcome: "rejected", reason }, never retried;
// - anything else (the database away, a bug): the batch's jobs are failed, and pg-boss
//   retries them (QUEUE_RETRY_LIMIT times, backing off) before leaving them failed;
// - the worker is killed mid-batch: its jobs stay active until their timeout
//   (QUEUE_JOB_TIMEOUT_SECONDS), when maintenance (run by any worker every
//   QUEUE_MAINTENANCE_SECONDS) puts them back for another worker; the batch's
//   transaction never committed, so nothing of it was stored.
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { DbHandle } from "../store/client.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../documents/read.ts";
import { IDLE, ingestSources, type Source } from "../ingest/batch.ts";
import { logger as rootLogger, type Logger } from "../logger.ts";
import { DOCUMENT_QUEUE, decodeJobDocument, MalformedJobError, type DocumentJob } from "./boss.ts";

export interface WorkerOptions {
  boss: PgBoss;
  store: DbHandle;
  /** Analyses the documents (its threads are this worker's CPUs). */
  pool: AnalysisPool;
  /** Jobs taken, and articles written in one transaction, at a time. */
  batchSize: number;
  /** Stop once no job is waiting, running (anywhere) or due for a retry. */
  exitWhenIdle?: boolean;
  maxDocumentBytes?: number;
  /** Milliseconds between looks at an empty queue. */
  pollMs?: number;
  logger?: Logger;
}

export interface WorkerSummary {
  loaded: number;
  /** Near-duplicates (or the same text from another URL) recorded as copies of a stored article. */
  copies: number;
  duplicates: number;
  /** Bad documents: permanent failures, with the reason. */
  rejected: { file: string; reason: string }[];
  /** Jobs that failed unexpectedly and were handed back to pg-boss for a retry. */
  errors: number;
  /** Why the worker stopped. */
  stoppedBy: "idle" | "signal";
}

export interface RunningWorker {
  /** Stops taking jobs; the jobs in hand are finished, then `done` resolves. */
  stop(): void;
  done: Promise<WorkerSummary>;
}

export type JobResult =
  | { outcome: "loaded" | "copy" | "duplicate" }
  | { outcome: "rejected"; reason: string };

type Job = PgBoss.Job<DocumentJob>;

/**
 * pg-boss completes many jobs with one output in one statement (manager.js `complete`
 * takes an id or ids, and data), but its types declare data only for a single id.
 */
const completeMany = (boss: PgBoss, ids: string[], output: JobResult) =>
  (boss.complete as (name: string, ids: string[], data: object) => Promise<void>).call(boss, DOCUMENT_QUEUE, ids, output);

export function startWorker(options: WorkerOptions): RunningWorker {
  const { boss, store, pool, batchSize } = options;
  const pollMs = options.pollMs ?? 1000;
  const log = (options.logger ?? rootLogger).child({ component: "worker" });
  let errors = 0;
  let stoppedBy: WorkerSummary["stoppedBy"] = "idle";
  const stopping = new AbortController();

  const sourceOf = (job: Job): Source<Job> => {
    try {
      const { bytes, fileName, ...as } = decodeJobDocument(job.data);
      return { name: fileName, ref: job, task: { bytes, ...as } };
    } catch (error) {
      if (!(error instanceof MalformedJobError)) throw error;
      return { name: String((job.data as DocumentJob | null)?.fileName ?? "?"), ref: job, failure: `malformed job: ${error.message}` };
    }
  };

  /** Takes up to a batch of jobs (none once stopping). */
  const take = async (): Promise<Job[]> => {
    if (stopping.signal.aborted) return [];
    try {
      return (await boss.fetch<DocumentJob>(DOCUMENT_QUEUE, { batchSize })) ?? [];
    } catch (error) {
      log.error({ err: error }, "could not fetch jobs; trying again");
      return [];
    }
  };

  const fail = async (jobs: Job[], error: unknown) => {
    errors += jobs.length;
    log.error({ jobIds: jobs.map((j) => j.id), err: error }, "jobs failed; pg-boss retries them");
    const message = error instanceof Error ? error.message : String(error);
    await Promise.all(
      jobs.map((job) =>
        boss
          .fail(DOCUMENT_QUEUE, job.id, { message })
          .catch((e: unknown) => log.error({ jobId: job.id, err: e }, "could not mark the job failed; it comes back after its timeout")),
      ),
    );
  };

  /** Completes jobs of one outcome: one statement and one commit, not one per job. */
  const complete = async (jobs: Job[], result: JobResult) => {
    if (jobs.length === 0) return;
    const ids = jobs.map((j) => j.id);
    await completeMany(boss, ids, result).catch((e: unknown) =>
      log.error({ jobIds: ids, err: e }, "could not complete the jobs; they come back after their timeout and are stored once"),
    );
  };

  /** No job waiting, running or due for a retry, here or in any other worker. */
  const queueIsEmpty = async () => (await boss.getQueueSize(DOCUMENT_QUEUE, { before: "completed" })) === 0;

  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  /**
   * The jobs, a batch at a time, the next batch taken while this one is analysed and
   * written (jobs in hand: about three batches, as the loop analyses two ahead). Before
   * waiting on an empty queue, IDLE: the loop writes and completes what it holds.
   */
  async function* jobs(): AsyncGenerator<Source<Job> | typeof IDLE> {
    for (;;) {
      let next = take();
      for (let batch = await next; batch.length > 0; batch = await next) {
        // Jobs taken as a stop arrives are in hand: they are finished like the others.
        next = take();
        for (const job of batch) yield sourceOf(job);
      }
      yield IDLE;
      if (stopping.signal.aborted) return;
      if (options.exitWhenIdle) {
        try {
          if (await queueIsEmpty()) return;
        } catch (error) {
          log.error({ err: error }, "could not read the queue size; trying again");
        }
      }
      await pause(pollMs);
    }
  }

  const loop = async (): Promise<WorkerSummary> => {
    const tally = await ingestSources(
      store,
      pool,
      jobs(),
      {
        onWritten: (stored) => {
          const byOutcome = { loaded: [] as Job[], copy: [] as Job[], duplicate: [] as Job[] };
          for (const { source, outcome, result } of stored) {
            byOutcome[outcome].push(source.ref!);
            log.info({ jobId: source.ref!.id, file: source.name, outcome, articleId: result.articleId }, "document stored");
          }
          return Promise.all([
            complete(byOutcome.loaded, { outcome: "loaded" }),
            complete(byOutcome.copy, { outcome: "copy" }),
            complete(byOutcome.duplicate, { outcome: "duplicate" }),
          ]);
        },
        // A bad document is a permanent failure: completing the job (its output says
        // "rejected" and why) keeps pg-boss from retrying what can never succeed.
        onRejected: (source, reason) => {
          log.warn({ jobId: source.ref!.id, file: source.name, reason }, "document rejected");
          return complete([source.ref!], { outcome: "rejected", reason });
        },
        onError: (sources, error) => fail(sources.map((s) => s.ref!), error),
      },
      { maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, batchSize },
    );
    return { loaded: tally.loaded, copies: tally.copies, duplicates: tally.duplicates, rejected: tally.failed, errors, stoppedBy };
  };

  return {
    stop() {
      stoppedBy = "signal";
      stopping.abort();
    },
    done: loop(),
  };
}
