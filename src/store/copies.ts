// Which articles of a batch are new, which are the same article again, and which are
// copies of another: exact duplicates by content hash, the same URL with a changed text,
// and near-duplicates by MinHash (src/domain/fingerprint.ts; candidates from the
// stored LSH bands). Runs inside the batch's write transaction, on a snapshot no other
// writer changes meanwhile (save-article.ts serializes the writers).
//
// The rule that makes the result independent of load order and batch size: among
// articles that are near-duplicates of each other, the canonical one (the Article; the
// others are its ArticleCopy rows) is the earliest published, undated last, then the
// smallest content hash. A newcomer that ranks before the stored canonical article takes
// its row (id, copies and all): the row's text becomes the newcomer's and the old text
// becomes a copy. It holds when each group of near-duplicates is similar pairwise, as it
// is for copies of one text; a chain A~B~C with A and C apart may group differently.
import type { Prisma } from "./generated/sqlite/client.ts";
import { decodeFingerprint, nearDuplicateScore, type Fingerprint } from "../domain/fingerprint.ts";
import type { ArticleToSave } from "../domain/article-record.ts";

type Tx = Prisma.TransactionClient;

/** Where an item's article is: a stored row, or the row the batch's item `item` inserts. */
export type Target = { articleId: number } | { item: number };

export type Decision =
  | { kind: "insert" }
  /** The item's text goes into stored row `articleId`; `demoted` (with its similarity) when the old text becomes a copy. */
  | { kind: "replace"; articleId: number; demoted: StoredArticle | null; similarity: number }
  | { kind: "copy"; of: Target; similarity: number }
  | { kind: "duplicate"; of: Target };

export type StoredArticle = {
  id: number;
  title: string;
  url: string | null;
  publisherId: number | null;
  authors: string;
  publishedAt: Date | null;
  fileName: string;
  contentHash: string;
  minhash: string;
};

const STORED_FIELDS = { id: true, title: true, url: true, publisherId: true, authors: true, publishedAt: true, fileName: true, contentHash: true, minhash: true } as const;

/** The canonical order: earliest date first, undated last, then the smallest content hash. */
export function ranksBefore(a: { publishedAt: Date | null; contentHash: string }, b: { publishedAt: Date | null; contentHash: string }): boolean {
  const ta = a.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const tb = b.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return ta !== tb ? ta < tb : a.contentHash < b.contentHash;
}

/** A canonical article as the planner sees it: stored, or inserted by this batch. */
interface Canonical {
  target: Target;
  publishedAt: Date | null;
  contentHash: string;
  fingerprint: Fingerprint | null;
}

const BAND_CHUNK = 5000;

async function candidateIds(tx: Tx, keys: number[]): Promise<number[]> {
  const ids = new Set<number>();
  for (let i = 0; i < keys.length; i += BAND_CHUNK) {
    const chunk = keys.slice(i, i + BAND_CHUNK).map((k) => BigInt(k));
    const rows = await tx.articleBand.findMany({ where: { bandKey: { in: chunk } }, select: { articleId: true }, distinct: ["articleId"] });
    for (const r of rows) ids.add(r.articleId);
  }
  return [...ids];
}

/** Decides, for each item in batch order, what storing it means. */
export async function planBatch(tx: Tx, items: ArticleToSave[]): Promise<Decision[]> {
  const hashes = [...new Set(items.map((i) => i.record.contentHash))];
  const urls = [...new Set(items.flatMap((i) => (i.record.url ? [i.record.url] : [])))];
  const [byHash, copyByHash, byUrl] = await Promise.all([
    tx.article.findMany({ where: { contentHash: { in: hashes } }, select: { id: true, url: true, contentHash: true } }),
    tx.articleCopy.findMany({ where: { contentHash: { in: hashes } }, select: { articleId: true, url: true, contentHash: true } }),
    urls.length ? tx.article.findMany({ where: { url: { in: urls } }, select: STORED_FIELDS }) : Promise.resolve([]),
  ]);
  const storedHash = new Map(byHash.map((a) => [a.contentHash, a]));
  const copyKeys = new Set(copyByHash.map((c) => copyKey(c.contentHash, c.url)));
  const copyHash = new Map(copyByHash.map((c) => [c.contentHash, c.articleId]));
  const storedUrl = new Map(byUrl.map((a) => [a.url!, a]));

  const keys = [...new Set(items.filter((i) => !storedHash.has(i.record.contentHash)).flatMap((i) => i.record.bands))];
  const ids = await candidateIds(tx, keys);
  const stored = ids.length ? await tx.article.findMany({ where: { id: { in: ids } }, select: STORED_FIELDS }) : [];
  const canonical = new Map<number, Canonical & { row: StoredArticle }>();
  for (const row of [...stored, ...byUrl]) {
    canonical.set(row.id, { target: { articleId: row.id }, publishedAt: row.publishedAt, contentHash: row.contentHash, fingerprint: row.minhash ? decodeFingerprint(row.minhash) : null, row });
  }
  const batch: Canonical[] = [];
  const batchHash = new Map<string, Target>();
  const batchUrl = new Map<string, Target>(); // URLs of the batch's articles (not copies)
  const taken = new Set<number>(); // stored rows that take a newcomer's text in this batch

  const decisions: Decision[] = new Array(items.length);
  // In canonical order, so that within the batch the first of a group is its canonical article.
  const order = items.map((_, i) => i).sort((a, b) => (ranksBefore(items[a]!.record, items[b]!.record) ? -1 : ranksBefore(items[b]!.record, items[a]!.record) ? 1 : a - b));
  for (const i of order) {
    const r = items[i]!.record;
    const same = storedHash.get(r.contentHash);
    const sameTarget: Target | undefined = same ? { articleId: same.id } : (batchHash.get(r.contentHash) ?? (copyHash.has(r.contentHash) ? { articleId: copyHash.get(r.contentHash)! } : undefined));
    if (sameTarget) {
      // The same text: another copy only when it comes from another URL.
      const url = same ? same.url : null;
      const isNewCopy = r.url !== null && r.url !== url && !copyKeys.has(copyKey(r.contentHash, r.url));
      decisions[i] = isNewCopy ? { kind: "copy", of: sameTarget, similarity: 1 } : { kind: "duplicate", of: sameTarget };
      if (isNewCopy) copyKeys.add(copyKey(r.contentHash, r.url));
      continue;
    }
    const urlTaken = r.url ? batchUrl.get(r.url) : undefined;
    if (urlTaken) {
      // One URL twice in a batch with two texts: the first in canonical order stands.
      decisions[i] = { kind: "duplicate", of: urlTaken };
      continue;
    }
    const fingerprint = decodeFingerprint(r.minhash);
    const sameUrl = r.url ? storedUrl.get(r.url) : undefined;
    if (sameUrl && !taken.has(sameUrl.id)) {
      // The same URL with a changed text: the article is updated in place.
      decisions[i] = { kind: "replace", articleId: sameUrl.id, demoted: null, similarity: 0 };
      taken.add(sameUrl.id);
      canonical.set(sameUrl.id, { target: { articleId: sameUrl.id }, publishedAt: r.publishedAt, contentHash: r.contentHash, fingerprint, row: sameUrl });
      batchHash.set(r.contentHash, { articleId: sameUrl.id });
      batchUrl.set(r.url!, { articleId: sameUrl.id });
      continue;
    }
    let best: { c: Canonical; sim: number; stored?: StoredArticle } | undefined;
    const consider = (c: Canonical, stored?: StoredArticle) => {
      if (!c.fingerprint) return;
      const sim = nearDuplicateScore(fingerprint, c.fingerprint);
      if (sim > 0 && (!best || sim > best.sim || (sim === best.sim && ranksBefore(c, best.c)))) best = { c, sim, stored };
    };
    for (const c of canonical.values()) consider(c, taken.has(c.row.id) ? undefined : c.row);
    for (const c of batch) consider(c);
    if (best && (ranksBefore(best.c, r) || !best.stored)) {
      decisions[i] = { kind: "copy", of: best.c.target, similarity: best.sim };
    } else if (best && best.stored) {
      // The newcomer ranks first: it takes the stored row, whose text becomes its copy.
      const row = best.stored;
      decisions[i] = { kind: "replace", articleId: row.id, demoted: row, similarity: best.sim };
      taken.add(row.id);
      canonical.set(row.id, { target: { articleId: row.id }, publishedAt: r.publishedAt, contentHash: r.contentHash, fingerprint, row });
      batchHash.set(r.contentHash, { articleId: row.id });
      if (r.url) batchUrl.set(r.url, { articleId: row.id });
    } else {
      decisions[i] = { kind: "insert" };
      batch.push({ target: { item: i }, publishedAt: r.publishedAt, contentHash: r.contentHash, fingerprint });
      batchHash.set(r.contentHash, { item: i });
      if (r.url) batchUrl.set(r.url, { item: i });
    }
  }
  return decisions;
}

/** A copy is recorded once per text and URL. */
export const copyKey = (contentHash: string, url: string | null) => `${contentHash}|${url ?? ""}`;
