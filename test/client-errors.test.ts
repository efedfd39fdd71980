// Client mistakes against `npm start` as deployed (NODE_ENV=production, introspection
// off): each is a 4xx answer with its own code and a message without internals or schema
// hints, and the logs record it at debug level, never as an error with a stack (anyone
// could otherwise fill the error log). Each case used to be INTERNAL_SERVER_ERROR, leak a
// "Did you mean", or pass "Maximum call stack size exceeded" through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TOKEN = "client-errors-token-0123456789";

interface Mistake {
  name: string;
  body: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  message: string | RegExp;
}

const deep = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);

const MISTAKES: Mistake[] = [
  {
    name: "a subscription operation",
    body: { query: "subscription Live { articleAdded { title } }" },
    status: 400,
    code: "SUBSCRIPTIONS_NOT_SUPPORTED",
    message: "subscriptions are served over WebSocket at /graphql (the graphql-ws protocol), not over HTTP",
  },
  {
    name: "an automatic persisted query whose hash does not match its text",
    body: { query: "{ articles { totalCount } }", extensions: { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update("{ people { totalCount } }").digest("hex") } } },
    status: 400,
    code: "PERSISTED_QUERY_HASH_MISMATCH",
    message: "provided sha does not match query",
  },
  {
    name: "5,000 nested selection sets",
    body: { query: `{ articles ${deep("{e", "}", 5000)} }` },
    status: 400,
    code: "QUERY_TOO_DEEP",
    message: "the query text nests brackets more than 74 levels deep; the limit is MAX_QUERY_DEPTH (10) + 64",
  },
  {
    name: "9,000 nested list values in an argument",
    body: { query: `{ articles(filter: { search: ${deep("[", "]", 9000)} }) { totalCount } }` },
    status: 400,
    code: "QUERY_TOO_DEEP",
    message: /^the query text nests brackets more than 74 levels deep/,
  },
  {
    name: "nested parentheses, which are not even GraphQL",
    body: { query: `{ articles${"(".repeat(9000)} }` },
    status: 400,
    code: "QUERY_TOO_DEEP",
    message: /^the query text nests brackets more than 74 levels deep/,
  },
  {
    name: "brackets inside a string and a comment count for nothing",
    body: { query: `# ${"{".repeat(500)}\n{ articles(filter: { search: "${deep("[", "]", 500)}" }) { totalCount } }` },
    status: 200,
    code: "BAD_USER_INPUT",
    message: "filter.search must contain at least one word (letters or digits)",
  },
  {
    name: "a mistyped input field in a variable",
    body: { query: "mutation Ingest($i: IngestArticleInput!) { ingestArticle(input: $i) { created } }", variables: { i: { text: "Title\n\nBody.", fileName: "a.txt", fileNam: "b.txt" } } },
    headers: { authorization: `Bearer ${TOKEN}` },
    status: 400,
    code: "BAD_USER_INPUT",
    message: `Variable "$i" got invalid value { text: "Title\\n\\nBody.", fileName: "a.txt", fileNam: "b.txt" }; Field "fileNam" is not defined by type "IngestArticleInput".`,
  },
  {
    name: "a mistyped enum value in a variable",
    body: { query: "query People($o: EntityOrder) { people(orderBy: $o) { totalCount } }", variables: { o: "NAME_AS" } },
    status: 400,
    code: "BAD_USER_INPUT",
    message: `Variable "$o" got invalid value "NAME_AS"; Value "NAME_AS" does not exist in "EntityOrder" enum.`,
  },
  {
    name: "a mistyped enum value in the query",
    body: { query: "{ people(orderBy: NAME_AS) { totalCount } }" },
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
    message: `Value "NAME_AS" does not exist in "EntityOrder" enum.`,
  },
  {
    name: "a variable nested 100,000 arrays deep",
    // JSON.stringify would overflow the stack on it: the body is written out.
    body: `{"query": "query S($s: String) { articles(filter: { search: $s }) { totalCount } }", "variables": {"s": ${deep("[", "]", 100_000)}}}`,
    status: 400,
    code: "BAD_USER_INPUT",
    message: /^Variable "\$s" got invalid value \[\[\[Array\]\]\]; String cannot represent a non string value/,
  },
  {
    name: "an operationName the document does not define",
    body: { query: "query A { articles(first: 1) { totalCount } }", operationName: "Nope" },
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
    message: 'Unknown operation named "Nope".',
  },
  {
    name: "two operations and no operationName",
    body: { query: "query A { articles(first: 1) { totalCount } } query B { people(first: 1) { totalCount } }" },
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
    message: "Must provide operation name if query contains multiple operations.",
  },
  {
    name: "a body that is not JSON",
    body: '{"query": "{ articles { totalCount } }"',
    status: 400,
    code: "BAD_REQUEST",
    message: "request body is not valid JSON",
  },
];

test("client mistakes in production: 4xx, their own code, no internals or hints, logged at debug level only", { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-client-errors-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${join(dir, "news.db")}`, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "debug", API_TOKEN: TOKEN },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stderr.on("data", (d) => (logs += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        logs += d;
        const match = /serving (http:\/\/\S+)/.exec(logs);
        if (match) resolve(match[1]!.replace("localhost", "127.0.0.1"));
      });
      child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${logs}`)));
    });
    for (const mistake of MISTAKES) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...mistake.headers },
        body: typeof mistake.body === "string" ? mistake.body : JSON.stringify(mistake.body),
      });
      const text = await response.text();
      assert.equal(response.status, mistake.status, `${mistake.name}: ${text.slice(0, 300)}`);
      const { errors } = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
      assert.equal(errors.length, 1, `${mistake.name}: ${text.slice(0, 300)}`);
      assert.equal(errors[0]!.extensions.code, mistake.code, mistake.name);
      if (typeof mistake.message === "string") assert.equal(errors[0]!.message, mistake.message, mistake.name);
      else assert.match(errors[0]!.message, mistake.message, mistake.name);
      for (const leak of [/Did you mean/, /Maximum call stack/, /stacktrace/, /\.ts:\d+/, /node_modules/]) assert.doesNotMatch(text, leak, mistake.name);
    }
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = logs.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { level: number; msg: string; code?: string; err?: unknown });
  assert.deepEqual(lines.filter((l) => l.level >= 40), [], "no warning or error for a client's mistake");
  assert.doesNotMatch(logs, /"stack"/);
  const logged = (msg: string) => lines.filter((l) => l.level === 20 && l.msg === msg).map((l) => l.code);
  assert.deepEqual(
    new Set(logged("graphql error")),
    new Set(["SUBSCRIPTIONS_NOT_SUPPORTED", "PERSISTED_QUERY_HASH_MISMATCH", "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE"]),
  );
  assert.deepEqual(new Set(logged("request refused")), new Set(["QUERY_TOO_DEEP", "BAD_REQUEST"]));
});
