// Full-text search on PostgreSQL (prisma/postgresql/migrations/*_full_text_search):
// tsvector side tables kept by triggers (articles, quotes) and GIN indexes on the
// tsvector of each name and alias (entities); ranked by ts_rank_cd, marked by ts_headline.
import { Prisma } from "../generated/sqlite/client.ts";
import type { SnippetParts } from "../dialect.ts";
import type { SearchKind, SearchQuery } from "../search-query.ts";
import { inIds } from "./sql.ts";

/** The text for PostgreSQL's to_tsquery: quoted lexemes, phrases with <->, terms with &. */
export function tsQueryText(q: SearchQuery): string {
  const quote = (w: string) => `'${w.replace(/['\\]/g, (c) => (c === "'" ? "''" : "\\\\"))}'`;
  return q.terms
    .map((t) => `(${t.words.map((w, i) => quote(w) + (t.prefix && i === t.words.length - 1 ? ":*" : "")).join(" <-> ")})`)
    .join(" & ");
}

/**
 * The query is written out where it is used (not joined as a function in FROM): a
 * constant to the planner, which then estimates its selectivity and uses the index.
 */
const tsQuery = (q: SearchQuery) => Prisma.sql`to_tsquery('english'::regconfig, ${tsQueryText(q)})`;

const ALIASES = { person: ["person_alias", "person_id"], organization: ["organization_alias", "organization_id"], place: ["place_alias", "place_id"] } as const;
/** The side tables of articles and quotes, with their owner's id. */
const DOCUMENTS = { article: ["article_search", "article_id"], quote: ["quote_search", "quote_id"] } as const;
/** The indexed expressions, character for character as in the migration (else the planner cannot use them). */
const NAME = `to_tsvector('english'::regconfig, "name")`;
const ALIAS = `to_tsvector('english'::regconfig, "alias")`;

/** ts_rank_cd with length normalization 1 (divided by 1 + log(length)); an entity scores by its best matching name or alias. */
export function hits(kind: SearchKind, q: SearchQuery): Prisma.Sql {
  const tsq = tsQuery(q);
  if (kind === "article" || kind === "quote") {
    const [table, owner] = DOCUMENTS[kind];
    return Prisma.sql`SELECT s.${Prisma.raw(owner)} AS id, ts_rank_cd(s.document, ${tsq}, 1)::float8 AS score
      FROM ${Prisma.raw(table)} s WHERE s.document @@ ${tsq}`;
  }
  const [aliases, owner] = ALIASES[kind];
  const name = Prisma.raw(NAME);
  const alias = Prisma.raw(ALIAS);
  return Prisma.sql`SELECT s.id, max(s.score) AS score FROM (
      SELECT t.id, ts_rank_cd(${name}, ${tsq}, 1)::float8 AS score FROM ${Prisma.raw(kind)} t WHERE ${name} @@ ${tsq}
      UNION ALL
      SELECT a.${Prisma.raw(owner)}, ts_rank_cd(${alias}, ${tsq}, 1)::float8 FROM ${Prisma.raw(aliases)} a WHERE ${alias} @@ ${tsq}
    ) s GROUP BY s.id`;
}

/** ts_headline's options: the marks, and for an excerpt its length (one fragment around the best match; ts_headline adds no ellipsis). */
const headlineOptions = (p: Pick<SnippetParts, "open" | "close"> & Partial<SnippetParts>) =>
  p.words === undefined
    ? `StartSel=${p.open}, StopSel=${p.close}, HighlightAll=true`
    : `StartSel=${p.open}, StopSel=${p.close}, MaxWords=${p.words}, MinWords=${p.minWords}, ShortWord=3, MaxFragments=1`;

/** Characters of each field that the full-text index holds (the migration indexes the first 250,000 of each field). */
const INDEXED_CHARS = 250_000;

/**
 * ts_headline over `text`, up to the characters the search index holds of it: it parses
 * all it is given, about a millisecond per few thousand characters. PostgreSQL's parser
 * reads `<word ...>` as an HTML tag, which the headline leaves out: `<` goes in as U+0001
 * and comes back after.
 */
const headline = (text: Prisma.Sql, tsq: Prisma.Sql, p: Pick<SnippetParts, "open" | "close"> & Partial<SnippetParts>) =>
  Prisma.sql`replace(ts_headline('english'::regconfig, replace(left(${text}, ${Prisma.raw(String(INDEXED_CHARS))}), '<', chr(1)), ${tsq}, ${headlineOptions(p)}), chr(1), '<')`;

/** The marked text without its marks (to find the excerpt in the body). */
const unmarked = (column: string) => Prisma.raw(`replace(replace(${column}, chr(2), ''), chr(3), '')`);

export function snippets(q: SearchQuery, ids: readonly number[], p: SnippetParts): Prisma.Sql {
  const tsq = tsQuery(q);
  // OFFSET 0 keeps the planner from pulling the subqueries up, which would repeat ts_headline per use.
  return Prisma.sql`
      SELECT ${p.edges("greatest")} FROM (
        SELECT h.id, h.marked, strpos(h.body, ${unmarked("h.marked")}) AS pos, length(${unmarked("h.marked")}) AS len, h.body FROM (
          SELECT a.id, ${headline(Prisma.sql`a.body`, tsq, p)} AS marked, a.body
          FROM article_search s JOIN article a ON a.id = s.article_id
          WHERE s.document @@ ${tsq} AND ${inIds("s.article_id", ids)} OFFSET 0
        ) h OFFSET 0
      ) p`;
}

export function highlights(q: SearchQuery, ids: readonly number[], p: Pick<SnippetParts, "open" | "close">): Prisma.Sql {
  const tsq = tsQuery(q);
  return Prisma.sql`SELECT q.id, ${headline(Prisma.sql`q.text`, tsq, { open: p.open, close: p.close })} AS marked
      FROM quote_search s JOIN quote q ON q.id = s.quote_id
      WHERE s.document @@ ${tsq} AND ${inIds("s.quote_id", ids)}`;
}

/** The side tables, schema-qualified as the migration engine wants them (the migrations use the default schema). */
export const FULL_TEXT_TABLES = ["public.article_search", "public.quote_search"];
