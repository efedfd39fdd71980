// /healthz and /metrics over real HTTP, with values that real requests and loads produced.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { sqliteServerFixture } from "./helpers/graph.ts";
import { openDb } from "../src/store/client.ts";
import { startServer } from "../src/server/server.ts";
import { loadDocuments } from "../src/ingest/load.ts";

const SEED = "seeds/000_7cabb06b0e0d6da4.txt";

/** The value of the sample `name{labels}` in a Prometheus text exposition (labels in any order). */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metrics.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe("observability", () => {
  const fx = sqliteServerFixture();
  const metrics = async () => {
    const response = await fetch(`${fx.origin}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    return response.text();
  };


  test("/healthz answers 200 with the database ok", async () => {
    const response = await fetch(`${fx.origin}/healthz`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    assert.deepEqual(await response.json(), { status: "ok", database: "ok" });
    assert.equal((await fetch(`${fx.origin}/healthz`, { method: "POST" })).status, 405);
  });

  test("/healthz answers 503 when the database is unreachable", async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const store = await openDb("postgresql://postgres@127.0.0.1:1/nowhere");
    const down = await startServer({ store, port: 0, host: "127.0.0.1" });
    try {
      const response = await fetch(new URL("/healthz", down.url));
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: "unavailable", database: "unreachable" });
    } finally {
      await down.stop();
      await store.close().catch(() => {});
    }
  });

  test("/metrics counts named operations, their errors and latency, beside the process metrics", async () => {
    const ok = await fx.server.gql(`query ObservabilityProbe { articles { totalCount } }`);
    assert.equal(ok.errors, undefined);
    const bad = await fx.server.gql(`query BadProbe { articles(first: 101) { totalCount } }`);
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    await fx.server.gql(`query Broken { articles {`);

    const text = await metrics();
    assert.equal(sample(text, "graphql_requests_total", { operation: "ObservabilityProbe", status: "ok" }), 1);
    assert.equal(sample(text, "graphql_requests_total", { operation: "ObservabilityProbe", status: "error" }), undefined);
    assert.equal(sample(text, "graphql_request_duration_seconds_count", { operation: "ObservabilityProbe" }), 1);
    assert.ok(sample(text, "graphql_request_duration_seconds_sum", { operation: "ObservabilityProbe" })! > 0);
    assert.equal(sample(text, "graphql_request_duration_seconds_bucket", { operation: "ObservabilityProbe", le: "+Inf" }), 1);
    assert.equal(sample(text, "graphql_requests_total", { operation: "BadProbe", status: "error" }), 1);
    assert.equal(sample(text, "graphql_errors_total", { operation: "BadProbe", code: "BAD_USER_INPUT" }), 1);
    assert.equal(sample(text, "graphql_errors_total", { operation: "unparsed", code: "GRAPHQL_PARSE_FAILED" }), 1);
    assert.equal(sample(text, "graphql_errors_total", { operation: "ObservabilityProbe" }), undefined);
    // prom-client's default process metrics.
    assert.ok(sample(text, "process_cpu_seconds_total")! > 0);
    assert.ok(sample(text, "nodejs_heap_size_used_bytes")! > 0);
    assert.match(text, /^# TYPE graphql_request_duration_seconds histogram$/m);
  });

  test("an automatic persisted query's first miss is counted as a miss, not as an error", async () => {
    const query = "query PersistedProbe { articles { totalCount } }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    const post = (body: unknown) => fetch(fx.server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());
    const miss = (await post({ extensions, operationName: "PersistedProbe" })) as { errors?: { extensions: { code: string } }[] };
    assert.equal(miss.errors?.[0]?.extensions.code, "PERSISTED_QUERY_NOT_FOUND");
    const hit = (await post({ query, extensions, operationName: "PersistedProbe" })) as { data?: { articles: { totalCount: number } }; errors?: unknown };
    assert.equal(hit.errors, undefined);
    assert.equal(typeof hit.data?.articles.totalCount, "number");
    const text = await metrics();
    // Before the text is known the operation has no document to name it: "unparsed".
    assert.equal(sample(text, "graphql_errors_total", { operation: "unparsed", code: "PERSISTED_QUERY_NOT_FOUND" }), undefined);
    assert.equal(sample(text, "graphql_requests_total", { operation: "unparsed", status: "persisted_query_miss" }), 1);
    assert.equal(sample(text, "graphql_requests_total", { operation: "PersistedProbe", status: "error" }), undefined);
    assert.equal(sample(text, "graphql_requests_total", { operation: "PersistedProbe", status: "ok" }), 1);
  });

  test("ingest_articles_total counts loaded, duplicate and failed documents", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsgraph-ingest-"));
    try {
      copyFileSync(SEED, join(dir, "a.txt"));
      copyFileSync(SEED, join(dir, "b-same-story.txt"));
      writeFileSync(join(dir, "c-empty.txt"), "");
      const before = await metrics();
      for (const outcome of ["loaded", "duplicate", "failed"]) assert.equal(sample(before, "ingest_articles_total", { outcome }), 0, outcome);
      const summary = await loadDocuments(fx.server.store, [dir]);
      assert.equal(summary.loaded, 1);
      const after = await metrics();
      assert.equal(sample(after, "ingest_articles_total", { outcome: "loaded" }), 1);
      assert.equal(sample(after, "ingest_articles_total", { outcome: "duplicate" }), 1);
      assert.equal(sample(after, "ingest_articles_total", { outcome: "failed" }), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("npm start counts the seeds it loads into an empty database, and stops on SIGTERM with 0", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-serve-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, "news.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let out = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        out += chunk;
        const match = /serving (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    assert.match(out, /seeded the empty database from seeds: 1 articles loaded, 0 failed/);
    const text = await (await fetch(new URL("/metrics", url))).text();
    assert.equal(sample(text, "ingest_articles_total", { outcome: "loaded" }), 1);
    assert.equal(sample(text, "ingest_articles_total", { outcome: "failed" }), 0);
    assert.equal((await fetch(new URL("/healthz", url))).status, 200);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
