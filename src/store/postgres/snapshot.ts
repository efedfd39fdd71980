// A snapshot (../snapshot.ts) on PostgreSQL: a read-only REPEATABLE READ transaction on
// one pooled connection, so every statement of the operation sees the same committed state.
//
// The transaction is ours, not a Prisma interactive transaction: that one sent BEGIN and
// SET TRANSACTION as two round trips before the first read, ran the batched reads through
// Prisma instead of pg's prepared statements, and its COMMIT was awaited before the
// response. Here BEGIN carries the isolation level (one statement, sent without waiting:
// the connection queues the first read behind it), the reads go to the connection
// directly, and COMMIT runs after the response.
import pg from "pg";
import type { Db, DbHandle } from "../dialect.ts";
import { prismaOver } from "./open.ts";

/**
 * A pool of the one connection a snapshot holds, for a Prisma client that reads through it:
 * Prisma's adapter takes a pool, and its plain queries go through the pool's query().
 */
class BoundConnection extends pg.Pool {
  connection: pg.PoolClient | undefined;
  constructor() {
    super({ max: 1 });
    Object.assign(this, {
      query: (...args: unknown[]) => {
        if (!this.connection) return Promise.reject(new Error("the operation's snapshot is closed"));
        return (this.connection.query as (...a: unknown[]) => unknown).apply(this.connection, args);
      },
      connect: () => Promise.reject(new Error("a snapshot's reads cannot open a transaction")),
    });
  }
}

// Prisma clients for snapshots, each lent to one open snapshot at a time and bound to its
// connection: a client costs tens of ms to make and compiles each query shape once, so they
// are kept (at most as many as snapshots were open at once) and made only when a snapshot
// first reads through Prisma (most operations read through the batches only).
interface Lent { db: Db; pool: BoundConnection }
const idleClients: Lent[] = [];
function lendPrisma(connection: pg.PoolClient): Lent {
  let lent = idleClients.pop();
  if (!lent) {
    const pool = new BoundConnection();
    lent = { db: prismaOver(pool), pool };
  }
  lent.pool.connection = connection;
  return lent;
}

/** A connection from the pool within `timeoutMs`; one that comes later goes back. */
function connectWithin(pool: pg.Pool, timeoutMs: number): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`no PostgreSQL connection for a snapshot within ${timeoutMs} ms`));
    }, timeoutMs);
    pool.connect().then(
      (client) => {
        clearTimeout(timer);
        if (late) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Waits up to `timeoutMs` for a connection; the transaction ends by itself `timeoutMs`
 * plus a margin after opening, in case the operation never returns.
 */
export async function openSnapshot(h: DbHandle, timeoutMs: number): Promise<{ store: DbHandle; close(): Promise<void> } | undefined> {
  // A snapshot's own handle has no pool: it is already one.
  if (!h.readPool) return undefined;
  const connection = await connectWithin(h.readPool, timeoutMs);
  // Not awaited: the reads queue behind it on the connection, and fail with its error.
  const begun = connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY").then(() => undefined, (error: unknown) => error);
  let prisma: Lent | undefined;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      clearTimeout(timer);
      const failed = (await begun) ?? (await connection.query("COMMIT").then(() => undefined, (error: unknown) => error));
      if (prisma) {
        prisma.pool.connection = undefined;
        idleClients.push(prisma);
      }
      // A connection whose BEGIN or COMMIT failed is dropped, not pooled again.
      connection.release(failed instanceof Error ? failed : undefined);
    })());
  const timer = setTimeout(() => void close(), timeoutMs + 5_000);
  timer.unref();
  return {
    store: {
      ...h,
      get db() {
        if (closed) throw new Error("the operation's snapshot is closed");
        return (prisma ??= lendPrisma(connection)).db;
      },
      // The batched reads (read-batch.ts) go to the transaction's connection, not the pool.
      readPool: undefined,
      connection,
    },
    close,
  };
}
