// Full-text search over the databases' own indexes (prisma/<provider>/migrations/*_full_text_search):
// SQLite FTS5 tables kept by triggers; on PostgreSQL, tsvector side tables kept by
// triggers (articles, quotes) and GIN indexes on the tsvector of each name and alias
// (entities). Ranked by bm25 on SQLite and ts_rank_cd on PostgreSQL. Pages are
// keysets on (score, ..., id) whose cursor holds the id only, like every other list:
// the cursor row's sort keys, score included, are recomputed in the same statement
// as the page, so a page continues exactly after the cursor's row in the ranking as
// it is now (no float travels through the cursor; nothing is skipped or repeated
// while the data is unchanged; a cursor whose row no longer matches is an error).
//
// User input never reaches the FTS syntax as such: it is cut into words (runs of
// letters, digits and marks), and only those words are written into a MATCH
// expression / tsquery, each quoted. Supported: words (all must match, in any
// order), "a quoted phrase" (adjacent words in order), and a trailing `*` for a
// prefix (`lavr*`, `"sergey lav*"`). Everything else (OR, -, parentheses, ^, :) is
// punctuation between words.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";

export interface SearchTerm {
  /** Lower-cased words; more than one make a phrase. */
  words: string[];
  /** The last word matches as a prefix. */
  prefix: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
}

export const MAX_SEARCH_TERMS = 32;
export const MAX_SEARCH_LENGTH = 1000;

/** Input that holds no word to search for, or too many. */
export class SearchInputError extends Error {}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function term(text: string, prefix: boolean): SearchTerm | null {
  const words = text.normalize("NFKC").toLowerCase().match(WORD);
  return words ? { words, prefix } : null;
}

/** Parses a search box's text; throws SearchInputError when it holds no word. */
export function parseSearch(text: string): SearchQuery {
  if (text.length > MAX_SEARCH_LENGTH) throw new SearchInputError(`must be at most ${MAX_SEARCH_LENGTH} characters, got ${text.length}`);
  const terms: SearchTerm[] = [];
  // A quoted phrase (an unclosed quote runs to the end), or a run of anything else but spaces.
  for (const m of text.matchAll(/"([^"]*)(?:"|$)|[^\s"]+/g)) {
    const phrase = m[1];
    const t = phrase !== undefined ? term(phrase, /\*\s*$/.test(phrase)) : term(m[0], m[0].endsWith("*"));
    if (t) terms.push(t);
  }
  if (terms.length === 0) throw new SearchInputError("must contain at least one word (letters or digits)");
  if (terms.length > MAX_SEARCH_TERMS) throw new SearchInputError(`may hold at most ${MAX_SEARCH_TERMS} words or phrases, got ${terms.length}`);
  return { terms };
}

/** The FTS5 MATCH expression: every term a quoted string (a phrase), implicitly ANDed. */
export function fts5Match(q: SearchQuery): string {
  // Words hold letters, digits and marks only: no `"` to escape, no operator to fear.
  return q.terms.map((t) => `"${t.words.join(" ")}"${t.prefix ? " *" : ""}`).join(" ");
}

/** The text for PostgreSQL's to_tsquery: quoted lexemes, phrases with <->, terms with &. */
export function tsQueryText(q: SearchQuery): string {
  const quote = (w: string) => `'${w.replace(/['\\]/g, (c) => (c === "'" ? "''" : "\\\\"))}'`;
  return q.terms
    .map((t) => `(${t.words.map((w, i) => quote(w) + (t.prefix && i === t.words.length - 1 ? ":*" : "")).join(" <-> ")})`)
    .join(" & ");
}

// ---- the indexed documents, as in the migrations

export type SearchKind = "article" | "quote" | "person" | "organization" | "place";

const ALIASES = { person: ["person_alias", "person_id"], organization: ["organization_alias", "organization_id"], place: ["place_alias", "place_id"] } as const;

/** PostgreSQL: the side tables of articles and quotes, with their owner's id. */
const PG_DOCUMENTS = { article: ["article_search", "article_id"], quote: ["quote_search", "quote_id"] } as const;
/**
 * PostgreSQL: the indexed expressions, character for character as in
 * prisma/postgresql/migrations/*_full_text_search (else the planner cannot use them).
 */
const PG_NAME = `to_tsvector('english'::regconfig, "name")`;
const PG_ALIAS = `to_tsvector('english'::regconfig, "alias")`;

/** SQLite bm25 column weights: title over body, quote over speaker, name over aliases. */
const BM25_WEIGHTS: Record<SearchKind, string> = {
  article: "5.0, 1.0",
  quote: "2.0, 1.0",
  person: "2.0, 1.0",
  organization: "2.0, 1.0",
  place: "2.0, 1.0",
};

/**
 * `SELECT id, score` of every row of `kind` that matches; a higher score is a better match.
 * SQLite: -bm25 (bm25 is lower for better matches). PostgreSQL: ts_rank_cd with
 * length normalization 1 (divided by 1 + log(length)); an entity scores by its best
 * matching name or alias.
 */
export function hitsSql(h: DbHandle, kind: SearchKind, q: SearchQuery | null): Prisma.Sql {
  // No search: every row, all equal (a filtered page that is not a search, `places(filter: {near})`).
  if (q === null) return Prisma.sql`SELECT id, 0 AS score FROM ${Prisma.raw(kind)}`;
  if (h.provider === "sqlite") {
    const fts = Prisma.raw(`${kind}_fts`);
    return Prisma.sql`SELECT rowid AS id, -bm25(${fts}, ${Prisma.raw(BM25_WEIGHTS[kind])}) AS score FROM ${fts} WHERE ${fts} MATCH ${fts5Match(q)}`;
  }
  // The query is written out where it is used (not joined as a function in FROM): a
  // constant to the planner, which then estimates its selectivity and uses the index.
  const tsq = Prisma.sql`to_tsquery('english'::regconfig, ${tsQueryText(q)})`;
  if (kind === "article" || kind === "quote") {
    const [table, owner] = PG_DOCUMENTS[kind];
    return Prisma.sql`SELECT s.${Prisma.raw(owner)} AS id, ts_rank_cd(s.document, ${tsq}, 1)::float8 AS score
      FROM ${Prisma.raw(table)} s WHERE s.document @@ ${tsq}`;
  }
  const [aliases, owner] = ALIASES[kind];
  const name = Prisma.raw(PG_NAME);
  const alias = Prisma.raw(PG_ALIAS);
  return Prisma.sql`SELECT s.id, max(s.score) AS score FROM (
      SELECT t.id, ts_rank_cd(${name}, ${tsq}, 1)::float8 AS score FROM ${Prisma.raw(kind)} t WHERE ${name} @@ ${tsq}
      UNION ALL
      SELECT a.${Prisma.raw(owner)}, ts_rank_cd(${alias}, ${tsq}, 1)::float8 FROM ${Prisma.raw(aliases)} a WHERE ${alias} @@ ${tsq}
    ) s GROUP BY s.id`;
}

// ---- ranked, filtered, keyset pages over the hits

/** One sort key: an SQL expression over `t` (the table) and `h` (the hit, `h.score`). */
export interface SortKey {
  sql: string;
  desc?: boolean;
}

export interface SearchPageRequest {
  kind: SearchKind;
  /** null: every row of `kind` that `where` admits. */
  query: SearchQuery | null;
  /** Conditions on `t`, ANDed. */
  where: Prisma.Sql[];
  /** A total order: it must end with the id. */
  order: SortKey[];
  take: number;
  cursorId?: number;
  backward?: boolean;
  /** Also count the rows that match, from the same ranking (`total`). */
  withTotal?: boolean;
}

export interface SearchIdsPage {
  ids: number[];
  hasMore: boolean;
  /** With `withTotal`: how many rows match, as `searchCount` counts them. */
  total?: number;
  /** A cursor was given and its row is not in the list (the search or filter differs, or it was deleted). */
  cursorMissing: boolean;
}

const conditions = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty);

/** One statement: the ids of a page, in list order. */
export async function searchIds(h: DbHandle, r: SearchPageRequest): Promise<SearchIdsPage> {
  const keys = r.order.map((k, i) => Prisma.raw(`${k.sql} AS k${i}`));
  const same = h.provider === "sqlite" ? "IS" : "IS NOT DISTINCT FROM";
  // Backward pages walk the order reversed from the cursor, then turn around.
  const dirs = r.order.map((k) => (r.backward ? !k.desc : !!k.desc));
  const orderBy = Prisma.raw(dirs.map((desc, i) => `r.k${i} ${desc ? "DESC" : "ASC"}`).join(", "));
  // Rows after the cursor row: equal on the first i keys and beyond it on key i.
  const after = dirs
    .map((desc, i) => [...dirs.slice(0, i).map((_, j) => `r.k${j} ${same} c.k${j}`), `r.k${i} ${desc ? "<" : ">"} c.k${i}`].join(" AND "))
    .map((c) => `(${c})`)
    .join(" OR ");
  const ranked = Prisma.sql`
    WITH hits AS MATERIALIZED (${hitsSql(h, r.kind, r.query)}),
    ranked AS (SELECT t.id, ${Prisma.join(keys)} FROM hits h JOIN ${Prisma.raw(r.kind)} t ON t.id = h.id ${conditions(r.where)})`;
  const limit = r.take + 1;
  // The count reads the ranking the page reads (the matching is done once), on each row.
  const total = r.withTotal ? Prisma.sql`, (SELECT count(*) FROM ranked) AS total` : Prisma.empty;
  type Row = { id: number | bigint | null; total?: number | bigint };
  let rows: Row[];
  if (r.cursorId === undefined) {
    rows = await h.db.$queryRaw<Row[]>`${ranked} SELECT r.id${total} FROM ranked r ORDER BY ${orderBy} LIMIT ${limit}`;
  } else {
    // From the cursor's row (none: an empty result) to the rows after it (none: one row of NULL).
    rows = await h.db.$queryRaw<Row[]>`${ranked},
      cur AS (SELECT * FROM ranked WHERE id = ${r.cursorId})
      SELECT r.id${total} FROM cur c LEFT JOIN ranked r ON ${Prisma.raw(after)} ORDER BY ${orderBy} LIMIT ${limit}`;
    if (rows.length === 0) return { ids: [], hasMore: false, cursorMissing: true };
  }
  const ids = rows.filter((row) => row.id !== null).map((row) => Number(row.id));
  const hasMore = ids.length > r.take;
  const page = ids.slice(0, r.take);
  // No row: nothing matches (a cursor's query always has its row).
  const counted = r.withTotal ? { total: Number(rows[0]?.total ?? 0) } : {};
  return { ids: r.backward ? page.reverse() : page, hasMore, cursorMissing: false, ...counted };
}

/** How many rows match, with the filter. */
export async function searchCount(h: DbHandle, kind: SearchKind, query: SearchQuery | null, where: Prisma.Sql[]): Promise<number> {
  const [row] = await h.db.$queryRaw<{ n: number | bigint }[]>`
    WITH hits AS MATERIALIZED (${hitsSql(h, kind, query)})
    SELECT count(*) AS n FROM hits h JOIN ${Prisma.raw(kind)} t ON t.id = h.id ${conditions(where)}`;
  return Number(row?.n ?? 0);
}

/** Rows in the order of `ids`. */
export function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
