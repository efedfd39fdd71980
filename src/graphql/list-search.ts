// The search a top-level list was asked for, remembered for each row it returned, so that
// fields of those rows can use it without the client repeating it: `articles(filter:
// {search})` then `snippet` marks the same words. Keyed by the row objects the list
// resolved (fresh per request, never shared with the loaders' cache), weakly: nothing
// outlives the request.
import type { SearchQuery } from "../store/search.ts";

const searches = new WeakMap<object, SearchQuery>();

/** Remembers `query` for each of `rows`; returns the rows. */
export function rememberSearch<T extends object>(rows: T[], query: SearchQuery | null | undefined): T[] {
  if (query) for (const row of rows) searches.set(row, query);
  return rows;
}

/** The search of the list that returned `row`, if it had one. */
export function searchOfList(row: object): SearchQuery | null {
  return searches.get(row) ?? null;
}
