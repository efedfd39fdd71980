// Full-text search over the databases' own indexes (prisma/<database>/migrations/*_full_text_search):
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
import type { DbHandle, Reads } from "./dialect.ts";
import type { SearchKind, SearchQuery } from "./search-query.ts";

export { MAX_SEARCH_LENGTH, MAX_SEARCH_TERMS, parseSearch, SearchInputError, type SearchKind, type SearchQuery, type SearchTerm } from "./search-query.ts";
export { fts5Match } from "./sqlite/search.ts";
export { tsQueryText } from "./postgres/search.ts";

/**
 * `SELECT id, score` of every row of `kind` that matches; a higher score is a better match
 * (each dialect's ranking: ./sqlite/search.ts, ./postgres/search.ts).
 */
export function hitsSql(h: DbHandle, kind: SearchKind, q: SearchQuery | null): Prisma.Sql {
  // No search: every row, all equal (a filtered page that is not a search, `places(filter: {near})`).
  if (q === null) return Prisma.sql`SELECT id, 0 AS score FROM ${Prisma.raw(kind)}`;
  return h.dialect.hits(kind, q);
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
  /**
   * Where reads give JSON (PostgreSQL): the page's rows come in its statement (`rows`), sent
   * with the request's other reads; `json` is the SQL of a row's JSON over its id `p.id`.
   */
  rows?: { reads: Reads; json: string };
}

export interface SearchIdsPage {
  ids: number[];
  hasMore: boolean;
  /** With `withTotal`: how many rows match, as `searchCount` counts them. */
  total?: number;
  /** A cursor was given and its row is not in the list (the search or filter differs, or it was deleted). */
  cursorMissing: boolean;
  /** With `rows`: the page's rows as JSON, in list order. */
  rows?: Record<string, unknown>[];
}

const conditions = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty);

/**
 * The SQL of a keyset walk over sort keys (a total order ending with the id): the keys as
 * columns `k0, k1...`; an ORDER BY over columns named by `column`; and the condition for
 * the rows after the cursor's row `c` (its keys as `c.k0...`): equal on the first i keys
 * and beyond it on key i. A backward walk runs the order reversed from the cursor; the
 * caller turns its page around.
 */
export function keysetSql(order: SortKey[], backward: boolean | undefined, notDistinct: string) {
  const dirs = order.map((k) => (backward ? !k.desc : !!k.desc));
  return {
    columns: order.map((k, i) => `${k.sql} AS k${i}`).join(", "),
    orderBy: (column: (i: number) => string) => dirs.map((desc, i) => `${column(i)} ${desc ? "DESC" : "ASC"}`).join(", "),
    after: (column: (i: number) => string) =>
      `(${dirs.map((desc, i) => `(${[...dirs.slice(0, i).map((_, j) => `${column(j)} ${notDistinct} c.k${j}`), `${column(i)} ${desc ? "<" : ">"} c.k${i}`].join(" AND ")})`).join(" OR ")})`,
  };
}

/** One statement: the ids of a page, in list order. */
export async function searchIds(h: DbHandle, r: SearchPageRequest): Promise<SearchIdsPage> {
  const keyset = keysetSql(r.order, r.backward, h.dialect.notDistinct);
  const rankedKey = (i: number) => `r.k${i}`;
  const orderBy = Prisma.raw(keyset.orderBy(rankedKey));
  const ranked = Prisma.sql`
    WITH hits AS MATERIALIZED (${hitsSql(h, r.kind, r.query)}),
    ranked AS (SELECT t.id, ${Prisma.raw(keyset.columns)} FROM hits h JOIN ${Prisma.raw(r.kind)} t ON t.id = h.id ${conditions(r.where)})`;
  const limit = r.take + 1;
  // The count reads the ranking the page reads (the matching is done once), on each row.
  const total = r.withTotal ? Prisma.sql`, (SELECT count(*) FROM ranked) AS total` : Prisma.empty;
  type Row = { id: number | bigint | null; total?: number | bigint; row?: Record<string, unknown> | null };
  // The page's keys too where the rows go through the batched reads, which order by them.
  const keyColumns = r.rows ? Prisma.raw(r.order.map((_, i) => `, r.k${i}`).join("")) : Prisma.empty;
  const pageSql = r.cursorId === undefined
    ? Prisma.sql`${ranked} SELECT r.id${keyColumns}${total} FROM ranked r ORDER BY ${orderBy} LIMIT ${limit}`
    // From the cursor's row (none: an empty result) to the rows after it (none: one row of NULL).
    : Prisma.sql`${ranked},
      cur AS (SELECT * FROM ranked WHERE id = ${r.cursorId})
      SELECT r.id${keyColumns}${total} FROM cur c LEFT JOIN ranked r ON ${Prisma.raw(keyset.after(rankedKey))} ORDER BY ${orderBy} LIMIT ${limit}`;
  const rows: Row[] = r.rows
    // The rows' JSON for the page's rows only, after its LIMIT, in the page's order.
    ? await r.rows.reads.rows<Row>(Prisma.sql`SELECT p.*, ${Prisma.raw(r.rows.json)} AS row FROM (${pageSql}) p`,
      keyset.orderBy((i) => `q.k${i}`))
    : await h.db.$queryRaw<Row[]>(pageSql);
  if (r.cursorId !== undefined && rows.length === 0) return { ids: [], hasMore: false, cursorMissing: true };
  const found = rows.filter((row) => row.id !== null);
  const hasMore = found.length > r.take;
  const page = found.slice(0, r.take);
  if (r.backward) page.reverse();
  // No row: nothing matches (a cursor's query always has its row).
  const counted = r.withTotal ? { total: Number(rows[0]?.total ?? 0) } : {};
  const json = r.rows ? { rows: page.flatMap((row) => (row.row ? [row.row] : [])) } : {};
  return { ids: page.map((row) => Number(row.id)), hasMore, cursorMissing: false, ...counted, ...json };
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
