// The health check's one statement: does the database answer at all?
import type { DbHandle } from "./client.ts";

/** Resolves when `SELECT 1` answers within `timeoutMs`; rejects otherwise. */
export async function pingDatabase(store: DbHandle, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // A PostgreSQL server that accepts connections but never answers must not hang /healthz.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // SQLite: the writer's connection, on this thread: the reader threads may all be busy
    // with long reads, which is no sign of a database that does not answer.
    const client = store.provider === "sqlite" ? store.writer : store.db;
    await Promise.race([client.$queryRawUnsafe("SELECT 1"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
