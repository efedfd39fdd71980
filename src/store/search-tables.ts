// Tables of full-text search that Prisma's schema cannot express, written by hand in
// prisma/<database>/migrations/*_full_text_search (each dialect names its own: SQLite's
// FTS5 tables with their shadow tables, PostgreSQL's tsvector side tables). They are
// "external tables" to the schema engine: its diffs (check:generated, db:migration)
// neither create nor drop them. PostgreSQL's entity indexes are expression indexes,
// which the engine ignores anyway.
import type { Provider } from "./database-url.ts";
import { DIALECTS } from "./dialects.ts";

export const FULL_TEXT_TABLES = Object.fromEntries(Object.values(DIALECTS).map((d) => [d.name, d.fullTextTables])) as Record<Provider, readonly string[]>;
