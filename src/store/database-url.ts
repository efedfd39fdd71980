// DATABASE_URL picks the database: `file:` is the embedded SQLite default,
// `postgres://` / `postgresql://` is PostgreSQL.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_DATABASE_URL } from "../config.ts";

export type Provider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: Provider;
  url: string;
}

export function databaseTarget(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith("file:")) return { provider: "sqlite", url };
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${url.replace(/\/\/[^@/]*@/, "//***@")}"`,
  );
}

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
