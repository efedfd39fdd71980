// Writes one analysed article and everything it mentions in one transaction, and
// deletes one the same way. Idempotent: the article's content hash is unique, so
// loading a document again, or two loaders racing on it, stores it once. Entity rows
// are native upserts (INSERT .. ON CONFLICT DO UPDATE), atomic on both databases; a
// transaction that loses a race (deadlock, serialization failure, SQLite busy) runs again.
import { Prisma } from "./generated/sqlite/client.ts";
import type { Db } from "./client.ts";
import { withRetry } from "./errors.ts";
import type { ParsedDocument } from "../ingest/types.ts";
import type { ResolvedArticle, ResolvedEntity } from "../resolve/types.ts";
import type { EntityType } from "../extract/types.ts";

export interface ArticleRecord extends ParsedDocument {
  fileName: string;
  contentHash: string;
  wordCount: number;
}

export type SaveResult = { status: "created" | "duplicate"; articleId: number };

type Tx = Prisma.TransactionClient;

export function saveArticle(db: Db, article: ArticleRecord, resolved: ResolvedArticle): Promise<SaveResult> {
  return withRetry(() => saveOnce(db, article, resolved));
}

async function saveOnce(db: Db, article: ArticleRecord, resolved: ResolvedArticle): Promise<SaveResult> {
  const existing = await db.article.findUnique({ where: { contentHash: article.contentHash }, select: { id: true } });
  if (existing) return { status: "duplicate", articleId: existing.id };
  try {
    return await db.$transaction(async (tx) => {
      const { id: articleId } = await tx.article.create({ data: article, select: { id: true } });
      const ids = await upsertEntities(tx, articleId, resolved.entities);
      await createQuotes(tx, articleId, resolved, ids);
      return { status: "created" as const, articleId };
    }, { timeout: 60_000, maxWait: 60_000 });
  } catch (error) {
    // Another loader stored the same content between our check and our insert.
    if (isUniqueViolation(error)) {
      const winner = await db.article.findUnique({ where: { contentHash: article.contentHash }, select: { id: true } });
      if (winner) return { status: "duplicate", articleId: winner.id };
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

type EntityIds = Map<string, number>; // `${type}:${key}` -> id

const entityKey = (type: EntityType, key: string) => `${type}:${key}`;

async function upsertEntities(tx: Tx, articleId: number, entities: ResolvedEntity[]): Promise<EntityIds> {
  const ids: EntityIds = new Map();
  // Upserts run in key order so that concurrent writers lock rows in the same order.
  const sorted = [...entities].sort((a, b) => (a.type + a.key < b.type + b.key ? -1 : 1));
  for (const entity of sorted) {
    ids.set(entityKey(entity.type, entity.key), await upsertEntity(tx, entity));
  }
  const byType = (type: EntityType) => sorted.filter((e) => e.type === type);
  const idOf = (e: ResolvedEntity) => ids.get(entityKey(e.type, e.key))!;
  const people = byType("PERSON");
  const organizations = byType("ORGANIZATION");
  const places = byType("PLACE");
  if (people.length) {
    await tx.articlePerson.createMany({
      data: people.map((e) => ({ articleId, personId: idOf(e), mentionCount: e.mentionCount, firstOffset: e.firstOffset })),
    });
    await insertAliases(tx, "person_alias", "person_id", people, idOf);
  }
  if (organizations.length) {
    await tx.articleOrganization.createMany({
      data: organizations.map((e) => ({ articleId, organizationId: idOf(e), mentionCount: e.mentionCount, firstOffset: e.firstOffset })),
    });
    await insertAliases(tx, "organization_alias", "organization_id", organizations, idOf);
  }
  if (places.length) {
    await tx.articlePlace.createMany({
      data: places.map((e) => ({ articleId, placeId: idOf(e), mentionCount: e.mentionCount, firstOffset: e.firstOffset })),
    });
    await insertAliases(tx, "place_alias", "place_id", places, idOf);
  }
  return ids;
}

/** An atomic INSERT .. ON CONFLICT (Prisma issues a native upsert for a single unique key). */
async function upsertEntity(tx: Tx, e: ResolvedEntity): Promise<number> {
  const counts = { mentionCount: e.mentionCount, articleCount: 1 };
  const increments = { mentionCount: { increment: e.mentionCount }, articleCount: { increment: 1 } };
  const select = { id: true } as const;
  switch (e.type) {
    case "PERSON":
      return (await tx.person.upsert({ where: { key: e.key }, create: { key: e.key, name: e.name, ...counts }, update: increments, select })).id;
    case "ORGANIZATION":
      return (await tx.organization.upsert({ where: { key: e.key }, create: { key: e.key, name: e.name, ...counts }, update: increments, select })).id;
    case "PLACE":
      return (await tx.place.upsert({ where: { key: e.key }, create: { key: e.key, name: e.name, ...counts, ...e.geo }, update: increments, select })).id;
  }
}

// Prisma's createMany cannot skip duplicates on SQLite; ON CONFLICT DO NOTHING reads
// the same on both databases. Table and column names are constants of this module.
async function insertAliases(
  tx: Tx,
  table: "person_alias" | "organization_alias" | "place_alias",
  column: "person_id" | "organization_id" | "place_id",
  entities: ResolvedEntity[],
  idOf: (e: ResolvedEntity) => number,
): Promise<void> {
  const rows = entities.flatMap((e) => [...new Set(e.aliases)].map((alias) => Prisma.sql`(${idOf(e)}, ${alias})`));
  if (!rows.length) return;
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(table)} (${Prisma.raw(column)}, alias) VALUES ${Prisma.join(rows)} ON CONFLICT DO NOTHING`;
}

async function createQuotes(tx: Tx, articleId: number, resolved: ResolvedArticle, ids: EntityIds): Promise<void> {
  if (!resolved.quotes.length) return;
  await tx.quote.createMany({
    data: resolved.quotes.map((q) => {
      const speakerId = q.speaker ? ids.get(entityKey(q.speaker.type, q.speaker.key)) ?? null : null;
      return {
        articleId,
        text: q.text,
        start: q.start,
        end: q.end,
        cue: q.cue,
        speakerName: q.speakerName,
        speakerPersonId: q.speaker?.type === "PERSON" ? speakerId : null,
        speakerOrganizationId: q.speaker?.type === "ORGANIZATION" ? speakerId : null,
      };
    }),
  });
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
