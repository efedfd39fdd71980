// A PostgreSQL database that is there but will not take connections now (SQLSTATE 55000,
// "object not in prerequisite state", which Prisma reports as P2039): reads, writes and
// /healthz say SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR, and the server answers
// again by itself once the database takes connections. The database is real: ALTER
// DATABASE ... ALLOW_CONNECTIONS false is what an operator does during maintenance.
// And /healthz, whose ping has its own connection, with the pool full and after that
// connection is ended.
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

test("/healthz answers 200 while long reads hold every pooled connection, and again after the server ends its connection", { skip: await postgresSkipReason(), timeout: 60_000 }, async () => {
  const db = await createTempDatabase();
  try {
    await migrateDatabase(db.url);
    const store = await openDb(db.url, { poolSize: 2 });
    const server = await startServer({ store, port: 0, host: "127.0.0.1", production: true, apiToken: TOKEN });
    const held = await Promise.all([store.readPool!.connect(), store.readPool!.connect()]);
    try {
      // Both pooled connections busy for seconds: a ping through the pool would wait its 2 s and answer 503.
      const sleeping = held.map((c) => c.query("SELECT pg_sleep(4)"));
      assert.equal((await fetch(new URL("/healthz", server.url))).status, 200);
      await Promise.all(sleeping);

      const ended = await withClient(POSTGRES_SERVER_URL, (c) =>
        c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'newsgraph health check'`, [db.name]),
      );
      assert.equal(ended.rowCount, 1);
      // The first probe may find the connection gone (503); the next opens another.
      let status = 0;
      for (let i = 0; i < 2 && status !== 200; i++) status = (await fetch(new URL("/healthz", server.url))).status;
      assert.equal(status, 200);
    } finally {
      for (const c of held) c.release();
      await server.stop();
      await store.close();
    }
  } finally {
    await db.drop();
  }
});
