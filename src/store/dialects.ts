// The one place that picks a database: DATABASE_URL's scheme names the dialect
// (./database-url.ts), and this table maps the name to its implementation.
import type { Dialect } from "./dialect.ts";
import { databaseTarget, type Provider } from "./database-url.ts";
import { sqlite } from "./sqlite/index.ts";
import { postgresql } from "./postgres/index.ts";

export const DIALECTS: Record<Provider, Dialect> = { sqlite, postgresql };

/** The dialect of a database URL; throws on a URL of no known database. */
export const dialectOf = (url?: string): Dialect => DIALECTS[databaseTarget(url).provider];

/**
 * Whether the database at `url` can hold the job queue (pg-boss lives in PostgreSQL);
 * throws on a URL of no known database.
 */
export const holdsJobQueue = (url: string): boolean => dialectOf(url).holdsJobQueue;
