// The corpus x N for bench:scale, generated at the database level from a database loaded
// once with the real `npm run seed` (x1): every article's rows are copied N - 1 times with
// remapped ids, in SQL (INSERT ... SELECT), instead of running the analysis again
// (~120 articles/s: days for 300k articles). Works on PostgreSQL and SQLite alike.
//
// What a copy is: the same text as its original, under a distinct title (" [copy k]"),
// content hash, URL and file name, with its own mentions, clusters, entity links and quotes,
// linked to the SAME people, organizations, places and publishers: a corpus that grows over
// time meets the same people again, so each entity has N times the articles, mentions and
// quotes (the case that stresses nested lists, their totalCount and `related`). Entity
// counts (mention_count, article_count) are multiplied by N, which is exact for such copies.
// Full-text rows come from the databases' own triggers (article_search/quote_search on
// PostgreSQL, the FTS5 tables on SQLite), as for any insert. Left out: the copies' MinHash
// signature and LSH bands (empty, as for articles stored before near-duplicate detection),
// so that copies do not look like near-duplicates of each other to a later ingest.
import { copyFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { connect, type Backend, type Sql } from "./sql.ts";

export type ScaleBackend = Backend;

/** `k` is the copy number (1..N-1), `x` the original row; what differs per copy, by table and column. */
interface TableCopy {
  table: string;
  /** Only the originals (the x1 rows) are copied. */
  originals: string;
  remap: Record<string, string>;
}

function copiesOf(max: { article: number; quote: number; copy: number }, cat: (...parts: string[]) => string): TableCopy[] {
  const article = `x.article_id + c.k * ${max.article}`;
  const ofArticle = (table: string): TableCopy => ({ table, originals: `x.article_id <= ${max.article}`, remap: { article_id: article } });
  const tag = cat("' [copy '", "CAST(c.k AS TEXT)", "']'");
  return [
    {
      table: "article",
      originals: `x.id <= ${max.article}`,
      remap: {
        id: `x.id + c.k * ${max.article}`,
        title: cat("x.title", tag),
        content_hash: cat("x.content_hash", "':'", "CAST(c.k AS TEXT)"),
        url: `CASE WHEN x.url IS NULL THEN NULL ELSE ${cat("x.url", "'#copy-'", "CAST(c.k AS TEXT)")} END`,
        file_name: cat("x.file_name", "'#copy-'", "CAST(c.k AS TEXT)"),
        minhash: "''",
      },
    },
    ...["article_person", "article_organization", "article_place", "article_demonym", "entity_cluster", "entity_mention"].map(ofArticle),
    { table: "quote", originals: `x.id <= ${max.quote}`, remap: { id: `x.id + c.k * ${max.quote}`, article_id: article } },
    {
      table: "article_copy",
      originals: `x.id <= ${max.copy}`,
      remap: { id: `x.id + c.k * ${max.copy}`, article_id: article, copy_key: cat("x.copy_key", "':'", "CAST(c.k AS TEXT)") },
    },
  ];
}

async function columnsOf(db: Sql, table: string): Promise<string[]> {
  if (db.backend === "sqlite") return (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)).map((r) => r.name);
  return (await db.all<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY ordinal_position`,
  )).map((r) => r.column_name);
}

const quoteId = (name: string) => `"${name}"`;

export interface ScaleProgress {
  (message: string): void;
}

/**
 * Makes `target` the corpus of `source` x `factor`: a copy of the source database (which
 * must hold the x1 corpus and no copies), then the copies' rows. `target` is replaced.
 */
export async function scaleCorpus(source: string, target: string, factor: number, log: ScaleProgress = () => {}): Promise<void> {
  await cloneDatabase(source, target);
  if (factor === 1) return;
  const db = await connect(target);
  try {
    const t0 = performance.now();
    const max = (await db.all<{ article: number; quote: number; copy: number }>(
      `SELECT (SELECT COALESCE(MAX(id), 0) FROM article) AS article, (SELECT COALESCE(MAX(id), 0) FROM quote) AS quote, (SELECT COALESCE(MAX(id), 0) FROM article_copy) AS copy`,
    ))[0]!;
    const numbers = { article: Number(max.article), quote: Number(max.quote), copy: Number(max.copy) };
    if ((await db.all(`SELECT 1 FROM article WHERE title LIKE '% [copy %]' LIMIT 1`)).length) throw new Error(`${target}: its source holds copies already; give an x1 database`);
    const cat = (...parts: string[]) => parts.join(" || ");
    const tables = copiesOf(numbers, cat);
    if (db.backend === "sqlite") await db.run("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
    await db.run(`CREATE TEMP TABLE scale_copy (k INTEGER PRIMARY KEY)`);
    // Copies in chunks: one statement per table and chunk, one transaction per chunk.
    const CHUNK = 10;
    for (let from = 1; from < factor; from += CHUNK) {
      const to = Math.min(factor - 1, from + CHUNK - 1);
      await db.run("BEGIN");
      await db.run(`DELETE FROM scale_copy`);
      await db.run(`INSERT INTO scale_copy (k) VALUES ${Array.from({ length: to - from + 1 }, (_, i) => `(${from + i})`).join(", ")}`);
      for (const t of tables) {
        const columns = await columnsOf(db, t.table);
        const values = columns.map((c) => t.remap[c] ?? `x.${quoteId(c)}`);
        await db.run(`INSERT INTO ${quoteId(t.table)} (${columns.map(quoteId).join(", ")})
          SELECT ${values.join(", ")} FROM ${quoteId(t.table)} x CROSS JOIN scale_copy c WHERE ${t.originals} ORDER BY c.k, 1`);
      }
      await db.run("COMMIT");
      log(`  copies ${from}-${to} of ${factor - 1} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    for (const entity of ["person", "organization", "place"]) {
      await db.run(`UPDATE ${entity} SET mention_count = mention_count * ${factor}, article_count = article_count * ${factor}`);
    }
    if (db.backend === "postgresql") {
      for (const seq of ["article", "quote", "article_copy"]) await db.run(`SELECT setval(pg_get_serial_sequence('${seq}', 'id'), GREATEST((SELECT MAX(id) FROM ${seq}), 1))`);
      await db.run("VACUUM ANALYZE");
    } else {
      await db.run("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
  }
}

/** `target` becomes a copy of `source` (same backend). */
async function cloneDatabase(source: string, target: string): Promise<void> {
  if (source.startsWith("file:") !== target.startsWith("file:")) throw new Error(`${source} and ${target}: not the same database kind`);
  if (source.startsWith("file:")) {
    const to = target.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(to + suffix, { force: true });
    const db = new Database(source.slice("file:".length));
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
    copyFileSync(source.slice("file:".length), to);
    return;
  }
  const name = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(target);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name(target)}" WITH (FORCE)`);
    // A template must have no other connection while it is copied.
    await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name(source)]);
    await client.query(`CREATE DATABASE "${name(target)}" TEMPLATE "${name(source)}"`);
  } finally {
    await client.end();
  }
}

/** Drops the database (PostgreSQL) or deletes its files (SQLite). */
export async function dropDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(url.slice("file:".length) + suffix, { force: true });
    return;
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(new URL(url).pathname.slice(1))}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
