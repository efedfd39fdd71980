// Debian's Chromium driven by playwright-core (which never downloads a browser), for the
// GraphiQL end-to-end test and the docs screenshot.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or false. Under CI=true they must run: never a reason. */
export function chromiumSkipReason(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI === "true") return false;
  return `${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`;
}

export interface Browser {
  page: Page;
  /** Every URL the page requested, workers included. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    page,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A pane's text as a person reads it: Monaco renders spaces as no-break spaces and wraps
 * long lines into separate rows, so every run of white space counts as one space.
 */
export async function visibleText(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, " ");
}

/**
 * Opens GraphiQL, runs the query of its default tab with the run button, and waits until
 * the result pane shows `expected`.
 */
export async function runDefaultQuery(page: Page, graphiqlUrl: string, expected: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(graphiqlUrl);
  // The operation editor has the default tab's query once Monaco is up.
  await page.locator(".graphiql-query-editor .view-lines", { hasText: "ArticlePage" }).waitFor({ timeout: timeoutMs });
  await page.locator("button.graphiql-execute-button").click();
  const deadline = Date.now() + timeoutMs;
  while (!(await visibleText(page, ".graphiql-response .view-lines")).includes(expected)) {
    if (Date.now() > deadline) throw new Error(`the result pane never showed "${expected}"`);
    await page.waitForTimeout(200);
  }
}
