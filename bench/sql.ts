// A connection to either benchmark database by its URL (file: is SQLite), for the few
// statements the bench scripts send themselves (fixtures, corpus generation).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";

export type Backend = "postgresql" | "sqlite";

/** Statements on either database: rows of a query, or a script run for its effect. */
export interface Sql {
  backend: Backend;
  all<T>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function connect(url: string): Promise<Sql> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    return {
      backend: "sqlite",
      all: async <T>(sql: string) => db.prepare(sql).all() as T[],
      run: async (sql: string) => void db.exec(sql),
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    backend: "postgresql",
    all: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    run: async (sql: string) => void (await client.query(sql)),
    close: () => client.end(),
  };
}


/** Runs `use` on a connection to `url`, closed afterwards. */
export async function withSql<T>(url: string, use: (db: Sql) => Promise<T>): Promise<T> {
  const db = await connect(url);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** The articles the database holds: 0 when it or its tables do not exist. */
export async function articleCount(url: string): Promise<number> {
  if (url.startsWith("file:") && !existsSync(url.slice("file:".length))) return 0;
  if (!url.startsWith("file:")) {
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [decodeURIComponent(new URL(url).pathname.slice(1))]);
      if (!exists.rowCount) return 0;
    } finally {
      await client.end();
    }
  }
  return withSql(url, async (db) => {
    const tables = db.backend === "sqlite"
      ? await db.all(`SELECT 1 FROM sqlite_master WHERE name = 'article'`)
      : await db.all(`SELECT 1 FROM pg_tables WHERE tablename = 'article' AND schemaname = 'public'`);
    if (!tables.length) return 0;
    return Number((await db.all<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM article`))[0]!.n);
  });
}
