// Faults while loading: `kill -9` in the middle of a load, then the same command again,
// and two loads of the same folder at once, must end exactly where one clean load ends:
// same rows in every table, same entities with the same mention and article counts, and
// at every moment no half-written article. On SQLite and on PostgreSQL, with a corpus
// of our own made-up articles.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { backends, sqliteBackend, type Backend } from "./helpers/graph.ts";
import { writeCorpus } from "./helpers/corpus.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { assertConsistent, snapshot, type Snapshot } from "./helpers/snapshot.ts";

const ARTICLES = 150;
function seed(url: string, dir: string) {
  // Batches of 10, not 100: with 150 articles a kill must land between commits, and two
  // loads must interleave, as they would over a large corpus.
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/seed.ts", "--batch-size", "10", dir], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const done = once(child, "exit").then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null, out, err }));
  return { child, done };
}

async function withStore<T>(url: string, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = await openDb(url, { poolSize: 2 });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

let corpus: string;
let clean: Snapshot;

before(async () => {
  corpus = writeCorpus(ARTICLES);
  // The reference: one uninterrupted load, in process.
  const backend = sqliteBackend();
  try {
    await migrateDatabase(backend.url);
    await withStore(backend.url, async (h) => {
      const summary = await loadDocuments(h, [corpus]);
      assert.deepEqual(summary, { loaded: ARTICLES, copies: 0, duplicates: 0, failed: [] });
      await assertConsistent(h);
      clean = await snapshot(h);
    });
  } finally {
    await backend.dispose();
  }
  assert.ok(clean.counts.person! > 20 && clean.counts.quote! >= ARTICLES, JSON.stringify(clean.counts));
});

after(() => rmSync(corpus, { recursive: true, force: true }));

for (const { name, skip, make } of await backends()) {
  describe(`faults while loading on ${name}`, { skip }, () => {
    let backend: Backend;
    before(async () => {
      backend = await make();
    });
    after(async () => backend?.dispose());

    test("kill -9 in the middle of a load, then the same command again: the same as one clean load", { timeout: 120_000 }, async () => {
      await migrateDatabase(backend.url);
      const first = seed(backend.url, corpus);
      let stored = 0;
      let exited = false;
      void first.done.then(() => (exited = true));
      await withStore(backend.url, async (h) => {
        while (stored < 20 && !exited) {
          await sleep(25);
          stored = await h.db.article.count();
        }
      });
      first.child.kill("SIGKILL");
      const killed = await first.done;
      assert.equal(killed.signal, "SIGKILL", `the load ended before the kill: ${killed.code} ${killed.out} ${killed.err}`);
      const partial = await withStore(backend.url, async (h) => {
        await assertConsistent(h);
        return h.db.article.count();
      });
      assert.ok(partial >= 20 && partial < ARTICLES, `${partial} articles stored when killed`);

      const second = await seed(backend.url, corpus).done;
      assert.equal(second.code, 0, second.err);
      assert.match(second.out, new RegExp(`loaded ${ARTICLES - partial}, duplicates skipped ${partial}, failed 0`));
      await withStore(backend.url, async (h) => {
        await assertConsistent(h);
        assert.deepEqual(await snapshot(h), clean);
      });
    });

    test("two loads of the same folder at once: the same as one", { timeout: 120_000 }, async () => {
      const fresh = await make();
      try {
        await migrateDatabase(fresh.url);
        const [a, b] = await Promise.all([seed(fresh.url, corpus).done, seed(fresh.url, corpus).done]);
        assert.equal(a.code, 0, a.err);
        assert.equal(b.code, 0, b.err);
        const loaded = [a, b].map((r) => Number(/loaded (\d+)/.exec(r.out)?.[1]));
        assert.equal(loaded[0]! + loaded[1]!, ARTICLES, `${a.out} | ${b.out}`);
        await withStore(fresh.url, async (h) => {
          await assertConsistent(h);
          assert.deepEqual(await snapshot(h), clean);
        });
      } finally {
        await fresh.dispose();
      }
    });
  });
}
