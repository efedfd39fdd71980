// ingestArticle answers honestly when a document cannot be stored within
// EXECUTION_TIMEOUT_MS: ACCEPTED with its content hash, which `ingestion(contentHash:)`
// follows from PENDING to STORED (or REJECTED, with the reason); the same text sent
// again meanwhile joins the running ingest and is stored once. An analysis pool that waits
// for the test stands for a long document.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import type { AnalysisPool } from "../src/analysis/runtime/pool.ts";
import { hashDocument as hashHere, prepareDocument as prepareHere, type Prepared, type PrepareTask } from "../src/analysis/runtime/prepare.ts";
import { contentHash } from "../src/documents/hash.ts";
import { parseDocument } from "../src/documents/parse.ts";

const TOKEN = "accepted-test-token-0123456789";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const INGEST = `mutation($text: String!, $fileName: String!) { ingestArticle(input: { text: $text, fileName: $fileName }) { status created contentHash article { title fileName } } }`;
const INGESTION = `query($hash: String!) { ingestion(contentHash: $hash) { contentHash state reason article { title } } }`;
const DOCK = "Dock strike ends in Gdansk\n\nAnna Berg met union leaders in Gdansk on Friday, the port authority said.\n";
const FERRY = "Ferry line reopens in Split\n\nMarko Horvat said the line would run daily.\n";

/** Analysis that waits for `release()` (until `close()`); `rejectNext` makes documents fail analysis. */
function gatedPool() {
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  let reject: string | undefined;
  const pool: AnalysisPool = {
    threads: 1,
    async prepare(task: PrepareTask): Promise<Prepared> {
      await gate;
      if (reject) return { ok: false, reason: reject };
      return prepareHere(task);
    },
    hash: async (task) => hashHere(task),
    close: async () => {},
  };
  return {
    pool,
    release: () => open(),
    close() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    rejectNext(reason: string) {
      reject = reason;
    },
  };
}

let backend: Backend;
let server: TestServer;
const gated = gatedPool();

before(async () => {
  backend = sqliteBackend();
  server = await startTestServer(backend, [], { apiToken: TOKEN, analysis: gated.pool, limits: { timeoutMs: 1500 } });
});

after(async () => {
  gated.release();
  await server?.stop();
  await backend?.dispose();
});

test("a document not stored in time is ACCEPTED with its content hash, then STORED once; the same text meanwhile joins it", async () => {
  const hash = contentHash(parseDocument(DOCK, "dock.txt"));
  const first = await server.gql(INGEST, { text: DOCK, fileName: "dock.txt" }, AUTH);
  assert.equal(first.errors, undefined, JSON.stringify(first.errors));
  assert.deepEqual(first.data!.ingestArticle, { status: "ACCEPTED", created: false, contentHash: hash, article: null });
  assert.deepEqual((await server.gql(INGESTION, { hash })).data!.ingestion, { contentHash: hash, state: "PENDING", reason: null, article: null });
  // Sent again while it runs (joining it, unless the machine is slow to get it there).
  const again = server.gql(INGEST, { text: DOCK, fileName: "dock-again.txt" }, AUTH);
  await new Promise((resolve) => setTimeout(resolve, 100));
  gated.release();
  assert.deepEqual((await again).data!.ingestArticle, { status: "DUPLICATE", created: false, contentHash: hash, article: { title: "Dock strike ends in Gdansk", fileName: "dock.txt" } });
  assert.deepEqual((await server.gql(INGESTION, { hash })).data!.ingestion, { contentHash: hash, state: "STORED", reason: null, article: { title: "Dock strike ends in Gdansk" } });
  const { data } = await server.gql(`{ articles { totalCount } }`);
  assert.equal(data!.articles.totalCount, 1);
});

test("a document that fails analysis after ACCEPTED is REJECTED with the reason; unknown and malformed hashes", async () => {
  const hash = contentHash(parseDocument(FERRY, "ferry.txt"));
  gated.close();
  gated.rejectNext("no body");
  const first = await server.gql(INGEST, { text: FERRY, fileName: "ferry.txt" }, AUTH);
  assert.equal(first.data!.ingestArticle.status, "ACCEPTED");
  gated.release();
  let state = "PENDING";
  let ingestion: Record<string, unknown> = {};
  while (state === "PENDING") {
    ingestion = (await server.gql(INGESTION, { hash })).data!.ingestion;
    state = ingestion.state as string;
  }
  assert.deepEqual(ingestion, { contentHash: hash, state: "REJECTED", reason: "no body", article: null });
  const unknown = "0".repeat(64);
  assert.equal((await server.gql(INGESTION, { hash: unknown })).data!.ingestion.state, "UNKNOWN");
  const bad = await server.gql(INGESTION, { hash: "abc" });
  assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
  assert.equal(bad.errors?.[0]?.message, "contentHash must be 64 lowercase hexadecimal digits (a sha256), as ingestArticle answers it");
});

test("large bodies past the byte budget are refused before they are read (503, Retry-After), nothing stored; sent again once the others are stored, stored", async () => {
  const own = gatedPool();
  const db = sqliteBackend();
  // MAX_BODY_BYTES 40,000, a budget of half that: one document of about 15 KB is held, a second is refused.
  const small = await startTestServer(db, [], { apiToken: TOKEN, analysis: own.pool, limits: { timeoutMs: 1500, bodyBytes: 40_000 } });
  const doc = (i: number) => `Harbour talks, round ${i}\n\n${Array.from({ length: 150 }, (_, j) => `Anna Berg met union leaders in Gdansk on day ${j} of round ${i}, the port authority said.`).join("\n\n")}\n`;
  const send = (i: number) =>
    fetch(small.url, { method: "POST", headers: { "content-type": "application/json", ...AUTH }, body: JSON.stringify({ query: INGEST, variables: { text: doc(i), fileName: `round-${i}.txt` } }) });
  try {
    const held = await small.gql(INGEST, { text: doc(1), fileName: "round-1.txt" }, AUTH);
    assert.equal(held.data?.ingestArticle.status, "ACCEPTED");
    const refused = await send(2);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "2");
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, "SERVICE_UNAVAILABLE");
    assert.equal((await small.gql(`{ articles { totalCount } }`)).data!.articles.totalCount, 0);
    own.release();
    let state = "PENDING";
    while (state === "PENDING") state = (await small.gql(INGESTION, { hash: held.data!.ingestArticle.contentHash })).data!.ingestion.state;
    assert.equal(state, "STORED");
    const again = await send(2);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { data: { ingestArticle: { status: string } } }).data.ingestArticle.status, "CREATED");
    assert.equal((await small.gql(`{ articles { totalCount } }`)).data!.articles.totalCount, 2);
  } finally {
    own.release();
    await small.stop();
    await db.dispose();
  }
});
