// Writes analysed articles and everything they mention, a batch per transaction, and
// deletes one article the same way. Idempotent: the article's content hash is unique, so
// loading a document again, or two loaders racing on it, stores it once. Entity rows are
// multi-row native upserts (INSERT .. ON CONFLICT DO UPDATE .. RETURNING), atomic on both
// databases, a statement per entity type and batch rather than one per row: Prisma's
// upsert takes one row at a time, and per-row round trips were most of the load time.
// A transaction that loses a race (deadlock, serialization failure, SQLite busy, another
// loader's article) runs again.
import { Prisma } from "./generated/sqlite/client.ts";
import type { Column, Dialect, DbHandle } from "./dialect.ts";
import { isUniqueViolation, withRetry } from "./errors.ts";
import type { ArticleRecord, ArticleToSave } from "../domain/article-record.ts";
import type { ResolvedArticle, ResolvedEntity } from "../domain/resolved.ts";
import type { EntityType } from "../domain/entity-types.ts";
import { emptyTouched, linkNames, resolveTouched, type ClusterType, type Touched } from "./corpus-resolution.ts";
import { publishStoreEvent } from "./events.ts";
import { copyKey, planBatch, type Decision, type StoredArticle, type Target } from "./copies.ts";
import { publisherKey } from "../domain/publisher.ts";


/**
 * `created` a new article; `updated` its text went into a stored article (the same URL with
 * a changed text, or a near-duplicate that ranks first, whose old text became a copy);
 * `copy` recorded as another copy of the article; `duplicate` nothing new.
 */
/** `displaced`: an `updated` article's stored text ranked after the newcomer's and became its copy. */
export type SaveResult = { status: "created" | "updated" | "copy" | "duplicate"; articleId: number; displaced?: true };

type Tx = Prisma.TransactionClient;

export async function saveArticle(store: DbHandle, record: ArticleRecord, analysis: ResolvedArticle): Promise<SaveResult> {
  return (await saveArticles(store, [{ record, analysis }]))[0]!;
}

/**
 * Stores a batch of articles in one transaction (on the store's writer); the results
 * are in the batch's order. An article already stored, or earlier in the same batch, is
 * a duplicate. People and organizations are resolved over the corpus in the same
 * transaction (./corpus-resolution.ts); places take the name and data of their first
 * article, as if loaded one by one.
 */
export function saveArticles(store: DbHandle, items: ArticleToSave[]): Promise<SaveResult[]> {
  if (items.length === 0) return Promise.resolve([]);
  return withRetry(() => saveOnce(store, items), { attempts: 8 }).then(async (results) => {
    // After the commit: subscribers re-read what the event names (./events.ts).
    await publishStoreEvent(store, { articleIds: results.filter((r) => r.status === "created").map((r) => r.articleId) });
    return results;
  });
}

async function saveOnce(store: DbHandle, items: ArticleToSave[]): Promise<SaveResult[]> {
  const db = store.writer;
  // Up to a few rounds: a unique violation means another writer got in first; the next
  // round sees its rows.
  for (let round = 1; ; round++) {
    try {
      return await db.$transaction(
        async (tx) => {
          // Writers take turns, so that each decides on copies against everything stored before
          // it: an advisory lock on PostgreSQL; on SQLite a first write statement takes the
          // database's write lock (a transaction that read first could not take it later).
          await store.dialect.lockWriters(tx, INGEST_LOCK);
          const decisions = await planBatch(tx, items);
          return writeBatch(new Writer(tx, store.dialect), items, decisions);
        },
        { timeout: 120_000, maxWait: 120_000 },
      );
    } catch (error) {
      if (!isUniqueViolation(error) || round >= 5) throw error;
    }
  }
}

/** The lock key of the article writers ("newsgraph ingest"), where the database takes one. */
const INGEST_LOCK = 0x6e657773;

async function writeBatch(w: Writer, items: ArticleToSave[], decisions: Decision[]): Promise<SaveResult[]> {
  const publishers = await upsertPublishers(w, items.filter((_, i) => decisions[i]!.kind !== "duplicate").map((i) => i.record.publisher));
  const publisherId = (name: string | null) => (name ? publishers.get(publisherKey(name))! : null);
  // Rows that take a new text lose the old one's mentions, clusters, quotes and bands first.
  const detached: Detached[] = [];
  const replaced: Saved[] = [];
  const copies: unknown[][] = [];
  const createdAt = w.time(new Date());
  for (const [i, d] of decisions.entries()) {
    if (d.kind !== "replace") continue;
    const r = items[i]!.record;
    detached.push(await detach(w.tx, d.articleId));
    if (d.demoted) copies.push(copyRow(w, d.articleId, d.demoted, d.similarity, createdAt));
    await w.tx.$executeRaw`
      UPDATE article SET title = ${r.title}, body = ${r.body}, published_at = ${r.publishedAt}, source_id = ${r.sourceId}, file_name = ${r.fileName},
        content_hash = ${r.contentHash}, word_count = ${r.wordCount}, url = ${r.url}, publisher_id = ${publisherId(r.publisher)},
        authors = ${JSON.stringify(r.authors)}, language = ${r.language}, minhash = ${r.minhash}
      WHERE id = ${d.articleId}`;
    replaced.push({ articleId: d.articleId, analysis: items[i]!.analysis, bands: r.bands });
  }
  const fresh = items.filter((_, i) => decisions[i]!.kind === "insert");
  const created = await insertFresh(w, fresh, publisherId, replaced, detached);
  const idOf = (t: Target) => ("articleId" in t ? t.articleId : created.get(items[t.item]!.record.contentHash)!);
  for (const [i, d] of decisions.entries()) {
    if (d.kind !== "copy") continue;
    const r = items[i]!.record;
    const stored = { ...r, id: 0, publisherId: publisherId(r.publisher), authors: JSON.stringify(r.authors) } satisfies StoredArticle & object;
    copies.push(copyRow(w, idOf(d.of), stored, d.similarity, createdAt));
  }
  await w.insert("article_copy", COPY_COLUMNS, copies, { onConflict: "(copy_key) DO NOTHING" });
  await removeUnmentionedPlaces(w.tx, detached);
  return decisions.map((d, i) => {
    switch (d.kind) {
      case "insert": return { status: "created" as const, articleId: created.get(items[i]!.record.contentHash)! };
      case "replace": return { status: "updated" as const, articleId: d.articleId, ...(d.demoted ? { displaced: true as const } : {}) };
      case "copy": return { status: "copy" as const, articleId: idOf(d.of) };
      case "duplicate": return { status: "duplicate" as const, articleId: idOf(d.of) };
    }
  });
}

const COPY_COLUMNS: Column[] = [
  ["article_id", "int4"], ["title", "text"], ["url", "text"], ["publisher_id", "int4"], ["authors", "text"], ["published_at", "timestamp(3)"],
  ["file_name", "text"], ["content_hash", "text"], ["copy_key", "text"], ["similarity", "float8"], ["created_at", "timestamp(3)"],
];

function copyRow(w: Writer, articleId: number, a: StoredArticle, similarity: number, createdAt: Date | string | null): unknown[] {
  return [articleId, a.title, a.url, a.publisherId, a.authors, w.time(a.publishedAt), a.fileName, a.contentHash, copyKey(a.contentHash, a.url), similarity, createdAt];
}

/** Publishers by key, created when new; name from the first spelling seen. */
async function upsertPublishers(w: Writer, names: (string | null)[]): Promise<Map<string, number>> {
  const byKey = new Map<string, string>();
  for (const name of names) if (name && !byKey.has(publisherKey(name))) byKey.set(publisherKey(name), name);
  const rows = [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, name]) => [key, name]);
  const upserted = await w.insert<{ id: number | bigint; key: string }>("publisher", [["key", "text"], ["name", "text"]], rows, {
    // DO UPDATE (to the same value) rather than DO NOTHING, so that RETURNING gives existing rows too.
    onConflict: "(key) DO UPDATE SET key = excluded.key",
    returning: "id, key",
  });
  return new Map(upserted.map((r) => [r.key, Number(r.id)]));
}

/**
 * Multi-row INSERTs in raw SQL rather than Prisma's createMany, whose per-row work in the
 * client was five times the database's: each dialect sends the rows as a few parameters
 * (arrays read by unnest on PostgreSQL, JSON read by json_each on SQLite). Table and column
 * names are constants of this module; values are parameters.
 */
/** Rows built at once by Writer.insertEach: far more than a news article has, a tenth of a 5 MB document's mentions. */
const ROWS_AT_ONCE = 10_000;

class Writer {
  constructor(
    readonly tx: Tx,
    readonly dialect: Dialect,
  ) {}

  /** Inserts the rows, with an ON CONFLICT clause if given; `returning` columns come back as rows. */
  async insert<T = never>(table: string, columns: readonly Column[], rows: unknown[][], options: { onConflict?: string; returning?: string } = {}): Promise<T[]> {
    if (rows.length === 0) return [];
    const head = `INSERT INTO ${table} (${columns.map(([name]) => name).join(", ")})`;
    const tail = `${options.onConflict ? ` ON CONFLICT ${options.onConflict}` : ""}${options.returning ? ` RETURNING ${options.returning}` : ""}`;
    return this.dialect.insert<T>(this.tx, head, columns, rows, tail, options.returning !== undefined);
  }

  /**
   * Inserts the rows as `insert` does, ROWS_AT_ONCE at a time, taking them from `rows` as it
   * goes: the rows of a very large article (a 5 MB document's 130,000 mentions) are built and
   * sent a slice at a time, not held all at once with the statements made of them.
   */
  async insertEach(table: string, columns: readonly Column[], rows: Iterable<unknown[]>): Promise<void> {
    let slice: unknown[][] = [];
    for (const row of rows) {
      slice.push(row);
      if (slice.length < ROWS_AT_ONCE) continue;
      await this.insert(table, columns, slice);
      slice = [];
    }
    await this.insert(table, columns, slice);
  }

  /** A timestamp value for `insert`, as the dialect binds it. */
  time(date: Date | null): Date | string | null {
    return this.dialect.time(date);
  }
}

const ARTICLE_COLUMNS: Column[] = [
  ["title", "text"], ["body", "text"], ["published_at", "timestamp(3)"], ["source_id", "text"],
  ["file_name", "text"], ["content_hash", "text"], ["word_count", "int4"], ["created_at", "timestamp(3)"],
  ["url", "text"], ["publisher_id", "int4"], ["authors", "text"], ["language", "text"], ["minhash", "text"],
];

/**
 * Inserts the new articles, then the analyses of those and of `replaced` (rows that took a
 * new text, whose old analysis `detached` removed); people and organizations are resolved
 * over the corpus for both.
 */
async function insertFresh(
  w: Writer, fresh: ArticleToSave[], publisherId: (name: string | null) => number | null, replaced: Saved[] = [], detached: Detached[] = [],
): Promise<Map<string, number>> {
  // created_at is given, not left to the column default, which SQLite would write in another format than Prisma's.
  const createdAt = w.time(new Date());
  const rows = fresh.map(({ record: r }) => [
    r.title, r.body, w.time(r.publishedAt), r.sourceId, r.fileName, r.contentHash, r.wordCount, createdAt,
    r.url, publisherId(r.publisher), JSON.stringify(r.authors), r.language, r.minhash,
  ]);
  const inserted = await w.insert<{ id: number | bigint; content_hash: string }>("article", ARTICLE_COLUMNS, rows, { returning: "id, content_hash" });
  const articleIds = new Map(inserted.map((row) => [row.content_hash, Number(row.id)]));
  const articles = [...fresh.map((f) => ({ articleId: articleIds.get(f.record.contentHash)!, analysis: f.analysis, bands: f.record.bands })), ...replaced];
  const ids = await upsertEntities(w, articles);
  await createMentions(w, articles, ids);
  const touched = await insertClusters(w, articles, detached);
  await createQuotes(w, articles);
  await createEntityMentions(w, articles);
  await w.insert("article_band", [["band_key", "int8"], ["article_id", "int4"]], articles.flatMap((a) => [...new Set(a.bands)].map((k) => [BigInt(k), a.articleId])));
  for (const t of touched) await resolveTouched(w.tx, w.dialect, t);
  return articleIds;
}

const CLUSTER_COLUMNS: Column[] = [
  ["article_id", "int4"], ["type", "text"], ["key", "text"], ["target", "text"], ["name", "text"], ["forms", "text"],
  ["mention_count", "int4"], ["first_offset", "int4"], ["partial", "bool"], ["surname", "text"], ["given", "text"],
  ["gender", "text"], ["acronym", "text"], ["roles", "text"],
];

/**
 * Stores each article's people and organizations as evidence (entity_cluster); returns what
 * they touch, with the clusters `detached` took from rows that took a new text.
 */
async function insertClusters(w: Writer, articles: Saved[], detached: Detached[]): Promise<Touched[]> {
  const touched = { PERSON: emptyTouched("PERSON"), ORGANIZATION: emptyTouched("ORGANIZATION") };
  for (const d of detached) {
    for (const t of Object.values(touched)) t.articles.add(d.articleId);
    for (const c of d.clusters) touchRemoved(touched[c.type], c);
  }
  const rows: unknown[][] = [];
  for (const { articleId, analysis } of articles) {
    for (const e of analysis.entities) {
      if (e.type === "PLACE" || !e.evidence) continue;
      const v = e.evidence;
      const t = touched[e.type as ClusterType];
      t.articles.add(articleId);
      const keys = t.fresh.get(articleId);
      if (keys) keys.push(e.key);
      else t.fresh.set(articleId, [e.key]);
      for (const n of linkNames(e.type, { key: e.key, ...v })) t.names.add(n);
      const partial = w.dialect.bool(v.partial);
      rows.push([articleId, e.type, e.key, e.key, e.name, JSON.stringify(v.forms), e.mentionCount, e.firstOffset, partial, v.surname, v.given, v.gender, v.acronym, v.roles.length > 0 ? JSON.stringify(v.roles) : null]);
    }
  }
  await w.insert("entity_cluster", CLUSTER_COLUMNS, rows);
  return [touched.PERSON, touched.ORGANIZATION].filter((t) => t.articles.size > 0);
}

type Saved = { articleId: number; analysis: ResolvedArticle; bands: number[] };
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

const ENTITY_COLUMNS: Column[] = [["key", "text"], ["name", "text"], ["mention_count", "int4"], ["article_count", "int4"]];
// `kind` is an enum on PostgreSQL, text on SQLite.
const PLACE_COLUMNS: Column[] = [...ENTITY_COLUMNS, ["kind", '"PlaceKind"'], ["country_code", "text"], ["latitude", "float8"], ["longitude", "float8"], ["region_code", "text"]];

async function upsertEntities(w: Writer, articles: Saved[]): Promise<EntityIds> {
  const rows = new Map<string, EntityRow>();
  for (const { analysis } of articles) {
    for (const e of analysis.entities) {
      const k = entityKey(e.type, e.key);
      const row = rows.get(k);
      // A country named by demonym only (mentionCount 0) is no mention of it: it counts no article.
      const named = e.mentionCount > 0 ? 1 : 0;
      if (row) {
        row.mentionCount += e.mentionCount;
        row.articleCount += named;
      } else rows.set(k, { first: e, mentionCount: e.mentionCount, articleCount: named });
    }
  }
  const ids: EntityIds = new Map();
  for (const type of ["PLACE"] as const) {
    // Rows go in key order so that concurrent writers lock them in the same order.
    const ofType = [...rows.values()].filter((r) => r.first.type === type).sort((a, b) => (a.first.key < b.first.key ? -1 : a.first.key > b.first.key ? 1 : 0));
    const table = ENTITY_TABLES[type].table;
    const values = ofType.map(({ first: e, mentionCount, articleCount }) => {
      const row: unknown[] = [e.key, e.name, mentionCount, articleCount];
      if (type !== "PLACE") return row;
      const geo = e.geo ?? { kind: "OTHER", countryCode: null, latitude: null, longitude: null, regionCode: null };
      return [...row, geo.kind, geo.countryCode, geo.latitude, geo.longitude, geo.regionCode];
    });
    const upserted = await w.insert<{ id: number | bigint; key: string }>(table, type === "PLACE" ? PLACE_COLUMNS : ENTITY_COLUMNS, values, {
      onConflict: `(key) DO UPDATE SET mention_count = ${table}.mention_count + excluded.mention_count, article_count = ${table}.article_count + excluded.article_count`,
      returning: "id, key",
    });
    for (const r of upserted) ids.set(entityKey(type, r.key), Number(r.id));
  }
  return ids;
}

async function createMentions(w: Writer, articles: Saved[], ids: EntityIds): Promise<void> {
  for (const type of ["PLACE"] as const) {
    const mentions: unknown[][] = [];
    const demonyms: unknown[][] = [];
    const aliases = new Map<string, [number, string]>();
    for (const { articleId, analysis } of articles) {
      for (const e of analysis.entities) {
        if (e.type !== type) continue;
        const id = ids.get(entityKey(type, e.key))!;
        if (e.demonymCount) demonyms.push([articleId, id, e.demonymCount, e.firstOffset]);
        if (e.mentionCount === 0) continue;
        mentions.push([articleId, id, e.mentionCount, e.firstOffset]);
        for (const alias of e.aliases) aliases.set(`${id}\u0000${alias}`, [id, alias]);
      }
    }
    await w.insert("article_demonym", [["article_id", "int4"], ["place_id", "int4"], ["count", "int4"], ["first_offset", "int4"]], demonyms);
    const { mentions: table, aliases: aliasTable, column } = ENTITY_TABLES[type];
    await w.insert(table, [["article_id", "int4"], [column, "int4"], ["mention_count", "int4"], ["first_offset", "int4"]], mentions);
    // Prisma's createMany cannot skip duplicates on SQLite; ON CONFLICT DO NOTHING reads the same on both databases.
    await w.insert(aliasTable, [[column, "int4"], ["alias", "text"]], [...aliases.values()], { onConflict: "DO NOTHING" });
  }
}

const QUOTE_COLUMNS: Column[] = [
  ["article_id", "int4"], ["text", "text"], ["start_offset", "int4"], ["end_offset", "int4"], ["cue", "text"],
  ["speaker_name", "text"], ["speaker_type", "text"], ["speaker_key", "text"],
];

/** Quotes name their speaker's cluster; corpus resolution sets the speaker entity from it. */
async function createQuotes(w: Writer, articles: Saved[]): Promise<void> {
  await w.insertEach("quote", QUOTE_COLUMNS, (function* () {
    for (const { articleId, analysis } of articles) {
      for (const q of analysis.quotes) yield [articleId, q.text, q.start, q.end, q.cue, q.speakerName, q.speaker?.type ?? null, q.speaker?.key ?? null];
    }
  })());
}

const ENTITY_MENTION_COLUMNS: Column[] = [["article_id", "int4"], ["start_offset", "int4"], ["end_offset", "int4"], ["type", "text"], ["key", "text"]];

/** Each mention's offsets and its entity (places by key, people and organizations by cluster key): Article.mentions. */
async function createEntityMentions(w: Writer, articles: Saved[]): Promise<void> {
  await w.insertEach("entity_mention", ENTITY_MENTION_COLUMNS, (function* () {
    for (const { articleId, analysis } of articles) {
      // Mentions do not overlap (the extraction's contract); a start seen twice would break the key, so it is kept once.
      const starts = new Set<number>();
      for (const m of analysis.mentions) {
        if (starts.has(m.start)) continue;
        starts.add(m.start);
        yield [articleId, m.start, m.end, m.type, m.key];
      }
    }
  })());
}

// ---- delete

/** An entity a delete removed (no other article mentions it). */
export interface RemovedEntity {
  type: "PERSON" | "ORGANIZATION" | "PLACE";
  id: number;
}

/**
 * `removed`: the entities no other article mentions, gone with it; `updated`: those its
 * article mentioned that remain, with lower counts (for `entityUpdated` subscribers).
 */
export type DeleteResult = { deleted: false } | { deleted: true; title: string; removed: RemovedEntity[]; updated: RemovedEntity[] };

/**
 * Deletes an article, its mentions, clusters and quotes in one transaction. Places lose
 * its mentions from their counts and go when no article is left; people and
 * organizations are resolved again over the remaining clusters (a surname it alone
 * joined to a full name may be left unjoined), and those with no cluster left go.
 */
export function deleteArticle(store: DbHandle, articleId: number): Promise<DeleteResult> {
  return withRetry(() => store.writer.$transaction((tx) => deleteOnce(tx, articleId, store.dialect), { timeout: 60_000, maxWait: 60_000 }));
}

type Row = { id: number | bigint; mention_count: number | bigint };
type ClusterRow = { type: ClusterType; key: string; target: string; partial: boolean | number | bigint; surname: string | null; given: string | null; acronym: string | null };

/** What detach took from an article: the places whose counts dropped, and its people and organization clusters. */
interface Detached {
  articleId: number;
  places: number[];
  clusters: ClusterRow[];
}

/** A removed cluster's entity and link names are re-decided. */
function touchRemoved(t: Touched, c: ClusterRow): void {
  t.keys.add(c.target);
  for (const n of linkNames(t.type, { ...c, partial: Boolean(Number(c.partial)) })) t.names.add(n);
}

/**
 * Deletes an article's place mentions (taking them off the places' counts), demonyms,
 * clusters, quotes, entity mentions and LSH bands. Every statement writes, the first one included: a
 * SQLite transaction that read first could not take the write lock after another
 * connection's commit. The mention rows are deleted with RETURNING, so a concurrent
 * delete of the same article finds none left to subtract.
 */
async function detach(tx: Tx, articleId: number): Promise<Detached> {
  const rows = await tx.$queryRaw<Row[]>`DELETE FROM article_place WHERE article_id = ${articleId} RETURNING place_id AS id, mention_count`;
  const places = rows.map((r) => ({ id: Number(r.id), mentions: Number(r.mention_count) })).sort((a, b) => a.id - b.id);
  for (const r of places) {
    await tx.$executeRaw`UPDATE place SET mention_count = mention_count - ${r.mentions}, article_count = article_count - 1 WHERE id = ${r.id}`;
  }
  await tx.$executeRaw`DELETE FROM article_demonym WHERE article_id = ${articleId}`;
  const clusters = await tx.$queryRaw<ClusterRow[]>`
    DELETE FROM entity_cluster WHERE article_id = ${articleId} RETURNING type, key, target, partial, surname, given, acronym`;
  await tx.$executeRaw`DELETE FROM quote WHERE article_id = ${articleId}`;
  await tx.$executeRaw`DELETE FROM entity_mention WHERE article_id = ${articleId}`;
  await tx.$executeRaw`DELETE FROM article_band WHERE article_id = ${articleId}`;
  return { articleId, places: places.map((p) => p.id), clusters };
}

/** Deletes the detached places that no article mentions any more; returns their ids. */
async function removeUnmentionedPlaces(tx: Tx, detached: Detached[]): Promise<number[]> {
  const ids = [...new Set(detached.flatMap((d) => d.places))];
  if (ids.length === 0) return [];
  // Aliases go by ON DELETE CASCADE; quotes elsewhere keep their text.
  const gone = await tx.$queryRaw<{ id: number | bigint }[]>`DELETE FROM place WHERE id IN (${Prisma.join(ids)}) AND article_count <= 0 RETURNING id`;
  return gone.map((r) => Number(r.id)).sort((a, b) => a - b);
}

async function deleteOnce(tx: Tx, articleId: number, dialect: Dialect): Promise<DeleteResult> {
  const detached = await detach(tx, articleId);
  const deleted = await tx.$queryRaw<{ title: string }[]>`DELETE FROM article WHERE id = ${articleId} RETURNING title`;
  if (deleted.length === 0) return { deleted: false };
  const gonePlaces = new Set(await removeUnmentionedPlaces(tx, [detached]));
  const removed: RemovedEntity[] = [...gonePlaces].map((id) => ({ type: "PLACE", id }));
  const updated: RemovedEntity[] = detached.places.filter((id) => !gonePlaces.has(id)).map((id) => ({ type: "PLACE", id }));
  for (const type of ["PERSON", "ORGANIZATION"] as const) {
    const touched = emptyTouched(type);
    for (const c of detached.clusters.filter((c) => c.type === type)) touchRemoved(touched, c);
    if (!touched.keys.size) continue;
    for (const id of await resolveTouched(tx, dialect, touched)) removed.push({ type, id });
    const table = type === "PERSON" ? "person" : "organization";
    const keys = [...touched.keys].sort();
    const remaining = await tx.$queryRaw<{ id: number | bigint }[]>`SELECT id FROM ${Prisma.raw(table)} WHERE key IN (${Prisma.join(keys)}) ORDER BY id`;
    for (const r of remaining) updated.push({ type, id: Number(r.id) });
  }
  return { deleted: true, title: deleted[0]!.title, removed, updated };
}
