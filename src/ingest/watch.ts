// `npm run watch`: polls feeds, fetching and storing each new item's page. Feeds are read
// conditionally (ETag / Last-Modified), so an unchanged feed costs a 304. A feed that
// fails (unreachable, not a feed) is logged and polled again later, backing off; a page
// that fails is logged and tried again on later polls, backing off, up to a limit; the
// other feeds and pages go on meanwhile.
import { setTimeout as sleep } from "node:timers/promises";
import type { DbHandle } from "../store/client.ts";
import type { Logger } from "../logger.ts";
import { readFeed, type FeedState } from "../documents/feeds.ts";
import { loadFeedItems } from "./feeds.ts";
import type { FeedItem } from "../documents/formats/feed.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";

export interface WatchOptions {
  store: DbHandle;
  pool: AnalysisPool;
  feeds: string[];
  intervalMs: number;
  maxDocumentBytes: number;
  /** Tries of a page before it is given up. */
  pageAttempts?: number;
  timeoutMs?: number;
  logger: Logger;
  signal?: AbortSignal;
  /** Polls every feed once (and retries nothing later). */
  once?: boolean;
  onPoll?(summary: PollSummary): void;
}

export interface PollSummary {
  feed: string;
  notModified: boolean;
  loaded: number;
  copies: number;
  duplicates: number;
  failed: number;
  /** The feed itself could not be read. */
  error?: string;
}

interface Watched {
  source: string;
  state: FeedState;
  failures: number;
  dueAt: number;
}

interface Retry {
  feed: string;
  item: FeedItem;
  attempts: number;
  dueAt: number;
}

/** Waits after the n-th failure in a row: the interval doubled each time, at most a day. */
const backoff = (intervalMs: number, failures: number) => Math.min(intervalMs * 2 ** Math.min(failures - 1, 16), 24 * 3600_000);

/** Polls until the signal aborts (or, with `once`, after one round); resolves with the last round's summaries. */
export async function watchFeeds(options: WatchOptions): Promise<PollSummary[]> {
  const { store, pool, intervalMs, logger: log, signal } = options;
  const attempts = options.pageAttempts ?? 5;
  const feeds: Watched[] = options.feeds.map((source) => ({ source, state: {}, failures: 0, dueAt: 0 }));
  const retries = new Map<string, Retry>();
  const stored = new Set<string>(); // links stored by this watcher (their canonical URL may differ)
  let last: PollSummary[] = [];

  const poll = async (feed: Watched): Promise<PollSummary> => {
    const summary: PollSummary = { feed: feed.source, notModified: false, loaded: 0, copies: 0, duplicates: 0, failed: 0 };
    let items: FeedItem[];
    try {
      const read = await readFeed(feed.source, options.maxDocumentBytes, feed.state, options.timeoutMs);
      feed.state = read.state;
      feed.failures = 0;
      feed.dueAt = Date.now() + intervalMs;
      if (!read.feed) {
        summary.notModified = true;
        log.debug({ feed: feed.source }, "feed not modified");
        return summary;
      }
      items = read.feed.items.filter((item) => !(item.link && (stored.has(item.link) || retries.has(item.link))));
    } catch (error) {
      feed.failures++;
      feed.dueAt = Date.now() + backoff(intervalMs, feed.failures);
      summary.error = error instanceof Error ? error.message : String(error);
      log.warn({ feed: feed.source, err: summary.error, retryInSeconds: Math.round((feed.dueAt - Date.now()) / 1000) }, "feed failed; polled again later");
      return summary;
    }
    await storeItems(feed.source, items, summary, 0);
    return summary;
  };

  const storeItems = async (feed: string, items: FeedItem[], summary: PollSummary, triedBefore: number) => {
    if (items.length === 0) return;
    const results = await loadFeedItems(store, feed, items, { maxDocumentBytes: options.maxDocumentBytes, pool, timeoutMs: options.timeoutMs });
    results.forEach((result, i) => {
      const item = items[i]!;
      if (result.outcome !== "failed") {
        if (result.outcome === "loaded") summary.loaded++;
        else if (result.outcome === "copy") summary.copies++;
        else summary.duplicates++;
        if (item.link) {
          stored.add(item.link);
          retries.delete(item.link);
        }
        if (result.outcome !== "duplicate") log.info({ feed, page: result.name, outcome: result.outcome }, "page stored");
        return;
      }
      summary.failed++;
      const tries = triedBefore + 1;
      if (item.link && tries < attempts && !options.once) {
        const dueAt = Date.now() + backoff(intervalMs, tries);
        retries.set(item.link, { feed, item, attempts: tries, dueAt });
        log.warn({ feed, page: result.name, reason: result.reason, attempt: tries, retryInSeconds: Math.round((dueAt - Date.now()) / 1000) }, "page failed; tried again later");
      } else {
        if (item.link) retries.delete(item.link);
        log.warn({ feed, page: result.name, reason: result.reason, attempt: tries }, options.once ? "page failed" : "page failed; given up");
      }
    });
  };

  for (;;) {
    const now = Date.now();
    const due = feeds.filter((f) => f.dueAt <= now);
    if (due.length) {
      last = [];
      for (const feed of due) {
        if (signal?.aborted) break;
        const summary = await poll(feed);
        last.push(summary);
        options.onPoll?.(summary);
      }
    }
    for (const retry of [...retries.values()].filter((r) => r.dueAt <= Date.now())) {
      if (signal?.aborted) break;
      retries.delete(retry.item.link!);
      const summary: PollSummary = { feed: retry.feed, notModified: false, loaded: 0, copies: 0, duplicates: 0, failed: 0 };
      await storeItems(retry.feed, [retry.item], summary, retry.attempts);
      options.onPoll?.(summary);
    }
    if (options.once || signal?.aborted) return last;
    const nextAt = Math.min(...feeds.map((f) => f.dueAt), ...[...retries.values()].map((r) => r.dueAt));
    await sleep(Math.max(nextAt - Date.now(), 50), undefined, { signal }).catch(() => undefined);
    if (signal?.aborted) return last;
  }
}
