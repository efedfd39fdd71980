// npm start: apply migrations, load seeds/ into an empty database, serve GraphQL.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { migrateDatabase } from "../store/migrate/index.ts";
import { openDb } from "../store/client.ts";
import { loadDocuments } from "../ingest/load.ts";
import { startServer } from "../server.ts";
import { logger } from "../logger.ts";

const HELP = `Usage: npm start [-- --help]

Applies pending migrations to DATABASE_URL (default file:./data/newsgraph.db),
loads SEED_DIR (default seeds/) when the database has no article, and serves
GraphQL at http://localhost:$PORT/graphql (PORT defaults to 4000).
SIGTERM or SIGINT stops it gracefully.`;

async function main() {
  if (parseArgs({ options: { help: { type: "boolean", short: "h" } } }).values.help) {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  const { applied } = await migrateDatabase(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "migrations applied");
  const store = await openDb(config.DATABASE_URL);
  if ((await store.db.article.count()) === 0) {
    const summary = await loadDocuments(store, [config.SEED_DIR], { onFailure: (f) => logger.warn(f, "seed file failed") });
    console.log(`seeded the empty database from ${config.SEED_DIR}: ${summary.loaded} articles loaded, ${summary.failed.length} failed`);
  }
  const server = await startServer({ store, port: config.PORT, host: config.HOST, production: config.production, maxBodyBytes: config.MAX_BODY_BYTES });
  console.log(`newsgraph serving ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await server.stop();
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`newsgraph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
