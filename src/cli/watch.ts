// npm run watch -- [options] FEED_URL...: poll RSS/Atom feeds and store each new item's page.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { createAnalysisPool } from "../analysis/runtime/pool.ts";
import { isUrl } from "../documents/feeds.ts";
import { watchFeeds } from "../ingest/watch.ts";
import { logger } from "../logger.ts";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, runCommand, UsageError, wholeNumberOption } from "./exit.ts";

const HELP = `Usage: npm run watch -- [options] FEED_URL...

Polls RSS 2.0 and Atom feeds and stores each new item: its page is fetched and read
like an HTML file (the item's title, date and authors fill what the page leaves out),
then analysed and stored as npm run seed does, into DATABASE_URL (migrations applied
first). Feeds are asked with If-None-Match / If-Modified-Since, so an unchanged feed
costs one 304. A feed or a page that fails is logged (LOG_LEVEL=info shows every page
stored) and tried again later, the interval doubling at each failure; a page is given
up after --attempts tries. Items whose URL is stored already are not fetched again.

Options:
  --interval SECONDS   between polls of a feed (default 300)
  --attempts N         tries of a failing page (default 5)
  --timeout SECONDS    for one HTTP request (default 30)
  --threads N          analysis threads (default 1)
  --once               poll each feed once and exit (1 when a feed or page failed)
  -h, --help           show this help

SIGTERM or SIGINT stop it after the page in hand. Exit codes: 0 stopped (or --once and
all stored), 1 --once and something failed, 2 usage or setup error.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: {
      help: { type: "boolean", short: "h" },
      interval: { type: "string" },
      attempts: { type: "string" },
      timeout: { type: "string" },
      threads: { type: "string" },
      once: { type: "boolean" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("give at least one feed URL");
  const notUrl = positionals.find((p) => !isUrl(p));
  if (notUrl) throw new UsageError(`not an http(s) URL: ${notUrl} (a saved feed file loads with npm run seed -- --feed FILE)`);
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_URL);
  const store = await openDb(config.DATABASE_URL);
  const pool = createAnalysisPool(wholeNumberOption(values.threads, "--threads", 0) ?? 1);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  let failed = false;
  try {
    await watchFeeds({
      store,
      pool,
      feeds: positionals,
      intervalMs: (wholeNumberOption(values.interval, "--interval", 1, 7 * 24 * 3600) ?? 300) * 1000,
      pageAttempts: wholeNumberOption(values.attempts, "--attempts", 1) ?? 5,
      timeoutMs: (wholeNumberOption(values.timeout, "--timeout", 1, 3600) ?? 30) * 1000,
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      logger,
      signal: stop.signal,
      once: values.once,
      onPoll(s) {
        if (s.error || s.failed) failed = true;
        if (s.error) console.error(`failed: ${s.feed}: ${s.error}`);
        else if (!s.notModified) console.log(`${s.feed}: loaded ${s.loaded}, duplicates skipped ${s.duplicates}, failed ${s.failed}, copies recorded ${s.copies}`);
      },
    });
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    await pool.close();
    await store.close();
  }
  return values.once && failed ? EXIT_FAILED : EXIT_OK;
}

runCommand("watch", HELP, main, EXIT_USAGE);
