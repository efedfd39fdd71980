// The search a top-level list was asked for, remembered for each row it returned, so that
// fields of those rows can use it without the client repeating it: `articles(filter:
// {search})` then `snippet` marks the same words. Keyed by the row objects the list
// resolved (fresh per request, never shared with the loaders' cache), weakly: nothing
// outlives the request.
import type DataLoader from "dataloader";
import type { SearchQuery } from "../store/search.ts";
import type { RowsOf } from "../store/lists.ts";

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

/**
 * How a search page reads its rows by id: through the request's loader (on PostgreSQL its
 * batched reads, straight to pg rather than through Prisma), each row copied, since
 * `rememberSearch` marks the rows of one list and the loader's are shared.
 */
export function rowsThrough<T extends object>(loader: DataLoader<number, T | null>, json?: RowsOf<T>["json"]): RowsOf<T> {
  const rows: RowsOf<T> = async (ids) =>
    (await loader.loadMany(ids)).flatMap((row) => {
      if (row instanceof Error) throw row;
      return row ? [{ ...row }] : [];
    });
  // Where reads give JSON, the page brings its rows along (store/lists.ts's searchPage).
  if (json) rows.json = json;
  return rows;
}
