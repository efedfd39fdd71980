// SQLite's `file:` URLs.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The file a `file:` URL names, resolved against the working directory; ":memory:" stays as is. */
export function sqliteFilePath(url: string): string {
  const path = url.slice("file:".length).replace(/\?.*$/, "");
  return path === ":memory:" ? path : resolve(path);
}

/** better-sqlite3 does not create missing folders; the default lives under ./data. */
export function ensureSqliteFolder(url: string): void {
  const path = sqliteFilePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}
