// SQLite reads on reader threads (src/store/sqlite/readers.ts): the same answers as on
// the main thread, a long statement leaves the main thread free, errors keep their
// message, and the reader connections refuse writes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { articlePage, personPage } from "../src/store/lists.ts";
import { parseSearch, searchCount } from "../src/store/search.ts";
import { sqliteBackend, type Backend } from "./helpers/graph.ts";
import { startServer } from "../src/server/server.ts";
import { HEAVY_READ_COST } from "../src/graphql/snapshot-plugin.ts";

let backend: Backend;
let threaded: DbHandle;
let plain: DbHandle;

before(async () => {
  backend = sqliteBackend();
  await migrateDatabase(backend.url);
  plain = await openDb(backend.url);
  await loadDocuments(plain, ["seeds"]);
  threaded = await openDb(backend.url, { readThreads: 2, logQueries: true });
});

after(async () => {
  await threaded?.close();
  await plain?.close();
  await backend?.dispose();
});

/** The handle expensive operations read through. */
const heavy = () => ({ ...threaded, db: threaded.heavy! });

test("reads on the reader threads answer as the main thread's connection does", async () => {
  assert.ok(threaded.heavy, "a client on the reader threads");
  assert.equal(plain.heavy, undefined);
  const w = { take: 5 };
  assert.deepEqual(await articlePage(heavy(), {}, "PUBLISHED_AT_DESC", w), await articlePage(plain, {}, "PUBLISHED_AT_DESC", w));
  assert.deepEqual(await personPage(heavy(), {}, "MENTION_COUNT_DESC", w), await personPage(plain, {}, "MENTION_COUNT_DESC", w));
  const lavrov = parseSearch("lavrov");
  assert.equal(await searchCount(heavy(), "person", lavrov, []), await searchCount(plain, "person", lavrov, []));
  assert.ok((await personPage(heavy(), {}, "MENTION_COUNT_DESC", w)).rows.length > 0);
});

test("a long read leaves the main thread free: the writer's statement answers first", async () => {
  // About a second of work in one statement.
  const slow = threaded.heavy!.$queryRawUnsafe<{ n: bigint }[]>("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c");
  const order: string[] = [];
  const done = slow.then(() => order.push("slow read"));
  // Sent after the long read: on one thread it would wait for it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await threaded.writer.$queryRawUnsafe("SELECT 1").then(() => order.push("writer"));
  await done;
  assert.deepEqual(order, ["writer", "slow read"]);
  assert.equal(Number((await slow)[0]!.n), 3_000_000);
});

test("a failing read keeps its database message; the reader connections refuse writes", async () => {
  await assert.rejects(threaded.heavy!.$queryRawUnsafe("SELECT * FROM no_such_table"), /no such table: no_such_table/);
  await assert.rejects(threaded.heavy!.$executeRawUnsafe("DELETE FROM article"), /read-only/);
  assert.ok((await plain.db.article.count()) > 0);
});

test(`the server reads operations costing ${HEAVY_READ_COST} or more on the reader threads, cheaper ones on the main thread`, async () => {
  const counted = { main: 0, threads: 0 };
  threaded.db.$on("query", () => counted.main++);
  threaded.heavy!.$on("query", () => counted.threads++);
  const server = await startServer({ store: threaded, port: 0, host: "127.0.0.1" });
  const gql = async (query: string) => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  try {
    const cheap = await gql("{ people(first: 3) { edges { node { name } } } }"); // costs 203
    assert.equal(cheap.errors, undefined);
    assert.ok(counted.main > 0 && counted.threads === 0, JSON.stringify(counted));
    const before = { ...counted };
    const expensive = await gql("{ people(first: 10) { edges { node { name related(first: 1) { totalCount } } } } }"); // 200 + 10 · 602
    assert.equal(expensive.errors, undefined);
    assert.deepEqual(expensive.data, (await gql("{ people(first: 10) { edges { node { name related(first: 1) { totalCount } } } } }")).data);
    assert.ok(counted.threads > before.threads && counted.main === before.main, JSON.stringify(counted));
  } finally {
    await server.stop();
  }
});
