// DATABASE_URL picks the database: `file:` is the embedded SQLite default,
// `postgres://` / `postgresql://` is PostgreSQL. ./dialects.ts maps the name to its dialect.
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

export { ensureSqliteFolder, sqliteFilePath } from "./sqlite/url.ts";
