// SQLite reads on reader threads (src/store/sqlite-readers.ts): the same answers as on
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

let backend: Backend;
let threaded: DbHandle;
let plain: DbHandle;

before(async () => {
  backend = sqliteBackend();
  await migrateDatabase(backend.url);
  plain = await openDb(backend.url);
  await loadDocuments(plain, ["seeds"]);
  threaded = await openDb(backend.url, { readThreads: 2 });
});

after(async () => {
  await threaded?.close();
  await plain?.close();
  await backend?.dispose();
});

test("reads on the reader threads answer as the main thread's connection does", async () => {
  const w = { take: 5 };
  assert.deepEqual(await articlePage(threaded, {}, "PUBLISHED_AT_DESC", w), await articlePage(plain, {}, "PUBLISHED_AT_DESC", w));
  assert.deepEqual(await personPage(threaded, {}, "MENTION_COUNT_DESC", w), await personPage(plain, {}, "MENTION_COUNT_DESC", w));
  const lavrov = parseSearch("lavrov");
  assert.equal(await searchCount(threaded, "person", lavrov, []), await searchCount(plain, "person", lavrov, []));
  assert.ok((await personPage(threaded, {}, "MENTION_COUNT_DESC", w)).rows.length > 0);
});

test("a long read leaves the main thread free: the writer's statement answers first", async () => {
  // About a second of work in one statement.
  const slow = threaded.db.$queryRawUnsafe<{ n: bigint }[]>("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c");
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
  await assert.rejects(threaded.db.$queryRawUnsafe("SELECT * FROM no_such_table"), /no such table: no_such_table/);
  await assert.rejects(threaded.db.$executeRawUnsafe("DELETE FROM article"), /read-only/);
  assert.ok((await plain.db.article.count()) > 0);
});
