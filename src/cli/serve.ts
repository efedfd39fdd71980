// npm start: apply migrations, load seeds/ into an empty database, serve GraphQL.
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { hasNoArticles } from "../store/lists.ts";
import { loadDocuments, type LoadFailure } from "../ingest/load.ts";
import { createAnalysisPool, warmUp } from "../analysis/runtime/pool.ts";
import { serverSettings, startServer } from "../server/server.ts";
import { logger } from "../logger.ts";
import { exitWithError, parseCommandLine } from "./exit.ts";

const HELP = `Usage: npm start [-- --help]

Applies pending migrations to DATABASE_URL (default file:./data/newsgraph.db),
loads SEED_DIR (default seeds/) when the database has no article, and serves
GraphQL at http://localhost:$PORT/graphql (PORT defaults to 4000), GraphiQL at
/graphiql, health at /healthz and Prometheus metrics at /metrics.
SIGTERM or SIGINT stops it gracefully.

Exit codes: 0 stopped by a signal, 1 could not start (database, port), 2 usage error
or an invalid setting.`;

async function main() {
  if (parseCommandLine({ options: { help: { type: "boolean", short: "h" } } }).values.help) {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  const { applied } = await migrateDatabase(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "migrations applied");
  const store = await openDb(config.DATABASE_URL, { readThreads: config.SQLITE_READ_THREADS });
  if (await hasNoArticles(store)) {
    const events = { onFailure: (f: LoadFailure) => logger.warn(f, "seed file failed") };
    const summary = await loadDocuments(store, [config.SEED_DIR], events, { maxDocumentBytes: config.MAX_DOCUMENT_BYTES });
    console.log(`seeded the empty database from ${config.SEED_DIR}: ${summary.loaded} articles loaded, ${summary.failed.length} failed`);
  }
  // ingestArticle analyses on its own thread, so that a long document does not hold up
  // every other request; the thread loads the NER model now rather than in a request.
  const analysis = createAnalysisPool(1, { forLargeDocuments: true });
  await warmUp(analysis, { hashing: true });
  const server = await startServer({ store, port: config.PORT, host: config.HOST, analysis, ...serverSettings(config) });
  console.log(`newsgraph serving ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await server.stop();
    await analysis.close();
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => exitWithError("newsgraph", HELP, error));
