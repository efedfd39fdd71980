// The HTTP layer over real sockets: CORS for the origins of CORS_ORIGINS (preflight and
// answers; the browser side is cors.e2e.test.ts), the timeouts that cut slow clients, the
// connection cap, and a graceful stop. The cut tests send for far longer than their
// timeout and check that the server, not the client, ended the exchange.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { request } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { startServer, CORS_ALLOWED_HEADERS, serverSettings, type ServerOptions } from "../src/server/server.ts";
import { loadConfig } from "../src/config.ts";
import { READ_MAX_AGE_SECONDS } from "../src/graphql/cache-hints.ts";
import { writeCorpus } from "./helpers/corpus.ts";
import type { DbHandle } from "../src/store/client.ts";
import { DIALECTS } from "../src/store/dialects.ts";

const APP = "http://app.test:5173";
const STUDIO = "https://studio.apollographql.com";
const QUERY = JSON.stringify({ query: "{ articles { totalCount } }" });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * node:http rather than fetch: a browser's headers (Origin, Access-Control-Request-*) are
 * sent as given, and no connection is kept open after the answer.
 */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const preflight = (url: string, origin: string, requestHeaders = CORS_ALLOWED_HEADERS.join(",")) =>
  send(url, "OPTIONS", { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders });

async function withServer(options: Omit<ServerOptions, "store">, fn: (server: TestServer) => Promise<void>): Promise<void> {
  const backend = sqliteBackend();
  const server = await startTestServer(backend, [], options);
  try {
    await fn(server);
  } finally {
    await server.stop();
    await backend.dispose();
  }
}

describe("CORS", () => {
  let backend: Backend;
  let server: TestServer;

  before(async () => {
    backend = sqliteBackend();
    server = await startTestServer(backend, ["seeds"], { corsOrigins: [APP, STUDIO], limits: { bodyBytes: 2000 } });
  });
  after(async () => {
    await server?.stop();
    await backend?.dispose();
  });

  test("a listed origin's preflight allows GET and POST, the headers Apollo clients send, for two hours", async () => {
    for (const origin of [APP, STUDIO]) {
      const answer = await preflight(server.url, origin);
      assert.equal(answer.status, 204);
      assert.equal(answer.headers["access-control-allow-origin"], origin);
      assert.equal(answer.headers["access-control-allow-methods"], "GET,POST");
      const allowed = String(answer.headers["access-control-allow-headers"]).split(",");
      for (const header of ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name"]) assert.ok(allowed.includes(header), header);
      assert.equal(answer.headers["access-control-max-age"], "7200");
      assert.match(String(answer.headers.vary), /\bOrigin\b/);
      assert.equal(answer.headers["access-control-allow-credentials"], undefined, "no credentials, ever");
    }
  });

  test("another origin's preflight gets no Access-Control-Allow-Origin, so its browser refuses", async () => {
    const answer = await preflight(server.url, "https://evil.test");
    assert.equal(answer.headers["access-control-allow-origin"], undefined);
    // Same host, other port: another origin.
    assert.equal((await preflight(server.url, "http://app.test:5174")).headers["access-control-allow-origin"], undefined);
  });

  test("answers to a listed origin carry its Access-Control-Allow-Origin, errors included", async () => {
    const ok = await send(server.url, "POST", { origin: APP, "content-type": "application/json" }, QUERY);
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { data: { articles: { totalCount: 1 } } });
    assert.equal(ok.headers["access-control-allow-origin"], APP);
    const tooLarge = await send(server.url, "POST", { origin: APP, "content-type": "application/json" }, JSON.stringify({ query: "{ articles { totalCount } }", variables: { pad: "x".repeat(3000) } }));
    assert.equal(tooLarge.status, 413);
    assert.equal(JSON.parse(tooLarge.body).errors[0].extensions.code, "PAYLOAD_TOO_LARGE");
    assert.equal(tooLarge.headers["access-control-allow-origin"], APP, "the page can read why");
    const other = await send(server.url, "POST", { origin: "https://evil.test", "content-type": "application/json" }, QUERY);
    assert.equal(other.headers["access-control-allow-origin"], undefined);
  });

  test("CSRF prevention holds for listed origins: a GET without a preflight header is refused", async () => {
    const get = await send(`${server.url}?query=${encodeURIComponent("{ articles { totalCount } }")}`, "GET", { origin: APP });
    assert.equal(get.status, 400);
    assert.match(get.body, /Cross-Site Request Forgery/);
    const preflighted = await send(`${server.url}?query=${encodeURIComponent("{ articles { totalCount } }")}`, "GET", { origin: APP, "apollo-require-preflight": "true" });
    assert.equal(preflighted.status, 200);
  });

  test("without CORS_ORIGINS no origin is allowed; with `*` every origin, still without credentials", async () => {
    await withServer({}, async (closed) => {
      const answer = await preflight(closed.url, APP);
      assert.equal(answer.status, 204);
      assert.equal(answer.headers["access-control-allow-origin"], undefined);
    });
    await withServer({ corsOrigins: ["*"] }, async (open) => {
      const answer = await preflight(open.url, "https://anywhere.test");
      assert.equal(answer.headers["access-control-allow-origin"], "*");
      assert.equal(answer.headers["access-control-allow-credentials"], undefined);
    });
  });
});

test("automatic persisted queries: a hash alone is PERSISTED_QUERY_NOT_FOUND until sent with its text, then answers, by POST and GET", async () => {
  await withServer({}, async (server) => {
    const query = "{ articles { totalCount } }";
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    const post = async (body: unknown) => JSON.parse((await send(server.url, "POST", { "content-type": "application/json" }, JSON.stringify(body))).body);
    assert.deepEqual(await post({ extensions }), { errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }] });
    assert.deepEqual(await post({ query, extensions }), { data: { articles: { totalCount: 0 } } });
    assert.deepEqual(await post({ extensions }), { data: { articles: { totalCount: 0 } } });
    const get = await send(`${server.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, "GET", { "apollo-require-preflight": "true" });
    assert.deepEqual(JSON.parse(get.body), { data: { articles: { totalCount: 0 } } });
  });
});

describe("HTTP caching", () => {
  const get = (server: TestServer, params: Record<string, unknown>, headers: Record<string, string> = {}) =>
    send(`${server.url}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`, "GET", {
      "apollo-require-preflight": "true",
      ...headers,
    });

  test("an anonymous GET of a query is public for the schema's max-age; POSTs, credentials, errors and ingestion stay no-store", async () => {
    await withServer({ apiToken: "secret" }, async (server) => {
      const query = "{ articles(first: 1) { totalCount edges { node { title people { edges { node { name } } } } } } }";
      const anonymous = await get(server, { query });
      assert.equal(anonymous.status, 200);
      assert.equal(anonymous.headers["cache-control"], `public, max-age=${READ_MAX_AGE_SECONDS}`);
      const posted = await send(server.url, "POST", { "content-type": "application/json" }, JSON.stringify({ query }));
      assert.deepEqual([posted.status, posted.headers["cache-control"]], [200, "no-store"]);
      const withToken = await get(server, { query }, { authorization: "Bearer secret" });
      assert.deepEqual([withToken.status, withToken.headers["cache-control"]], [200, "no-store"]);
      const failing = await get(server, { query: "{ articles(first: 101) { totalCount } }" });
      assert.equal(failing.headers["cache-control"], "no-store");
      // A field without a hint (what became of an ingest changes by the second) keeps the whole answer out of caches.
      const ingestion = await get(server, { query: `{ ingestion(contentHash: "${"0".repeat(64)}") { state } articles { totalCount } }` });
      assert.deepEqual([ingestion.status, ingestion.headers["cache-control"]], [200, "no-store"]);
      const introspection = await get(server, { query: "{ __schema { queryType { name } } }" });
      assert.equal(introspection.headers["cache-control"], "no-store");
    });
  });

  test("a persisted GET query has an ETag; If-None-Match answers 304 without a body until the answer changes", async () => {
    await withServer({}, async (server) => {
      const query = "{ articles { totalCount } }";
      const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
      const first = await get(server, { query, extensions });
      assert.equal(first.status, 200);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]{27}"$/);
      const again = await get(server, { extensions });
      assert.deepEqual([again.status, again.headers.etag, JSON.parse(again.body)], [200, etag, { data: { articles: { totalCount: 0 } } }]);
      const unchanged = await get(server, { extensions }, { "if-none-match": etag });
      assert.deepEqual([unchanged.status, unchanged.body], [304, ""]);
      await server.load([writeCorpus(1)]);
      const changed = await get(server, { extensions }, { "if-none-match": etag });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.deepEqual(JSON.parse(changed.body), { data: { articles: { totalCount: 1 } } });
      // A query sent with its text by GET, not persisted, has none.
      assert.equal((await get(server, { query: "{ people { totalCount } }" })).headers.etag, undefined);
    });
  });
});

test("a gzip-compressed body is read, and MAX_BODY_BYTES limits what it inflates to", async () => {
  await withServer({ limits: { bodyBytes: 10_000 } }, async (server) => {
    const post = (body: Buffer) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(server.url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-encoding": "gzip", "content-length": body.length } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c)).on("end", () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const ok = await post(gzipSync(QUERY));
    assert.deepEqual({ status: ok.status, body: JSON.parse(ok.body) }, { status: 200, body: { data: { articles: { totalCount: 0 } } } });
    // 1 MB of padding compresses to about 1 KB: under the limit on the wire, far over it inflated.
    const bomb = gzipSync(JSON.stringify({ query: "{ articles { totalCount } }", variables: { pad: " ".repeat(1_000_000) } }));
    assert.ok(bomb.length < 10_000, `${bomb.length} bytes compressed`);
    const refused = await post(bomb);
    assert.equal(refused.status, 413);
    assert.deepEqual(JSON.parse(refused.body).errors[0], { message: "request body exceeds 10000 bytes (MAX_BODY_BYTES)", extensions: { code: "PAYLOAD_TOO_LARGE" } });
  });
});

/** Opens a raw connection, writes `head`, then `trickle` one byte per `everyMs`; resolves when the server closes it. */
function slowClient(url: string, head: string, trickle: string, everyMs: number) {
  const { hostname, port } = new URL(url);
  return new Promise<{ received: string; elapsedMs: number; sent: number; finishedSending: boolean }>((resolve, reject) => {
    const started = performance.now();
    const socket: Socket = connect(Number(port), hostname);
    let received = "";
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("connect", () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
      }, everyMs);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ received, elapsedMs: performance.now() - started, sent, finishedSending: sent === trickle.length });
    });
    setTimeout(() => reject(new Error("the server never closed the connection")), 60_000).unref();
  });
}

describe("slow clients are cut", () => {
  let backend: Backend;
  let server: TestServer;

  before(async () => {
    backend = sqliteBackend();
    server = await startTestServer(backend, [], { http: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1500 } });
  });
  after(async () => {
    await server?.stop();
    await backend?.dispose();
  });

  test("a body sent at 1 byte/s is cut at REQUEST_TIMEOUT_MS with 408", { timeout: 60_000 }, async () => {
    const body = QUERY.padEnd(40, " ");
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const cut = await slowClient(server.url, head, body, 1000);
    assert.match(cut.received, /^HTTP\/1\.1 408 /);
    assert.equal(cut.finishedSending, false, `the client had sent ${cut.sent} of ${body.length} bytes`);
    assert.ok(cut.elapsedMs >= 2000, `cut after ${Math.round(cut.elapsedMs)} ms`);
    console.log(`slow body (2000 ms timeout) cut after ${Math.round(cut.elapsedMs)} ms, ${cut.sent} bytes sent`);
  });

  test("headers sent a byte at a time are cut at HEADERS_TIMEOUT_MS with 408", { timeout: 60_000 }, async () => {
    const cut = await slowClient(server.url, "GET /healthz HTTP/1.1\r\n", `Host: localhost\r\nX-Slow: ${"x".repeat(60)}\r\n\r\n`, 100);
    assert.match(cut.received, /^HTTP\/1\.1 408 /);
    assert.equal(cut.finishedSending, false, `the client had sent ${cut.sent} bytes`);
    assert.ok(cut.elapsedMs >= 1000, `cut after ${Math.round(cut.elapsedMs)} ms`);
  });

  test("an idle keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS", { timeout: 60_000 }, async () => {
    const closed = await slowClient(server.url, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", "", 1000);
    assert.match(closed.received, /^HTTP\/1\.1 200 /);
    assert.match(closed.received, /Keep-Alive: timeout=1\b/i, "the server announces it");
    assert.ok(closed.elapsedMs >= 1500, `closed after ${Math.round(closed.elapsedMs)} ms`);
  });

  test("a connection silent in both directions is closed after SOCKET_TIMEOUT_MS", { timeout: 60_000 }, async () => {
    await withServer({ http: { socketTimeoutMs: 800, headersTimeoutMs: 30_000, requestTimeoutMs: 30_000 } }, async (quiet) => {
      const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`;
      const closed = await slowClient(quiet.url, head, "", 1000);
      assert.equal(closed.received, "", "no answer: the socket is dropped");
      assert.ok(closed.elapsedMs >= 800, `closed after ${Math.round(closed.elapsedMs)} ms`);
    });
  });
});

/** A raw keep-alive connection that has had one answer, so the server counts it. */
async function openConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once("data", () => resolve());
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("closed before an answer")));
    socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  });
  return socket;
}

const droppedConnections = async (url: string) => Number(/^http_connections_dropped_total (\d+)/m.exec((await send(new URL("/metrics", url).href, "GET", {})).body)?.[1]);

test("MAX_CONNECTIONS: a connection past the cap is closed at once, and counted", async () => {
  await withServer({ http: { maxConnections: 2, keepAliveTimeoutMs: 30_000 } }, async (server) => {
    const before = await droppedConnections(server.url);
    const open = [await openConnection(server.url), await openConnection(server.url)];
    await assert.rejects(openConnection(server.url), /closed before an answer|ECONNRESET/);
    open.pop()!.destroy();
    // The server notices the close on its next turn.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await droppedConnections(server.url), before + 1);
    open.pop()!.destroy();
  });
});

/** A store whose every query waits forever, as behind a database that stopped answering. */
function hangingStore(): DbHandle {
  const never = () => new Promise<never>(() => undefined);
  const model = new Proxy({}, { get: () => never });
  const db = new Proxy({}, { get: (_t, key) => (typeof key === "string" && key.startsWith("$") ? never : model) }) as DbHandle["db"];
  return { db, writer: db, dialect: DIALECTS.sqlite, close: async () => undefined };
}

test("stop(): requests in flight get their answer, new connections are refused", async () => {
  const server = await startServer({ store: hangingStore(), port: 0, host: "127.0.0.1", limits: { timeoutMs: 1500 } });
  const inFlight = fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: QUERY });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.stop();
  const answer = await inFlight;
  assert.equal(answer.status, 504);
  assert.equal(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code, "TIMEOUT");
  await assert.rejects(fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: QUERY }), /fetch failed/);
});

test("settings: CORS_ORIGINS is a list of origins as browsers send them; timeouts are checked against each other", () => {
  const config = loadConfig({ CORS_ORIGINS: `${STUDIO}, http://LOCALHOST:5173/ ,https://news.example:443`, HEADERS_TIMEOUT_MS: "5000", MAX_CONNECTIONS: "64" });
  assert.deepEqual(config.CORS_ORIGINS, [STUDIO, "http://localhost:5173", "https://news.example"]);
  const settings = serverSettings(config);
  assert.deepEqual(settings.corsOrigins, config.CORS_ORIGINS);
  assert.deepEqual(settings.http, { headersTimeoutMs: 5000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5000, socketTimeoutMs: 60_000, maxConnections: 64 });
  assert.deepEqual(loadConfig({}).CORS_ORIGINS, []);
  assert.deepEqual(loadConfig({ CORS_ORIGINS: "*" }).CORS_ORIGINS, ["*"]);
  assert.throws(() => loadConfig({ CORS_ORIGINS: `*,${STUDIO}` }), /CORS_ORIGINS: `\*` allows every origin and cannot be combined with a list/);
  for (const bad of ["https://news.example/app", "news.example", "ftp://news.example", "https://news.example?x=1"]) {
    assert.throws(() => loadConfig({ CORS_ORIGINS: bad }), new RegExp(`CORS_ORIGINS: "${bad.replace(/[?.]/g, "\\$&")}" is not an origin`), bad);
  }
  assert.throws(() => loadConfig({ HEADERS_TIMEOUT_MS: "40000" }), /HEADERS_TIMEOUT_MS \(40000\) must not exceed REQUEST_TIMEOUT_MS \(30000\)/);
  assert.throws(() => loadConfig({ SOCKET_TIMEOUT_MS: "10000" }), /SOCKET_TIMEOUT_MS \(10000\) must exceed EXECUTION_TIMEOUT_MS \(10000\)/);
});
