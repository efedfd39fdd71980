// One consistent view of the database for a whole GraphQL query. Where each statement on
// its own sees the data committed when it starts (PostgreSQL), the levels of one query
// (quotes, then their articles) could straddle a delete and break a non-null field; the
// dialect then opens a snapshot (./postgres/snapshot.ts: a read-only REPEATABLE READ
// transaction), in which every statement of the operation sees the same committed state.
// SQLite needs none: its reads are single statements per level over WAL, and writes go
// through one writer.
import type { DbHandle } from "./dialect.ts";

/** Statements a snapshot adds to an operation: BEGIN (with its isolation level), COMMIT. */
export const SNAPSHOT_STATEMENTS = 2;

export interface Snapshot {
  /** The handle to read through: `db` and the batched reads use the transaction's connection; writes still go to `writer`. */
  store: DbHandle;
  /** Ends the transaction (it wrote nothing) and returns the connection; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Opens a snapshot where the database needs one; undefined otherwise. Waits up to
 * `timeoutMs` for a connection; the snapshot ends by itself `timeoutMs` plus a margin
 * after opening, in case the operation never returns.
 */
export async function openSnapshot(h: DbHandle, timeoutMs: number): Promise<Snapshot | undefined> {
  return h.dialect.openSnapshot?.(h, timeoutMs);
}
