// Per-request batching: every list field of a query resolves through these, so the
// SQL statements per operation grow with the query's depth, never with its rows.
import DataLoader from "dataloader";
import type { DbHandle } from "../store/client.ts";
import { aliasesOf, articlesById, organizationsById, peopleById, placesById, quotesById } from "../store/by-id.ts";
import { edgeSlices, relatedSlices, type EdgeKind, type EdgeSlice, type EntityTable, type RelatedSlice } from "../store/edges.ts";
import type { OffsetWindow } from "./pagination.ts";
import { LimitError } from "./limits/errors.ts";

/** Once the request has timed out, its remaining batches fail instead of querying. */
function guarded<K, V>(signal: AbortSignal | undefined, batch: (keys: readonly K[]) => Promise<V[]>) {
  return (keys: readonly K[]) => {
    if (signal?.aborted) return Promise.reject(new LimitError("TIMEOUT", "the request ran out of time", { limit: 0, status: 504 }));
    return batch(keys);
  };
}

function byId<T extends { id: number }>(signal: AbortSignal | undefined, load: (ids: readonly number[]) => Promise<T[]>) {
  return new DataLoader<number, T | null>(guarded(signal, async (ids) => {
    const rows = new Map((await load(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  }));
}

export interface SliceKey extends OffsetWindow {
  parentId: number;
}

/** Batches slices of one kind; requests with the same window share one statement. */
function slices<S>(signal: AbortSignal | undefined, fetch: (parentIds: number[], window: OffsetWindow) => Promise<Map<number, S>>) {
  return new DataLoader<SliceKey, S, string>(
    guarded(signal, async (keys) => {
      const groups = new Map<string, SliceKey[]>();
      for (const k of keys) {
        const g = `${k.offset}:${k.limit}`;
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<string, S>();
      for (const group of groups.values()) {
        const first = group[0]!;
        const found = await fetch([...new Set(group.map((k) => k.parentId))], first);
        for (const k of group) results.set(sliceKey(k), found.get(k.parentId)!);
      }
      return keys.map((k) => results.get(sliceKey(k))!);
    }),
    { cacheKeyFn: sliceKey },
  );
}

const sliceKey = (k: SliceKey) => `${k.parentId}:${k.offset}:${k.limit}`;

function aliases(h: DbHandle, type: "PERSON" | "ORGANIZATION" | "PLACE", signal?: AbortSignal) {
  return new DataLoader<number, string[]>(guarded(signal, async (ids) => {
    const grouped = new Map<number, string[]>();
    for (const row of await aliasesOf(h, type, ids)) grouped.set(row.ownerId, [...(grouped.get(row.ownerId) ?? []), row.alias]);
    return ids.map((id) => grouped.get(id) ?? []);
  }));
}

export function createLoaders(h: DbHandle, signal?: AbortSignal) {
  const edgeLoaders = new Map<EdgeKind, DataLoader<SliceKey, EdgeSlice, string>>();
  const relatedLoaders = new Map<EntityTable, DataLoader<SliceKey, RelatedSlice, string>>();
  const aliasLoaders = { person: aliases(h, "PERSON", signal), organization: aliases(h, "ORGANIZATION", signal), place: aliases(h, "PLACE", signal) };
  return {
    article: byId(signal, (ids) => articlesById(h, ids)),
    person: byId(signal, (ids) => peopleById(h, ids)),
    organization: byId(signal, (ids) => organizationsById(h, ids)),
    place: byId(signal, (ids) => placesById(h, ids)),
    quote: byId(signal, (ids) => quotesById(h, ids)),
    aliases: (table: EntityTable) => aliasLoaders[table],
    edges(kind: EdgeKind) {
      let loader = edgeLoaders.get(kind);
      if (!loader) edgeLoaders.set(kind, (loader = slices(signal, (ids, w) => edgeSlices(h, kind, ids, w))));
      return loader;
    },
    related(source: EntityTable) {
      let loader = relatedLoaders.get(source);
      if (!loader) relatedLoaders.set(source, (loader = slices(signal, (ids, w) => relatedSlices(h, source, ids, w))));
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
