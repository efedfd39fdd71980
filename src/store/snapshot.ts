// One consistent view of the database for a whole GraphQL query (PostgreSQL). Each
// statement on its own sees the data committed when it starts, so the levels of one
// query (quotes, then their articles) could straddle a delete and break a non-null field.
// A snapshot is a read-only REPEATABLE READ transaction on one pooled connection: every
// statement of the operation sees the same committed state. SQLite needs none: its reads
// are single statements per level over WAL, and writes go through one writer.
import type { Db, DbHandle } from "./client.ts";

/** Statements a snapshot adds to an operation: BEGIN, SET TRANSACTION, COMMIT. */
export const SNAPSHOT_STATEMENTS = 3;

export interface Snapshot {
  /** The handle to read through: `db` is the transaction; writes still go to `writer`. */
  store: DbHandle;
  /** Ends the transaction (it wrote nothing); safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Opens a snapshot on PostgreSQL; undefined on SQLite. Waits up to `timeoutMs` for a
 * connection; the transaction ends by itself `timeoutMs` plus a margin after opening, in
 * case the operation never returns.
 */
export async function openSnapshot(h: DbHandle, timeoutMs: number): Promise<Snapshot | undefined> {
  if (h.provider !== "postgresql") return undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let transaction!: Promise<void>;
  const tx = await new Promise<Db>((resolve, reject) => {
    // Prisma's interactive transaction lives as long as this callback: it hands the
    // transaction's client out, then waits for the operation to end.
    transaction = h.db.$transaction(
      async (client) => {
        // One statement for both (Prisma's isolationLevel option would send its own).
        await client.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        resolve(client as unknown as Db);
        await finished;
      },
      { maxWait: timeoutMs, timeout: timeoutMs + 5_000 },
    );
    transaction.catch(reject);
  });
  let closed: Promise<void> | undefined;
  return {
    // No readPool: the batched reads go through the transaction too (read-batch.ts).
    store: { ...h, db: tx, readPool: undefined },
    close() {
      finish();
      // A transaction the timeout already ended has nothing left to close.
      closed ??= transaction.catch(() => undefined);
      return closed;
    },
  };
}
