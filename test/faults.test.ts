// Faults while loading: `kill -9` in the middle of a load, then the same command again,
// and two loads of the same folder at once, must end exactly where one clean load ends:
// same rows in every table, same entities with the same mention and article counts, and
// at every moment no half-written article. On SQLite and on PostgreSQL, with a corpus
// of our own made-up articles.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { backends, sqliteBackend, type Backend } from "./helpers/graph.ts";
import { writeCorpus } from "./helpers/corpus.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";

const ARTICLES = 150;
const TABLES = [
  "article", "person", "organization", "place", "person_alias", "organization_alias", "place_alias",
  "article_person", "article_organization", "article_place", "quote",
];
const ENTITIES = [
  { table: "person", mentions: "article_person", column: "person_id" },
  { table: "organization", mentions: "article_organization", column: "organization_id" },
  { table: "place", mentions: "article_place", column: "place_id" },
] as const;

type Snapshot = {
  counts: Record<string, number>;
  /** `type:key` -> name, mention and article counts, aliases. */
  entities: Record<string, string>;
  /** Articles (content hash, file), their mentions and their quotes, by natural keys. */
  articles: string[];
  mentions: string[];
  quotes: string[];
};

const num = (v: unknown) => Number(v);

/** Everything the load wrote, by natural keys (ids differ from run to run). */
async function snapshot(h: DbHandle): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = num((await h.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  const entities: Record<string, string> = {};
  for (const { table } of ENTITIES) {
    const rows = await h.db.$queryRawUnsafe<{ key: string; name: string; mention_count: unknown; article_count: unknown; aliases: string | null }[]>(
      `SELECT e.key, e.name, e.mention_count, e.article_count,
         (SELECT ${h.provider === "postgresql" ? "string_agg(a.alias, '|' ORDER BY a.alias)" : "group_concat(a.alias, '|')"}
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
  const quotes = await keys(
    `SELECT a.content_hash || ' ' || q.start_offset || '-' || q.end_offset || ':' || COALESCE(p.key, o.key, '?') AS k
     FROM quote q JOIN article a ON a.id = q.article_id
     LEFT JOIN person p ON p.id = q.speaker_person_id LEFT JOIN organization o ON o.id = q.speaker_organization_id`,
  );
  return { counts, entities, articles, mentions, quotes };
}

/** At any moment: every entity's counts are the sums of its mention rows, and every article is whole. */
async function assertConsistent(h: DbHandle): Promise<void> {
  for (const { table, mentions, column } of ENTITIES) {
    const bad = await h.db.$queryRawUnsafe<unknown[]>(
      `SELECT e.key FROM ${table} e LEFT JOIN (SELECT ${column} AS id, SUM(mention_count) AS m, COUNT(*) AS a FROM ${mentions} GROUP BY ${column}) s ON s.id = e.id
       WHERE e.mention_count <> COALESCE(s.m, 0) OR e.article_count <> COALESCE(s.a, 0) OR s.id IS NULL`,
    );
    assert.deepEqual(bad, [], `${table} rows whose counts disagree with their mentions (or with no article)`);
  }
  // Every article of this corpus mentions people and has quotes: none is stored without them.
  const partial = await h.db.$queryRawUnsafe<unknown[]>(
    `SELECT a.id FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = a.id)
       OR NOT EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id)`,
  );
  assert.deepEqual(partial, [], "articles without their mentions or quotes");
}

function seed(url: string, dir: string) {
  // Batches of 10, not 100: with 150 articles a kill must land between commits, and two
  // loads must interleave, as they would over a large corpus.
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/seed.ts", "--batch-size", "10", dir], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const done = once(child, "exit").then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null, out, err }));
  return { child, done };
}

async function withStore<T>(url: string, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = await openDb(url, { poolSize: 2 });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

let corpus: string;
let clean: Snapshot;

before(async () => {
  corpus = writeCorpus(ARTICLES);
  // The reference: one uninterrupted load, in process.
  const backend = sqliteBackend();
  try {
    await migrateDatabase(backend.url);
    await withStore(backend.url, async (h) => {
      const summary = await loadDocuments(h, [corpus]);
      assert.deepEqual(summary, { loaded: ARTICLES, copies: 0, duplicates: 0, failed: [] });
      await assertConsistent(h);
      clean = await snapshot(h);
    });
  } finally {
    await backend.dispose();
  }
  assert.ok(clean.counts.person! > 20 && clean.counts.quote! >= ARTICLES, JSON.stringify(clean.counts));
});

after(() => rmSync(corpus, { recursive: true, force: true }));

for (const { name, skip, make } of await backends()) {
  describe(`faults while loading on ${name}`, { skip }, () => {
    let backend: Backend;
    before(async () => {
      backend = await make();
    });
    after(async () => backend?.dispose());

    test("kill -9 in the middle of a load, then the same command again: the same as one clean load", { timeout: 120_000 }, async () => {
      await migrateDatabase(backend.url);
      const first = seed(backend.url, corpus);
      let stored = 0;
      let exited = false;
      void first.done.then(() => (exited = true));
      await withStore(backend.url, async (h) => {
        while (stored < 20 && !exited) {
          await sleep(25);
          stored = await h.db.article.count();
        }
      });
      first.child.kill("SIGKILL");
      const killed = await first.done;
      assert.equal(killed.signal, "SIGKILL", `the load ended before the kill: ${killed.code} ${killed.out} ${killed.err}`);
      const partial = await withStore(backend.url, async (h) => {
        await assertConsistent(h);
        return h.db.article.count();
      });
      assert.ok(partial >= 20 && partial < ARTICLES, `${partial} articles stored when killed`);

      const second = await seed(backend.url, corpus).done;
      assert.equal(second.code, 0, second.err);
      assert.match(second.out, new RegExp(`loaded ${ARTICLES - partial}, duplicates skipped ${partial}, failed 0`));
      await withStore(backend.url, async (h) => {
        await assertConsistent(h);
        assert.deepEqual(await snapshot(h), clean);
      });
    });

    test("two loads of the same folder at once: the same as one", { timeout: 120_000 }, async () => {
      const fresh = await make();
      try {
        await migrateDatabase(fresh.url);
        const [a, b] = await Promise.all([seed(fresh.url, corpus).done, seed(fresh.url, corpus).done]);
        assert.equal(a.code, 0, a.err);
        assert.equal(b.code, 0, b.err);
        const loaded = [a, b].map((r) => Number(/loaded (\d+)/.exec(r.out)?.[1]));
        assert.equal(loaded[0]! + loaded[1]!, ARTICLES, `${a.out} | ${b.out}`);
        await withStore(fresh.url, async (h) => {
          await assertConsistent(h);
          assert.deepEqual(await snapshot(h), clean);
        });
      } finally {
        await fresh.dispose();
      }
    });
  });
}
