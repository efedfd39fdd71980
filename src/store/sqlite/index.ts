// The SQLite dialect (the embedded default, DATABASE_URL=file:...): one file, one writer
// at a time, reads on this thread or on reader threads, FTS5 for search, events within
// the process.
import { Prisma } from "../generated/sqlite/client.ts";
import type { Dialect } from "../dialect.ts";
import { openSqlite } from "./open.ts";
import { bucket, inIds, joinFirstRows, list } from "./sql.ts";
import { FULL_TEXT_TABLES, highlights, hits, snippets } from "./search.ts";
import { insert, update } from "./write.ts";
import { migrations } from "./migrations.ts";
import { within } from "../ping.ts";

export const sqlite: Dialect = {
  name: "sqlite",
  open: openSqlite,
  onStatement: (h, fn) => h.db.$on("query", fn),
  // The writer's connection, on this thread: the reader threads may all be busy with long
  // reads, which is no sign of a database that does not answer.
  ping: async (h, timeoutMs) => void (await within(h.writer.$queryRawUnsafe("SELECT 1"), timeoutMs)),
  holdsJobQueue: false,

  // One statement per read, each on its own: a statement costs SQLite no round trip.
  reads: (h) => ({ rows: <T>(sql: Prisma.Sql) => h.db.$queryRaw<T[]>(sql) }),
  inIds,
  joinFirstRows,
  notDistinct: "IS",
  instant: (t) => Prisma.sql`${t}`,
  bucket,
  // No snapshot: reads are single statements per level over WAL, and writes go through one writer.

  hits,
  snippets,
  highlights,
  fullTextTables: FULL_TEXT_TABLES,
  migrations,

  // A first write statement takes the database's write lock (a transaction that read
  // first could not take it later, after another connection's commit).
  lockWriters: async (tx) => void (await tx.$executeRaw`DELETE FROM article_band WHERE 1 = 0`),
  // One writer at a time: nothing to lock.
  lockNames: async () => undefined,
  forUpdate: "",
  list,
  insert,
  update,
  // Prisma's own Date (its text format); no boolean type: 1 and 0.
  time: (date) => date,
  bool: (value) => Number(value),
  // Another connection holds the write lock beyond the busy timeout.
  errors: { unavailableMessage: /database is locked|SQLITE_BUSY/, transientMessage: /database is locked|SQLITE_BUSY/ },
};
