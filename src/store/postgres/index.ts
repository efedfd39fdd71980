// The PostgreSQL dialect (DATABASE_URL=postgres://...): a pool shared by Prisma and the
// batched reads, a snapshot per read operation, advisory locks between writers, tsvector
// search, LISTEN/NOTIFY between processes, and room for the job queue.
import { Prisma } from "../generated/sqlite/client.ts";
import type { Dialect } from "../dialect.ts";
import { onStatement, openPostgres } from "./open.ts";
import { ReadBatch } from "./read-batch.ts";
import { openSnapshot } from "./snapshot.ts";
import { bucket, inIds, joinFirstRows } from "./sql.ts";
import { FULL_TEXT_TABLES, highlights, hits, snippets } from "./search.ts";
import { insert, update } from "./write.ts";
import { migrations } from "./migrations.ts";
import { listen, notify } from "./events.ts";

export const postgresql: Dialect = {
  name: "postgresql",
  open: openPostgres,
  onStatement,
  // Its own connection: the pool's may all be held by long reads, which is no sign of a
  // database that does not answer.
  ping: (h, timeoutMs) => h.pinger!.ping(timeoutMs),
  holdsJobQueue: true,

  // The batches of one tick share a statement, rows come as JSON, and a slice brings its
  // children's rows along.
  reads: (h) => new ReadBatch(h),
  inIds,
  joinFirstRows,
  notDistinct: "IS NOT DISTINCT FROM",
  // ISO text cast to `timestamp` (UTC, as stored), since a batched read hands a Date to pg,
  // which would write it in the process's time zone.
  instant: (t) => Prisma.sql`${t.toISOString()}::timestamp`,
  bucket,
  openSnapshot,

  hits,
  snippets,
  highlights,
  fullTextTables: FULL_TEXT_TABLES,
  migrations,

  lockWriters: async (tx, key) => void (await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key})`),
  // An advisory lock per name, in name order, before reading.
  lockNames: async (tx, names) => {
    if (names.length) await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtext(n))) FROM (SELECT unnest(${names}::text[]) AS n ORDER BY 1) s`;
  },
  forUpdate: " FOR UPDATE",
  // A parameter each.
  list: (values) => Prisma.join([...values]),
  insert,
  update,
  // ISO text in an array parameter.
  time: (date) => date && date.toISOString(),
  bool: (value) => value,
  notifications: { notify, listen },
  errors: {
    /**
     * SQLSTATEs of a server that cannot serve the request now but may soon: class 08
     * (connection exception), 53000-53300 (out of resources, too many connections), 55000
     * (not in prerequisite state: e.g. a database not accepting connections, which Prisma
     * reports as P2039), 55P03 (lock not available), 57P01-57P03 and 57P05 (shutdown,
     * crash shutdown, cannot connect now, idle session timeout).
     */
    unavailableCode: /^(08...|53[0-3]00|53R00|55000|55P03|57P0[1235])$/,
    /** What pg says of a connection lost mid-query. */
    unavailableMessage: /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Server has closed the connection/,
    /** Serialization failure, deadlock. */
    transientCode: /^(40001|40P01)$/,
    transientMessage: /deadlock detected|could not serialize access/,
  },
};
