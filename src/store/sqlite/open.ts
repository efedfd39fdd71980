// The SQLite clients: a reader and a writer connection over one file in WAL mode, and
// optionally reader threads for expensive reads (./readers.ts).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/sqlite/client.ts";
import type { Db, DbHandle, OpenOptions } from "../dialect.ts";
import { ensureSqliteFolder, sqliteFilePath } from "./url.ts";
import { sqliteReaders } from "./readers.ts";

export async function openSqlite(url: string, options: OpenOptions): Promise<Omit<DbHandle, "dialect">> {
  const log = options.logQueries ? [{ level: "query" as const, emit: "event" as const }] : [];
  ensureSqliteFolder(url);
  const file = sqliteFilePath(url);
  // `timeout` is SQLite's busy timeout: a writer waits this long for another process's lock.
  const open = async () => {
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 30_000 }), log }) as Db;
    // WAL lets readers (the API) go on while a loader writes.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return client;
  };
  // An in-memory database exists per connection: there the one connection does both.
  const threaded = file !== ":memory:" && (options.readThreads ?? 0) > 0;
  const writer = await open();
  const db = file === ":memory:" ? writer : await open();
  const heavy = threaded ? (new PrismaClient({ adapter: sqliteReaders(file, options.readThreads!, 30_000), log }) as Db) : undefined;
  return {
    db,
    writer,
    ...(heavy ? { heavy } : {}),
    close: async () => {
      await db.$disconnect();
      if (writer !== db) await writer.$disconnect();
      await heavy?.$disconnect();
    },
  };
}
