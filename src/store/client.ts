// One typed client over either database. The SQLite and PostgreSQL clients are
// generated from the same models (prisma/models.prisma), so their model APIs are the
// same; the PostgreSQL one is typed as the SQLite one in this single place.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { databaseTarget, ensureSqliteFolder, sqliteFilePath, type Provider } from "./database-url.ts";
import { statementName } from "./statement-name.ts";
import { sqliteReaders } from "./sqlite-readers.ts";
import { logger } from "../logger.ts";

export type Db = SqliteClient<"query">;

export interface DbHandle {
  /** Reads (the API). */
  db: Db;
  /**
   * SQLite with reader threads: a client for the reads of expensive operations, which runs
   * each statement on a worker thread (./sqlite-readers.ts); cheap operations keep `db`,
   * on this thread, where a statement costs no hand-over.
   */
  heavy?: Db;
  /**
   * Writes (loader, mutations). On SQLite a second connection: the adapter runs a
   * transaction on its connection, so reads sharing it would see a half-written
   * article; with WAL, this connection's readers see committed data only.
   */
  writer: Db;
  provider: Provider;
  /**
   * PostgreSQL: the pool under Prisma's adapter (the same connections), for the API's
   * batched reads (./read-batch.ts), which skip Prisma's per-statement overhead; their
   * statements do not show in Prisma's query events (the tests count them on the pool).
   */
  readPool?: pg.Pool;
  /** PostgreSQL, in a query's snapshot (./snapshot.ts): the connection of its transaction, which the batched reads use. */
  connection?: pg.PoolClient;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Emit Prisma `query` events (tests count SQL statements with them). */
  logQueries?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /**
   * SQLite: this many worker threads, each with its own connection, for the reads of
   * expensive operations (DbHandle.heavy, ./sqlite-readers.ts), so that their statements
   * do not hold up the event loop; 0 (the default): none. The server uses SQLITE_READ_THREADS.
   */
  readThreads?: number;
}

export async function openDb(url?: string, options: OpenOptions = {}): Promise<DbHandle> {
  const target = databaseTarget(url);
  const log = options.logQueries ? [{ level: "query" as const, emit: "event" as const }] : [];
  if (target.provider === "sqlite") {
    ensureSqliteFolder(target.url);
    const file = sqliteFilePath(target.url);
    // `timeout` is SQLite's busy timeout: a writer waits this long for another process's lock.
    const open = async () => {
      const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 30_000 }), log }) as Db;
      // WAL lets readers (the API) go on while a loader writes.
      await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
      await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
      return client;
    };
    // An in-memory database exists per connection: there the one connection does both.
    const threaded = file !== ":memory:" && (options.readThreads ?? 0) > 0;
    const writer = await open();
    const db = file === ":memory:" ? writer : await open();
    const heavy = threaded ? (new SqliteClient({ adapter: sqliteReaders(file, options.readThreads!, 30_000), log }) as Db) : undefined;
    return {
      db,
      writer,
      ...(heavy ? { heavy } : {}),
      provider: "sqlite",
      close: async () => {
        await db.$disconnect();
        if (writer !== db) await writer.$disconnect();
        await heavy?.$disconnect();
      },
    };
  }
  // Pipelined: a query is sent without waiting for the answers of those before it on the
  // connection, so a snapshot's BEGIN and its first read share a round trip (./snapshot.ts).
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10, pipeline: true });
  // An idle connection the server drops (a restart) must not crash the process; Prisma's
  // adapter listens too, but only once it has connected, and the batched reads may come first.
  pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection lost"));
  const adapter = new PrismaPg(pool, {
    // The batched reads are prepared statements; typed as always naming, but an
    // undefined name is pg's unnamed statement.
    statementNameGenerator: ((query: { sql: string }) => statementName(query.sql)) as (query: { sql: string }) => string,
  });
  const db = new PostgresClient({ adapter, log }) as unknown as Db;
  return {
    db,
    writer: db,
    provider: "postgresql",
    readPool: pool,
    close: async () => {
      await db.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * Calls `fn` for every SQL statement the handle's reads issue (tests and benches count
 * them). SQLite: Prisma's query events (open with `logQueries`). PostgreSQL: the query()
 * of the pool's connections, which pool.query(), Prisma's adapter, the batched reads and
 * the operations' snapshot transactions all go through. Call it before the first query.
 */
export function onStatement(h: DbHandle, fn: () => void): void {
  const pool = h.readPool;
  if (!pool) {
    h.db.$on("query", fn);
    return;
  }
  pool.on("connect", (client) => {
    // Looked up at each call, so that whatever else wraps pg's query() still applies.
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    client.query = ((...args: unknown[]) => {
      fn();
      return proto.query.apply(client, args);
    }) as typeof client.query;
  });
}
