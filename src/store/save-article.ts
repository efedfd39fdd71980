// Writes analysed articles and everything they mention, a batch per transaction, and
// deletes one article the same way. Idempotent: the article's content hash is unique, so
// loading a document again, or two loaders racing on it, stores it once. Entity rows are
// multi-row native upserts (INSERT .. ON CONFLICT DO UPDATE .. RETURNING), atomic on both
// databases, a statement per entity type and batch rather than one per row: Prisma's
// upsert takes one row at a time, and per-row round trips were most of the load time.
// A transaction that loses a race (deadlock, serialization failure, SQLite busy, another
// loader's article) runs again.
import { Prisma } from "./generated/sqlite/client.ts";
import type { Db } from "./client.ts";
import { isUniqueViolation, withRetry } from "./errors.ts";
import type { ParsedDocument } from "../ingest/types.ts";
import type { ResolvedArticle, ResolvedEntity } from "../resolve/types.ts";
import type { EntityType } from "../extract/types.ts";

export interface ArticleRecord extends ParsedDocument {
  fileName: string;
  contentHash: string;
  wordCount: number;
}

export interface ArticleToSave {
  record: ArticleRecord;
  analysis: ResolvedArticle;
}

export type SaveResult = { status: "created" | "duplicate"; articleId: number };

type Tx = Prisma.TransactionClient;

/** Rows per multi-row statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 400;

export async function saveArticle(db: Db, record: ArticleRecord, analysis: ResolvedArticle): Promise<SaveResult> {
  return (await saveArticles(db, [{ record, analysis }]))[0]!;
}

/**
 * Stores a batch of articles in one transaction; the results are in the batch's order.
 * An article already stored, or earlier in the same batch, is a duplicate. Entities
 * take the name and place data of their first article, as if loaded one by one.
 */
export function saveArticles(db: Db, items: ArticleToSave[]): Promise<SaveResult[]> {
  if (items.length === 0) return Promise.resolve([]);
  return withRetry(() => saveOnce(db, items), { attempts: 8 });
}

async function saveOnce(db: Db, items: ArticleToSave[]): Promise<SaveResult[]> {
  // Up to a few rounds: a unique violation on content_hash means another loader stored
  // one of these articles since we looked; the next round sees it as a duplicate.
  for (let round = 1; ; round++) {
    const hashes = [...new Set(items.map((i) => i.record.contentHash))];
    const stored = await db.article.findMany({ where: { contentHash: { in: hashes } }, select: { id: true, contentHash: true } });
    const known = new Map(stored.map((a) => [a.contentHash, a.id]));
    const fresh = new Set<ArticleToSave>();
    const seen = new Set(known.keys());
    for (const item of items) {
      if (seen.has(item.record.contentHash)) continue;
      seen.add(item.record.contentHash);
      fresh.add(item);
    }
    try {
      const created = fresh.size ? await db.$transaction((tx) => insertFresh(tx, [...fresh]), { timeout: 120_000, maxWait: 120_000 }) : new Map<string, number>();
      return items.map((item) => {
        const hash = item.record.contentHash;
        const id = created.get(hash);
        // The first of equal documents in the batch is the created one; the rest are duplicates.
        if (id !== undefined && fresh.has(item)) return { status: "created" as const, articleId: id };
        return { status: "duplicate" as const, articleId: id ?? known.get(hash)! };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || round >= 5) throw error;
    }
  }
}

async function insertFresh(tx: Tx, fresh: ArticleToSave[]): Promise<Map<string, number>> {
  // created_at is given, not left to the column default, which SQLite would write in another format than Prisma's.
  const createdAt = new Date();
  const values = fresh.map(({ record: r }) => Prisma.sql`(${r.title}, ${r.body}, ${r.publishedAt}, ${r.sourceId}, ${r.fileName}, ${r.contentHash}, ${r.wordCount}, ${createdAt})`);
  const articleIds = new Map<string, number>();
  for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) {
    const rows = await tx.$queryRaw<{ id: number | bigint; content_hash: string }[]>`
      INSERT INTO article (title, body, published_at, source_id, file_name, content_hash, word_count, created_at)
      VALUES ${Prisma.join(values.slice(i, i + ROWS_PER_STATEMENT))} RETURNING id, content_hash`;
    for (const row of rows) articleIds.set(row.content_hash, Number(row.id));
  }
  const articles = fresh.map((f) => ({ articleId: articleIds.get(f.record.contentHash)!, analysis: f.analysis }));
  const ids = await upsertEntities(tx, articles);
  await createMentions(tx, articles, ids);
  await createQuotes(tx, articles, ids);
  return articleIds;
}

type Saved = { articleId: number; analysis: ResolvedArticle };
type EntityIds = Map<string, number>; // `${type}:${key}` -> id

const entityKey = (type: EntityType, key: string) => `${type}:${key}`;

const ENTITY_TABLES = {
  PERSON: { table: "person", mentions: "article_person", aliases: "person_alias", column: "person_id" },
  ORGANIZATION: { table: "organization", mentions: "article_organization", aliases: "organization_alias", column: "organization_id" },
  PLACE: { table: "place", mentions: "article_place", aliases: "place_alias", column: "place_id" },
} as const;

/** One entity's row across the batch: first article's name and place data, summed counts. */
interface EntityRow {
  first: ResolvedEntity;
  mentionCount: number;
  articleCount: number;
}

async function upsertEntities(tx: Tx, articles: Saved[]): Promise<EntityIds> {
  const rows = new Map<string, EntityRow>();
  for (const { analysis } of articles) {
    for (const e of analysis.entities) {
      const k = entityKey(e.type, e.key);
      const row = rows.get(k);
      if (row) {
        row.mentionCount += e.mentionCount;
        row.articleCount += 1;
      } else rows.set(k, { first: e, mentionCount: e.mentionCount, articleCount: 1 });
    }
  }
  const ids: EntityIds = new Map();
  // Rows go in key order so that concurrent writers lock them in the same order.
  for (const type of ["PERSON", "ORGANIZATION", "PLACE"] as const) {
    const ofType = [...rows.values()].filter((r) => r.first.type === type).sort((a, b) => (a.first.key < b.first.key ? -1 : a.first.key > b.first.key ? 1 : 0));
    for (let i = 0; i < ofType.length; i += ROWS_PER_STATEMENT) {
      for (const r of await upsertRows(tx, type, ofType.slice(i, i + ROWS_PER_STATEMENT))) ids.set(entityKey(type, r.key), Number(r.id));
    }
  }
  return ids;
}

// Table and column names are constants of this module; values are parameters.
function upsertRows(tx: Tx, type: EntityType, rows: EntityRow[]): Promise<{ id: number | bigint; key: string }[]> {
  const table = Prisma.raw(ENTITY_TABLES[type].table);
  const counts = Prisma.sql`mention_count = ${table}.mention_count + excluded.mention_count, article_count = ${table}.article_count + excluded.article_count`;
  if (type === "PLACE") {
    // `kind` is an enum column on PostgreSQL: its type comes from the column, as a text parameter.
    const values = rows.map(({ first: e, mentionCount, articleCount }) => {
      const geo = e.geo ?? { kind: "OTHER", countryCode: null, latitude: null, longitude: null };
      return Prisma.sql`(${e.key}, ${e.name}, ${mentionCount}, ${articleCount}, ${geo.kind}, ${geo.countryCode}, ${geo.latitude}, ${geo.longitude})`;
    });
    return tx.$queryRaw`
      INSERT INTO place (key, name, mention_count, article_count, kind, country_code, latitude, longitude) VALUES ${Prisma.join(values)}
      ON CONFLICT (key) DO UPDATE SET ${counts} RETURNING id, key`;
  }
  const values = rows.map(({ first: e, mentionCount, articleCount }) => Prisma.sql`(${e.key}, ${e.name}, ${mentionCount}, ${articleCount})`);
  return tx.$queryRaw`
    INSERT INTO ${table} (key, name, mention_count, article_count) VALUES ${Prisma.join(values)}
    ON CONFLICT (key) DO UPDATE SET ${counts} RETURNING id, key`;
}

async function createMentions(tx: Tx, articles: Saved[], ids: EntityIds): Promise<void> {
  for (const type of ["PERSON", "ORGANIZATION", "PLACE"] as const) {
    const mentions: Prisma.Sql[] = [];
    const aliases = new Map<string, [number, string]>();
    for (const { articleId, analysis } of articles) {
      for (const e of analysis.entities) {
        if (e.type !== type) continue;
        const id = ids.get(entityKey(type, e.key))!;
        mentions.push(Prisma.sql`(${articleId}, ${id}, ${e.mentionCount}, ${e.firstOffset})`);
        for (const alias of e.aliases) aliases.set(`${id}\u0000${alias}`, [id, alias]);
      }
    }
    const { mentions: table, column } = ENTITY_TABLES[type];
    await insertRows(tx, Prisma.sql`INSERT INTO ${Prisma.raw(table)} (article_id, ${Prisma.raw(column)}, mention_count, first_offset) VALUES `, mentions);
    const { aliases: aliasTable } = ENTITY_TABLES[type];
    // Prisma's createMany cannot skip duplicates on SQLite; ON CONFLICT DO NOTHING reads the same on both databases.
    const aliasRows = [...aliases.values()].map(([id, alias]) => Prisma.sql`(${id}, ${alias})`);
    await insertRows(tx, Prisma.sql`INSERT INTO ${Prisma.raw(aliasTable)} (${Prisma.raw(column)}, alias) VALUES `, aliasRows, Prisma.sql` ON CONFLICT DO NOTHING`);
  }
}

/**
 * Multi-row INSERTs, ROWS_PER_STATEMENT rows each. Raw SQL rather than Prisma's
 * createMany: for the tens of thousands of small rows of a corpus, createMany's
 * per-row work in the client was five times the database's.
 */
async function insertRows(tx: Tx, head: Prisma.Sql, rows: Prisma.Sql[], tail: Prisma.Sql = Prisma.empty): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await tx.$executeRaw`${head}${Prisma.join(rows.slice(i, i + ROWS_PER_STATEMENT))}${tail}`;
  }
}

async function createQuotes(tx: Tx, articles: Saved[], ids: EntityIds): Promise<void> {
  const rows = articles.flatMap(({ articleId, analysis }) =>
    analysis.quotes.map((q) => {
      const speakerId = q.speaker ? ids.get(entityKey(q.speaker.type, q.speaker.key)) ?? null : null;
      const person = q.speaker?.type === "PERSON" ? speakerId : null;
      const organization = q.speaker?.type === "ORGANIZATION" ? speakerId : null;
      return Prisma.sql`(${articleId}, ${q.text}, ${q.start}, ${q.end}, ${q.cue}, ${q.speakerName}, ${person}, ${organization})`;
    }),
  );
  await insertRows(tx, Prisma.sql`INSERT INTO quote (article_id, text, start_offset, end_offset, cue, speaker_name, speaker_person_id, speaker_organization_id) VALUES `, rows);
}

// ---- delete

export type DeleteResult = { deleted: false } | { deleted: true; title: string; removedEntities: number };

const MENTIONS = [
  { mentions: "article_person", column: "person_id", entity: "person" },
  { mentions: "article_organization", column: "organization_id", entity: "organization" },
  { mentions: "article_place", column: "place_id", entity: "place" },
] as const;

/**
 * Deletes an article, its mentions and quotes in one transaction; the entities it
 * mentioned lose its mentions from their counts, and those left with no article are
 * deleted (their aliases with them). Aliases first seen in this article stay on the
 * entities that remain: the store does not record which article an alias came from.
 */
export function deleteArticle(db: Db, articleId: number): Promise<DeleteResult> {
  return withRetry(() => db.$transaction((tx) => deleteOnce(tx, articleId), { timeout: 60_000, maxWait: 60_000 }));
}

type Row = { id: number | bigint; mention_count: number | bigint };

async function deleteOnce(tx: Tx, articleId: number): Promise<DeleteResult> {
  // Every statement writes, the first one included: a SQLite transaction that read
  // first could not take the write lock after another connection's commit. The mention
  // rows are deleted with RETURNING, so a concurrent delete of the same article finds
  // none left to subtract.
  let removedEntities = 0;
  const touched: { entity: (typeof MENTIONS)[number]["entity"]; ids: number[] }[] = [];
  for (const m of MENTIONS) {
    const rows = await tx.$queryRaw<Row[]>`
      DELETE FROM ${Prisma.raw(m.mentions)} WHERE article_id = ${articleId}
      RETURNING ${Prisma.raw(m.column)} AS id, mention_count`;
    const sorted = rows.map((r) => ({ id: Number(r.id), mentions: Number(r.mention_count) })).sort((a, b) => a.id - b.id);
    for (const r of sorted) {
      await tx.$executeRaw`
        UPDATE ${Prisma.raw(m.entity)} SET mention_count = mention_count - ${r.mentions}, article_count = article_count - 1
        WHERE id = ${r.id}`;
    }
    touched.push({ entity: m.entity, ids: sorted.map((r) => r.id) });
  }
  await tx.$executeRaw`DELETE FROM quote WHERE article_id = ${articleId}`;
  const deleted = await tx.$queryRaw<{ title: string }[]>`DELETE FROM article WHERE id = ${articleId} RETURNING title`;
  if (deleted.length === 0) return { deleted: false };
  for (const { entity, ids } of touched) {
    if (!ids.length) continue;
    // Aliases go by ON DELETE CASCADE; quotes elsewhere that named it as speaker keep their text (SET NULL).
    removedEntities += await tx.$executeRaw`
      DELETE FROM ${Prisma.raw(entity)} WHERE id IN (${Prisma.join(ids)}) AND article_count <= 0`;
  }
  return { deleted: true, title: deleted[0]!.title, removedEntities };
}
