// npm run seed -- [files or folders...]: load documents (default seeds/) into DATABASE_URL.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { loadDocuments } from "../ingest/load.ts";
import { progressEvents } from "./progress.ts";
import { EXIT_USAGE, parseCommandLine, runCommand } from "./exit.ts";

const HELP = `Usage: npm run seed -- [options] [files or folders...]

Loads news documents (default: seeds/) into the database named by DATABASE_URL
(default file:./data/newsgraph.db), applying pending migrations first. Loading a
document again adds nothing. Bad files are reported and skipped, among them files
larger than MAX_DOCUMENT_BYTES (default 5 MiB), which are not read.

Options:
  -h, --help   show this help

Exit codes: 0 all loaded (or already there), 1 some files failed, 2 usage or setup error.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({ options: { help: { type: "boolean", short: "h" } }, allowPositionals: true });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_URL);
  const store = await openDb(config.DATABASE_URL);
  const progress = progressEvents();
  const started = performance.now();
  try {
    const summary = await loadDocuments(store, positionals.length ? positionals : [config.SEED_DIR], progress, { maxDocumentBytes: config.MAX_DOCUMENT_BYTES });
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `loaded ${summary.loaded}, duplicates skipped ${summary.duplicates}, failed ${summary.failed.length} ` +
        `(${seconds.toFixed(1)} s, ${((summary.loaded + summary.duplicates) / seconds).toFixed(1)} files/s)`,
    );
    return summary.failed.length ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}

// A database that cannot be migrated or opened is a setup error here (2), like a bad option.
runCommand("seed", HELP, main, EXIT_USAGE);
