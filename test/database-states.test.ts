// A PostgreSQL database that is there but will not take connections now (SQLSTATE 55000,
// "object not in prerequisite state", which Prisma reports as P2039): reads, writes and
// /healthz say SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR, and the server answers
// again by itself once the database takes connections. The database is real: ALTER
// DATABASE ... ALLOW_CONNECTIONS false is what an operator does during maintenance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createTempDatabase, POSTGRES_SERVER_URL, postgresSkipReason, withClient } from "./helpers/postgres.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { startServer } from "../src/server/server.ts";
import { toGlobalId } from "../src/graphql/ids.ts";

const TOKEN = "database-states-token-0123456789";

test("a PostgreSQL database not accepting connections (55000) is SERVICE_UNAVAILABLE, and the server recovers", { skip: await postgresSkipReason(), timeout: 60_000 }, async () => {
  const db = await createTempDatabase();
  const allowConnections = (allow: boolean) => withClient(POSTGRES_SERVER_URL, (c) => c.query(`ALTER DATABASE "${db.name}" ALLOW_CONNECTIONS ${allow}`));
  try {
    await migrateDatabase(db.url);
    const loader = await openDb(db.url);
    await loadDocuments(loader, ["seeds"]);
    await loader.close();

    await allowConnections(false);
    // A fresh store: its pool has no connection yet, so every statement needs a new one.
    const store = await openDb(db.url);
    const server = await startServer({ store, port: 0, host: "127.0.0.1", production: true, apiToken: TOKEN });
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] };
    };
    try {
      const read = await post("{ articles { totalCount } people(first: 1) { edges { node { name } } } }");
      assert.ok(read.errors?.length, JSON.stringify(read));
      assert.deepEqual(new Set(read.errors!.map((e) => `${e.extensions.code}: ${e.message}`)), new Set(["SERVICE_UNAVAILABLE: database unavailable, retry"]));
      // deleteArticle writes through Prisma's client, where the refusal arrives as P2039.
      const write = await post("mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }", { id: toGlobalId("Article", 1) });
      assert.deepEqual(write.errors?.map((e) => `${e.extensions.code}: ${e.message}`), ["SERVICE_UNAVAILABLE: database unavailable, retry"]);
      const health = await fetch(new URL("/healthz", server.url));
      assert.equal(health.status, 503);

      await allowConnections(true);
      const again = await post("{ articles { totalCount } }");
      assert.deepEqual(again, { data: { articles: { totalCount: 1 } } });
      assert.equal((await fetch(new URL("/healthz", server.url))).status, 200);
    } finally {
      await server.stop();
      await store.close();
    }
  } finally {
    await allowConnections(true).catch(() => undefined);
    await db.drop();
  }
});
