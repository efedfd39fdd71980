// Throwaway PostgreSQL databases for tests.
//
// Tests that need PostgreSQL create their own uniquely named database on the test
// server and drop it afterwards, so runs (and parallel test files) never share state.
// Without a reachable server such tests are skipped with a visible reason, except
// under CI=true, where PostgreSQL is part of the contract and they must fail.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server tests use: TEST_POSTGRES_URL, else the local trust-auth default. */
export const POSTGRES_SERVER_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TempDatabase {
  /** Connection URL of the new database (same server and credentials). */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open on it. Idempotent. */
  drop(): Promise<void>;
}

const availability = new Map<string, Promise<boolean>>();

/** Whether the server answers; asked once per server and process. */
export function postgresAvailable(serverUrl: string = POSTGRES_SERVER_URL): Promise<boolean> {
  let answer = availability.get(serverUrl);
  if (!answer) {
    answer = withClient(serverUrl, (client) => client.query("SELECT 1")).then(
      () => true,
      () => false,
    );
    availability.set(serverUrl, answer);
  }
  return answer;
}

/**
 * The `skip` option for a PostgreSQL test: a reason when the server is unreachable,
 * or false. Under CI=true it is always false, so the test runs and fails loudly.
 *
 *   test("…", { skip: await postgresSkipReason() }, async () => { … });
 */
export async function postgresSkipReason(serverUrl: string = POSTGRES_SERVER_URL): Promise<string | false> {
  if (await postgresAvailable(serverUrl)) return false;
  if (process.env.CI === "true") return false;
  const reason = `PostgreSQL unreachable at ${redact(serverUrl)} (set TEST_POSTGRES_URL; required when CI=true)`;
  console.warn(`SKIP: ${reason}`);
  return reason;
}

/** Creates `<prefix>_<pid>_<random>` on the server. */
export async function createTempDatabase(
  opts: { prefix?: string; serverUrl?: string } = {},
): Promise<TempDatabase> {
  const serverUrl = opts.serverUrl ?? POSTGRES_SERVER_URL;
  const name = `${opts.prefix ?? "newsgraph_test"}_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    throw new Error(`Cannot create test database on ${redact(serverUrl)}: ${describe(error)}`, { cause: error });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop() {
      // WITH (FORCE) (PostgreSQL 13+) ends pools the code under test left open.
      dropped ??= withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined);
      return dropped;
    },
  };
}

/** Runs `fn` with a fresh database and drops it afterwards, whatever happens. */
export async function withTempPostgresDatabase<T>(
  fn: (db: TempDatabase) => Promise<T>,
  opts: { prefix?: string; serverUrl?: string } = {},
): Promise<T> {
  const db = await createTempDatabase(opts);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

/** Runs `fn` on a short-lived client of `url`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@/]*@/, "$1***@");
}

/** Node reports a refused connection to a multi-address host as an AggregateError without message. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join("; ");
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
