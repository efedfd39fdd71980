// Full-text search on SQLite: FTS5 tables kept by triggers
// (prisma/sqlite/migrations/*_full_text_search), ranked by bm25, marked by FTS5's own
// snippet() and highlight().
import { Prisma } from "../generated/sqlite/client.ts";
import type { SnippetParts } from "../dialect.ts";
import type { SearchKind, SearchQuery } from "../search-query.ts";
import { inIds } from "./sql.ts";

/** The FTS5 MATCH expression: every term a quoted string (a phrase), implicitly ANDed. */
export function fts5Match(q: SearchQuery): string {
  // Words hold letters, digits and marks only: no `"` to escape, no operator to fear.
  return q.terms.map((t) => `"${t.words.join(" ")}"${t.prefix ? " *" : ""}`).join(" ");
}

/** bm25 column weights: title over body, quote over speaker, name over aliases. */
const BM25_WEIGHTS: Record<SearchKind, string> = {
  article: "5.0, 1.0",
  quote: "2.0, 1.0",
  person: "2.0, 1.0",
  organization: "2.0, 1.0",
  place: "2.0, 1.0",
};

/** -bm25 (bm25 is lower for better matches). */
export function hits(kind: SearchKind, q: SearchQuery): Prisma.Sql {
  const fts = Prisma.raw(`${kind}_fts`);
  return Prisma.sql`SELECT rowid AS id, -bm25(${fts}, ${Prisma.raw(BM25_WEIGHTS[kind])}) AS score FROM ${fts} WHERE ${fts} MATCH ${fts5Match(q)}`;
}

/** The marked text without its marks (to find the excerpt in the body). */
const unmarked = (column: string) => Prisma.raw(`replace(replace(${column}, char(2), ''), char(3), '')`);

export function snippets(q: SearchQuery, ids: readonly number[], p: SnippetParts): Prisma.Sql {
  return Prisma.sql`
      WITH s AS MATERIALIZED (
        SELECT rowid AS id, snippet(article_fts, 1, ${p.open}, ${p.close}, '', ${p.words}) AS marked
        FROM article_fts WHERE article_fts MATCH ${fts5Match(q)} AND ${inIds("rowid", ids)}
      ), p AS MATERIALIZED (
        SELECT s.id, s.marked, instr(a.body, ${unmarked("s.marked")}) AS pos, length(${unmarked("s.marked")}) AS len, a.body FROM s JOIN article a ON a.id = s.id
      )
      SELECT ${p.edges("max")} FROM p`;
}

export function highlights(q: SearchQuery, ids: readonly number[], p: Pick<SnippetParts, "open" | "close">): Prisma.Sql {
  return Prisma.sql`SELECT rowid AS id, highlight(quote_fts, 0, ${p.open}, ${p.close}) AS marked
      FROM quote_fts WHERE quote_fts MATCH ${fts5Match(q)} AND ${inIds("rowid", ids)}`;
}

const FTS_TABLES = ["article_fts", "quote_fts", "person_fts", "organization_fts", "place_fts"] as const;
const FTS5_SHADOWS = ["config", "content", "data", "docsize", "idx"] as const;

/** The FTS5 tables, with the shadow tables FTS5 keeps for each. */
export const FULL_TEXT_TABLES = FTS_TABLES.flatMap((t) => [t, ...FTS5_SHADOWS.map((s) => `${t}_${s}`)]);
