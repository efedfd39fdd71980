// The benchmark's PostgreSQL database: created, migrated and loaded when missing, and
// the fixtures (ids, names) the operations ask for.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { UsageError } from "../../src/cli/exit.ts";
import { migrateDatabase } from "../../src/store/migrate/index.ts";
import { SEARCH_MODES, type SearchMode, type Fixtures } from "./operations.ts";
import { ROOT } from "./servers.ts";
import { productCommand } from "../lib.ts";

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

/** Creates, migrates and loads the database when missing or empty (or --reset); returns its article count. */
export async function prepareDatabase(url: string, corpus: string, reset: boolean, mode: SearchMode | "auto"): Promise<{ articles: number; searchMode: SearchMode }> {
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
  await migrateDatabase(url);
  let articles = await withClient(url, async (c) => Number((await c.query("SELECT count(*) AS n FROM article")).rows[0].n));
  if (articles === 0) {
    if (!existsSync(corpus)) throw new UsageError(`the database is empty and the corpus ${corpus} does not exist (--corpus)`);
    console.log(`loading ${corpus} into ${name} (npm run seed, a minute or two) ...`);
    const t0 = performance.now();
    execFileSync("nice", ["-n", "10", process.execPath, ...productCommand("seed"), corpus], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"],
    });
    articles = await withClient(url, async (c) => {
      await c.query("ANALYZE");
      return Number((await c.query("SELECT count(*) AS n FROM article")).rows[0].n);
    });
    console.log(`loaded ${articles} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // PostGraphile's extra functions, in their own schema (public stays Prisma's).
  const searchMode = mode !== "auto" ? mode
    : await withClient(url, async (c) => ((await c.query("SELECT to_regclass('public.article_search') AS t")).rows[0].t ? "fulltext" : "contains"));
  const sql = readFileSync(join(ROOT, "bench", "postgraphile.sql"), "utf8").replaceAll(":search_query", SEARCH_MODES[searchMode].postgraphile);
  await withClient(url, (c) => c.query(sql));
  return { articles, searchMode };
}

export async function pickFixtures(url: string): Promise<Fixtures> {
  return withClient(url, async (c) => ({
    // The newest articles with quotes, and the most mentioned people: the pages people open.
    articles: (await c.query("SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id) ORDER BY a.id DESC LIMIT 50")).rows.map((r) => r.id),
    people: (await c.query("SELECT id FROM person WHERE article_count > 0 ORDER BY mention_count DESC, id LIMIT 50")).rows.map((r) => r.id),
  }));
}
