// The example frontend (examples/web: React, Apollo Client, Vite) built from source and
// served from its own origin, in Debian's Chromium against a real server on another origin
// (CORS_ORIGINS lists the frontend's): the list shows the stored articles, an article shows
// its entity mentions as links and its quotes highlighted where the API's offsets say, a
// mention's link opens the entity, and an article ingested through the API appears in the
// list live (articleAdded over WebSocket), without a reload.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { build } from "vite";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { chromiumSkipReason, openBrowser, type Browser } from "./helpers/browser.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TITLE = "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency";
const TOKEN = "web-e2e-token-0123456789";
const skip = chromiumSkipReason();
if (skip) console.log(`SKIP web e2e: ${skip}`);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/** The built app on its own origin: a static file server over `dir`. */
async function serveStatic(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^\/+/, "") || "index.html";
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`, server };
}

type Mention = { start: number; end: number; text: string; entity: { __typename: string; id: string; name: string } | null };

describe("the example frontend in Chromium, from another origin", { skip, timeout: 300_000 }, () => {
  let out: string;
  let app: Awaited<ReturnType<typeof serveStatic>>;
  let backend: Backend;
  let api: TestServer;
  let browser: Browser;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), "newsgraph-web-"));
    await build({ configFile: join(ROOT, "examples", "web", "vite.config.ts"), build: { outDir: out, emptyOutDir: true } });
    app = await serveStatic(out);
    backend = sqliteBackend();
    // The API on localhost, the app on 127.0.0.1: other hosts and ports, other origins.
    api = await startTestServer(backend, ["seeds"], { corsOrigins: [app.origin], apiToken: TOKEN });
    assert.notEqual(new URL(api.url).origin, app.origin);
    browser = await openBrowser();
    await browser.page.goto(`${app.origin}/?api=${encodeURIComponent(api.url)}`);
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
    await backend?.dispose();
    app?.server.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test("the list shows the stored article", async () => {
    const item = browser.page.locator('[data-testid="articles"] a', { hasText: TITLE });
    await item.waitFor({ timeout: 30_000 });
    assert.equal(await browser.page.locator('[data-testid="articles"] li').count(), 1);
  });

  test("an article shows its mentions as links to their entities and its quotes highlighted, at the API's offsets", async () => {
    const { data } = await api.gql(`{ articles(first: 1) { edges { node { body
      mentions(first: 100) { totalCount edges { node { start end text entity { __typename id name } } } }
      quotes(first: 100) { edges { node { start end text } } } } } } }`);
    const article = data!.articles.edges[0].node;
    const mentions: Mention[] = article.mentions.edges.map((e: { node: Mention }) => e.node);
    assert.ok(mentions.length > 5 && mentions.length === article.mentions.totalCount, `${mentions.length} mentions`);
    await browser.page.locator('[data-testid="articles"] a', { hasText: TITLE }).click();
    const body = browser.page.locator('[data-testid="body"]');
    await body.locator("a.mention").first().waitFor({ timeout: 30_000 });
    // The page shows the body as stored, every mention a link to its entity.
    assert.equal(await body.innerText(), article.body);
    const links = await body.locator("a.mention").evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute("href"), title: a.getAttribute("title") })));
    assert.deepEqual(links, mentions.map((m) => ({ text: m.text, href: `#/entity/${encodeURIComponent(m.entity!.id)}`, title: m.entity!.name })));
    assert.ok(links.some((l) => l.title === "Yury Ushakov"), JSON.stringify(links));
    // Each quote is one highlight, of exactly the quoted words (links inside it included).
    const quotes: { start: number; end: number; text: string }[] = article.quotes.edges.map((e: { node: unknown }) => e.node);
    assert.ok(quotes.length > 0);
    const marks = await body.locator("mark.quote").allInnerTexts();
    assert.deepEqual(marks, quotes.map((q) => article.body.slice(q.start, q.end)));
    assert.deepEqual(marks, quotes.map((q) => q.text));
  });

  test("a mention's link opens its entity", async () => {
    await browser.page.locator('[data-testid="body"] a.mention[title="Yury Ushakov"]').first().click();
    await browser.page.locator('[data-testid="entity-name"]', { hasText: "Yury Ushakov" }).waitFor({ timeout: 30_000 });
    assert.match(browser.page.url(), /#\/entity\//);
  });

  test("an article ingested through the API appears in the list live, without a reload", async () => {
    // Marks this page load: a reload would lose it.
    await browser.page.evaluate(() => ((globalThis as unknown as { loaded: string }).loaded = "first"));
    const text = "Harbour talks in Valletta\n\nMaria Lopez met Peter Novak in Valletta on Monday.\n\n“We will rebuild the harbour,” Lopez said.\n";
    const { data, errors } = await api.gql(`mutation($text: String!) { ingestArticle(input: { text: $text, fileName: "web-e2e.txt" }) { status } }`, { text }, {
      authorization: `Bearer ${TOKEN}`,
    });
    assert.equal(errors, undefined, JSON.stringify(errors));
    assert.equal(data!.ingestArticle.status, "CREATED");
    await browser.page.locator('[data-testid="articles"] a', { hasText: "Harbour talks in Valletta" }).waitFor({ timeout: 30_000 });
    assert.equal(await browser.page.evaluate(() => (globalThis as unknown as { loaded?: string }).loaded), "first");
    assert.deepEqual(await browser.page.locator('[data-testid="articles"] li a').allInnerTexts(), ["Harbour talks in Valletta", TITLE]);
    assert.deepEqual(browser.errors, []);
  });
});
