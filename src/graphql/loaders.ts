// Per-request batching: every list field of a query resolves through these, so the
// SQL statements per operation grow with the query's depth, never with its rows. The
// loaders wrap the store's reads; the store's reads of a request (`requestReads`) decide
// how the batches go out: where the database allows (PostgreSQL), the batches that the
// loaders dispatch together (sibling fields) go out as one statement, and each slice of
// children brings the children's rows, so an article page costs 3 statements whatever its lists.
import DataLoader from "dataloader";
import type { DbHandle } from "../store/client.ts";
import type { Reads } from "../store/dialect.ts";
import { aliasesOf, articleBodies, requestReads, rowsById, shapeRow, includedOf, type RowTable, type Rows } from "../store/by-id.ts";
import {
  EDGE_CHILD, edgeSlices, mentionSlices, relatedSlices, type EdgeKind, type EdgeSlice, type EntityTable, type PageParents, type RelatedSlice, type SliceOptions, type SliceRequest,
} from "../store/edges.ts";
import { entityPageRead, type EntityOrder, type PlaceFilter, type Window } from "../store/lists.ts";
import type { RowInclude } from "../store/by-id.ts";
import { articleCountsOfPublishers, copiesOfArticles, publishersById } from "../store/publishers.ts";
import { LimitError } from "./limits/errors.ts";
import { placesByKey, regionsByCode } from "../store/places.ts";
import { redirectsOf } from "../store/redirects.ts";
import { articleSnippets, quoteHighlights, type Marked } from "../store/highlights.ts";
import { mentionTimelines, type BucketCounts, type TimelineRequest } from "../store/timelines.ts";
import type { SearchQuery } from "../store/search.ts";

/** Once the request has timed out, its remaining batches fail instead of querying. */
function guarded<K, V>(signal: AbortSignal | undefined, batch: (keys: readonly K[]) => Promise<V[]>) {
  return (keys: readonly K[]) => {
    if (signal?.aborted) return Promise.reject(new LimitError("TIMEOUT", "the request ran out of time", { limit: 0, status: 504 }));
    return batch(keys);
  };
}

/**
 * A loader made on first use: a request uses a few of its loaders (an article page, none of
 * the publishers', snippets' or places' by key), and each made costs allocations per request.
 */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function byId<T extends { id: number }>(signal: AbortSignal | undefined, load: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(guarded(signal, async (ids) => {
    const rows = new Map((await load(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  }));
}

export interface SliceKey extends SliceRequest {
  parentId: number;
  /** Order and filter; absent: the kind's default order, unfiltered. */
  options?: SliceOptions;
}

/**
 * What makes one statement: the window, order and filter (the parents vary). Not what the
 * children bring along (`include`): a statement brings what any of its requests asks.
 */
const statementKey = (k: SliceKey) =>
  `${k.fromEnd ? "end" : k.offset}:${k.limit}:${k.options?.order ?? ""}:${k.options?.publishedAfter?.toISOString() ?? ""}:${k.options?.publishedBefore?.toISOString() ?? ""}`;

/** Batches slices of one kind; requests with the same window, order and filter share one statement. */
function slices<S>(signal: AbortSignal | undefined, fetch: (parentIds: number[], key: SliceKey) => Promise<Map<number, S>>) {
  return new DataLoader<SliceKey, S, string>(
    guarded(signal, async (keys) => {
      const groups = new Map<string, SliceKey[]>();
      for (const k of keys) {
        const g = statementKey(k);
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<string, S>();
      // All at once: on PostgreSQL they share one statement.
      await Promise.all([...groups.values()].map(async (group) => {
        const include = [...new Set(group.flatMap((k) => k.include ?? []))];
        const found = await fetch([...new Set(group.map((k) => k.parentId))], { ...group[0]!, include });
        for (const k of group) results.set(sliceKey(k), found.get(k.parentId)!);
      }));
      return keys.map((k) => results.get(sliceKey(k))!);
    }),
    { cacheKeyFn: sliceKey },
  );
}

const sliceKey = (k: SliceKey) => `${k.parentId}:${statementKey(k)}`;

/**
 * Slices read for a page's rows (`parents`) in the page's statement, kept in `loader` as if
 * it had loaded them, so that the list field of each row finds its slice there; a row without
 * children gets an empty one.
 */
async function primeSlices<S>(signal: AbortSignal | undefined, loader: DataLoader<SliceKey, S, string>, parents: PageParents, key: Omit<SliceKey, "parentId">,
  read: () => Promise<Map<number, S>>, empty: S): Promise<void> {
  if (signal?.aborted) return;
  const [found, ids] = await Promise.all([read(), parents.ids]);
  for (const parentId of ids) loader.prime({ ...key, parentId }, found.get(parentId) ?? empty);
}

/** A value per row id under some arguments (a search, a date range): one statement per distinct arguments. */
export interface ArgsKey<A> {
  /** The arguments, and `group` naming them: keys with the same group share a statement. */
  args: A;
  group: string;
  id: number;
}

function byArgs<A, V>(signal: AbortSignal | undefined, fetch: (args: A, ids: number[]) => Promise<Map<number, V>>) {
  return new DataLoader<ArgsKey<A>, V | null, string>(
    guarded(signal, async (keys) => {
      const groups = new Map<string, ArgsKey<A>[]>();
      for (const k of keys) groups.set(k.group, [...(groups.get(k.group) ?? []), k]);
      const found = new Map<string, Map<number, V>>();
      await Promise.all([...groups].map(async ([group, ks]) => found.set(group, await fetch(ks[0]!.args, [...new Set(ks.map((k) => k.id))]))));
      return keys.map((k) => found.get(k.group)!.get(k.id) ?? null);
    }),
    { cacheKeyFn: (k) => `${k.group}\u0000${k.id}` },
  );
}

function aliases(h: DbHandle, reads: Reads, type: "PERSON" | "ORGANIZATION" | "PLACE", signal?: AbortSignal) {
  return new DataLoader<number, string[]>(guarded(signal, async (ids) => {
    const grouped = new Map<number, string[]>();
    for (const row of await aliasesOf(h, reads, type, ids)) grouped.set(row.ownerId, [...(grouped.get(row.ownerId) ?? []), row.alias]);
    return ids.map((id) => grouped.get(id) ?? []);
  }));
}

export function createLoaders(h: DbHandle, signal?: AbortSignal) {
  // Where the batches of one tick share a statement, a slice brings its children's rows
  // along (they prime the by-id loaders below), and article bodies load apart.
  const reads = requestReads(h);
  const aliasLoaders = {
    person: lazy(() => aliases(h, reads, "PERSON", signal)),
    organization: lazy(() => aliases(h, reads, "ORGANIZATION", signal)),
    place: lazy(() => aliases(h, reads, "PLACE", signal)),
  };
  const bodies = lazy(() => new DataLoader<number, string>(guarded(signal, async (ids) => {
    const found = new Map((await articleBodies(h, reads, ids)).map((r) => [r.id, r.body]));
    return ids.map((id) => found.get(id) ?? "");
  })));
  const body = (id: number) => bodies().load(id);
  const shape = <K extends RowTable>(table: K, row: Record<string, unknown>) => shapeRow(table, row, body);
  const rowsOf = <K extends RowTable>(table: K) => (ids: readonly number[]) => rowsById(h, reads, table, ids, body);
  const rows = {
    article: lazy(() => byId(signal, rowsOf("article"))),
    person: lazy(() => byId(signal, rowsOf("person"))),
    organization: lazy(() => byId(signal, rowsOf("organization"))),
    place: lazy(() => byId(signal, rowsOf("place"))),
    quote: lazy(() => byId(signal, rowsOf("quote"))),
  };
  const primeRow = (t: RowTable, id: number, row: Record<string, unknown>) => {
    const included = includedOf(row);
    const shaped = shape(t, row);
    (rows[t]() as DataLoader<number, unknown>).prime(id, shaped);
    if (included.aliases && t !== "article" && t !== "quote") aliasLoaders[t]().prime(id, included.aliases);
    if (t !== "quote") return;
    const quote = shaped as Rows["quote"];
    if (included.article) primeRow("article", quote.articleId, included.article);
    if (included.speaker && quote.speakerPersonId != null) primeRow("person", quote.speakerPersonId, included.speaker);
    else if (included.speaker && quote.speakerOrganizationId != null) primeRow("organization", quote.speakerOrganizationId, included.speaker);
  };
  /** Keeps the children that came with a slice, and what they brought along, so loading them costs nothing. */
  const prime = (rowsOfSlice: { childId: number; child?: Record<string, unknown> | null }[], table: (i: number) => RowTable) =>
    rowsOfSlice.forEach((row, i) => {
      if (row.child) primeRow(table(i), row.childId, row.child);
    });
  type PlaceRow = Rows["place"];
  const timelineLoaders = new Map<EntityTable, DataLoader<ArgsKey<TimelineRequest>, Map<string, BucketCounts> | null, string>>();
  const edgeLoaders = new Map<EdgeKind, DataLoader<SliceKey, EdgeSlice, string>>();
  const relatedLoaders = new Map<string, DataLoader<SliceKey, RelatedSlice, string>>();
  const edges = (kind: EdgeKind) => {
    let loader = edgeLoaders.get(kind);
    if (!loader) {
      edgeLoaders.set(kind, (loader = slices(signal, async (ids, k) => {
        const found = await edgeSlices(h, reads, kind, ids, k, k.options);
        for (const slice of found.values()) prime(slice.rows, () => EDGE_CHILD[kind]);
        return found;
      })));
    }
    return loader;
  };
  const related = (source: EntityTable, type: EntityTable | null = null) => {
    const name = `${source}:${type ?? "all"}`;
    let loader = relatedLoaders.get(name);
    if (!loader) {
      relatedLoaders.set(name, (loader = slices(signal, async (ids, w) => {
        const found = await relatedSlices(h, reads, source, ids, w, type ? [type] : undefined);
        for (const slice of found.values()) prime(slice.rows, (i) => slice.rows[i]!.childType);
        return found;
      })));
    }
    return loader;
  };
  // Place.country and Place.containedIn: one statement per field and level, whatever the page.
  const placeByKey = lazy(() => new DataLoader<string, PlaceRow | null>(guarded(signal, async (keys) => {
    const found = new Map((await placesByKey(h, keys)).map((p) => [p.key, p]));
    return keys.map((k) => found.get(k) ?? null);
  })));
  const regionByCode = lazy(() => new DataLoader<string, PlaceRow | null>(guarded(signal, async (codes) => {
    const found = new Map<string, PlaceRow>();
    for (const p of await regionsByCode(h, codes)) if (p.regionCode && !found.has(p.regionCode)) found.set(p.regionCode, p);
    return codes.map((c) => found.get(c) ?? null);
  })));
  /** Where a merged-away person or organization went (null: not merged), for `nodes(ids:)`. */
  const redirect = (type: "PERSON" | "ORGANIZATION") => new DataLoader<number, number | null>(guarded(signal, async (ids) => {
    const found = await redirectsOf(h, type, ids);
    return ids.map((id) => found.get(id) ?? null);
  }));
  const redirects = lazy(() => ({ Person: redirect("PERSON"), Organization: redirect("ORGANIZATION") }));
  const publisher = lazy(() => byId(signal, (ids) => publishersById(h, ids)));
  const publisherArticleCount = lazy(() => new DataLoader<number, number>(guarded(signal, async (ids) => {
    const counts = await articleCountsOfPublishers(h, ids);
    return ids.map((id) => counts.get(id) ?? 0);
  })));
  const copies = lazy(() => new DataLoader<number, Awaited<ReturnType<typeof copiesOfArticles>>>(guarded(signal, async (ids) => {
    const grouped = new Map<number, Awaited<ReturnType<typeof copiesOfArticles>>>();
    for (const copy of await copiesOfArticles(h, ids)) grouped.set(copy.articleId, [...(grouped.get(copy.articleId) ?? []), copy]);
    return ids.map((id) => grouped.get(id) ?? []);
  })));
  const snippet = lazy(() => byArgs<SearchQuery, Marked>(signal, (q, ids) => articleSnippets(h, reads, q, ids)));
  const highlight = lazy(() => byArgs<SearchQuery, Marked>(signal, (q, ids) => quoteHighlights(h, reads, q, ids)));
  const mentions = lazy(() => slices(signal, async (ids, w) => {
    const found = await mentionSlices(h, reads, ids, w);
    for (const slice of found.values()) {
      for (const { entity } of slice.rows) if (entity?.row) (rows[entity.type]() as DataLoader<number, unknown>).prime(entity.id, shape(entity.type, entity.row));
    }
    return found;
  }));
  return {
    get article() { return rows.article(); },
    get person() { return rows.person(); },
    get organization() { return rows.organization(); },
    get place() { return rows.place(); },
    get quote() { return rows.quote(); },
    get placeByKey() { return placeByKey(); },
    get regionByCode() { return regionByCode(); },
    get redirect() { return redirects(); },
    get publisher() { return publisher(); },
    get publisherArticleCount() { return publisherArticleCount(); },
    get copies() { return copies(); },
    aliases: (table: EntityTable) => aliasLoaders[table](),
    /** Article.snippet and Quote.highlight, by search. */
    get snippet() { return snippet(); },
    get highlight() { return highlight(); },
    /** Entity.mentionTimeline, by interval and range. */
    timeline(table: EntityTable) {
      let loader = timelineLoaders.get(table);
      if (!loader) timelineLoaders.set(table, (loader = byArgs(signal, (r: TimelineRequest, ids) => mentionTimelines(h, reads, table, ids, r))));
      return loader;
    },
    /** Article.mentions: a slice of each article's mentions; where reads give JSON, their entities come along. */
    get mentions() { return mentions(); },
    edges,
    /** Related entities of `source`, of one type or (null) all three. */
    related,
    /**
     * A page of entities (no search) read with this tick's other reads, its rows kept in their
     * loader (with what they brought along); undefined where reads are not batched (store/lists.ts's `entityPageRead`).
     */
    entityPage<T extends EntityTable>(table: T, filter: PlaceFilter, order: EntityOrder, w: Window, include: readonly RowInclude[]) {
      if (signal?.aborted) return undefined;
      const read = entityPageRead(h, reads, table, filter, order, w, include);
      if (!read) return undefined;
      const page = read.page.then((p) => ({ ...p, rows: p.rows.map((row) => {
        // Shaped in place as it is kept (by-id.ts's shapeRow).
        primeRow(table, row.id as number, row);
        return row as unknown as Rows[T];
      }) }));
      return { ...read, page };
    },
    /**
     * Where reads give JSON: the reads a list's page sends its rows' JSON through, and how
     * they become rows, kept in their loader (with what they brought along); each returned row
     * a copy, as `rowsThrough` gives (../list-search.ts).
     */
    jsonRows<T extends RowTable>(table: T) {
      if (!reads.rowJson) return undefined;
      return {
        reads,
        shape: (found: Record<string, unknown>[]) => found.map((row) => {
          primeRow(table, row.id as number, row);
          return { ...row } as unknown as Rows[T];
        }),
      };
    },
    /** `edges(kind)`'s slices of a page's rows, read in the page's statement. */
    edgesOfPage: (kind: EdgeKind, parents: PageParents, key: Omit<SliceKey, "parentId">) =>
      primeSlices(signal, edges(kind), parents, key, async () => {
        const found = await edgeSlices(h, reads, kind, parents, key, key.options);
        for (const slice of found.values()) prime(slice.rows, () => EDGE_CHILD[kind]);
        return found;
      }, { rows: [], total: 0 }),
    /** `related(source, type)`'s slices of a page's rows, read in the page's statement. */
    relatedOfPage: (source: EntityTable, type: EntityTable | null, parents: PageParents, key: Omit<SliceKey, "parentId">) =>
      primeSlices(signal, related(source, type), parents, key, async () => {
        const found = await relatedSlices(h, reads, source, parents, key, type ? [type] : undefined);
        for (const slice of found.values()) prime(slice.rows, (i) => slice.rows[i]!.childType);
        return found;
      }, { rows: [], total: 0 }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
