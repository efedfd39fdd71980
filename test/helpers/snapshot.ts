// Everything a load wrote, by natural keys (ids differ from run to run), and the
// invariants that hold at any moment: what the fault, order and queue tests compare.
import assert from "node:assert/strict";
import type { DbHandle } from "../../src/store/client.ts";

const TABLES = [
  "article", "person", "organization", "place", "person_alias", "organization_alias", "place_alias",
  "article_person", "article_organization", "article_place", "quote", "entity_cluster", "entity_mention",
];
const ENTITIES = [
  { table: "person", mentions: "article_person", column: "person_id" },
  { table: "organization", mentions: "article_organization", column: "organization_id" },
  { table: "place", mentions: "article_place", column: "place_id" },
] as const;

export type Snapshot = {
  counts: Record<string, number>;
  /** `type:key` -> name, mention and article counts, aliases. */
  entities: Record<string, string>;
  /** Articles (content hash, file), their mentions and their quotes, by natural keys. */
  articles: string[];
  mentions: string[];
  quotes: string[];
  /** Each article's person and organization clusters and the corpus entity each joined. */
  clusters: string[];
};

const num = (v: unknown) => Number(v);

/** Everything the load wrote, by natural keys (ids differ from run to run). */
export async function snapshot(h: DbHandle): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = num((await h.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  const entities: Record<string, string> = {};
  for (const { table } of ENTITIES) {
    const rows = await h.db.$queryRawUnsafe<{ key: string; name: string; mention_count: unknown; article_count: unknown; aliases: string | null }[]>(
      `SELECT e.key, e.name, e.mention_count, e.article_count,
         (SELECT ${h.dialect.name === "postgresql" ? "string_agg(a.alias, '|' ORDER BY a.alias)" : "group_concat(a.alias, '|')"}
          FROM ${table}_alias a WHERE a.${table}_id = e.id) AS aliases
       FROM ${table} e`,
    );
    for (const r of rows) {
      const aliases = (r.aliases ?? "").split("|").sort().join("|");
      entities[`${table}:${r.key}`] = `${r.name} m=${num(r.mention_count)} a=${num(r.article_count)} [${aliases}]`;
    }
  }
  const keys = async (sql: string) => (await h.db.$queryRawUnsafe<{ k: string }[]>(sql)).map((r) => r.k).sort();
  const articles = await keys("SELECT content_hash || ' ' || file_name AS k FROM article");
  const mentions = [];
  for (const { table, mentions: x, column } of ENTITIES) {
    mentions.push(...(await keys(
      `SELECT a.content_hash || ' ${table}:' || e.key || '*' || x.mention_count || '@' || x.first_offset AS k
       FROM ${x} x JOIN ${table} e ON e.id = x.${column} JOIN article a ON a.id = x.article_id`,
    )));
  }
  // Each mention in the body (Article.mentions), with the entity key it names.
  mentions.push(...(await keys(
    `SELECT a.content_hash || ' @' || m.start_offset || '-' || m.end_offset || ' ' || m.type || ':' || m.key AS k FROM entity_mention m JOIN article a ON a.id = m.article_id`,
  )));
  const quotes = await keys(
    `SELECT a.content_hash || ' ' || q.start_offset || '-' || q.end_offset || ':' || COALESCE(p.key, o.key, '?') AS k
     FROM quote q JOIN article a ON a.id = q.article_id
     LEFT JOIN person p ON p.id = q.speaker_person_id LEFT JOIN organization o ON o.id = q.speaker_organization_id`,
  );
  const clusters = await keys(
    `SELECT a.content_hash || ' ' || c.type || ':' || c.key || ' -> ' || c.target AS k FROM entity_cluster c JOIN article a ON a.id = c.article_id`,
  );
  return { counts, entities, articles, mentions, quotes, clusters };
}

/** At any moment: every entity's counts are the sums of its mention rows, and every article is whole. */
export async function assertConsistent(h: DbHandle, options: { everyArticleHasPeopleAndQuotes?: boolean } = {}): Promise<void> {
  for (const { table, mentions, column } of ENTITIES) {
    const bad = await h.db.$queryRawUnsafe<unknown[]>(
      `SELECT e.key FROM ${table} e LEFT JOIN (SELECT ${column} AS id, SUM(mention_count) AS m, COUNT(*) AS a FROM ${mentions} GROUP BY ${column}) s ON s.id = e.id
       WHERE e.mention_count <> COALESCE(s.m, 0) OR e.article_count <> COALESCE(s.a, 0) OR s.id IS NULL`,
    );
    assert.deepEqual(bad, [], `${table} rows whose counts disagree with their mentions (or with no article)`);
  }
  // Every mention in a body names an entity that exists, and an article's mentions are as
  // many as its people's, organizations' and places' mention counts say.
  const unlinked = await h.db.$queryRawUnsafe<unknown[]>(
    `SELECT m.article_id, m.start_offset FROM entity_mention m
       LEFT JOIN entity_cluster c ON m.type <> 'PLACE' AND c.article_id = m.article_id AND c.type = m.type AND c.key = m.key
       LEFT JOIN person p ON m.type = 'PERSON' AND p.key = c.target
       LEFT JOIN organization o ON m.type = 'ORGANIZATION' AND o.key = c.target
       LEFT JOIN place pl ON m.type = 'PLACE' AND pl.key = m.key
     WHERE COALESCE(p.id, o.id, pl.id) IS NULL`,
  );
  assert.deepEqual(unlinked, [], "mentions in a body whose entity is missing");
  const miscounted = await h.db.$queryRawUnsafe<unknown[]>(
    `SELECT a.id FROM article a WHERE (SELECT COUNT(*) FROM entity_mention m WHERE m.article_id = a.id) <>
       COALESCE((SELECT SUM(x.mention_count) FROM article_person x WHERE x.article_id = a.id), 0)
       + COALESCE((SELECT SUM(x.mention_count) FROM article_organization x WHERE x.article_id = a.id), 0)
       + COALESCE((SELECT SUM(x.mention_count) FROM article_place x WHERE x.article_id = a.id), 0)`,
  );
  assert.deepEqual(miscounted, [], "articles whose mentions in the body disagree with their entities' mention counts");
  // Every article of this corpus mentions people and has quotes: none is stored without them.
  if (options.everyArticleHasPeopleAndQuotes === false) return;
  const partial = await h.db.$queryRawUnsafe<unknown[]>(
    `SELECT a.id FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id)`,
  );
  assert.deepEqual(partial, [], "articles without their mentions or quotes");
}

