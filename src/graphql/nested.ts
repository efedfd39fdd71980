// Resolves a nested list (an article's people, a person's quotes, ...) as a connection:
// one batched slice of child ids per list field, then the children by id, also batched.
import type DataLoader from "dataloader";
import type { Context } from "./context.ts";
import type { EdgeKind, EntityTable, SliceOptions } from "../store/edges.ts";
import { offsetConnection, offsetWindow, type ConnectionArgs } from "./pagination.ts";
import type { EntityMention, RelatedNode } from "./source-types.ts";
import { badInput } from "./errors.ts";
import { NODE_OF_TABLE } from "../domain/entity-types.ts";
import type { GraphQLResolveInfo } from "graphql";
import { childIncludes, type Prefetch, type PrefetchInfo, type PrefetchPage } from "./prefetch.ts";
import type { RowInclude } from "../store/by-id.ts";
import type { PageParents } from "../store/edges.ts";

/** A nested list's `orderBy` and `filter` (a date range), checked. */
export function sliceOptions(
  orderBy: string | null | undefined,
  filter?: { publishedAfter?: Date | null; publishedBefore?: Date | null } | null,
): SliceOptions {
  if (orderBy === "RELEVANCE") throw badInput("orderBy: RELEVANCE needs a filter.search, which nested lists do not take", "orderBy");
  return { order: orderBy ?? null, publishedAfter: filter?.publishedAfter ?? null, publishedBefore: filter?.publishedBefore ?? null };
}

function present<T>(value: T | null | Error | undefined): value is T {
  return value != null && !(value instanceof Error);
}

/** The slice of a nested list that `childConnection` reads: also what `node(id:)` prefetches (./prefetch.ts). */
export function loadSlice(ctx: Context, kind: EdgeKind, parentId: number, args: ConnectionArgs, options: SliceOptions = {}, include: RowInclude[] = []) {
  const window = offsetWindow(args, kind);
  return { window, slice: ctx.loaders.edges(kind).load({ parentId, ...sliceKeyOf(window, options, include) }) };
}

/** What the children of the list field being resolved bring along (./prefetch.ts's `childIncludes`). */
const includesOf = (info: GraphQLResolveInfo) => childIncludes(info, info.returnType, info.fieldNodes);

export async function childConnection<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  kind: EdgeKind,
  parentId: number,
  args: ConnectionArgs,
  children: DataLoader<number, T | null>,
  options: SliceOptions = {},
) {
  const { window, slice: loading } = loadSlice(ctx, kind, parentId, args, options, includesOf(info));
  const slice = await loading;
  const nodes = await children.loadMany(slice.rows.map((r) => r.childId));
  const items = slice.rows.flatMap((row, i) => {
    const node = nodes[i];
    return present(node) ? [{ node, mentionCount: row.weight }] : [];
  });
  return offsetConnection(items, window, slice.total);
}

/**
 * `extensions` of a nested list field that `node(id:)` may start before the parent's row is
 * read (./prefetch.ts): its slice, as its resolver will ask for it, from the parent's id.
 */
export const prefetchSlice = (kind: (info: Pick<GraphQLResolveInfo, "parentType">) => EdgeKind, filtered = true) => {
  const options = (args: Record<string, unknown>) =>
    filtered ? sliceOptions(args.orderBy as string | null | undefined, args.filter as Parameters<typeof sliceOptions>[1]) : {};
  return {
    prefetch: ((parentId, args, ctx, info: PrefetchInfo) =>
      loadSlice(ctx, kind(info), parentId, args as ConnectionArgs, options(args), info.include).slice) satisfies Prefetch,
    // The same slice of every row of a page, read in the page's statement (./prefetch.ts's prefetchPageSelected).
    prefetchPage: ((parents, args, ctx, info) => {
      const k = kind(info);
      return ctx.loaders.edgesOfPage(k, parents, sliceKeyOf(offsetWindow(args as ConnectionArgs, k), options(args), info.include));
    }) satisfies PrefetchPage,
  };
};

/** A slice request (without its parent) for a window. */
const sliceKeyOf = (window: ReturnType<typeof offsetWindow>, options: SliceOptions, include: RowInclude[]) =>
  ({ offset: window.offset, limit: window.limit, fromEnd: window.fromEnd, options, include });

/** The GraphQL type of each entity table, for the unions and the Entity interface. */

/** The slice `relatedConnection` reads (prefetched by `node(id:)` too). */
export function loadRelated(ctx: Context, source: EntityTable, parentId: number, args: ConnectionArgs, type: EntityTable | null = null, include: RowInclude[] = []) {
  const window = offsetWindow(args, `${source}.related`);
  return { window, slice: ctx.loaders.related(source, type).load({ parentId, offset: window.offset, limit: window.limit, fromEnd: window.fromEnd, include }) };
}

/** `loadRelated`'s slice for every row of a page, read in the page's statement. */
export function loadRelatedOfPage(ctx: Context, source: EntityTable, parents: PageParents, args: ConnectionArgs, type: EntityTable | null, include: RowInclude[]) {
  const window = offsetWindow(args, `${source}.related`);
  return ctx.loaders.relatedOfPage(source, type, parents, { offset: window.offset, limit: window.limit, fromEnd: window.fromEnd, include });
}

export async function relatedConnection(ctx: Context, info: GraphQLResolveInfo, source: EntityTable, parentId: number, args: ConnectionArgs, type: EntityTable | null = null) {
  const { window, slice: loading } = loadRelated(ctx, source, parentId, args, type, includesOf(info));
  const slice = await loading;
  const nodes = await Promise.all(slice.rows.map((r) => ctx.loaders[r.childType].load(r.childId)));
  const items = slice.rows.flatMap((row, i) => {
    const node = nodes[i];
    if (!present(node)) return [];
    return [{ node: { ...node, __typename: NODE_OF_TABLE[row.childType] } as RelatedNode, sharedArticles: row.weight }];
  });
  return offsetConnection(items, window, slice.total);
}

/** An article's mentions by start; `body` gives the article's text for each mention's `text`. */
export async function mentionConnection(ctx: Context, articleId: number, body: () => Promise<string>, args: ConnectionArgs) {
  const window = offsetWindow(args, "article.mentions");
  const slice = await ctx.loaders.mentions.load({ parentId: articleId, offset: window.offset, limit: window.limit, fromEnd: window.fromEnd });
  const items = slice.rows.map((row) => ({
    node: { start: row.start, end: row.end, body, entity: row.entity && { type: row.entity.type, id: row.entity.id } } satisfies EntityMention,
  }));
  return offsetConnection(items, window, slice.total);
}
