// npm run seed -- [files or folders...]: load documents (default seeds/) into DATABASE_URL.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { loadDocuments } from "../ingest/load.ts";
import { defaultThreads } from "../analysis/runtime/pool.ts";
import { progressEvents } from "./progress.ts";
import { EXIT_USAGE, parseCommandLine, runCommand, UsageError, wholeNumberOption } from "./exit.ts";
import { loadFeedSources } from "../ingest/feeds.ts";
import { createAnalysisPool } from "../analysis/runtime/pool.ts";
import type { DbHandle } from "../store/client.ts";

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
  --feed URL|FILE  (repeatable) load the items of an RSS 2.0 or Atom feed instead of files:
                   each item's page is fetched and read as an HTML page, the item's title,
                   date and authors filling what the page leaves out (an item whose page
                   cannot be fetched is read from its own full text when it has one, else
                   reported). Items whose URL is stored already are not fetched. With
                   --queue, the pages are fetched here and enqueued for the workers
  -h, --help   show this help

Exit codes: 0 all loaded (or already there), 1 some files failed, 2 usage or setup error.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: {
      help: { type: "boolean", short: "h" },
      queue: { type: "boolean" },
      threads: { type: "string" },
      "batch-size": { type: "string" },
      feed: { type: "string", multiple: true },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const feeds = values.feed ?? [];
  if (feeds.length && positionals.length) throw new UsageError("give either --feed sources or files and folders, not both");
  if (values.queue) return enqueue(config, positionals.length ? positionals : [config.SEED_DIR], feeds);
  if (feeds.length) {
    await migrateDatabase(config.DATABASE_URL);
    return loadFeeds(config, await openDb(config.DATABASE_URL), feeds, wholeNumberOption(values.threads, "--threads", 0));
  }
  // The analysis threads start while the database is migrated and opened (loadDocuments).
  const opening = migrateDatabase(config.DATABASE_URL).then(() => openDb(config.DATABASE_URL));
  const progress = progressEvents();
  const started = performance.now();
  try {
    const summary = await loadDocuments(opening, positionals.length ? positionals : [config.SEED_DIR], progress, {
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
    // A store that failed to open has nothing to close; loadDocuments threw its error.
    await opening.then(
      (store) => store.close(),
      () => {},
    );
  }
}

/** --feed: each feed's items, their pages fetched, analysed and stored. */
async function loadFeeds(config: ReturnType<typeof loadConfig>, store: DbHandle, feeds: string[], threads: number | undefined): Promise<number> {
  const pool = createAnalysisPool(threads ?? 1);
  const started = performance.now();
  let totals;
  try {
    totals = await loadFeedSources(store, feeds, { maxDocumentBytes: config.MAX_DOCUMENT_BYTES, pool }, ({ file, reason }) => console.error(`failed: ${file}: ${reason}`));
  } finally {
    await pool.close();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const documents = totals.loaded + totals.copy + totals.duplicate;
  console.log(
    `loaded ${totals.loaded}, duplicates skipped ${totals.duplicate}, failed ${totals.failed}, copies recorded ${totals.copy} ` +
      `(${seconds.toFixed(1)} s, ${(documents / seconds).toFixed(1)} documents/s)`,
  );
  return totals.failed ? 1 : 0;
}

/** --queue: enqueue instead of loading (src/queue); the workers parse, analyse and store. */
async function enqueue(config: ReturnType<typeof loadConfig>, paths: string[], feeds: string[]): Promise<number> {
  // The queue's modules (pg-boss) are loaded only here: a plain seed does not pay for them.
  const [{ requirePostgres, startBoss }, { enqueueDocuments, enqueueFeeds }] = await Promise.all([import("../queue/boss.ts"), import("../queue/enqueue.ts")]);
  requirePostgres(config.DATABASE_URL, "seed --queue");
  // The workers' tables exist before the first worker starts (and workers starting together do not race to create them).
  await migrateDatabase(config.DATABASE_URL);
  const boss = await startBoss(config.DATABASE_URL);
  const progress = progressEvents();
  const started = performance.now();
  try {
    const events = { onStart: progress.onStart, onFailure: progress.onFailure, onFile: (file: string, outcome: string) => progress.onFile?.(file, outcome === "failed" ? "failed" : "loaded") };
    const options = { maxDocumentBytes: config.MAX_DOCUMENT_BYTES, jobTimeoutSeconds: config.QUEUE_JOB_TIMEOUT_SECONDS, retryLimit: config.QUEUE_RETRY_LIMIT };
    const summary = feeds.length ? await enqueueFeeds(boss, feeds, events, options) : await enqueueDocuments(boss, paths, events, options);
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
