// A real server over a real database for API tests: migrate, load documents, listen
// on a free port, and talk to it over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "../../src/store/migrate/index.ts";
import { onStatement, openDb, type DbHandle } from "../../src/store/client.ts";
import { loadDocuments, type LoadSummary } from "../../src/ingest/load.ts";
import { startServer, type ServerOptions } from "../../src/server/server.ts";
import { createTempDatabase, postgresSkipReason } from "./postgres.ts";
import { after, before } from "node:test";

export interface Backend {
  name: "sqlite" | "postgresql";
  url: string;
  dispose(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-test-"));
  return { name: "sqlite", url: `file:${join(dir, "test.db")}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresBackend(): Promise<Backend> {
  const db = await createTempDatabase();
  return { name: "postgresql", url: db.url, dispose: () => db.drop() };
}

/** Both databases; PostgreSQL's tests skip visibly when it is unreachable (never under CI=true). */
export async function backends(): Promise<{ name: Backend["name"]; skip: string | false; make: () => Promise<Backend> }[]> {
  return [
    { name: "sqlite", skip: false, make: async () => sqliteBackend() },
    { name: "postgresql", skip: await postgresSkipReason(), make: postgresBackend },
  ];
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  store: DbHandle;
  /** SQL statements the server's client has issued so far. */
  statements(): number;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  load(paths: string[]): Promise<LoadSummary>;
  stop(): Promise<void>;
}

export async function startTestServer(backend: Backend, seedPaths: string[] = [], options: Omit<ServerOptions, "store"> = {}): Promise<TestServer> {
  await migrateDatabase(backend.url);
  const store = await openDb(backend.url, { logQueries: true });
  let statements = 0;
  onStatement(store, () => statements++);
  const load = (paths: string[]) => loadDocuments(store, paths);
  if (seedPaths.length) await load(seedPaths);
  const server = await startServer({ store, port: 0, host: "127.0.0.1", ...options });
  return {
    url: server.url,
    store,
    statements: () => statements,
    load,
    async gql(query, variables, headers = {}) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await server.stop();
      await store.close();
    },
  };
}

export interface ServerFixture {
  backend: Backend;
  server: TestServer;
  /** `http://127.0.0.1:PORT`, for the non-GraphQL routes. */
  origin: string;
}

/** Starts a server on a fresh SQLite database before the suite's tests and stops it after. */
export function sqliteServerFixture(seedPaths: string[] = []): ServerFixture {
  const fixture = {} as ServerFixture;
  before(async () => {
    fixture.backend = sqliteBackend();
    fixture.server = await startTestServer(fixture.backend, seedPaths);
    fixture.origin = new URL(fixture.server.url).origin;
  });
  after(async () => {
    await fixture.server?.stop();
    await fixture.backend?.dispose();
  });
  return fixture;
}
