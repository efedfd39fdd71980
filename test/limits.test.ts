// Abuse: every limit rejects with a clear GraphQL error and its own code, over real HTTP;
// CSRF prevention and the introspection switch hold; an operation that outlives its
// time gets a TIMEOUT error. On SQLite (the limits do not depend on the database).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { startServer } from "../src/server/server.ts";
import { loadConfig } from "../src/config.ts";
import type { DbHandle } from "../src/store/client.ts";
import { DIALECTS } from "../src/store/dialects.ts";
import { parse } from "graphql";
import { buildSchema } from "../src/graphql/schema.ts";
import { queryCost } from "../src/graphql/limits/cost.ts";
import { DEFAULT_LIMITS } from "../src/graphql/limits/index.ts";

const SEEDS = ["seeds"];

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

/** The one error of a rejected request: its message and code, and no stack trace. */
function onlyError(result: Awaited<ReturnType<typeof post>>) {
  assert.equal(result.json.errors?.length, 1, result.text);
  const error = result.json.errors![0]!;
  assert.equal(error.extensions?.stacktrace, undefined);
  assert.doesNotMatch(result.text, /at .*\.(ts|js):\d+/);
  return { message: error.message, code: error.extensions?.code, status: result.status, data: result.json.data };
}

describe("request limits", () => {
  let backend: Backend;
  let server: TestServer;

  before(async () => {
    backend = sqliteBackend();
    server = await startTestServer(backend, SEEDS, { limits: { batch: 3 } });
  });
  after(async () => {
    await server?.stop();
    await backend?.dispose();
  });

  test("query depth: 10 levels pass, 11 are QUERY_TOO_DEEP", async () => {
    // articles > edges > node > people > edges > node > articles > edges > node > title: 10
    const ten = `{ articles(first: 1) { edges { node { people(first: 1) { edges { node { articles(first: 1) { edges { node { title } } } } } } } } } }`;
    const ok = await post(server.url, { query: ten });
    assert.equal(ok.json.errors, undefined, ok.text);
    const eleven = `query Deep { articles(first: 1) { edges { node { people(first: 1) { edges { node { articles(first: 1) { edges { node { people(first: 1) { totalCount } } } } } } } } } } }`;
    const error = onlyError(await post(server.url, { query: eleven }));
    assert.equal(error.code, "QUERY_TOO_DEEP");
    assert.equal(error.message, `operation "Deep" is 11 fields deep; the limit is 10 (MAX_QUERY_DEPTH)`);
    assert.equal(error.status, 400);
    // Fragments count where they are spread.
    const viaFragment = `query F { articles(first: 1) { edges { node { ...A } } } } fragment A on Article { people(first: 1) { edges { node { articles(first: 1) { edges { node { people(first: 1) { totalCount } } } } } } } }`;
    assert.equal(onlyError(await post(server.url, { query: viaFragment })).code, "QUERY_TOO_DEEP");
  });

  test("query cost: page sizes multiply through nesting", async () => {
    const costly = `{ articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 100) { totalCount } } } } } } } }`;
    const error = onlyError(await post(server.url, { query: costly }));
    assert.equal(error.code, "QUERY_TOO_COSTLY");
    assert.match(error.message, /^the operation costs 1,413,600; the limit is 50,000 \(MAX_QUERY_COST/);
    assert.equal(error.data, undefined, "nothing was executed");
    // The same shape through variables is priced with their values.
    const withVariables = `query($a: Int, $b: Int) { articles(first: $a) { edges { node { people(first: $b) { edges { node { articles(first: $b) { totalCount } } } } } } } }`;
    assert.equal(onlyError(await post(server.url, { query: withVariables, variables: { a: 100, b: 100 } })).code, "QUERY_TOO_COSTLY");
    const cheap = await post(server.url, { query: withVariables, variables: { a: 10, b: 10 } });
    assert.equal(cheap.json.errors, undefined, cheap.text);
    // Defaults count: 600 + 20 · (10 + 20 + 20 · (1 + 40 + 20 · 1)) = 25,600 passes.
    const defaults = await post(server.url, { query: `{ articles { edges { node { people { edges { node { articles { totalCount } } } } } } } }` });
    assert.equal(defaults.json.errors, undefined, defaults.text);
  });

  test("query cost: related, totalCount, search and empty pages are priced by their work (issue 14's attacks)", async () => {
    const node = (inner: string) => `edges { node { ${inner} } }`;
    const aliased = (n: number, inner: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${inner}`).join(" ")} }`;
    // Each place's co-occurrence join runs even for a page of 0: 200 + 100 · (1 + 600).
    const related = onlyError(await post(server.url, { query: `{ places(first: 100) { ${node("related(first: 0) { totalCount }")} } }` }));
    assert.equal(related.code, "QUERY_TOO_COSTLY");
    assert.match(related.message, /^the operation costs 60,300; the limit is 50,000/);
    // 1.4-1.9 s on SQLite before, priced at 6% of the limit.
    const attack = aliased(30, `people(first: 100) { ${node("related(first: 0) { totalCount } articles(first: 0) { totalCount }")} }`);
    assert.match(onlyError(await post(server.url, { query: attack })).message, /^the operation costs 1,929,000;/);
    // Smaller pages of the same shape pass and answer.
    const fewer = await post(server.url, { query: `{ places(first: 50) { ${node("name related(first: 0) { totalCount }")} } }` });
    assert.equal(fewer.json.errors, undefined, fewer.text.slice(0, 300));
    assert.ok(fewer.json.data.places.edges.length > 0);
    const schema = buildSchema();
    const cost = (query: string) => queryCost(schema, parse(query));
    // A page of 0 still costs its statement; a top-level totalCount its count, once per page, not per row.
    assert.equal(cost(`{ people(first: 0) { totalCount } }`), 200 + 100);
    assert.equal(cost(`{ people(first: 10) { totalCount ${node("name")} } }`), 200 + 100 + 10);
    assert.equal(cost(`{ people(first: 10) { ...C } } fragment C on PersonConnection { totalCount }`), 200 + 100 + 10, "totalCount through a fragment");
    // Nested totalCount comes with the page (one window function): the list's floor only.
    assert.equal(cost(`{ people(first: 10) { ${node("articles(first: 0) { totalCount }")} } }`), 200 + 10 * (1 + 40));
    assert.equal(cost(`{ articles(first: 10) { ${node("quotes(first: 0) { totalCount }")} } }`), 600 + 10 * (10 + 20));
    // Search pages and counts.
    assert.equal(cost(`{ quotes(first: 5, filter: { search: "plan" }) { totalCount ${node("text")} } }`), 600 + 600 + 5);
    assert.equal(cost(aliased(30, `people(first: 0, filter: { search: "a*" }) { totalCount }`)), 30 * 1200);
  });

  test("a fragment bomb is rejected quickly, not expanded", async () => {
    // Each fragment spreads the next one twice under aliases: 2^20 selections if expanded.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { a: articles(first: 1) { totalCount } ...F${i + 1} b: people(first: 1) { totalCount } ...F${i + 1} }`);
    fragments.push("fragment F20 on Query { places(first: 1) { totalCount } }");
    const error = onlyError(await post(server.url, { query: `{ ...F0 } ${fragments.join(" ")}` }));
    assert.equal(error.code, "TOO_MANY_ALIASES");
    assert.equal(error.message, "the operation uses 2097150 aliases; the limit is 30 (MAX_ALIASES)");
    // Without aliases, the cost walk stops at its node limit.
    const plain = Array.from({ length: 20 }, (_, i) => `fragment G${i} on Query { articles(first: 1) { totalCount } ...G${i + 1} ...G${i + 1} }`);
    plain.push("fragment G20 on Query { places(first: 1) { totalCount } }");
    const started = performance.now();
    const costly = onlyError(await post(server.url, { query: `{ ...G0 } ${plain.join(" ")}` }));
    assert.equal(costly.code, "QUERY_TOO_COSTLY");
    assert.match(costly.message, /^the operation expands to more than 10000 selections; the limit is 50,000/);
    console.log(`fragment bomb rejected in ${Math.round(performance.now() - started)} ms`);
  });

  test("aliases: 30 pass, 31 are TOO_MANY_ALIASES", async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(" ")} }`;
    const ok = await post(server.url, { query: aliased(30) });
    assert.equal(ok.json.errors, undefined, ok.text.slice(0, 300));
    const error = onlyError(await post(server.url, { query: aliased(31) }));
    assert.equal(error.code, "TOO_MANY_ALIASES");
    assert.equal(error.message, "the operation uses 31 aliases; the limit is 30 (MAX_ALIASES)");
  });

  test("query text over 20 KB is QUERY_TOO_LARGE, before it is parsed", async () => {
    const query = `{ articles(first: 1) { totalCount } }\n# ${"x".repeat(20_000)}`;
    const error = onlyError(await post(server.url, { query }));
    assert.equal(error.code, "QUERY_TOO_LARGE");
    assert.equal(error.status, 413);
    assert.match(error.message, /^the query text is 20040 bytes; the limit is 20000 \(MAX_QUERY_BYTES\)$/);
  });

  test("request body over MAX_BODY_BYTES is PAYLOAD_TOO_LARGE", async () => {
    // By default a 5 MiB document fits, escaped as JSON (issue 14: a 1 MB limit refused it).
    assert.equal(DEFAULT_LIMITS.bodyBytes, 2 * 5 * 1024 * 1024 + 64 * 1024);
    assert.equal(loadConfig({}).MAX_BODY_BYTES, DEFAULT_LIMITS.bodyBytes);
    assert.equal(loadConfig({ MAX_DOCUMENT_BYTES: "100" }).MAX_BODY_BYTES, 1_000_000);
    assert.equal(loadConfig({ MAX_BODY_BYTES: "2000" }).MAX_BODY_BYTES, 2000);
    const body = JSON.stringify({ query: "{ articles { totalCount } }", variables: { pad: "x".repeat(DEFAULT_LIMITS.bodyBytes) } });
    const error = onlyError(await post(server.url, body));
    assert.equal(error.status, 413);
    assert.equal(error.code, "PAYLOAD_TOO_LARGE");
    assert.equal(error.message, `request body exceeds ${DEFAULT_LIMITS.bodyBytes} bytes (MAX_BODY_BYTES)`);
  });

  test("batches: up to MAX_BATCH_OPERATIONS operations run, more are TOO_MANY_OPERATIONS", async () => {
    const op = { query: "{ articles { totalCount } }" };
    const ok = await post(server.url, [op, op, op]);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json, Array(3).fill({ data: { articles: { totalCount: 1 } } }));
    const error = onlyError(await post(server.url, [op, op, op, op]));
    assert.equal(error.status, 400);
    assert.equal(error.code, "TOO_MANY_OPERATIONS");
    assert.equal(error.message, "a request may batch at most 3 operations (MAX_BATCH_OPERATIONS), got 4");
  });

  test("page size: first over 100 is BAD_USER_INPUT", async () => {
    const error = onlyError(await post(server.url, { query: "{ people(first: 101) { totalCount } }" }));
    assert.equal(error.code, "BAD_USER_INPUT");
    assert.equal(error.message, "first may not exceed 100, got 101");
  });

  test("CSRF prevention: a GET or a text/plain POST without a preflight header is refused", async () => {
    const query = encodeURIComponent("{ articles { totalCount } }");
    const get = await fetch(`${server.url}?query=${query}`);
    assert.equal(get.status, 400);
    assert.match(await get.text(), /This operation has been blocked as a potential Cross-Site Request Forgery/);
    const plain = await fetch(server.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ articles { totalCount } }" }) });
    assert.equal(plain.status, 400);
    assert.match(await plain.text(), /Cross-Site Request Forgery/);
    // With the header (what non-browser clients send), the same GET answers.
    const preflighted = await fetch(`${server.url}?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    assert.equal(preflighted.status, 200);
    assert.deepEqual(await preflighted.json(), { data: { articles: { totalCount: 1 } } });
  });

  test("introspection is on outside production", async () => {
    const { json } = await post(server.url, { query: "{ __schema { queryType { name } } }" });
    assert.deepEqual(json, { data: { __schema: { queryType: { name: "Query" } } } });
  });
});

/** A store whose every query waits forever, as behind a database that stopped answering. */
function hangingStore(): DbHandle {
  const never = () => new Promise<never>(() => undefined);
  const model = new Proxy({}, { get: () => never });
  const db = new Proxy({}, { get: (_t, key) => (typeof key === "string" && key.startsWith("$") ? never : model) }) as DbHandle["db"];
  return { db, writer: db, dialect: DIALECTS.sqlite, close: async () => undefined };
}

test("an operation over EXECUTION_TIMEOUT_MS is answered with TIMEOUT, and the server goes on", async () => {
  const server = await startServer({ store: hangingStore(), port: 0, host: "127.0.0.1", limits: { timeoutMs: 300 } });
  try {
    const error = onlyError(await post(server.url, { query: "{ articles { totalCount } }" }));
    assert.equal(error.status, 504);
    assert.equal(error.code, "TIMEOUT");
    assert.equal(error.message, "the operation did not finish within 300 ms (EXECUTION_TIMEOUT_MS)");
    // A request that needs no database still answers.
    const ok = await post(server.url, { query: "{ __typename }" });
    assert.deepEqual(ok.json, { data: { __typename: "Query" } });
  } finally {
    await server.stop();
  }
});

test("introspection follows INTROSPECTION, and every limit is configurable from the environment", async () => {
  const config = loadConfig({ NODE_ENV: "development", INTROSPECTION: "false", MAX_QUERY_DEPTH: "3", MAX_QUERY_COST: "99", MAX_ALIASES: "2" });
  assert.equal(config.INTROSPECTION, false);
  assert.equal(loadConfig({ NODE_ENV: "production" }).INTROSPECTION, false);
  assert.equal(loadConfig({ NODE_ENV: "production", INTROSPECTION: "true" }).INTROSPECTION, true);
  assert.throws(() => loadConfig({ MAX_QUERY_COST: "-1" }), /invalid environment: MAX_QUERY_COST/);
  assert.throws(() => loadConfig({ API_TOKEN: "short" }), /invalid environment: API_TOKEN: must be at least 16 characters/);
  const { serverSettings } = await import("../src/server/server.ts");
  const server = await startServer({ store: hangingStore(), port: 0, host: "127.0.0.1", ...serverSettings(config) });
  try {
    const introspection = onlyError(await post(server.url, { query: "{ __schema { queryType { name } } }" }));
    assert.equal(introspection.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(introspection.message, /introspection is not allowed/i);
    assert.equal(onlyError(await post(server.url, { query: "{ a: __typename b: __typename c: __typename }" })).code, "TOO_MANY_ALIASES");
    assert.equal(onlyError(await post(server.url, { query: "{ articles { edges { node { people { totalCount } } } } }" })).code, "QUERY_TOO_DEEP");
    assert.equal(onlyError(await post(server.url, { query: "{ articles(first: 100) { totalCount } }" })).code, "QUERY_TOO_COSTLY");
  } finally {
    await server.stop();
  }
});

test("a client running MAX_EXPENSIVE_PER_CLIENT expensive operations gets TOO_MANY_EXPENSIVE_OPERATIONS for one more; others go on", async () => {
  // A store whose every read waits until the test opens the gate.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let reads = 0;
  const wait = () => { reads++; return gate.then(() => []); };
  const model = new Proxy({}, { get: (_t, key) => (key === "count" ? () => wait().then(() => 0) : wait) });
  const db = new Proxy({}, { get: (_t, key) => (typeof key === "string" && key.startsWith("$") ? wait : model) }) as DbHandle["db"];
  const server = await startServer({ store: { db, writer: db, dialect: DIALECTS.sqlite, close: async () => undefined }, port: 0, host: "127.0.0.1", limits: { expensiveCost: 500, expensivePerClient: 2 } });
  const expensive = "{ articles(first: 0) { totalCount } }"; // costs 700
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  try {
    const held = [post(server.url, { query: expensive }, as("client-a-token")), post(server.url, { query: expensive }, as("client-a-token"))];
    while (reads < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const refused = onlyError(await post(server.url, { query: expensive }, as("client-a-token")));
    assert.equal(refused.code, "TOO_MANY_EXPENSIVE_OPERATIONS");
    assert.equal(refused.status, 429);
    assert.match(refused.message, /^this client already runs 2 operations costing 500 or more \(MAX_EXPENSIVE_PER_CLIENT, EXPENSIVE_QUERY_COST\)/);
    // Cheap operations of the same client, and another client's expensive one, are not held back.
    assert.deepEqual((await post(server.url, { query: "{ __typename }" }, as("client-a-token"))).json, { data: { __typename: "Query" } });
    const other = post(server.url, { query: expensive }, as("client-b-token"));
    while (reads < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    open();
    for (const done of [...held, other]) assert.deepEqual((await done).json, { data: { articles: { totalCount: 0 } } });
    // Finished operations give their slots back.
    assert.deepEqual((await post(server.url, { query: expensive }, as("client-a-token"))).json, { data: { articles: { totalCount: 0 } } });
  } finally {
    open();
    await server.stop();
  }
});
