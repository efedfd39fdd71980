// Opens the store over the database DATABASE_URL names, through its dialect (./dialect.ts).
import { databaseTarget } from "./database-url.ts";
import { dialectOf } from "./dialects.ts";
import type { DbHandle, OpenOptions } from "./dialect.ts";

export type { Db, DbHandle, OpenOptions } from "./dialect.ts";

export async function openDb(url?: string, options: OpenOptions = {}): Promise<DbHandle> {
  const dialect = dialectOf(url);
  return { ...(await dialect.open(databaseTarget(url).url, options)), dialect };
}

/**
 * Calls `fn` for every SQL statement the handle's reads issue (tests and benches count
 * them): the batched reads and the operations' snapshot transactions included. Open the
 * handle with `logQueries`, and call this before the first query.
 */
export function onStatement(h: DbHandle, fn: () => void): void {
  h.dialect.onStatement(h, fn);
}
