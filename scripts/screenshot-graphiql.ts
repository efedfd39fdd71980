// npm run docs:screenshot: the README's picture of GraphiQL, taken from a real server with
// the seeds loaded, in Debian's Chromium.
import { statSync } from "node:fs";
import { sqliteBackend, startTestServer } from "../test/helpers/graph.ts";
import { CHROMIUM, chromiumSkipReason, openBrowser, runDefaultQuery } from "../test/helpers/browser.ts";
import { EXIT_USAGE, runCommand } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const HELP = `Usage: npm run docs:screenshot [-- --out docs/graphiql.png]

Starts a server on a scratch SQLite database with seeds/ loaded, opens /graphiql in
${CHROMIUM}, runs the default query, opens the explorer and saves a PNG screenshot.

Options:
  --out <file>  where to write the PNG (default docs/graphiql.png)
  -h, --help    show this help

Exit codes: 0 written, 1 the browser or server failed, 2 usage error or no Chromium.`;

const TITLE = "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency";

async function main(): Promise<number> {
  const { values } = scriptArgs(HELP, { out: { type: "string", default: "docs/graphiql.png" } });
  const missing = chromiumSkipReason();
  if (missing) {
    console.error(`screenshot-graphiql: ${missing}`);
    return EXIT_USAGE;
  }
  const backend = sqliteBackend();
  const server = await startTestServer(backend, ["seeds"]);
  const browser = await openBrowser({ width: 1440, height: 810 });
  try {
    await runDefaultQuery(browser.page, new URL("/graphiql", server.url).href, TITLE);
    await browser.page.getByRole("button", { name: /show graphiql explorer/i }).click();
    await browser.page.locator(".graphiql-explorer-root").getByText("articles", { exact: true }).first().waitFor();
    // The explorer opens scrolled to the field it focused last; show it from the top.
    // (Browser code as a string: this project's TypeScript has no DOM types.)
    await browser.page.evaluate(`
      document.activeElement?.blur();
      for (const el of document.querySelectorAll(".graphiql-sidebar ~ * *")) if (el.scrollTop > 0) el.scrollTop = 0;
    `);
    await browser.page.screenshot({ path: values.out });
  } finally {
    await browser.close();
    await server.stop();
    await backend.dispose();
  }
  console.log(`wrote ${values.out} (${Math.round(statSync(values.out).size / 1024)} KiB)`);
  return 0;
}

runCommand("screenshot-graphiql", HELP, main);
