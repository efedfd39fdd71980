// Rows by primary key, many at once: what the per-request loaders batch into. Plain
// SELECTs under Prisma's field names, sent through the request's reads (dialect.ts's
// `Reads`): on PostgreSQL with the other reads of the same tick, as JSON objects (see
// `shapeRow`); on SQLite one statement each, typed as Prisma types its rows.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle, Reads } from "./dialect.ts";
import type { Article, Organization, Person, Place, Quote } from "./records.ts";
import { TYPE_OF_TABLE } from "../domain/entity-types.ts";

/** The rows each table's reads give. */
export interface Rows {
  article: Article;
  person: Person;
  organization: Organization;
  place: Place;
  quote: Quote;
}
export type RowTable = keyof Rows;

/**
 * Every column of each model under its Prisma field name, except an article's body: a
 * page of articles with their bodies is hundreds of kilobytes that most operations never
 * read. Where rows come as JSON, `shapeRow` makes the body a field that loads when GraphQL
 * resolves it; elsewhere `rowsById` reads it along, as Prisma's reads did (apart, it would cost a statement).
 */
const COLUMNS: Record<RowTable, string> = {
  article: `id, title, published_at AS "publishedAt", source_id AS "sourceId", file_name AS "fileName", content_hash AS "contentHash", word_count AS "wordCount", created_at AS "createdAt", url, publisher_id AS "publisherId", authors, language, '' AS minhash`,
  person: `id, name, key, mention_count AS "mentionCount", article_count AS "articleCount"`,
  organization: `id, name, key, mention_count AS "mentionCount", article_count AS "articleCount"`,
  place: `id, name, key, kind, country_code AS "countryCode", region_code AS "regionCode", latitude, longitude, mention_count AS "mentionCount", article_count AS "articleCount"`,
  quote: `id, article_id AS "articleId", text, start_offset AS "start", end_offset AS "end", cue, speaker_name AS "speakerName", speaker_person_id AS "speakerPersonId", speaker_organization_id AS "speakerOrganizationId"`,
};

/** The reads of one request: its dialect's (batched on PostgreSQL), made once per request. */
export const requestReads = (h: DbHandle): Reads => h.dialect.reads(h);

/**
 * The rows of `table` with these ids. An article's body comes along unless rows come as
 * JSON, where `body` loads it apart when GraphQL asks for it (see `shapeRow`).
 */
export async function rowsById<K extends RowTable>(h: DbHandle, reads: Reads, table: K, ids: readonly number[], body: (id: number) => Promise<string>): Promise<Rows[K][]> {
  const columns = table === "article" && !reads.rowJson ? `${COLUMNS.article}, body` : COLUMNS[table];
  const rows = await reads.rows<Record<string, unknown>>(Prisma.sql`SELECT ${Prisma.raw(columns)} FROM ${Prisma.raw(table)} WHERE ${h.dialect.inIds("id", ids)}`);
  return rows.map((row) => shapeRow(table, row, body));
}

/**
 * What a row read as JSON can bring along, so that a page's children and what the query
 * asks of them come in one statement: an entity's aliases, a quote's speaker and article.
 */
export type RowInclude = "aliases" | "speaker" | "article";
export const ROW_INCLUDES: Record<RowTable, readonly RowInclude[]> = {
  article: [], person: ["aliases"], organization: ["aliases"], place: ["aliases"], quote: ["speaker", "article"],
};

/** The include's value for the row of `table` (by its table's name), or undefined where it cannot come along. */
function includeSql(reads: Reads, table: RowTable, include: RowInclude): string | undefined {
  if (include === "aliases" && table !== "article" && table !== "quote") {
    const [aliasTable, owner] = ALIAS_TABLE[TYPE_OF_TABLE[table]];
    return reads.listJson?.(`SELECT alias AS v FROM ${aliasTable} WHERE ${owner} = ${table}.id`, "s.v");
  }
  if (table !== "quote") return undefined;
  if (include === "article") return rowJsonSql(reads, "article", "quote.article_id");
  // A person when the quote names one, else an organization (or NULL).
  const person = rowJsonSql(reads, "person", "quote.speaker_person_id");
  const organization = rowJsonSql(reads, "organization", "quote.speaker_organization_id");
  return person && organization && `CASE WHEN quote.speaker_person_id IS NOT NULL THEN ${person} ELSE ${organization} END`;
}

/** The key of an include in a row's JSON (`includedOf` reads it). */
const includeKey = (include: RowInclude) => `+${include}`;

/**
 * SQL for the JSON of the row of `table` whose id is `id` (an SQL expression), or NULL, where
 * the reads give JSON; with `include`, what it brings along (those its table has).
 */
export function rowJsonSql(reads: Reads, table: RowTable, id: string, include: readonly RowInclude[] = []): string | undefined {
  const extra = include.flatMap((i) => {
    const sql = ROW_INCLUDES[table].includes(i) ? includeSql(reads, table, i) : undefined;
    return sql ? [`, ${sql} AS "${includeKey(i)}"`] : [];
  });
  return reads.rowJson?.(`SELECT ${COLUMNS[table]}${extra.join("")} FROM ${table} WHERE id = ${id}`);
}

/**
 * What a row's JSON brought along (`rowJsonSql`'s `include`). It stays on the row, under
 * keys no field reads: deleting them would turn every such row into a slow dictionary object.
 */
export interface Included {
  aliases?: string[];
  speaker?: Record<string, unknown> | null;
  article?: Record<string, unknown> | null;
}
export const includedOf = (row: Record<string, unknown>): Included => ({
  aliases: row[includeKey("aliases")] as string[] | undefined,
  speaker: row[includeKey("speaker")] as Record<string, unknown> | null | undefined,
  article: row[includeKey("article")] as Record<string, unknown> | null | undefined,
});

/** Bodies of articles (read apart where rows come as JSON). */
export function articleBodies(h: DbHandle, reads: Reads, ids: readonly number[]): Promise<{ id: number; body: string }[]> {
  return reads.rows(Prisma.sql`SELECT id, body FROM article WHERE ${h.dialect.inIds("id", ids)}`);
}

/** A `timestamp` read as JSON (UTC, as Prisma stores DateTime) as a Date; a Date or null stays as is. */
function jsonDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  return typeof value === "string" ? new Date(value.endsWith("Z") ? value : `${value}Z`) : null;
}

/**
 * A row as Prisma returns it: Dates for timestamps. An article read without its `body`
 * gets a function there, which GraphQL's default resolver calls (it calls a source's
 * function-valued fields), so the body is read only when a query selects it.
 */
export function shapeRow<K extends RowTable>(table: K, row: Record<string, unknown>, body: (id: number) => Promise<string>): Rows[K] {
  if (table === "article") {
    row.publishedAt = jsonDate(row.publishedAt);
    row.createdAt = jsonDate(row.createdAt);
    const id = row.id as number;
    if (row.body === undefined) row.body = () => body(id);
  }
  return row as unknown as Rows[K];
}

export const peopleById = (h: DbHandle, ids: readonly number[]) => h.db.person.findMany({ where: { id: { in: [...ids] } } });
export const organizationsById = (h: DbHandle, ids: readonly number[]) => h.db.organization.findMany({ where: { id: { in: [...ids] } } });
export const placesById = (h: DbHandle, ids: readonly number[]) => h.db.place.findMany({ where: { id: { in: [...ids] } } });

/**
 * The article stored with this content hash (its unique ingest key), or the article a copy
 * with this text was recorded under (a near-duplicate, or the same text from another URL), or null.
 */
export async function articleByContentHash(h: DbHandle, contentHash: string) {
  const article = await h.db.article.findUnique({ where: { contentHash } });
  if (article) return article;
  const copy = await h.db.articleCopy.findFirst({ where: { contentHash }, orderBy: { id: "asc" }, select: { article: true } });
  return copy?.article ?? null;
}

export type AliasRow = { ownerId: number; alias: string };

const ALIAS_TABLE = {
  PERSON: ["person_alias", "person_id"],
  ORGANIZATION: ["organization_alias", "organization_id"],
  PLACE: ["place_alias", "place_id"],
} as const;

/** Aliases of many entities of one type, in one statement, each entity's in alias order. */
export async function aliasesOf(h: DbHandle, reads: Reads, type: "PERSON" | "ORGANIZATION" | "PLACE", ids: readonly number[]): Promise<AliasRow[]> {
  const [table, owner] = ALIAS_TABLE[type];
  const rows = await reads.rows<{ ownerId: number | bigint; alias: string }>(
    Prisma.sql`SELECT ${Prisma.raw(owner)} AS "ownerId", alias FROM ${Prisma.raw(table)} WHERE ${h.dialect.inIds(owner, ids)} ORDER BY ${Prisma.raw(owner)}, alias`,
    `q."ownerId", q.alias`,
  );
  return rows.map((r) => ({ ownerId: Number(r.ownerId), alias: r.alias }));
}
