// Mentions over time: an entity's mentions and articles per day, week or month of the
// articles' publishedAt (`mentionTimeline`), and the entities most mentioned in the
// articles of a date range (`topEntities`). Buckets are UTC: a day starts at midnight, a
// week on Monday, a month on its first day. Each database names the bucket of an article
// as `YYYY-MM-DD` text from its own date functions (SQLite stores instants as ISO 8601
// text in UTC, PostgreSQL as `timestamp` in UTC), so both give the same buckets;
// `bucketStarts` enumerates the same starts in JavaScript, empty buckets included.
// Demonyms are not mentions (README, Places) and count nowhere here.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle, Reads, TimelineInterval } from "./dialect.ts";
import { MENTION_TABLE, type EntityTable } from "./edges.ts";

export type { TimelineInterval } from "./dialect.ts";

const DAY_MS = 86_400_000;

/** The start of the bucket holding `t`. */
export function bucketStart(interval: TimelineInterval, t: Date): Date {
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  switch (interval) {
    case "DAY": return new Date(day);
    // getUTCDay: Sunday 0 ... Saturday 6; days back to Monday: (day + 6) % 7.
    case "WEEK": return new Date(day - ((t.getUTCDay() + 6) % 7) * DAY_MS);
    case "MONTH": return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  }
}

function nextBucket(interval: TimelineInterval, start: Date): Date {
  switch (interval) {
    case "DAY": return new Date(start.getTime() + DAY_MS);
    case "WEEK": return new Date(start.getTime() + 7 * DAY_MS);
    case "MONTH": return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
}

/**
 * The starts of the buckets that cover [from, to), in order; at most `max` + 1 of them
 * (enough for the caller to tell that there are too many).
 */
export function bucketStarts(interval: TimelineInterval, from: Date, to: Date, max: number): Date[] {
  const starts: Date[] = [];
  for (let s = bucketStart(interval, from); s < to && starts.length <= max; s = nextBucket(interval, s)) starts.push(s);
  return starts;
}

/** A bucket's key as the databases write it: `YYYY-MM-DD` of its start. */
export const bucketKey = (start: Date) => start.toISOString().slice(0, 10);

export interface BucketCounts {
  mentionCount: number;
  articleCount: number;
}

export interface TimelineRequest {
  interval: TimelineInterval;
  from: Date;
  to: Date;
}

/**
 * For each entity of `table` in `ids`: its mentions and articles per bucket, counting the
 * articles published at or after `from` and before `to`; by entity id, then bucket key.
 * Buckets without an article are absent. One statement for all the entities.
 */
export async function mentionTimelines(
  h: DbHandle, reads: Reads, table: EntityTable, ids: readonly number[], r: TimelineRequest,
): Promise<Map<number, Map<string, BucketCounts>>> {
  const m = MENTION_TABLE[table];
  const rows = await reads.rows<{ id: number | bigint; bucket: string; mentions: number | bigint | string; articles: number | bigint | string }>(Prisma.sql`
    SELECT x.${Prisma.raw(m.column)} AS id, ${Prisma.raw(h.dialect.bucket(r.interval, "a.published_at"))} AS bucket,
      SUM(x.mention_count) AS mentions, COUNT(*) AS articles
    FROM ${Prisma.raw(m.table)} x JOIN article a ON a.id = x.article_id
    WHERE ${h.dialect.inIds(`x.${m.column}`, ids)} AND a.published_at >= ${h.dialect.instant(r.from)} AND a.published_at < ${h.dialect.instant(r.to)}
    GROUP BY 1, 2`);
  const out = new Map<number, Map<string, BucketCounts>>(ids.map((id) => [id, new Map()]));
  for (const row of rows) {
    out.get(Number(row.id))?.set(row.bucket, { mentionCount: Number(row.mentions), articleCount: Number(row.articles) });
  }
  return out;
}

export type TopEntityOrder = "MENTION_COUNT_DESC" | "ARTICLE_COUNT_DESC";

export interface TopEntityRequest {
  /** null: people, organizations and places together. */
  table: EntityTable | null;
  /** Articles published at or after (null: no lower bound). */
  from: Date | null;
  /** Articles published before (null: no upper bound). */
  to: Date | null;
  order: TopEntityOrder;
  first: number;
}

export interface TopEntityRow extends BucketCounts {
  table: EntityTable;
  id: number;
}

/**
 * The entities most mentioned (or in most articles) among the articles of a date range,
 * with their counts there; ties go to the other count, then by type and id. Without any
 * bound: every article, dated or not, from the counts stored on the entities (their
 * `(mention_count, id)` indexes; the all-time ranking costs no aggregate). One statement.
 */
export async function topEntities(h: DbHandle, r: TopEntityRequest): Promise<TopEntityRow[]> {
  const tables = r.table ? [r.table] : (Object.keys(MENTION_TABLE) as EntityTable[]);
  const [first, second] = r.order === "MENTION_COUNT_DESC" ? ["mentions", "articles"] : ["articles", "mentions"];
  const ranked = (table: EntityTable) => {
    const m = MENTION_TABLE[table];
    const type = Prisma.raw(`'${table}'`);
    if (r.from === null && r.to === null) {
      // Each part brings only its own top rows: LIMIT inside, through the entity's count index.
      const order = Prisma.raw(r.order === "MENTION_COUNT_DESC" ? "mention_count DESC, article_count DESC, id" : "article_count DESC, mention_count DESC, id");
      return Prisma.sql`SELECT * FROM (SELECT ${type} AS type, id, mention_count AS mentions, article_count AS articles FROM ${Prisma.raw(table)}
        ORDER BY ${order} LIMIT ${r.first}) t`;
    }
    const range = [
      ...(r.from ? [Prisma.sql`a.published_at >= ${h.dialect.instant(r.from)}`] : []),
      ...(r.to ? [Prisma.sql`a.published_at < ${h.dialect.instant(r.to)}`] : []),
    ];
    return Prisma.sql`SELECT ${type} AS type, x.${Prisma.raw(m.column)} AS id, SUM(x.mention_count) AS mentions, COUNT(*) AS articles
      FROM article a JOIN ${Prisma.raw(m.table)} x ON x.article_id = a.id
      WHERE ${Prisma.join(range, " AND ")}
      GROUP BY x.${Prisma.raw(m.column)}`;
  };
  const rows = await h.db.$queryRaw<{ type: EntityTable; id: number | bigint; mentions: number | bigint | string; articles: number | bigint | string }[]>`
    SELECT type, id, mentions, articles FROM (${Prisma.join(tables.map(ranked), " UNION ALL ")}) u
    ORDER BY ${Prisma.raw(`${first} DESC, ${second} DESC, type, id`)} LIMIT ${r.first}`;
  return rows.map((row) => ({ table: row.type, id: Number(row.id), mentionCount: Number(row.mentions), articleCount: Number(row.articles) }));
}
