// Feeds in: read an RSS or Atom feed (a URL, or a saved file), fetch the page of each
// item not stored yet, and store them as the loader does (analysis on the pool's
// threads, one write transaction). The page says most about its article (canonical URL,
// date, authors); the feed item fills what the page leaves out. A page that cannot be
// fetched is read from the item's own full text when it has one (`content:encoded`),
// else reported: `npm run watch` tries it again later.
import type { DbHandle } from "../store/client.ts";
import { saveArticles } from "../store/save-article.ts";
import { knownUrls } from "../store/publishers.ts";
import { fetchLimited, FetchError } from "./fetch.ts";
import { parseFeed, type Feed, type FeedItem } from "./formats/feed.ts";
import { decodeDocument } from "./parse.ts";
import { DocumentError } from "./document-error.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import { isFileError, readLimited, type Prepared } from "../analysis/runtime/prepare.ts";
import type { DocumentMeta } from "../domain/document.ts";

export interface FeedState {
  etag?: string | null;
  lastModified?: string | null;
}

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/**
 * Reads a feed from a URL (conditionally, with the state of the last read) or a file.
 * Null when the server says it has not changed. Throws DocumentError or FetchError
 * naming the source.
 */
export async function readFeed(source: string, maxBytes: number, state: FeedState = {}, timeoutMs?: number): Promise<{ feed: Feed | null; state: FeedState }> {
  let bytes: Uint8Array;
  let next: FeedState = state;
  if (isUrl(source)) {
    const fetched = await fetchLimited(source, { maxBytes, timeoutMs, etag: state.etag, lastModified: state.lastModified, accept: FEED_ACCEPT });
    next = { etag: fetched.etag ?? state.etag, lastModified: fetched.lastModified ?? state.lastModified };
    if (fetched.status === 304) return { feed: null, state: next };
    bytes = fetched.bytes;
  } else {
    try {
      bytes = await readLimited(source, source, maxBytes);
    } catch (error) {
      if (isFileError(error)) throw new DocumentError(source, error.message);
      throw error;
    }
  }
  return { feed: await parseFeed(decodeDocument(bytes, source), source), state: next };
}

export type ItemOutcome = "loaded" | "copy" | "duplicate" | "failed";

export interface ItemResult {
  /** The item's link (or the feed and item number when it has none). */
  name: string;
  outcome: ItemOutcome;
  reason?: string;
}

export interface FeedLoadOptions {
  maxDocumentBytes: number;
  pool: AnalysisPool;
  timeoutMs?: number;
  /** Pages fetched at once. */
  concurrency?: number;
}

/** An item's own full text as a page, when it carries one. */
function itemPage(item: FeedItem): Uint8Array | null {
  if (item.content.replace(/<[^>]*>/g, " ").trim().length < 200) return null;
  return Buffer.from(`<!doctype html><html><head><title></title></head><body><article>${item.content}</article></body></html>`, "utf8");
}

async function prepareItem(item: FeedItem, name: string, options: FeedLoadOptions): Promise<Prepared> {
  const { maxDocumentBytes, pool } = options;
  let fetchFailure: string | null = null;
  if (item.link) {
    try {
      const page = await fetchLimited(item.link, { maxBytes: maxDocumentBytes, timeoutMs: options.timeoutMs, accept: PAGE_ACCEPT });
      return await pool.prepare({ bytes: page.bytes, name, maxDocumentBytes, pageUrl: page.url, fallback: item.meta });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      fetchFailure = error.reason;
    }
  }
  const own = itemPage(item);
  if (own) return pool.prepare({ bytes: own, name, maxDocumentBytes, format: "html", meta: item.meta });
  return { ok: false, reason: fetchFailure ?? "the item has no link and no text of its own" };
}

/** Fetches, analyses and stores the items (those whose URL is stored already are duplicates, not fetched). */
export async function loadFeedItems(store: DbHandle, feedName: string, items: FeedItem[], options: FeedLoadOptions): Promise<ItemResult[]> {
  const names = items.map((item, i) => item.link ?? `${feedName}#${i + 1}`);
  const known = await knownUrls(store, items.flatMap((item) => (item.link ? [item.link] : [])));
  const results: ItemResult[] = new Array(items.length);
  const prepared: { index: number; article: Prepared & { ok: true } }[] = [];
  let next = 0;
  const work = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      if (item.link && known.has(item.link)) {
        results[i] = { name: names[i]!, outcome: "duplicate" };
        continue;
      }
      const result = await prepareItem(item, names[i]!, options);
      if (result.ok) prepared.push({ index: i, article: result });
      else results[i] = { name: names[i]!, outcome: "failed", reason: result.reason };
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, items.length) }, work));
  // Stored in feed order, whatever order the fetches finished in.
  prepared.sort((a, b) => a.index - b.index);
  const saved = await saveArticles(store, prepared.map((p) => p.article));
  saved.forEach((result, k) => {
    const i = prepared[k]!.index;
    const outcome: ItemOutcome = result.status === "created" || result.status === "updated" ? "loaded" : result.status;
    results[i] = { name: names[i]!, outcome };
  });
  return results;
}

/** Every item of the feeds (URLs or files), counted by outcome; each failure (a feed, a page) is passed to `onFailure`. */
export async function loadFeedSources(
  store: DbHandle,
  sources: string[],
  options: FeedLoadOptions,
  onFailure: (failure: { file: string; reason: string }) => void,
): Promise<Record<ItemOutcome, number>> {
  const totals: Record<ItemOutcome, number> = { loaded: 0, copy: 0, duplicate: 0, failed: 0 };
  for (const source of sources) {
    let feed: Feed | null;
    try {
      feed = (await readFeed(source, options.maxDocumentBytes, {}, options.timeoutMs)).feed;
    } catch (error) {
      if (!(error instanceof DocumentError) && !(error instanceof FetchError)) throw error;
      onFailure({ file: source, reason: error.reason });
      totals.failed++;
      continue;
    }
    for (const result of await loadFeedItems(store, source, feed?.items ?? [], options)) {
      totals[result.outcome]++;
      if (result.outcome === "failed") onFailure({ file: result.name, reason: result.reason ?? "failed" });
    }
  }
  return totals;
}

/** A feed item's page as a document to enqueue, or why there is none. */
export type FeedPage =
  | { name: string; task: { bytes: Uint8Array; format: "html"; pageUrl?: string; fallback?: DocumentMeta; meta?: DocumentMeta } }
  | { name: string; failure: string };

/** The pages of the feeds' items, fetched one by one (`seed --queue --feed`). */
export async function* feedPages(feeds: string[], maxBytes: number, timeoutMs?: number): AsyncGenerator<FeedPage> {
  for (const source of feeds) {
    let feed: Feed | null;
    try {
      feed = (await readFeed(source, maxBytes, {}, timeoutMs)).feed;
    } catch (error) {
      if (!(error instanceof DocumentError) && !(error instanceof FetchError)) throw error;
      yield { name: source, failure: error.reason };
      continue;
    }
    for (const [i, item] of (feed?.items ?? []).entries()) {
      const name = item.link ?? `${source}#${i + 1}`;
      let failure = "the item has no link and no text of its own";
      if (item.link) {
        try {
          const page = await fetchLimited(item.link, { maxBytes, timeoutMs, accept: PAGE_ACCEPT });
          yield { name, task: { bytes: page.bytes, format: "html", pageUrl: page.url, fallback: item.meta } };
          continue;
        } catch (error) {
          if (!(error instanceof FetchError)) throw error;
          failure = error.reason;
        }
      }
      const own = itemPage(item);
      yield own ? { name, task: { bytes: own, format: "html", fallback: item.meta } } : { name, failure };
    }
  }
}
