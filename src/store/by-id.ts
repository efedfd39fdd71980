// Rows by primary key, many at once: what the per-request loaders batch into. On
// PostgreSQL with a ReadBatch they are plain SELECTs sent with the request's other reads
// of the same tick (./read-batch.ts), as JSON objects under Prisma's field names (see
// `fromJson`); otherwise Prisma's queries.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";
import { jsonDate, type ReadBatch } from "./read-batch.ts";

export type RowTable = "article" | "person" | "organization" | "place" | "quote";

/**
 * Every column of each model under its Prisma field name, except an article's body: a
 * page of articles with their bodies is hundreds of kilobytes that most operations never
 * read. `fromJson` makes the body a field that loads when GraphQL resolves it.
 */
const COLUMNS: Record<RowTable, string> = {
  article: `id, title, published_at AS "publishedAt", source_id AS "sourceId", file_name AS "fileName", content_hash AS "contentHash", word_count AS "wordCount", created_at AS "createdAt", url, publisher_id AS "publisherId", authors, language, '' AS minhash`,
  person: `id, name, key, mention_count AS "mentionCount", article_count AS "articleCount"`,
  organization: `id, name, key, mention_count AS "mentionCount", article_count AS "articleCount"`,
  place: `id, name, key, kind, country_code AS "countryCode", region_code AS "regionCode", latitude, longitude, mention_count AS "mentionCount", article_count AS "articleCount"`,
  quote: `id, article_id AS "articleId", text, start_offset AS "start", end_offset AS "end", cue, speaker_name AS "speakerName", speaker_person_id AS "speakerPersonId", speaker_organization_id AS "speakerOrganizationId"`,
};

/** The rows of `table` with these ids, as JSON (PostgreSQL, batched). */
export function rowsById(reads: ReadBatch, table: RowTable, ids: readonly number[]): Promise<Record<string, unknown>[]> {
  return reads.rows(Prisma.sql`SELECT ${Prisma.raw(COLUMNS[table])} FROM ${Prisma.raw(table)} WHERE id = ANY(${[...ids]}::int[])`);
}

/** SQL for the JSON of the row of `table` whose id is `id` (an SQL expression), or NULL. */
export function rowJsonSql(table: RowTable, id: string): string {
  return `(SELECT to_json(c) FROM (SELECT ${COLUMNS[table]} FROM ${table} WHERE id = ${id}) c)`;
}

/** Bodies of articles (PostgreSQL, batched). */
export function articleBodies(reads: ReadBatch, ids: readonly number[]): Promise<{ id: number; body: string }[]> {
  return reads.rows(Prisma.sql`SELECT id, body FROM article WHERE id = ANY(${[...ids]}::int[])`);
}

/**
 * A row from JSON as Prisma returns it: Dates for timestamps. An article's `body` is a
 * function GraphQL's default resolver calls (it calls a source's function-valued fields),
 * so the body is read only when a query selects it.
 */
export function fromJson<T>(table: RowTable, row: Record<string, unknown>, body: (id: number) => Promise<string>): T {
  if (table === "article") {
    row.publishedAt = jsonDate(row.publishedAt);
    row.createdAt = jsonDate(row.createdAt);
    const id = row.id as number;
    row.body = () => body(id);
  }
  return row as T;
}

export const articlesById = (h: DbHandle, ids: readonly number[]) => h.db.article.findMany({ where: { id: { in: [...ids] } } });
export const peopleById = (h: DbHandle, ids: readonly number[]) => h.db.person.findMany({ where: { id: { in: [...ids] } } });
export const organizationsById = (h: DbHandle, ids: readonly number[]) => h.db.organization.findMany({ where: { id: { in: [...ids] } } });
export const placesById = (h: DbHandle, ids: readonly number[]) => h.db.place.findMany({ where: { id: { in: [...ids] } } });
export const quotesById = (h: DbHandle, ids: readonly number[]) => h.db.quote.findMany({ where: { id: { in: [...ids] } } });

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
export async function aliasesOf(h: DbHandle, type: "PERSON" | "ORGANIZATION" | "PLACE", ids: readonly number[], reads?: ReadBatch): Promise<AliasRow[]> {
  if (reads) {
    const [table, owner] = ALIAS_TABLE[type];
    return reads.rows<AliasRow>(Prisma.sql`SELECT ${Prisma.raw(owner)} AS "ownerId", alias FROM ${Prisma.raw(table)} WHERE ${Prisma.raw(owner)} = ANY(${[...ids]}::int[])`, `q."ownerId", q.alias`);
  }
  const where = { in: [...ids] };
  switch (type) {
    case "PERSON":
      return (await h.db.personAlias.findMany({ where: { personId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.personId, alias: r.alias }));
    case "ORGANIZATION":
      return (await h.db.organizationAlias.findMany({ where: { organizationId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.organizationId, alias: r.alias }));
    case "PLACE":
      return (await h.db.placeAlias.findMany({ where: { placeId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.placeId, alias: r.alias }));
  }
}
