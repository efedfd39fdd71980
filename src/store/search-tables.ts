// Tables of full-text search that Prisma's schema cannot express, written by hand in
// prisma/<provider>/migrations/*_full_text_search: SQLite's FTS5 tables (with the
// shadow tables FTS5 keeps for each) and PostgreSQL's tsvector side tables. They are
// "external tables" to the schema engine: its diffs (check:generated, db:migration)
// neither create nor drop them. PostgreSQL's entity indexes are expression indexes,
// which the engine ignores anyway.
import type { Provider } from "./database-url.ts";

const FTS_TABLES = ["article_fts", "quote_fts", "person_fts", "organization_fts", "place_fts"] as const;
const FTS5_SHADOWS = ["config", "content", "data", "docsize", "idx"] as const;

export const FULL_TEXT_TABLES: Record<Provider, readonly string[]> = {
  sqlite: FTS_TABLES.flatMap((t) => [t, ...FTS5_SHADOWS.map((s) => `${t}_${s}`)]),
  // The engine wants schema-qualified names on PostgreSQL; the migrations use the default schema.
  postgresql: ["public.article_search", "public.quote_search"],
};
