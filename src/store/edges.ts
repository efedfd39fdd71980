// Nested lists (an article's people, a person's articles, ...) for many parents in
// one statement: a window function numbers each parent's children, so a page of
// 50 articles costs one query per list field, not one per article.
// The statement goes out through the request's reads (dialect.ts's `Reads`): on PostgreSQL
// with the request's other reads of the same tick (./postgres/read-batch.ts).
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle, Reads } from "./dialect.ts";
import { rowJsonSql, type RowInclude, type RowTable } from "./by-id.ts";

export interface EdgeRow {
  parentId: number;
  childId: number;
  /** Mentions of the entity in the article, or shared articles for related entities. */
  weight: number;
  /**
   * The child's row as JSON (by-id.ts's `shapeRow` shapes it), where the reads give JSON
   * (`Reads.rowJson`): the loaders keep it, so the children cost no statement of their own.
   */
  child?: Record<string, unknown> | null;
}

export interface EdgeSlice {
  rows: EdgeRow[];
  /** All children of the parent, whatever the slice. */
  total: number;
}

export interface SliceRequest {
  offset: number;
  limit: number;
  /** The last `limit` children (`last` without `before`): `offset` is then ignored. */
  fromEnd?: boolean;
  /** What the children's rows bring along where reads give JSON (by-id.ts's `rowJsonSql`). */
  include?: readonly RowInclude[];
}

/** How a slice is ordered and filtered: the same for every parent of one statement. */
export interface SliceOptions {
  /** One of the kind's EDGE_ORDERS; its first (the default) when absent. */
  order?: string | null;
  /** Kinds with a date (EDGE_ORDERS' `dated`): the article published at or after / before. */
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
}

interface EdgeSql {
  from: string;
  /**
   * Joined only for the orders that read it (the child's name): a join to every child row
   * would make PostgreSQL's cached (generic) plan hash the whole entity table per page.
   */
  orderJoin?: { join: string; orders: readonly string[] };
  parent: string;
  child: string;
  weight: string;
  /** Orders by name, the default first; each a total order (it ends with a unique column). */
  orders: Record<string, string>;
  /** The article's publication date, for kinds whose children are articles or their quotes. */
  dated?: string;
  /** How the default order's first rows are read off an index (`firstRowsSql`), where they can be. */
  first?: FirstRows;
}

/**
 * A kind whose default order an index serves per parent: its first page reads only that
 * page's rows, and the total comes from the parent's own row or an index count, instead of
 * numbering every child of the parent (an entity's whole history, 100 times longer at 300k
 * articles than at 3k).
 */
interface FirstRows {
  /** The parents' table, aliased p. */
  parents: string;
  /** The children's rows (the kind's `x`), the column naming their parent, and their key within it. */
  table: string;
  parent: string;
  key: string;
  /** Index ranges that, one after the other, are the default order: a condition on `y` and its ORDER BY. */
  parts: readonly { where: string; orderBy: string }[];
  /** Joined after `x` for the kind's order and weight. */
  join: string;
  /** The parent's number of children, over `p`. */
  total: string;
}

/** Entities in an article. */
const byMentions = (table: string, parent: string, child: string, entity: string): EdgeSql => ({
  from: `${table} x`,
  orderJoin: { join: ` JOIN ${entity} e ON e.id = x.${child}`, orders: ["NAME_ASC", "NAME_DESC"] },
  parent: `x.${parent}`,
  child: `x.${child}`,
  weight: "x.mention_count",
  orders: {
    MENTION_COUNT_DESC: `x.mention_count DESC, x.first_offset, x.${child}`,
    FIRST_MENTION: `x.first_offset, x.${child}`,
    NAME_ASC: `e.name, x.${child}`,
    NAME_DESC: `e.name DESC, x.${child} DESC`,
  },
});

// Undated articles come last in both directions, as in top-level `articles`.
const articleOrders = {
  PUBLISHED_AT_DESC: "a.published_at DESC NULLS LAST, a.id DESC",
  PUBLISHED_AT_ASC: "a.published_at ASC NULLS LAST, a.id",
  TITLE_ASC: "a.title, a.id",
  TITLE_DESC: "a.title DESC, a.id DESC",
};

/**
 * Articles that mention an entity. Newest first off the mention table's copy of the date
 * (undated last: one index range for the dated, one for the undated), and as many as the
 * entity's article_count.
 */
const byNewestArticle = (table: string, parent: string, entity: string): EdgeSql => ({
  from: `${table} x JOIN article a ON a.id = x.article_id`,
  parent: `x.${parent}`,
  child: "x.article_id",
  weight: "x.mention_count",
  orders: articleOrders,
  dated: "a.published_at",
  first: {
    parents: entity, table, parent, key: "article_id",
    // The undated part orders by the date too: PostgreSQL does not take IS NULL for a constant
    // column of the index, and would sort the range rather than stop at its LIMIT.
    parts: ["y.published_at IS NOT NULL", "y.published_at IS NULL"].map((where) => ({ where, orderBy: "y.published_at DESC, y.article_id DESC" })),
    join: " JOIN article a ON a.id = x.article_id",
    total: "p.article_count",
  },
});

/** Quotes, with their article for its date; a speaker's (`speaker`: the table) in reading order off an index. */
const quotesBy = (parent: string, speaker?: string): EdgeSql => ({
  from: "quote x JOIN article a ON a.id = x.article_id",
  parent: `x.${parent}`,
  child: "x.id",
  weight: "0",
  orders: {
    READING_ORDER: "x.article_id, x.start_offset, x.id",
    PUBLISHED_AT_DESC: "a.published_at DESC NULLS LAST, x.article_id DESC, x.start_offset, x.id",
    PUBLISHED_AT_ASC: "a.published_at ASC NULLS LAST, x.article_id, x.start_offset, x.id",
  },
  dated: "a.published_at",
  ...(speaker && {
    first: {
      parents: speaker, table: "quote", parent, key: "id",
      parts: [{ where: "1 = 1", orderBy: "y.article_id, y.start_offset, y.id" }],
      join: " JOIN article a ON a.id = x.article_id",
      // Counted off the (speaker, ...) index: a speaker's quotes are far fewer than an entity's articles.
      total: `(SELECT COUNT(*) FROM quote c WHERE c.${parent} = p.id)`,
    },
  }),
});

const EDGES = {
  "article.people": byMentions("article_person", "article_id", "person_id", "person"),
  "article.organizations": byMentions("article_organization", "article_id", "organization_id", "organization"),
  "article.places": byMentions("article_place", "article_id", "place_id", "place"),
  "article.quotes": quotesBy("article_id"),
  "person.articles": byNewestArticle("article_person", "person_id", "person"),
  "organization.articles": byNewestArticle("article_organization", "organization_id", "organization"),
  "place.articles": byNewestArticle("article_place", "place_id", "place"),
  "publisher.articles": { from: "article a", parent: "a.publisher_id", child: "a.id", weight: "0", orders: articleOrders, dated: "a.published_at" },
  "person.quotes": quotesBy("speaker_person_id", "person"),
  "organization.quotes": quotesBy("speaker_organization_id", "organization"),
} satisfies Record<string, EdgeSql>;

export type EdgeKind = keyof typeof EDGES;

/** The orders each kind can be read in (its first is the default). */
export const edgeOrders = (kind: EdgeKind): string[] => Object.keys(EDGES[kind].orders);

/** The table of each kind's children. */
export const EDGE_CHILD: Record<EdgeKind, RowTable> = {
  "article.people": "person",
  "article.organizations": "organization",
  "article.places": "place",
  "article.quotes": "quote",
  "person.articles": "article",
  "organization.articles": "article",
  "place.articles": "article",
  "publisher.articles": "article",
  "person.quotes": "quote",
  "organization.quotes": "quote",
};

/** Where the reads give JSON: the JSON of each child in the slice (`row` over `<alias>.child_id`), as `child`. */
function childColumn(slice: SliceRequest, alias: string, row: string | undefined): Prisma.Sql {
  if (row === undefined) return Prisma.empty;
  return Prisma.sql`, CASE WHEN ${inSlice(slice, alias)} THEN ${Prisma.raw(row)} END AS child`;
}

/** Whether the row `alias` (with its `rn` and `total`) lies in the slice. */
function inSlice(slice: SliceRequest, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return slice.fromEnd ? Prisma.sql`${a}.rn > ${a}.total - ${slice.limit}` : Prisma.sql`(${a}.rn > ${slice.offset} AND ${a}.rn <= ${slice.offset + slice.limit})`;
}

/** The same test in JavaScript, on a row read. */
const rowInSlice = (slice: SliceRequest, rn: number, total: number) =>
  slice.fromEnd ? rn > total - slice.limit : rn > slice.offset && rn <= slice.offset + slice.limit;

/** The kind's date filter, as conditions after the parent's. */
function dateConditions(q: EdgeSql, options: SliceOptions): Prisma.Sql {
  if (!q.dated) return Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (options.publishedAfter) parts.push(Prisma.sql` AND ${Prisma.raw(q.dated)} >= ${options.publishedAfter}`);
  if (options.publishedBefore) parts.push(Prisma.sql` AND ${Prisma.raw(q.dated)} < ${options.publishedBefore}`);
  return parts.length ? Prisma.join(parts, "") : Prisma.empty;
}

type RawEdge = {
  parent_id: number | bigint; child_id: number | bigint; weight: number | bigint; rn: number | bigint; total: number | bigint;
  child?: Record<string, unknown> | null;
};

/**
 * The parents of slices: their ids, or the rows of a page read in the same statement
 * (`PageParents`, from ./lists.ts's `entityPageRead`), so that a page's rows and their
 * children's slices come in one statement.
 */
export type Parents = readonly number[] | PageParents;
export interface PageParents {
  /** SELECT of the page's ids (the same rows as the page: same statement, same snapshot). */
  readonly sql: Prisma.Sql;
  /** The page's ids, once it is read. */
  readonly ids: Promise<number[]>;
}
const isPage = (p: Parents): p is PageParents => !Array.isArray(p);

/** `column` is one of the parents. */
function inParents(h: DbHandle, column: string, parents: Parents): Prisma.Sql {
  return isPage(parents) ? Prisma.sql`${Prisma.raw(column)} IN (${parents.sql})` : h.dialect.inIds(column, parents);
}

/** Runs a slice statement through the request's reads. */
function run<R>(sql: Prisma.Sql, reads: Reads): Promise<R[]> {
  return reads.rows<R>(sql, "q.parent_id, q.rn");
}

/**
 * One slice of children for each parent. The first row of every parent is always
 * fetched, so a parent paged past its end still learns its total.
 */
export async function edgeSlices(
  h: DbHandle, reads: Reads, kind: EdgeKind, parentIds: Parents, slice: SliceRequest, options: SliceOptions = {},
): Promise<Map<number, EdgeSlice>> {
  const q: EdgeSql = EDGES[kind];
  const order = options.order ?? Object.keys(q.orders)[0]!;
  const orderSql = q.orders[order];
  if (orderSql === undefined) throw new Error(`${kind} has no order ${order}`);
  const child = childColumn(slice, "t", rowJsonSql(reads, EDGE_CHILD[kind], "t.child_id", slice.include));
  const first = q.first && order === Object.keys(q.orders)[0] && !slice.fromEnd && !options.publishedAfter && !options.publishedBefore ? q.first : undefined;
  // Off the kind's index: only each parent's first rows, the total from the parent's row.
  const [parent, total, from, where] = first
    ? ["p.id", first.total, `${first.parents} p${firstRowsJoin(h, first, slice)}${first.join}`, inParents(h, "p.id", parentIds)]
    : [q.parent, `COUNT(*) OVER (PARTITION BY ${q.parent})`, `${q.from}${q.orderJoin?.orders.includes(order) ? q.orderJoin.join : ""}`,
      Prisma.sql`${inParents(h, q.parent, parentIds)}${dateConditions(q, options)}`];
  const raw = await run<RawEdge>(Prisma.sql`
    SELECT parent_id, child_id, weight, rn, total ${child} FROM (
      SELECT ${Prisma.raw(parent)} AS parent_id, ${Prisma.raw(q.child)} AS child_id, ${Prisma.raw(q.weight)} AS weight,
        ROW_NUMBER() OVER (PARTITION BY ${Prisma.raw(parent)} ORDER BY ${Prisma.raw(orderSql)}) AS rn,
        ${Prisma.raw(total)} AS total
      FROM ${Prisma.raw(from)}
      WHERE ${where}
    ) t
    WHERE rn = 1 OR ${inSlice(slice, "t")}
    ORDER BY parent_id, rn`, reads);
  return collectSlices(parentIds, raw, slice, edgeRow);
}

/** The rows of each parent's first slice.offset + slice.limit children (at least its first, for its total), off the kind's index. */
function firstRowsJoin(h: DbHandle, f: FirstRows, slice: SliceRequest): string {
  const n = Math.max(1, slice.offset + slice.limit);
  return h.dialect.joinFirstRows(f.table, f.parent, f.key, f.parts.map((part) => (select: string) =>
    `SELECT ${select} FROM ${f.table} y WHERE y.${f.parent} = p.id AND ${part.where} ORDER BY ${part.orderBy} LIMIT ${n}`));
}

/** Each parent's slice; a page's parents without children have none here (their callers know the page's ids). */
function collectSlices<R extends Pick<RawEdge, "parent_id" | "rn" | "total">, Row>(parentIds: Parents, raw: R[], slice: SliceRequest, toRow: (r: R) => Row) {
  const out = new Map<number, { rows: Row[]; total: number }>(isPage(parentIds) ? [] : parentIds.map((id) => [id, { rows: [], total: 0 }]));
  for (const r of raw) {
    const parent = Number(r.parent_id);
    let entry = out.get(parent);
    if (!entry && isPage(parentIds)) out.set(parent, (entry = { rows: [], total: 0 }));
    if (!entry) continue;
    entry.total = Number(r.total);
    const rn = Number(r.rn);
    if (rowInSlice(slice, rn, entry.total)) entry.rows.push(toRow(r));
  }
  return out;
}

const edgeRow = (r: RawEdge): EdgeRow => ({
  parentId: Number(r.parent_id), childId: Number(r.child_id), weight: Number(r.weight), ...(r.child !== undefined ? { child: r.child } : {}),
});

// ---- related entities: those that share articles with an entity

export type EntityTable = "person" | "organization" | "place";
export const ENTITY_TABLES: readonly EntityTable[] = ["person", "organization", "place"];
export interface RelatedRow extends EdgeRow {
  childType: EntityTable;
}
export interface RelatedSlice {
  rows: RelatedRow[];
  total: number;
}

/** Each entity type's mention table (article, entity, mention_count). */
export const MENTION_TABLE: Record<EntityTable, { table: string; column: string }> = {
  person: { table: "article_person", column: "person_id" },
  organization: { table: "article_organization", column: "organization_id" },
  place: { table: "article_place", column: "place_id" },
};

const relatedChild = (reads: Reads, include?: readonly RowInclude[]) =>
  reads.rowJson && `CASE r.child_type ${(Object.keys(MENTION_TABLE) as EntityTable[]).map((t) => `WHEN '${t}' THEN ${rowJsonSql(reads, t, "r.child_id", include)}`).join(" ")} END`;

/**
 * Co-occurring entities (of `types`, all three by default), most associated first: by
 * shared articles squared over the other entity's articles, which orders as the cosine
 * (Ochiai) association `shared / sqrt(articles(a) * articles(b))` does for one entity,
 * so that an entity in every article (`United States`) ranks below one met less often
 * but mostly with it; then by shared articles, then mentions in them.
 */
export async function relatedSlices(h: DbHandle, reads: Reads, source: EntityTable, ids: Parents, slice: SliceRequest, types: readonly EntityTable[] = ENTITY_TABLES): Promise<Map<number, RelatedSlice>> {
  const src = MENTION_TABLE[source];
  const parts = types.map((target) => {
    const t = MENTION_TABLE[target];
    const notSelf = target === source ? Prisma.sql`AND o.${Prisma.raw(t.column)} <> s.${Prisma.raw(src.column)}` : Prisma.empty;
    return Prisma.sql`
      SELECT s.${Prisma.raw(src.column)} AS parent_id, ${Prisma.raw(`'${target}'`)} AS child_type, o.${Prisma.raw(t.column)} AS child_id, COUNT(*) AS weight, SUM(o.mention_count) AS strength,
        COUNT(*) * COUNT(*) * 1.0 / (CASE WHEN MAX(c.article_count) > 0 THEN MAX(c.article_count) ELSE 1 END) AS association
      FROM ${Prisma.raw(src.table)} s JOIN ${Prisma.raw(t.table)} o ON o.article_id = s.article_id ${notSelf}
        JOIN ${Prisma.raw(target)} c ON c.id = o.${Prisma.raw(t.column)}
      WHERE ${inParents(h, `s.${src.column}`, ids)}
      GROUP BY s.${Prisma.raw(src.column)}, o.${Prisma.raw(t.column)}`;
  });
  const raw = await run<RawEdge & { child_type: EntityTable }>(Prisma.sql`
    SELECT parent_id, child_type, child_id, weight, rn, total ${childColumn(slice, "r", relatedChild(reads, slice.include))} FROM (
      SELECT u.*, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY association DESC, weight DESC, strength DESC, child_type, child_id) AS rn,
        COUNT(*) OVER (PARTITION BY parent_id) AS total
      FROM (${Prisma.join(parts, " UNION ALL ")}) u
    ) r
    WHERE rn = 1 OR ${inSlice(slice, "r")}
    ORDER BY parent_id, rn`, reads);
  return collectSlices(ids, raw, slice, (r) => ({ ...edgeRow(r), childType: r.child_type }));
}

// ---- an article's entity mentions, with their offsets, for linking names in its body

export interface MentionRow {
  parentId: number;
  start: number;
  end: number;
  /** Null when the entity is gone (an article deleted or re-resolved between two statements). */
  entity: { type: EntityTable; id: number; row?: Record<string, unknown> | null } | null;
}
export interface MentionSlice {
  rows: MentionRow[];
  total: number;
}

const MENTION_ENTITY: Record<string, EntityTable> = { PERSON: "person", ORGANIZATION: "organization", PLACE: "place" };
const mentionChild = (reads: Reads) =>
  reads.rowJson && `CASE m.type ${Object.entries(MENTION_ENTITY).map(([type, table]) => `WHEN '${type}' THEN ${rowJsonSql(reads, table, "m.entity_id")}`).join(" ")} END`;

type RawMention = Pick<RawEdge, "parent_id" | "rn" | "total" | "child"> & { start_offset: number | bigint; end_offset: number | bigint; type: string; entity_id: number | bigint | null };

/**
 * A slice of each article's mentions by start: the window runs over the article's mention
 * rows alone (its primary key's order), and only the slice's rows are joined to their
 * entity, a person or organization through the article's cluster (`target`), a place by key.
 */
export async function mentionSlices(h: DbHandle, reads: Reads, articleIds: readonly number[], slice: SliceRequest): Promise<Map<number, MentionSlice>> {
  const child = mentionChild(reads);
  const raw = await run<RawMention>(Prisma.sql`
    SELECT m.parent_id, m.rn, m.total, m.start_offset, m.end_offset, m.type, m.entity_id
      ${child ? Prisma.sql`, CASE WHEN m.entity_id IS NOT NULL AND ${inSlice(slice, "m")} THEN ${Prisma.raw(child)} END AS child` : Prisma.empty}
    FROM (
      SELECT t.*, CASE t.type WHEN 'PERSON' THEN pe.id WHEN 'ORGANIZATION' THEN o.id ELSE pl.id END AS entity_id
      FROM (
        SELECT x.article_id AS parent_id, x.start_offset, x.end_offset, x.type, x.key,
          ROW_NUMBER() OVER (PARTITION BY x.article_id ORDER BY x.start_offset) AS rn,
          COUNT(*) OVER (PARTITION BY x.article_id) AS total
        FROM entity_mention x
        WHERE ${h.dialect.inIds("x.article_id", articleIds)}
      ) t
      LEFT JOIN entity_cluster c ON t.type <> 'PLACE' AND c.article_id = t.parent_id AND c.type = t.type AND c.key = t.key
      LEFT JOIN person pe ON t.type = 'PERSON' AND pe.key = c.target
      LEFT JOIN organization o ON t.type = 'ORGANIZATION' AND o.key = c.target
      LEFT JOIN place pl ON t.type = 'PLACE' AND pl.key = t.key
      WHERE t.rn = 1 OR ${inSlice(slice, "t")}
    ) m
    ORDER BY m.parent_id, m.rn`, reads);
  return collectSlices(articleIds, raw, slice, (r) => {
    const table = MENTION_ENTITY[r.type];
    const entity = r.entity_id == null || !table ? null : { type: table, id: Number(r.entity_id), ...(r.child !== undefined ? { row: r.child } : {}) };
    return { parentId: Number(r.parent_id), start: Number(r.start_offset), end: Number(r.end_offset), entity };
  });
}
