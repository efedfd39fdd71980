// Feeds in: read an RSS or Atom feed (a URL, or a saved file) and fetch the page of each
// item (src/ingest/feeds.ts stores them). The page says most about its article (canonical
// URL, date, authors); the feed item fills what the page leaves out. A page that cannot be
// fetched is read from the item's own full text when it has one (`content:encoded`).
import { fetchLimited, FetchError } from "./fetch.ts";
import { parseFeed, type Feed, type FeedItem } from "./formats/feed.ts";
import { decodeDocument } from "./parse.ts";
import { DocumentError } from "./document-error.ts";
import { isFileError, readLimited, type DocumentInput } from "./read.ts";
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

/** An item's own full text as a page, when it carries one. */
function itemPage(item: FeedItem): Uint8Array | null {
  if (item.content.replace(/<[^>]*>/g, " ").trim().length < 200) return null;
  return Buffer.from(`<!doctype html><html><head><title></title></head><body><article>${item.content}</article></body></html>`, "utf8");
}

/**
 * What to read for a feed item (the loader's way): its page, fetched, with the item's
 * fields for what the page leaves out; else the item's own full text. Throws DocumentError
 * naming the item when there is neither.
 */
export async function itemDocument(item: FeedItem, name: string, maxBytes: number, timeoutMs?: number): Promise<DocumentInput> {
  let fetchFailure: string | null = null;
  if (item.link) {
    try {
      const page = await fetchLimited(item.link, { maxBytes, timeoutMs, accept: PAGE_ACCEPT });
      return { bytes: page.bytes, pageUrl: page.url, fallback: item.meta };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      fetchFailure = error.reason;
    }
  }
  const own = itemPage(item);
  if (own) return { bytes: own, format: "html", meta: item.meta };
  throw new DocumentError(name, fetchFailure ?? "the item has no link and no text of its own");
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
