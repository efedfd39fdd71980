// The GraphQL over HTTP spec's conformance audits (graphql-http's serverAudits) against the
// real server: no MUST may fail. SHOULD and MAY results that are not ok are printed as
// diagnostics: Apollo Server answers 400 to a document that does not parse or validate, or
// whose variables do not coerce, under `accept: application/json` (the spec would have 200),
// and its CSRF prevention refuses a GET without `apollo-require-preflight` (the MAY audits of GETs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAudits } from "graphql-http";
import { sqliteBackend, startTestServer } from "./helpers/graph.ts";

test("graphql-http's server audits: every MUST passes", async (t) => {
  const backend = sqliteBackend();
  const server = await startTestServer(backend, ["seeds"]);
  try {
    const results = [];
    for (const audit of serverAudits({ url: server.url })) results.push(await audit.fn());
    const must = results.filter((r) => r.name.startsWith("MUST"));
    // The suite really ran (graphql-http 1.23 has 13 MUST, 23 SHOULD and 25 MAY audits).
    assert.ok(must.length >= 13 && results.length >= 60, `${must.length} MUST audits of ${results.length}`);
    const failed = must.flatMap((r) => (r.status === "ok" ? [] : [`${r.name}: ${r.reason}`]));
    assert.deepEqual(failed, []);
    for (const r of results) if (r.status !== "ok") t.diagnostic(`${r.status}: ${r.name}: ${r.reason}`);
  } finally {
    await server.stop();
    await backend.dispose();
  }
});
