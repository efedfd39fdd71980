// The PostgreSQL dialect (DATABASE_URL=postgres://...): a pool shared by Prisma and the
// batched reads, a snapshot per read operation, advisory locks between writers, tsvector
// search, LISTEN/NOTIFY between processes, and room for the job queue.
import { Prisma } from "../generated/sqlite/client.ts";
import type { Dialect } from "../dialect.ts";
import { onStatement, openPostgres } from "./open.ts";
import { ReadBatch } from "./read-batch.ts";
import { openSnapshot } from "./snapshot.ts";
import { bucket, inIds } from "./sql.ts";
import { FULL_TEXT_TABLES, highlights, hits, snippets } from "./search.ts";
import { insert, update } from "./write.ts";
import { listen, notify } from "./events.ts";

export const postgresql: Dialect = {
  name: "postgresql",
  open: openPostgres,
  onStatement,
  pingClient: (h) => h.db,
  holdsJobQueue: true,

  // The batches of one tick share a statement, rows come as JSON, and a slice brings its
  // children's rows along.
  reads: (h) => new ReadBatch(h),
  inIds,
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
};
