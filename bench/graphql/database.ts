// The benchmark's PostgreSQL database: created, migrated and loaded when missing, and
// the fixtures (ids, names) the operations ask for.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { UsageError } from "../../src/cli/exit.ts";
import { migrateDatabase } from "../../src/store/migrate/index.ts";
import { SEARCH_MODES, type SearchMode, type Fixtures } from "./operations.ts";
import { ROOT } from "./servers.ts";
import { productCommand } from "../lib.ts";
import { articleCount, withSql } from "../sql.ts";

export const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates the PostgreSQL database when missing (dropped first with `reset`). */
export async function createPostgresDatabase(url: string, reset: boolean): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withClient(admin.toString(), async (client) => {
    if (reset) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) {
      console.log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
}

/** Creates, migrates and loads the database when missing or empty (or --reset); returns its article count. */
export async function prepareDatabase(url: string, corpus: string, reset: boolean, mode: SearchMode | "auto"): Promise<{ articles: number; searchMode: SearchMode }> {
  await createPostgresDatabase(url, reset);
  await migrateDatabase(url);
  const articles = await loadWhenEmpty(url, corpus);
  // PostGraphile's extra functions, in their own schema (public stays Prisma's).
  const searchMode = mode !== "auto" ? mode
    : await withClient(url, async (c) => ((await c.query("SELECT to_regclass('public.article_search') AS t")).rows[0].t ? "fulltext" : "contains"));
  const sql = readFileSync(join(ROOT, "bench", "postgraphile.sql"), "utf8").replaceAll(":search_query", SEARCH_MODES[searchMode].postgraphile);
  await withClient(url, (c) => c.query(sql));
  return { articles, searchMode };
}

/** Ours on SQLite: the database file created, migrated and loaded when missing or empty (or --reset); returns its article count. */
export async function prepareSqlite(url: string, corpus: string, reset: boolean): Promise<number> {
  const file = url.slice("file:".length);
  if (reset) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  await migrateDatabase(url);
  return loadWhenEmpty(url, corpus);
}

/** `npm run seed` of the corpus into the (migrated) database when it has no article; its article count. */
export async function loadWhenEmpty(url: string, corpus: string): Promise<number> {
  const articles = await articleCount(url);
  if (articles > 0) return articles;
  if (!existsSync(corpus)) throw new UsageError(`the database is empty and the corpus ${corpus} does not exist (--corpus)`);
  console.log(`loading ${corpus} into ${redact(url)} (npm run seed: the analysis, a few minutes) ...`);
  const t0 = performance.now();
  execFileSync("nice", ["-n", "10", process.execPath, ...productCommand("seed"), corpus], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"],
  });
  await withSql(url, (db) => db.run("ANALYZE"));
  const loaded = await articleCount(url);
  console.log(`loaded ${loaded} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return loaded;
}

/** On PostgreSQL or SQLite. */
export async function pickFixtures(url: string): Promise<Fixtures> {
  return withSql(url, async (db) => ({
    // The newest articles with quotes, and the most mentioned people: the pages people open.
    articles: (await db.all<{ id: number }>("SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id) ORDER BY a.id DESC LIMIT 50")).map((r) => Number(r.id)),
    people: (await db.all<{ id: number }>("SELECT id FROM person WHERE article_count > 0 ORDER BY mention_count DESC, id LIMIT 50")).map((r) => Number(r.id)),
  }));
}
