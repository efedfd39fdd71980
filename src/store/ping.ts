// The health check's one statement: does the database answer at all?
import type { DbHandle } from "./dialect.ts";

/** Resolves when `SELECT 1` answers within `timeoutMs`; rejects otherwise. */
export function pingDatabase(store: DbHandle, timeoutMs = 2_000): Promise<void> {
  return store.dialect.ping(store, timeoutMs);
}

/** What `work` resolves to, or a rejection once `timeoutMs` pass: a server that accepts connections but never answers must not hang /healthz. */
export async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
