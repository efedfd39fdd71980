// What clients and logs see when things go wrong: in production (NODE_ENV=production,
// `npm start` as deployed) an internal error is "Internal server error" and nothing more,
// introspection and schema hints are off, and the logs name the error but carry no
// request body or token; a database that cannot be reached is SERVICE_UNAVAILABLE.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import Database from "better-sqlite3";
import { sqliteBackend } from "./helpers/graph.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { sqliteFilePath } from "../src/store/database-url.ts";
import { startServer } from "../src/server/server.ts";

const MARKER = "secret-request-text-7f3a";
const TOKEN = "production-token-0123456789";

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, text: await response.text() };
}

test("in production an internal error is 'Internal server error' only, and the logs hold no request body", { timeout: 60_000 }, async () => {
  const backend = sqliteBackend();
  try {
    await migrateDatabase(backend.url);
    const store = await openDb(backend.url);
    await loadDocuments(store, ["seeds"]);
    await store.close();
    // A broken database: the quote table is gone, so every quote query fails inside Prisma.
    const db = new Database(sqliteFilePath(backend.url));
    db.exec("DROP TABLE quote");
    db.close();

    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: backend.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", API_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logs = "";
    child.stderr.on("data", (d) => (logs += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        logs += d;
        const match = /serving (http:\/\/\S+)/.exec(logs);
        if (match) resolve(match[1]!.replace("localhost", "127.0.0.1"));
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${logs}`)));
    });
    try {
      const broken = await post(url, `query Q($s: String) { quotes(filter: { search: $s }) { totalCount } }`, { s: MARKER }, { authorization: `Bearer ${TOKEN}` });
      assert.equal(broken.status, 200);
      assert.deepEqual(JSON.parse(broken.text), {
        data: null,
        errors: [{ message: "Internal server error", locations: [{ line: 1, column: 23 }], path: ["quotes"], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
      for (const leak of [/quote/i, /select/i, /table/i, /\/work|\.ts\b|node_modules/, /prisma/i, /\bat \w/]) {
        assert.doesNotMatch(broken.text.replace('"path":["quotes"]', ""), leak);
      }

      const introspection = await post(url, "{ __schema { types { name } } }");
      assert.match(introspection.text, /GraphQL introspection is not allowed/);
      const typo = await post(url, "{ artcles { totalCount } }");
      assert.doesNotMatch(typo.text, /Did you mean/);
      assert.match(typo.text, /GRAPHQL_VALIDATION_FAILED/);
      assert.equal((await fetch(url.replace(/graphql$/, "graphiql"))).status, 404);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    assert.match(logs, /"msg":"resolver failed"/, "the error is logged for operators");
    assert.match(logs, /no such table/, "with its cause");
    assert.ok(!logs.includes(MARKER), "no request body or variable in the logs");
    assert.ok(!logs.includes(TOKEN), "no token in the logs");
  } finally {
    await backend.dispose();
  }
});

test("a database that cannot be reached is SERVICE_UNAVAILABLE: 'database unavailable, retry'", async () => {
  // Nothing listens on port 1: every connection attempt is refused at once.
  const store = await openDb("postgresql://postgres@127.0.0.1:1/nowhere");
  const server = await startServer({ store, port: 0, host: "127.0.0.1", production: true });
  try {
    const { text } = await post(server.url, "{ articles { totalCount } people { totalCount } }");
    const body = JSON.parse(text) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
    assert.equal(body.data, null);
    assert.deepEqual(new Set(body.errors.map((e) => `${e.extensions.code}: ${e.message}`)), new Set(["SERVICE_UNAVAILABLE: database unavailable, retry"]));
    assert.doesNotMatch(text, /ECONNREFUSED|127\.0\.0\.1|stack/);
  } finally {
    await server.stop();
    await store.close();
  }
});
