// GraphiQL at /graphiql in a real browser (Debian's Chromium): the page loads only from our
// server, opens on the seed article's query, and running it shows the article's title.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { sqliteBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { chromiumSkipReason, openBrowser, runDefaultQuery, visibleText, type Browser } from "./helpers/browser.ts";

const TITLE = "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency";
const TOKEN = "graphiql-e2e-token-0123456789";
const skip = chromiumSkipReason();
if (skip) console.log(`SKIP graphiql e2e: ${skip}`);

describe("GraphiQL in Chromium", { skip, timeout: 180_000 }, () => {
  let backend: Backend;
  let server: TestServer;
  let browser: Browser;
  let origin: string;

  before(async () => {
    backend = sqliteBackend();
    server = await startTestServer(backend, ["seeds"], { apiToken: TOKEN });
    origin = new URL(server.url).origin;
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await backend?.dispose();
  });

  test("the default tab's query runs with the run button and shows the seed article's title", async () => {
    await runDefaultQuery(browser.page, `${origin}/graphiql`, TITLE);
    const result = await visibleText(browser.page, ".graphiql-response .view-lines");
    assert.ok(result.includes(`"title": "${TITLE}"`), result.slice(0, 500));
  });

  test("the explorer plugin lists the schema's root fields", async () => {
    await browser.page.getByRole("button", { name: /show graphiql explorer/i }).click();
    const explorer = browser.page.locator(".graphiql-explorer-root");
    await explorer.getByText("articles", { exact: true }).first().waitFor();
    for (const field of ["people", "organizations", "places", "quotes"]) {
      assert.ok(await explorer.getByText(field, { exact: true }).first().isVisible(), field);
    }
  });

  test("a subscription runs over WebSocket and shows an article as it is stored", async () => {
    const { page } = browser;
    const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("subscription Live { articleAdded { title } }");
    await page.locator(".graphiql-query-editor .view-lines", { hasText: "articleAdded" }).waitFor();
    await page.locator("button.graphiql-execute-button").click();
    // The server counts the subscription once GraphiQL's socket has started it.
    const deadline = Date.now() + 30_000;
    while (!/^graphql_subscriptions 1$/m.test(await (await fetch(`${origin}/metrics`)).text())) {
      if (Date.now() > deadline) throw new Error("the subscription never started");
      await page.waitForTimeout(100);
    }
    const text = "Harbour talks in Valletta\n\nMaria Lopez met Peter Novak in Valletta on Monday.\n";
    const { errors } = await server.gql(`mutation($text: String!) { ingestArticle(input: { text: $text, fileName: "live.txt" }) { status } }`, { text }, { authorization: `Bearer ${TOKEN}` });
    assert.equal(errors, undefined, JSON.stringify(errors));
    while (!(await visibleText(page, ".graphiql-response .view-lines")).includes('"title": "Harbour talks in Valletta"')) {
      if (Date.now() > deadline) throw new Error(`the result pane never showed the new article: ${await visibleText(page, ".graphiql-response .view-lines")}`);
      await page.waitForTimeout(200);
    }
  });

  test("everything the page loaded came from our server, and nothing failed", () => {
    const foreign = browser.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
    assert.deepEqual(foreign, []);
    for (const asset of ["/graphiql/assets/graphiql.js", "/graphiql/assets/graphql.worker.js", "/graphql"]) {
      assert.ok(browser.requests.some((url) => url.startsWith(`${origin}${asset}`)), `${asset} in ${browser.requests.join(" ")}`);
    }
    assert.deepEqual(browser.errors, []);
  });
});
