// /graphiql over plain HTTP (the browser test is graphiql.e2e.test.ts): the page, its
// policy, its assets, and nothing else from the disk.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { sqliteServerFixture } from "./helpers/graph.ts";
import { openDb } from "../src/store/client.ts";
import { startServer } from "../src/server/server.ts";

describe("/graphiql", () => {
  const fx = sqliteServerFixture();


  test("the page loads its script and styles from our origin only", async () => {
    const response = await fetch(`${fx.origin}/graphiql`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    const html = await response.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(urls.some((u) => u.startsWith("/graphiql/assets/graphiql.js?v=")), html);
    for (const url of urls) assert.ok(url.startsWith("/graphiql/assets/") || url === "data:,", url);
  });

  test("assets are served gzipped when asked, with a validator", async () => {
    const plain = await fetch(`${fx.origin}/graphiql/assets/graphql.worker.js`, { headers: { "accept-encoding": "identity" } });
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get("content-type") ?? "", /^text\/javascript/);
    const body = Buffer.from(await plain.arrayBuffer());
    // fetch would decompress by itself: read the raw gzip with node:http.
    const gz = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${fx.origin}/graphiql/assets/graphql.worker.js`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.ok(gunzipSync(gz.body).equals(body));
    const etag = plain.headers.get("etag")!;
    assert.equal((await fetch(`${fx.origin}/graphiql/assets/graphql.worker.js`, { headers: { "if-none-match": etag } })).status, 304);
  });

  test("only the bundle's own files are served", async () => {
    for (const path of ["/graphiql/assets/manifest.json", "/graphiql/assets/..%2F..%2Fpackage.json", "/graphiql/assets/nope.js", "/graphiql/assets/%2e%2e/%2e%2e/package.json"]) {
      assert.equal((await fetch(`${fx.origin}${path}`)).status, 404, path);
    }
    assert.equal((await fetch(`${fx.origin}/graphiql`, { method: "POST" })).status, 405);
  });

  test("production has no GraphiQL, like no local landing page", async () => {
    const store = await openDb(fx.backend.url);
    const production = await startServer({ store, port: 0, host: "127.0.0.1", production: true });
    try {
      assert.equal((await fetch(new URL("/graphiql", production.url))).status, 404);
      assert.equal((await fetch(new URL("/healthz", production.url))).status, 200);
    } finally {
      await production.stop();
      await store.close();
    }
  });
});
