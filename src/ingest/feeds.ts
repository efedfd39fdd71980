// Feeds in: the items of RSS or Atom feeds (src/documents/feeds.ts reads them and fetches
// their pages) stored through the one ingest loop (./batch.ts), in feed order. An item whose
// URL is stored already is a duplicate, not fetched; a page that cannot be had is reported
// (`npm run watch` tries it again later).
import type { DbHandle } from "../store/client.ts";
import { knownUrls } from "../store/publishers.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import { DocumentError } from "../documents/document-error.ts";
import { FetchError } from "../documents/fetch.ts";
import { itemDocument, readFeed } from "../documents/feeds.ts";
import type { Feed, FeedItem } from "../documents/formats/feed.ts";
import { ingestSources, type Outcome, type Source } from "./batch.ts";

export type ItemOutcome = Outcome;

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

/** Fetches, analyses and stores the items (those whose URL is stored already are duplicates, not fetched). */
export async function loadFeedItems(store: DbHandle, feedName: string, items: FeedItem[], options: FeedLoadOptions): Promise<ItemResult[]> {
  const names = items.map((item, i) => item.link ?? `${feedName}#${i + 1}`);
  const known = await knownUrls(store, items.flatMap((item) => (item.link ? [item.link] : [])));
  const results: ItemResult[] = new Array(items.length);
  const sources: Source<number>[] = [];
  items.forEach((item, i) => {
    if (item.link && known.has(item.link)) results[i] = { name: names[i]!, outcome: "duplicate" };
    // Fetched when the loop takes it in: at most `concurrency` at once.
    else sources.push({ name: names[i]!, ref: i, task: () => itemDocument(item, names[i]!, options.maxDocumentBytes, options.timeoutMs) });
  });
  await ingestSources(
    store,
    options.pool,
    sources,
    {
      onWritten: (stored) => {
        for (const { source, outcome } of stored) results[source.ref!] = { name: source.name, outcome };
      },
      onRejected: (source, reason) => (results[source.ref!] = { name: source.name, outcome: "failed", reason }),
    },
    { maxDocumentBytes: options.maxDocumentBytes, window: Math.max(options.concurrency ?? 4, 1), batchSize: Math.max(sources.length, 1) },
  );
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
