// Top-level pages of articles, entities and quotes, with Prisma's keyset cursors:
// a page is `take` rows after (or before) the row with the cursor id, in a total
// order that always ends with the id.
// With a search, pages come from the full-text index instead (src/store/search.ts):
// ranked by relevance unless another order is asked for, with the same id cursors.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";
import type { Article, Quote } from "./records.ts";
import type { EntityType } from "../domain/entity-types.ts";
import { inOrder, keysetSql, searchCount, searchIds, type SearchKind, type SearchQuery, type SortKey } from "./search.ts";
import { hasGeoFilter, placeGeoSql, scopeSql, scopeWhere, type PlaceGeoFilter, type PlaceScope } from "./places.ts";
import type { Reads } from "./dialect.ts";
import { rowJsonSql, type RowInclude } from "./by-id.ts";
import type { EntityTable, PageParents } from "./edges.ts";

export interface Window {
  take: number;
  /** Id of the row the page starts after (forward) or ends before (backward). */
  cursorId?: number;
  backward?: boolean;
  /** Search pages: count the matching rows in the page's statement (`Page.total`), for a selected totalCount. */
  withTotal?: boolean;
}

export interface Page<T> {
  rows: T[];
  /** More rows exist beyond the page in the direction of travel. */
  hasMore: boolean;
  /** Search pages: the cursor's row is not in the list. */
  cursorMissing?: boolean;
  /** Search pages asked `withTotal`: the rows that match. */
  total?: number;
}

export type SortDirection = "asc" | "desc";

function windowArgs(w: Window) {
  return {
    take: (w.backward ? -1 : 1) * (w.take + 1),
    ...(w.cursorId !== undefined ? { cursor: { id: w.cursorId }, skip: 1 } : {}),
  };
}

/** A page of the full-text hits, then its rows (two statements, whatever the page size). */
async function searchPage<T extends { id: number }>(
  h: DbHandle,
  kind: SearchKind,
  query: SearchQuery | null,
  where: Prisma.Sql[],
  order: SortKey[],
  w: Window,
  fetch: RowsOf<T>,
): Promise<Page<T>> {
  // Where reads give JSON, the rows come in the page's statement (one statement for ids, rows and count).
  const json = fetch.json && fetch.json.reads.rowJson ? fetch.json : undefined;
  const rowsSql = json && rowJsonSql(json.reads, kind, "p.id");
  const page = await searchIds(h, {
    kind, query, where, order, take: w.take, cursorId: w.cursorId, backward: w.backward, withTotal: w.withTotal,
    ...(json && rowsSql ? { rows: { reads: json.reads, json: rowsSql } } : {}),
  });
  const rows = !page.ids.length ? [] : json && page.rows ? json.shape(page.rows) : inOrder(page.ids, await fetch(page.ids));
  return { rows, hasMore: page.hasMore, cursorMissing: page.cursorMissing, ...(page.total !== undefined ? { total: page.total } : {}) };
}

const BY_RELEVANCE: SortKey = { sql: "h.score", desc: true };
/**
 * Entities rank by text match and prominence together: the match score times a weight
 * that grows from 0.18 (one mention) towards 1 (`(1 + m) / (10 + m)`), so that `Donald
 * Trump` (thousands of mentions) comes before `Cheeto Donald Trump` (one) although the
 * shorter text of the latter matches a little better. Every word must match anyway.
 */
const BY_RELEVANCE_AND_PROMINENCE: SortKey = { sql: "h.score * (1.0 + t.mention_count) / (10.0 + t.mention_count)", desc: true };

function toPage<T>(rows: T[], w: Window): Page<T> {
  const hasMore = rows.length > w.take;
  if (!hasMore) return { rows, hasMore };
  // Prisma returns a backward page in forward order; the extra row is then the first.
  return { rows: w.backward ? rows.slice(1) : rows.slice(0, w.take), hasMore };
}

// ---- articles

export interface ArticleFilter {
  search?: SearchQuery | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  personId?: number | null;
  organizationId?: number | null;
  placeId?: number | null;
  /** With placeId: the place with its sub-places (store/places.ts placeScope), instead of the place alone. */
  placeScope?: PlaceScope | null;
  /** With placeId: also the articles that name the place by demonym only (`French officials`). */
  includeDemonyms?: boolean | null;
  publisherId?: number | null;
  /** A whole author name, ignoring case. */
  author?: string | null;
  /** A language tag: its own articles and those of its subtags (`en` takes `en-GB`). */
  language?: string | null;
}

/** RELEVANCE only with a search. */
export type ArticleOrder = "RELEVANCE" | "PUBLISHED_AT_DESC" | "PUBLISHED_AT_ASC" | "TITLE_ASC" | "TITLE_DESC";

/** LIKE's wildcards taken literally (with ESCAPE '!'). */
const likeLiteral = (text: string) => text.replace(/[!%_]/g, "!$&");
/** The authors column's JSON text holds `"Name"`: a LIKE pattern for it. */
const authorPattern = (name: string) => `%${likeLiteral(JSON.stringify(name.toLowerCase()))}%`;

function articleWhere(f: ArticleFilter = {}): Prisma.ArticleWhereInput {
  const where: Prisma.ArticleWhereInput[] = [];
  if (f.publisherId != null) where.push({ publisherId: f.publisherId });
  if (f.language) where.push({ OR: [{ language: f.language }, { language: { startsWith: `${f.language}-` } }] });
  if (f.publishedAfter) where.push({ publishedAt: { gte: f.publishedAfter } });
  if (f.publishedBefore) where.push({ publishedAt: { lt: f.publishedBefore } });
  if (f.personId != null) where.push({ people: { some: { personId: f.personId } } });
  if (f.organizationId != null) where.push({ organizations: { some: { organizationId: f.organizationId } } });
  if (f.placeId != null) {
    if (!f.placeScope && !f.includeDemonyms) where.push({ places: { some: { placeId: f.placeId } } });
    else {
      const place = scopeWhere(f.placeScope ?? { id: f.placeId, countryCode: null, regionCode: null });
      where.push({ OR: [{ places: { some: { place } } }, ...(f.includeDemonyms ? [{ demonyms: { some: { place } } }] : [])] });
    }
  }
  return { AND: where };
}

/** Filters that Prisma's where cannot say alike on both databases (a case-blind LIKE): the ids of matching articles. */
async function articleIdsByAuthor(h: DbHandle, author: string): Promise<number[]> {
  const rows = await h.db.$queryRaw<{ id: number }[]>`SELECT id FROM article WHERE LOWER(authors) LIKE ${authorPattern(author)} ESCAPE '!'`;
  return rows.map((r) => Number(r.id));
}

/** articleWhere with the author filter resolved to ids. */
async function articleWhereFor(h: DbHandle, f: ArticleFilter): Promise<Prisma.ArticleWhereInput> {
  const where = articleWhere(f);
  if (!f.author) return where;
  return { AND: [where, { id: { in: await articleIdsByAuthor(h, f.author) } }] };
}

const ARTICLE_ORDER: Record<Exclude<ArticleOrder, "RELEVANCE">, Prisma.ArticleOrderByWithRelationInput[]> = {
  // Undated articles sort after dated ones in both directions.
  PUBLISHED_AT_DESC: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  PUBLISHED_AT_ASC: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  TITLE_ASC: [{ title: "asc" }, { id: "asc" }],
  TITLE_DESC: [{ title: "desc" }, { id: "desc" }],
};

/** The same orders as sort keys of search pages; ties between equal scores go newest first. */
const ARTICLE_KEYS: Record<ArticleOrder, SortKey[]> = {
  RELEVANCE: [BY_RELEVANCE, { sql: "t.id", desc: true }],
  PUBLISHED_AT_DESC: [{ sql: "t.published_at IS NULL" }, { sql: "t.published_at", desc: true }, { sql: "t.id", desc: true }],
  PUBLISHED_AT_ASC: [{ sql: "t.published_at IS NULL" }, { sql: "t.published_at" }, { sql: "t.id" }],
  TITLE_ASC: [{ sql: "t.title" }, { sql: "t.id" }],
  TITLE_DESC: [{ sql: "t.title", desc: true }, { sql: "t.id", desc: true }],
};

/** The filter but the search, as conditions on the article `t` of a search page. */
function articleSql(f: ArticleFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.publishedAfter) where.push(Prisma.sql`t.published_at >= ${f.publishedAfter}`);
  if (f.publishedBefore) where.push(Prisma.sql`t.published_at < ${f.publishedBefore}`);
  if (f.personId != null) where.push(Prisma.sql`EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = t.id AND x.person_id = ${f.personId})`);
  if (f.organizationId != null) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM article_organization x WHERE x.article_id = t.id AND x.organization_id = ${f.organizationId})`);
  }
  if (f.placeId != null) {
    if (!f.placeScope && !f.includeDemonyms) where.push(Prisma.sql`EXISTS (SELECT 1 FROM article_place x WHERE x.article_id = t.id AND x.place_id = ${f.placeId})`);
    else {
      const place = scopeSql(f.placeScope ?? { id: f.placeId, countryCode: null, regionCode: null });
      const named = Prisma.sql`EXISTS (SELECT 1 FROM article_place x JOIN place p ON p.id = x.place_id WHERE x.article_id = t.id AND ${place})`;
      const demonym = Prisma.sql`EXISTS (SELECT 1 FROM article_demonym x JOIN place p ON p.id = x.place_id WHERE x.article_id = t.id AND ${place})`;
      where.push(f.includeDemonyms ? Prisma.sql`(${named} OR ${demonym})` : named);
    }
  }
  if (f.publisherId != null) where.push(Prisma.sql`t.publisher_id = ${f.publisherId}`);
  if (f.author) where.push(Prisma.sql`LOWER(t.authors) LIKE ${authorPattern(f.author)} ESCAPE '!'`);
  if (f.language) where.push(Prisma.sql`(t.language = ${f.language} OR t.language LIKE ${`${likeLiteral(f.language)}-%`} ESCAPE '!')`);
  return where;
}

/**
 * How a search page reads its rows by id, where the caller has a cheaper way than Prisma's
 * findMany (the request's batched reads: on PostgreSQL straight to pg, a third of Prisma's
 * CPU time).
 */
export type RowsOf<T> = ((ids: number[]) => Promise<T[]>) & {
  /** Where the request's reads give JSON: the page's rows come with its ids, and `shape` makes them rows (in the same order). */
  json?: { reads: Reads; shape: (rows: Record<string, unknown>[]) => T[] };
};

export async function articlePage(h: DbHandle, filter: ArticleFilter, order: ArticleOrder, w: Window, rowsOf?: RowsOf<Article>) {
  if (filter.search) {
    return searchPage(h, "article", filter.search, articleSql(filter), ARTICLE_KEYS[order], w, rowsOf ?? ((ids) => h.db.article.findMany({ where: { id: { in: ids } } })));
  }
  if (order === "RELEVANCE") throw new Error("RELEVANCE needs a search");
  const rows = await h.db.article.findMany({ where: await articleWhereFor(h, filter), orderBy: ARTICLE_ORDER[order], ...windowArgs(w) });
  return toPage(rows, w);
}

export function articleCount(h: DbHandle, filter: ArticleFilter): Promise<number> {
  if (filter.search) return searchCount(h, "article", filter.search, articleSql(filter));
  return articleWhereFor(h, filter).then((where) => h.db.article.count({ where }));
}

// ---- people, organizations, places

export interface EntityFilter {
  search?: SearchQuery | null;
}

/** Places also filter by geography (store/places.ts). */
export interface PlaceFilter extends EntityFilter, PlaceGeoFilter {}

/** RELEVANCE only with a search. */
export type EntityOrder = "RELEVANCE" | "MENTION_COUNT_DESC" | "ARTICLE_COUNT_DESC" | "NAME_ASC" | "NAME_DESC";

const ENTITY_ORDER = {
  MENTION_COUNT_DESC: [{ mentionCount: "desc" }, { id: "asc" }],
  ARTICLE_COUNT_DESC: [{ articleCount: "desc" }, { id: "asc" }],
  NAME_ASC: [{ name: "asc" }, { id: "asc" }],
  NAME_DESC: [{ name: "desc" }, { id: "desc" }],
} as const satisfies Record<Exclude<EntityOrder, "RELEVANCE">, Prisma.PersonOrderByWithRelationInput[]>;

/** Search pages: equal scores go to the most mentioned. */
const ENTITY_KEYS: Record<EntityOrder, SortKey[]> = {
  RELEVANCE: [BY_RELEVANCE_AND_PROMINENCE, { sql: "t.mention_count", desc: true }, { sql: "t.id" }],
  MENTION_COUNT_DESC: [{ sql: "t.mention_count", desc: true }, { sql: "t.id" }],
  ARTICLE_COUNT_DESC: [{ sql: "t.article_count", desc: true }, { sql: "t.id" }],
  NAME_ASC: [{ sql: "t.name" }, { sql: "t.id" }],
  NAME_DESC: [{ sql: "t.name", desc: true }, { sql: "t.id", desc: true }],
};

const plainOrder = (order: EntityOrder) => {
  if (order === "RELEVANCE") throw new Error("RELEVANCE needs a search");
  return [...ENTITY_ORDER[order]];
};

/** Name or any alias matches the search (the full-text index); no search, every entity. */
export async function personPage(h: DbHandle, filter: EntityFilter, order: EntityOrder, w: Window) {
  if (filter.search) return searchPage(h, "person", filter.search, [], ENTITY_KEYS[order], w, (ids) => h.db.person.findMany({ where: { id: { in: ids } } }));
  return toPage(await h.db.person.findMany({ orderBy: plainOrder(order), ...windowArgs(w) }), w);
}
export async function organizationPage(h: DbHandle, filter: EntityFilter, order: EntityOrder, w: Window) {
  if (filter.search) {
    return searchPage(h, "organization", filter.search, [], ENTITY_KEYS[order], w, (ids) => h.db.organization.findMany({ where: { id: { in: ids } } }));
  }
  return toPage(await h.db.organization.findMany({ orderBy: plainOrder(order), ...windowArgs(w) }), w);
}
export async function placePage(h: DbHandle, filter: PlaceFilter, order: EntityOrder, w: Window) {
  if (filter.search || hasGeoFilter(filter)) {
    if (order === "RELEVANCE" && !filter.search) throw new Error("RELEVANCE needs a search");
    return searchPage(h, "place", filter.search ?? null, placeGeoSql(filter), ENTITY_KEYS[order], w, (ids) => h.db.place.findMany({ where: { id: { in: ids } } }));
  }
  return toPage(await h.db.place.findMany({ orderBy: plainOrder(order), ...windowArgs(w) }), w);
}

/** A page of entities read as JSON rows with the request's other reads (`entityPageRead`). */
export interface EntityPageRead {
  /** The page, each row as JSON with what it brings along (by-id.ts's `rowJsonSql`). */
  page: Promise<Page<Record<string, unknown>>>;
  /** With `withTotal`: the rows the filter admits. */
  total?: Promise<number>;
  /** The page's rows as the parents of slices read in the same statement (edges.ts's `Parents`). */
  parents: PageParents;
}

/**
 * Where the reads of one tick share a statement and give JSON (PostgreSQL): a page of
 * entities without a search (places: with or without their geographic filter), its count,
 * and the SQL of its ids, all sent as reads of the request's batch. The caller starts
 * the slices of the page's children in the same tick (`parents`), so a list of places with
 * their articles is one statement, which sees one committed state by itself. Undefined
 * where reads are not batched (SQLite: `personPage` and the others, one statement each).
 */
export function entityPageRead(
  h: DbHandle, reads: Reads, table: EntityTable, filter: PlaceFilter, order: EntityOrder, w: Window, include: readonly RowInclude[] = [],
): EntityPageRead | undefined {
  const row = rowJsonSql(reads, table, "t.id", include);
  if (row === undefined || filter.search || order === "RELEVANCE") return undefined;
  const where = table === "place" ? placeGeoSql(filter) : [];
  const keys = ENTITY_KEYS[order];
  // Backward pages walk the order reversed from the cursor, then turn around (search.ts's keysetSql).
  const keyset = keysetSql(keys, w.backward, h.dialect.notDistinct);
  const key = (i: number) => keys[i]!.sql;
  const conditions = [...where];
  let from = Prisma.sql`${Prisma.raw(table)} t`;
  if (w.cursorId !== undefined) {
    // Rows after the cursor's row (none when it is gone, as Prisma's cursor gives).
    from = Prisma.sql`${from}, (SELECT ${Prisma.raw(keyset.columns)} FROM ${Prisma.raw(table)} t WHERE t.id = ${w.cursorId}) c`;
    conditions.push(Prisma.raw(keyset.after(key)));
  }
  const whereSql = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const window = Prisma.sql`FROM ${from} ${whereSql} ORDER BY ${Prisma.raw(keyset.orderBy(key))} LIMIT ${w.take + 1}`;
  const rows = reads.rows<{ row: Record<string, unknown> }>(Prisma.sql`SELECT ${Prisma.raw(keyset.columns)}, ${Prisma.raw(row)} AS row ${window}`, keyset.orderBy((i) => `q.k${i}`));
  const page = rows.then((found) => {
    const page = toPage(found.map((r) => r.row), { ...w, backward: false });
    // toPage keeps the first `take` rows of the walk; a backward walk then turns around.
    return w.backward ? { ...page, rows: page.rows.reverse() } : page;
  });
  const total = w.withTotal
    ? reads.rows<{ n: number }>(Prisma.sql`SELECT count(*) AS n FROM ${Prisma.raw(table)} t ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}`).then((r) => Number(r[0]?.n ?? 0))
    : undefined;
  const ids = page.then((p) => p.rows.map((r) => Number(r.id)));
  // Read only when slices start from the page: a failed page is the caller's to report (it awaits `page`), not an unhandled rejection here.
  ids.catch(() => undefined);
  return { page, ...(total ? { total } : {}), parents: { sql: Prisma.sql`SELECT t.id ${window}`, ids } };
}

const ENTITY_KIND = { PERSON: "person", ORGANIZATION: "organization", PLACE: "place" } as const satisfies Record<EntityType, SearchKind>;

export function entityCount(h: DbHandle, type: EntityType, filter: PlaceFilter): Promise<number> {
  if (type === "PLACE" && hasGeoFilter(filter)) return searchCount(h, "place", filter.search ?? null, placeGeoSql(filter));
  if (filter.search) return searchCount(h, ENTITY_KIND[type], filter.search, []);
  switch (type) {
    case "PERSON": return h.db.person.count();
    case "ORGANIZATION": return h.db.organization.count();
    case "PLACE": return h.db.place.count();
  }
}

// ---- quotes

export interface QuoteFilter {
  search?: SearchQuery | null;
  speakerPersonId?: number | null;
  speakerOrganizationId?: number | null;
  articleId?: number | null;
  /** The quote's article published at or after / before. */
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
}

/** RELEVANCE only with a search. */
export type QuoteOrder = "RELEVANCE" | "READING_ORDER" | "PUBLISHED_AT_DESC" | "PUBLISHED_AT_ASC";

function quoteWhere(f: QuoteFilter = {}): Prisma.QuoteWhereInput {
  const published = {
    ...(f.publishedAfter ? { gte: f.publishedAfter } : {}),
    ...(f.publishedBefore ? { lt: f.publishedBefore } : {}),
  };
  return {
    ...(f.speakerPersonId != null ? { speakerPersonId: f.speakerPersonId } : {}),
    ...(f.speakerOrganizationId != null ? { speakerOrganizationId: f.speakerOrganizationId } : {}),
    ...(f.articleId != null ? { articleId: f.articleId } : {}),
    ...(f.publishedAfter || f.publishedBefore ? { article: { publishedAt: published } } : {}),
  };
}

/** The quote's article's date, for sort keys and conditions on the quote `t`. */
const QUOTE_PUBLISHED = "(SELECT a.published_at FROM article a WHERE a.id = t.article_id)";

function quoteSql(f: QuoteFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.speakerPersonId != null) where.push(Prisma.sql`t.speaker_person_id = ${f.speakerPersonId}`);
  if (f.speakerOrganizationId != null) where.push(Prisma.sql`t.speaker_organization_id = ${f.speakerOrganizationId}`);
  if (f.articleId != null) where.push(Prisma.sql`t.article_id = ${f.articleId}`);
  if (f.publishedAfter) where.push(Prisma.sql`${Prisma.raw(QUOTE_PUBLISHED)} >= ${f.publishedAfter}`);
  if (f.publishedBefore) where.push(Prisma.sql`${Prisma.raw(QUOTE_PUBLISHED)} < ${f.publishedBefore}`);
  return where;
}

/**
 * A quote's id grows with its article's load and its place in the article, so READING_ORDER
 * is the id. The date orders keep one article's quotes together and in reading order, and
 * put the quotes of undated articles last.
 */
const QUOTE_KEYS: Record<QuoteOrder, SortKey[]> = {
  RELEVANCE: [BY_RELEVANCE, { sql: "t.id" }],
  READING_ORDER: [{ sql: "t.id" }],
  PUBLISHED_AT_DESC: [{ sql: `${QUOTE_PUBLISHED} IS NULL` }, { sql: QUOTE_PUBLISHED, desc: true }, { sql: "t.article_id", desc: true }, { sql: "t.id" }],
  PUBLISHED_AT_ASC: [{ sql: `${QUOTE_PUBLISHED} IS NULL` }, { sql: QUOTE_PUBLISHED }, { sql: "t.article_id" }, { sql: "t.id" }],
};

/**
 * READING_ORDER without a search: Prisma's keyset on the id. With a search, by relevance
 * (the text, then the speaker's name) unless another order is asked for; the date orders
 * go through the same keyset pages as a search (with every quote a hit).
 */
export async function quotePage(h: DbHandle, filter: QuoteFilter, order: QuoteOrder, w: Window, rowsOf?: RowsOf<Quote>) {
  if (filter.search || order !== "READING_ORDER") {
    if (order === "RELEVANCE" && !filter.search) throw new Error("RELEVANCE needs a search");
    return searchPage(h, "quote", filter.search ?? null, quoteSql(filter), QUOTE_KEYS[order], w, rowsOf ?? ((ids) => h.db.quote.findMany({ where: { id: { in: ids } } })));
  }
  const rows = await h.db.quote.findMany({ where: quoteWhere(filter), orderBy: [{ id: "asc" }], ...windowArgs(w) });
  return toPage(rows, w);
}

export function quoteCount(h: DbHandle, filter: QuoteFilter) {
  if (filter.search) return searchCount(h, "quote", filter.search, quoteSql(filter));
  return h.db.quote.count({ where: quoteWhere(filter) });
}

/** Whether the database holds no article yet (npm start seeds it then). */
export async function hasNoArticles(h: DbHandle): Promise<boolean> {
  return (await h.db.article.findFirst({ select: { id: true } })) === null;
}

// ---- live updates: which of the articles just stored a subscription wants (one statement each)

/** Of the articles `ids`, those the filter keeps, by id. */
export async function articlesAmong(h: DbHandle, filter: ArticleFilter, ids: number[]) {
  if (ids.length === 0) return [];
  if (!filter.search) return h.db.article.findMany({ where: { AND: [await articleWhereFor(h, filter), { id: { in: ids } }] }, orderBy: { id: "asc" } });
  const where = [...articleSql(filter), Prisma.sql`t.id IN (${Prisma.join(ids)})`];
  return searchPage(h, "article", filter.search, where, [{ sql: "t.id" }], { take: ids.length }, (found) => h.db.article.findMany({ where: { id: { in: found } } })).then((p) => p.rows);
}

/** The quotes of the articles `articleIds` that the filter keeps, in load order. */
export async function quotesAmong(h: DbHandle, filter: QuoteFilter, articleIds: number[], max: number) {
  if (articleIds.length === 0) return [];
  if (!filter.search) return h.db.quote.findMany({ where: { ...quoteWhere(filter), articleId: { in: articleIds } }, orderBy: { id: "asc" }, take: max });
  const where = [...quoteSql(filter), Prisma.sql`t.article_id IN (${Prisma.join(articleIds)})`];
  return searchPage(h, "quote", filter.search, where, [{ sql: "t.id" }], { take: max }, (found) => h.db.quote.findMany({ where: { id: { in: found } } })).then((p) => p.rows);
}

/** The entity, when any of the articles `articleIds` mentions it. */
export function entityIfMentioned(h: DbHandle, type: EntityType, id: number, articleIds: number[]) {
  const among = { some: { articleId: { in: articleIds } } };
  switch (type) {
    case "PERSON": return h.db.person.findFirst({ where: { id, articles: among } });
    case "ORGANIZATION": return h.db.organization.findFirst({ where: { id, articles: among } });
    case "PLACE": return h.db.place.findFirst({ where: { id, articles: among } });
  }
}
