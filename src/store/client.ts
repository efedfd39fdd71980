// One typed client over either database. The SQLite and PostgreSQL clients are
// generated from the same models (prisma/models.prisma), so their model APIs are the
// same; the PostgreSQL one is typed as the SQLite one in this single place.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client.ts";
import { databaseTarget, ensureSqliteFolder, sqliteFilePath, type Provider } from "./database-url.ts";

export type Db = SqliteClient<"query">;

export interface DbHandle {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Emit Prisma `query` events (tests count SQL statements with them). */
  logQueries?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export async function openDb(url?: string, options: OpenOptions = {}): Promise<DbHandle> {
  const target = databaseTarget(url);
  const log = options.logQueries ? [{ level: "query" as const, emit: "event" as const }] : [];
  if (target.provider === "sqlite") {
    ensureSqliteFolder(target.url);
    const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(target.url), timeout: 30_000 });
    const db = new SqliteClient({ adapter, log }) as Db;
    // WAL lets readers (the API) go on while a loader writes.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return { db, provider: "sqlite", close: () => db.$disconnect() };
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 });
  const db = new PostgresClient({ adapter, log }) as unknown as Db;
  return { db, provider: "postgresql", close: () => db.$disconnect() };
}
