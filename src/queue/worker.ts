// Consumes the document queue in batches: a worker takes up to `batchSize` jobs, analyses
// their documents on its analysis threads (src/analysis/runtime/pool.ts) and stores them with the
// loader's batched writer, one transaction a batch; while one batch is written the next
// is taken and analysed. Any number of workers, on any number of machines, against one
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
import { saveArticles } from "../store/save-article.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, type Prepared, type PreparedArticle } from "../analysis/runtime/prepare.ts";
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

/** Batches taken and under analysis while one is written (jobs in hand: one batch more). */
const BATCHES_AHEAD = 2;

/** A job taken, with its document under analysis. */
interface TakenJob {
  job: Job;
  fileName: string;
  prepared: Promise<Prepared>;
}

export function startWorker(options: WorkerOptions): RunningWorker {
  const { boss, store, pool, batchSize } = options;
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const pollMs = options.pollMs ?? 1000;
  const log = (options.logger ?? rootLogger).child({ component: "worker" });
  const summary: WorkerSummary = { loaded: 0, copies: 0, duplicates: 0, rejected: [], errors: 0, stoppedBy: "idle" };
  const stopping = new AbortController();

  const prepareJob = (job: Job): TakenJob => {
    let doc: ReturnType<typeof decodeJobDocument>;
    try {
      doc = decodeJobDocument(job.data);
    } catch (error) {
      if (!(error instanceof MalformedJobError)) throw error;
      const fileName = String((job.data as DocumentJob | null)?.fileName ?? "?");
      return { job, fileName, prepared: Promise.resolve({ ok: false, reason: `malformed job: ${error.message}` }) };
    }
    const { bytes, fileName, ...as } = doc;
    const prepared = pool.prepare({ bytes, name: fileName, maxDocumentBytes, ...as });
    prepared.catch(() => {}); // handled in storeBatch, after the batch before it
    return { job, fileName: doc.fileName, prepared };
  };

  /** Takes up to a batch of jobs and starts their analysis. */
  const take = async (): Promise<TakenJob[]> => {
    if (stopping.signal.aborted) return [];
    try {
      return ((await boss.fetch<DocumentJob>(DOCUMENT_QUEUE, { batchSize })) ?? []).map(prepareJob);
    } catch (error) {
      log.error({ err: error }, "could not fetch jobs; trying again");
      return [];
    }
  };

  const fail = async (jobs: Job[], error: unknown) => {
    summary.errors += jobs.length;
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

  /** Analysis results in, one write transaction, every job completed or failed. */
  const storeBatch = async (batch: TakenJob[]) => {
    const good: { job: Job; fileName: string; article: PreparedArticle }[] = [];
    const done: Promise<unknown>[] = [];
    for (const { job, fileName, prepared } of batch) {
      let result: Prepared;
      try {
        result = await prepared;
      } catch (error) {
        done.push(fail([job], error));
        continue;
      }
      if (result.ok) {
        good.push({ job, fileName, article: result });
        continue;
      }
      // A bad document is a permanent failure: completing the job (its output says
      // "rejected" and why) keeps pg-boss from retrying what can never succeed.
      summary.rejected.push({ file: fileName, reason: result.reason });
      log.warn({ jobId: job.id, file: fileName, reason: result.reason }, "document rejected");
      done.push(complete([job], { outcome: "rejected", reason: result.reason }));
    }
    if (good.length) {
      try {
        const saved = await saveArticles(store, good.map((g) => g.article));
        const byOutcome = { loaded: [] as Job[], copy: [] as Job[], duplicate: [] as Job[] };
        saved.forEach((result, i) => {
          const { job, fileName } = good[i]!;
          const outcome = result.status === "created" || result.status === "updated" ? "loaded" : result.status;
          byOutcome[outcome].push(job);
          log.info({ jobId: job.id, file: fileName, outcome, articleId: result.articleId }, "document stored");
        });
        summary.loaded += byOutcome.loaded.length;
        summary.copies += byOutcome.copy.length;
        summary.duplicates += byOutcome.duplicate.length;
        done.push(
          complete(byOutcome.loaded, { outcome: "loaded" }),
          complete(byOutcome.copy, { outcome: "copy" }),
          complete(byOutcome.duplicate, { outcome: "duplicate" }),
        );
      } catch (error) {
        done.push(fail(good.map((g) => g.job), error));
      }
    }
    await Promise.all(done);
  };

  /** No job waiting, running or due for a retry, here or in any other worker. */
  const queueIsEmpty = async () => (await boss.getQueueSize(DOCUMENT_QUEUE, { before: "completed" })) === 0;

  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  const loop = async (): Promise<WorkerSummary> => {
    // Batches are taken ahead: while one is written, the next ones are analysed, so the
    // analysis threads do not wait for the writes (and the job completions) of the last.
    const ahead: Promise<TakenJob[]>[] = [];
    const takeAhead = () => {
      while (ahead.length < BATCHES_AHEAD) ahead.push(take());
    };
    takeAhead();
    for (;;) {
      const batch = await ahead.shift()!;
      // Jobs taken as a stop arrives are in hand: they are finished like the others.
      if (batch.length > 0) {
        takeAhead();
        await storeBatch(batch);
        continue;
      }
      // An empty look with batches behind it: those go on.
      if (ahead.length > 0) continue;
      if (stopping.signal.aborted) break;
      if (options.exitWhenIdle) {
        try {
          if (await queueIsEmpty()) break;
        } catch (error) {
          log.error({ err: error }, "could not read the queue size; trying again");
        }
      }
      await pause(pollMs);
      takeAhead();
    }
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
