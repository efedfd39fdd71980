// PostgreSQL connections for the schema engine, and scratch databases.
//
// adapter-pg needs two fixes for the engine's work: it cannot read the internal
// `"char"` type (OID 18) that the engine's schema describer selects from the
// catalogs, and it cuts scripts at every semicolon. Its own shadow database (see
// adapters.ts) is not used: it lands on the main database when configured by
// connection string.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { delegate } from "./wrap.ts";

export interface ScratchDatabase {
  url: string;
  name: string;
  /** Drops the database, closing any connection left on it. Idempotent. */
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>` on the server of `serverUrl`. */
export async function createScratchPostgresDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withPgClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  let dropped = false;
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still hold.
      await withPgClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** `url` pointing at database `name` on the same server, with the same credentials and options. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL's single-byte internal type `"char"`, e.g. `pg_class.relkind`. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** An adapter-pg connection to `url` whose dispose really ends its pool. */
export async function connectPostgres(url: string): Promise<SqlDriverAdapter> {
  // We own the pool (rather than passing a connection string) so that every
  // connection can be patched as it opens, and so that dispose really ends it.
  const pool = new pg.Pool({ connectionString: url });
  pool.on("connect", readCharAsText);
  // An idle client losing its server must not crash the process.
  pool.on("error", () => {});
  const adapter = await new PrismaPg(pool).connect();
  return delegate(adapter, {
    // adapter-pg splits scripts at every ";" (breaking string literals and function
    // bodies) and runs the pieces one by one. One simple-protocol query runs the
    // script as-is and atomically, as the native engine does.
    executeScript: async (script) => {
      await pool.query(script).catch((error: unknown) => {
        throw asDriverAdapterError(error);
      });
    },
    dispose: async () => {
      await adapter.dispose();
      await pool.end();
    },
  });
}

/**
 * A server error in the shape adapter-pg gives it, so that the engine reports
 * (and logs in `_prisma_migrations`) the database's message rather than an
 * opaque "External error id#N".
 */
function asDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "N/A",
    severity: error.severity ?? "N/A",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

type FieldList = { fields?: { dataTypeID: number }[] };

/**
 * adapter-pg rejects result columns of type `"char"` (OID 18) as unsupported, so
 * the engine's catalog queries fail with "Column type 'char' could not be
 * deserialized". pg already returns such a value as a one-letter string, so
 * relabelling the column as text is all it takes.
 */
function readCharAsText(client: pg.PoolClient): void {
  const relabel = (result: unknown): void => {
    for (const part of Array.isArray(result) ? result : [result]) {
      for (const field of (part as FieldList | null)?.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
    }
  };
  // pg's `query` has many overloads (promise or callback); wrap both shapes.
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) relabel(result);
        return (callback as (e: unknown, r: unknown) => unknown)(error, result);
      };
      return query(...args);
    }
    const out = query(...args);
    return out instanceof Promise ? out.then((result: unknown) => (relabel(result), result)) : out;
  };
  (client as unknown as { query: typeof patched }).query = patched;
}
