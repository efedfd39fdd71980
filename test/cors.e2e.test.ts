// A frontend on another origin calling the API from a real browser (Debian's Chromium):
// a page served on origin A, listed in CORS_ORIGINS, reads and writes through the API on
// origin B with the headers Apollo clients send (the browser's preflight must allow them);
// a page on an origin not listed is refused by the browser, and its write never happens.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { chromiumSkipReason, openBrowser, type Browser } from "./helpers/browser.ts";

const TITLE = "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency";
const TOKEN = "cors-e2e-token-0123456789";
const skip = chromiumSkipReason();
if (skip) console.log(`SKIP cors e2e: ${skip}`);

/** A frontend's origin: one empty page, served from its own port. */
async function frontend(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>frontend</title><p>frontend</p>");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`, server };
}

/** What the page's own script gets from `fetch`: the answer, or the error the browser gave it. */
interface PageResult {
  status?: number;
  body?: unknown;
  error?: string;
}

describe("CORS from a page on another origin, in Chromium", { skip, timeout: 180_000 }, () => {
  let backend: Backend;
  let api: TestServer;
  let allowed: Awaited<ReturnType<typeof frontend>>;
  let refused: Awaited<ReturnType<typeof frontend>>;
  let browser: Browser;

  /** Runs `fetch` inside the page at `origin`, as its own script would. */
  async function fetchFrom(origin: string, init: { method: string; headers: Record<string, string>; body?: string }, url = api.url): Promise<PageResult> {
    await browser.page.goto(`${origin}/`);
    return browser.page.evaluate(
      async ({ url, init }) => {
        try {
          const response = await fetch(url, init);
          return { status: response.status, body: await response.json() };
        } catch (error) {
          return { error: String(error) };
        }
      },
      { url, init },
    );
  }

  const query = (text: string, headers: Record<string, string> = {}) => ({
    method: "POST",
    // What Apollo Client sends: JSON, its client-awareness headers, the operation name.
    headers: { "content-type": "application/json", "apollographql-client-name": "cors-e2e", "apollographql-client-version": "1.0", "x-apollo-operation-name": "Page", ...headers },
    body: JSON.stringify({ query: text }),
  });

  before(async () => {
    allowed = await frontend();
    refused = await frontend();
    backend = sqliteBackend();
    // The API listens on localhost, the frontends on 127.0.0.1: other hosts and ports, other origins.
    api = await startTestServer(backend, ["seeds"], { corsOrigins: [allowed.origin], apiToken: TOKEN });
    assert.notEqual(new URL(api.url).origin, allowed.origin);
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
    await backend?.dispose();
    allowed?.server.close();
    refused?.server.close();
  });

  test("a listed origin's page queries the API and reads the data", async () => {
    const result = await fetchFrom(allowed.origin, query(`query Page { articles(first: 1) { edges { node { title } } } }`));
    assert.deepEqual(result, { status: 200, body: { data: { articles: { edges: [{ node: { title: TITLE } }] } } } });
  });

  test("it writes with its bearer token, and sends a GET with Apollo's CSRF header", async () => {
    const text = "Harbour reopens in Oslo\n\nMaria Lopez reopened the harbour in Oslo on Monday.\n";
    const ingest = query(`mutation { ingestArticle(input: { text: ${JSON.stringify(text)}, fileName: "cors.txt" }) { created article { title } } }`, {
      authorization: `Bearer ${TOKEN}`,
    });
    const written = await fetchFrom(allowed.origin, ingest);
    assert.deepEqual(written, { status: 200, body: { data: { ingestArticle: { created: true, article: { title: "Harbour reopens in Oslo" } } } } });
    const get = await fetchFrom(allowed.origin, { method: "GET", headers: { "apollo-require-preflight": "true" } }, `${api.url}?query=${encodeURIComponent("{ articles { totalCount } }")}`);
    assert.deepEqual(get, { status: 200, body: { data: { articles: { totalCount: 2 } } } });
  });

  test("a page on an origin not listed is refused by the browser, and its write never reaches the API", async () => {
    const read = await fetchFrom(refused.origin, query(`query Page { articles(first: 1) { edges { node { title } } } }`));
    assert.deepEqual(read, { error: "TypeError: Failed to fetch" });
    assert.ok(browser.errors.some((e) => /has been blocked by CORS policy/.test(e) && e.includes(refused.origin)), browser.errors.join("\n"));
    const text = "Bridge opens in Lisbon\n\nClara Moreau opened the bridge in Lisbon.\n";
    const write = await fetchFrom(refused.origin, query(`mutation { ingestArticle(input: { text: ${JSON.stringify(text)}, fileName: "refused.txt" }) { created } }`, { authorization: `Bearer ${TOKEN}` }));
    assert.deepEqual(write, { error: "TypeError: Failed to fetch" });
    const { data } = await api.gql(`{ articles { totalCount } }`);
    assert.equal(data!.articles.totalCount, 2, "only the listed origin's article is stored");
  });
});
