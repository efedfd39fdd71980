// npm run seed -- [files or folders...]: load documents (default seeds/) into DATABASE_URL.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { loadDocuments } from "../ingest/load.ts";
import { defaultThreads } from "../ingest/pool.ts";
import { progressEvents } from "./progress.ts";
import { EXIT_USAGE, parseCommandLine, runCommand, wholeNumberOption } from "./exit.ts";
import { requirePostgres, startBoss } from "../queue/boss.ts";
import { enqueueDocuments } from "../queue/enqueue.ts";

const HELP = `Usage: npm run seed -- [options] [files or folders...]

Loads news documents (default: seeds/) into the database named by DATABASE_URL
(default file:./data/newsgraph.db), applying pending migrations first. Loading a
document again adds nothing. Bad files are reported and skipped, among them files
larger than MAX_DOCUMENT_BYTES (default 5 MiB), which are not read.

Options:
  --threads N      analysis threads (default: one per core, ${defaultThreads()} here; 0 analyses
                   on the main thread)
  --batch-size N   articles written per transaction (default 100)
  --queue          enqueue the documents for npm run worker processes instead of loading
                   them: into the job queue in the PostgreSQL database of DATABASE_URL
                   (schema "pgboss"); a job carries the document itself, so workers may
                   run on other machines; a document already queued is skipped. A job
                   running over QUEUE_JOB_TIMEOUT_SECONDS (default 300) counts as lost and
                   is retried, up to QUEUE_RETRY_LIMIT times (default 3)
  -h, --help   show this help

Exit codes: 0 all loaded (or already there), 1 some files failed, 2 usage or setup error.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: { help: { type: "boolean", short: "h" }, queue: { type: "boolean" }, threads: { type: "string" }, "batch-size": { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  if (values.queue) return enqueue(config, positionals.length ? positionals : [config.SEED_DIR]);
  await migrateDatabase(config.DATABASE_URL);
  const store = await openDb(config.DATABASE_URL);
  const progress = progressEvents();
  const started = performance.now();
  try {
    const summary = await loadDocuments(store, positionals.length ? positionals : [config.SEED_DIR], progress, {
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      threads: wholeNumberOption(values.threads, "--threads", 0),
      batchSize: wholeNumberOption(values["batch-size"], "--batch-size", 1),
    });
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `loaded ${summary.loaded}, duplicates skipped ${summary.duplicates}, failed ${summary.failed.length}, copies recorded ${summary.copies} ` +
        `(${seconds.toFixed(1)} s, ${((summary.loaded + summary.copies + summary.duplicates) / seconds).toFixed(1)} documents/s)`,
    );
    return summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}

/** --queue: enqueue instead of loading (src/queue); the workers parse, analyse and store. */
async function enqueue(config: ReturnType<typeof loadConfig>, paths: string[]): Promise<number> {
  requirePostgres(config.DATABASE_URL, "seed --queue");
  // The workers' tables exist before the first worker starts (and workers starting together do not race to create them).
  await migrateDatabase(config.DATABASE_URL);
  const boss = await startBoss(config.DATABASE_URL);
  const progress = progressEvents();
  const started = performance.now();
  try {
    const summary = await enqueueDocuments(
      boss,
      paths,
      { onStart: progress.onStart, onFailure: progress.onFailure, onFile: (file, outcome) => progress.onFile?.(file, outcome === "failed" ? "failed" : "loaded") },
      {
        maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
        jobTimeoutSeconds: config.QUEUE_JOB_TIMEOUT_SECONDS,
        retryLimit: config.QUEUE_RETRY_LIMIT,
      },
    );
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `enqueued ${summary.enqueued}, already queued ${summary.alreadyQueued}, failed ${summary.failed.length} ` +
        `(${seconds.toFixed(1)} s, ${((summary.enqueued + summary.alreadyQueued) / seconds).toFixed(1)} files/s); ` +
        `now run: npm run worker`,
    );
    return summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await boss.stop({ graceful: false });
  }
}

// A database that cannot be migrated or opened is a setup error here (2), like a bad option.
runCommand("seed", HELP, main, EXIT_USAGE);
