// The health check's one statement: does the database answer at all?
import type { DbHandle } from "./dialect.ts";

/** Resolves when `SELECT 1` answers within `timeoutMs`; rejects otherwise. */
export async function pingDatabase(store: DbHandle, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // A PostgreSQL server that accepts connections but never answers must not hang /healthz.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.dialect.pingClient(store).$queryRawUnsafe("SELECT 1"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
