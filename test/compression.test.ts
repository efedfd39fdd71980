// Response compression: answers over COMPRESSION_THRESHOLD_BYTES are gzip- or
// brotli-encoded as the client's Accept-Encoding asks, smaller ones go as they are, and
// the decoded answer is the same as the plain one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { sqliteServerFixture } from "./helpers/graph.ts";
import { COMPRESSION_THRESHOLD_BYTES } from "../src/server/server.ts";

const fixture = sqliteServerFixture(["seeds"]);

/** node:http rather than fetch, which would decode the body itself. */
function post(url: string, query: string, acceptEncoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": "application/json", ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ query }));
  });
}

const BIG = "{ articles(first: 1) { edges { node { title body } } } }";
const SMALL = "{ articles { totalCount } }";

test("a /graphql answer over the threshold is gzipped for Accept-Encoding: gzip, brotli when preferred, and decodes to the plain answer", async () => {
  const plain = await post(fixture.server.url, BIG);
  assert.equal(plain.headers["content-encoding"], undefined);
  // Asked without Accept-Encoding, it still says that the answer depends on it (for caches).
  assert.match(String(plain.headers.vary), /Accept-Encoding/i);
  assert.ok(plain.body.length > COMPRESSION_THRESHOLD_BYTES, `${plain.body.length} bytes`);
  assert.match(plain.body.toString(), /"body":"/);

  const gzip = await post(fixture.server.url, BIG, "gzip");
  assert.equal(gzip.headers["content-encoding"], "gzip");
  assert.match(String(gzip.headers.vary), /Accept-Encoding/i);
  assert.ok(gzip.body.length < plain.body.length / 2, `${gzip.body.length} of ${plain.body.length} bytes`);
  assert.deepEqual(gunzipSync(gzip.body), plain.body);

  const br = await post(fixture.server.url, BIG, "gzip, deflate, br");
  assert.equal(br.headers["content-encoding"], "br");
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);
});

test("an answer under the threshold goes uncompressed, whatever the client accepts", async () => {
  const small = await post(fixture.server.url, SMALL, "gzip, br");
  assert.equal(small.headers["content-encoding"], undefined);
  assert.ok(small.body.length < COMPRESSION_THRESHOLD_BYTES);
  assert.match(small.body.toString(), /^\{"data":\{"articles":\{"totalCount":1\}\}\}/);
});
