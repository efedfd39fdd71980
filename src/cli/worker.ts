// npm run worker: parse, analyse and store the documents `npm run seed -- --queue` enqueued.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { createAnalysisPool, warmUp } from "../analysis/runtime/pool.ts";
import { logger } from "../logger.ts";
import { requirePostgres, startBoss } from "../queue/boss.ts";
import { startWorker } from "../queue/worker.ts";
import { EXIT_FAILED, EXIT_OK, parseCommandLine, runCommand, wholeNumberOption } from "./exit.ts";

const HELP = `Usage: npm run worker -- [options]

Takes documents from the job queue in the PostgreSQL database named by DATABASE_URL
(filled by npm run seed -- --queue DIR...), and parses, analyses and stores each one,
applying pending migrations first. Run as many workers as you like, on any machines
with the same DATABASE_URL: each job goes to one worker, and a document stored twice
is stored once. A bad document is logged (warn) and not retried; a job whose worker
died comes back after QUEUE_JOB_TIMEOUT_SECONDS (default 300, set when enqueueing)
for another worker. SIGTERM or SIGINT: stop taking jobs, finish those in hand, exit 0.

Options:
  --batch-size N        jobs taken, and articles stored in one transaction, at a time
                        (default WORKER_BATCH_SIZE, 50); the next batch is analysed
                        while one is written
  --threads N           analysis threads (default WORKER_THREADS, 1): one worker with a
                        thread per core, or one worker per core, keeps a machine busy
  --exit-when-idle      exit once no job is waiting, running or due for a retry
                        (batch runs, tests); without it the worker waits for new jobs
  -h, --help            show this help

Settings: DATABASE_URL (PostgreSQL), WORKER_BATCH_SIZE, WORKER_THREADS, QUEUE_MAINTENANCE_SECONDS
(how often lost jobs are looked for, default 30), MAX_DOCUMENT_BYTES, LOG_LEVEL
(info logs every document).

Exit codes: 0 the queue is drained (or stopped by a signal), 1 a document this worker
took was rejected or failed (with --exit-when-idle), or the database is unreachable,
2 usage or setup error (an unknown option, DATABASE_URL not PostgreSQL).`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({
    options: {
      help: { type: "boolean", short: "h" },
      "batch-size": { type: "string" },
      threads: { type: "string" },
      "exit-when-idle": { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  const config = loadConfig();
  const batchSize = wholeNumberOption(values["batch-size"], "--batch-size", 1) ?? config.WORKER_BATCH_SIZE;
  const threads = wholeNumberOption(values.threads, "--threads", 1) ?? config.WORKER_THREADS;
  requirePostgres(config.DATABASE_URL, "npm run worker");

  // Every analysis thread loads the NER model now, not inside the first jobs (whose timeouts
  // run); the threads start while this one migrates and connects.
  const pool = createAnalysisPool(threads);
  const warm = warmUp(pool);
  warm.catch(() => {}); // awaited below, once connected
  const { applied } = await migrateDatabase(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "migrations applied");
  const store = await openDb(config.DATABASE_URL, { poolSize: 2 });
  const boss = await startBoss(config.DATABASE_URL, {
    supervise: true,
    maintenanceIntervalSeconds: config.QUEUE_MAINTENANCE_SECONDS,
    poolSize: 2,
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  await warm;

  const started = performance.now();
  const worker = startWorker({
    boss,
    store,
    pool,
    batchSize,
    exitWhenIdle: values["exit-when-idle"] === true,
    maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      // A second signal: leave now; the jobs in hand come back after their timeout.
      console.error(`worker: ${signal} again, exiting without finishing the jobs in hand`);
      process.exit(EXIT_FAILED);
    }
    logger.info({ signal }, "worker stopping: finishing the jobs in hand");
    worker.stop();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  logger.info({ batchSize, threads, pid: process.pid }, "worker started");

  let summary;
  try {
    summary = await worker.done;
  } finally {
    await boss.stop({ graceful: true, timeout: 5_000 }).catch((error: unknown) => logger.error({ err: error }, "stopping the queue"));
    await pool.close();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const done = summary.loaded + summary.copies + summary.duplicates + summary.rejected.length;
  for (const { file, reason } of summary.rejected) console.error(`rejected: ${file}: ${reason}`);
  console.log(
    `worker: loaded ${summary.loaded}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}, ` +
      `errors ${summary.errors} (${seconds.toFixed(1)} s, ${(done / seconds).toFixed(1)} documents/s), copies recorded ${summary.copies}` +
      (summary.stoppedBy === "signal" ? ", stopped by a signal" : ", queue drained"),
  );
  if (summary.stoppedBy === "signal") return EXIT_OK;
  return summary.rejected.length || summary.errors ? EXIT_FAILED : EXIT_OK;
}

runCommand("worker", HELP, main);
