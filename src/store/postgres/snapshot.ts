// A snapshot (../snapshot.ts) on PostgreSQL: a read-only REPEATABLE READ transaction on
// one pooled connection, so every statement of the operation sees the same committed state.
import type { Db, DbHandle } from "../dialect.ts";

/**
 * Waits up to `timeoutMs` for a connection; the transaction ends by itself `timeoutMs`
 * plus a margin after opening, in case the operation never returns.
 */
export async function openSnapshot(h: DbHandle, timeoutMs: number): Promise<{ store: DbHandle; close(): Promise<void> }> {
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
    // No readPool: the batched reads go through the transaction too (./read-batch.ts).
    store: { ...h, db: tx, readPool: undefined },
    close() {
      finish();
      // A transaction the timeout already ended has nothing left to close.
      closed ??= transaction.catch(() => undefined);
      return closed;
    },
  };
}
