// Publishers (outlets) and article copies: reads for the API.
import type { DbHandle } from "./client.ts";
import type { Window } from "./lists.ts";

/** Publishers by name (then id), a keyset page. */
export async function publisherPage(h: DbHandle, w: Window) {
  const rows = await h.db.publisher.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: (w.backward ? -1 : 1) * (w.take + 1),
    ...(w.cursorId !== undefined ? { cursor: { id: w.cursorId }, skip: 1 } : {}),
  });
  const hasMore = rows.length > w.take;
  return { rows: hasMore ? (w.backward ? rows.slice(1) : rows.slice(0, w.take)) : rows, hasMore };
}

export const publisherCount = (h: DbHandle) => h.db.publisher.count();

export const publishersById = (h: DbHandle, ids: readonly number[]) => h.db.publisher.findMany({ where: { id: { in: [...ids] } } });

/** Articles per publisher, in one statement (copies not counted). */
export async function articleCountsOfPublishers(h: DbHandle, ids: readonly number[]): Promise<Map<number, number>> {
  const rows = await h.db.article.groupBy({ by: ["publisherId"], where: { publisherId: { in: [...ids] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.publisherId!, r._count._all]));
}

/** The copies of many articles, each article's by date (undated last), then id. */
export function copiesOfArticles(h: DbHandle, articleIds: readonly number[]) {
  return h.db.articleCopy.findMany({
    where: { articleId: { in: [...articleIds] } },
    orderBy: [{ articleId: "asc" }, { publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
}

/**
 * Which of these URLs are stored, as an article's or a copy's URL, or as the file name of
 * one loaded from that address (a feed's link, whose page named another canonical URL).
 */
export async function knownUrls(h: DbHandle, urls: readonly string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const where = { OR: [{ url: { in: [...urls] } }, { fileName: { in: [...urls] } }] };
  const select = { url: true, fileName: true } as const;
  const [articles, copies] = await Promise.all([h.db.article.findMany({ where, select }), h.db.articleCopy.findMany({ where, select })]);
  return new Set([...articles, ...copies].flatMap((r) => [r.url, r.fileName]).filter((u): u is string => u !== null && urls.includes(u)));
}
