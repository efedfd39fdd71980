import { idArg, interfaceType, list, nonNull, queryField } from "nexus";
import { MAX_PAGE_SIZE } from "../pagination.ts";
import { fromGlobalId, type NodeType } from "../ids.ts";
import { badInput } from "../errors.ts";
import type { Context } from "../context.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";
import { prefetchSelected } from "../prefetch.ts";
import type { PlanRoot } from "../plan.ts";

export const Node = interfaceType({
  name: "Node",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "An object with a global id, fetchable with `node(id:)`.",
  definition(t) {
    t.nonNull.id("id", { description: "Global id: opaque, stable." });
  },
});

const tagged = <T extends object, N extends NodeType>(row: T | null, __typename: N) => row && { ...row, __typename };

function loadNode(ctx: Context, type: NodeType, id: number) {
  switch (type) {
    case "Article": return ctx.loaders.article.load(id).then((r) => tagged(r, type));
    case "Person": return ctx.loaders.person.load(id).then((r) => tagged(r, type));
    case "Organization": return ctx.loaders.organization.load(id).then((r) => tagged(r, type));
    case "Place": return ctx.loaders.place.load(id).then((r) => tagged(r, type));
    case "Quote": return ctx.loaders.quote.load(id).then((r) => tagged(r, type));
    case "Publisher": return ctx.loaders.publisher.load(id).then((r) => tagged(r, type));
  }
}

/** A row, or the one a merged-away person or organization went into; null when neither exists. */
async function nodeOrMerged(ctx: Context, type: NodeType, id: number) {
  const node = await loadNode(ctx, type, id);
  if (node || (type !== "Person" && type !== "Organization")) return node;
  // Read past the planned statement: what follows reads in one snapshot (../plan.ts).
  await ctx.beyondPlan?.();
  const merged = await ctx.loaders.redirect[type].load(id);
  return merged === null ? null : loadNode(ctx, type, merged);
}

/** Most ids `nodes(ids:)` takes: a page's worth. */
export const MAX_NODE_IDS = MAX_PAGE_SIZE;

export const NodesQuery = queryField("nodes", {
  type: nonNull(list("Node")),
  description:
    `Objects by their global ids, in the order of \`ids\` (at most ${MAX_NODE_IDS}); null for an id whose object is gone. ` +
    "One read per type for all ids (a merged-away person or organization answers as the one it joined, as in `node`).",
  args: { ids: nonNull(list(nonNull(idArg({ description: `Global ids, at most ${MAX_NODE_IDS}.` })))) },
  async resolve(_root, { ids }, ctx: Context) {
    if (ids.length > MAX_NODE_IDS) throw badInput(`ids: at most ${MAX_NODE_IDS} ids, got ${ids.length}`, "ids");
    const parsed = ids.map((id, i) => fromGlobalId(id, `ids[${i}]`));
    return Promise.all(parsed.map((g) => nodeOrMerged(ctx, g.type, g.id)));
  },
});

/**
 * Types whose row `node(id:)` reads in the first tick's batch, with nothing after it: not a
 * publisher (read apart). A person or organization merged away reads its redirect and the
 * row it points at next, in a snapshot opened then (`Context.beyondPlan`).
 */
const PLANNED_NODES = new Set<NodeType>(["Article", "Place", "Quote", "Person", "Organization"]);

export const NodeQuery = queryField("node", {
  type: "Node",
  description: "Any object by its global id; an unknown id is an error (BAD_USER_INPUT).",
  args: { id: nonNull(idArg({ description: "A global id, as an object's `id` gives it." })) },
  extensions: {
    planRoot: ((args) => {
      const { type } = fromGlobalId(String(args.id));
      return PLANNED_NODES.has(type) ? type : undefined;
    }) satisfies PlanRoot,
  },
  async resolve(_root, { id }, ctx: Context, info) {
    const { type, id: rowId } = fromGlobalId(id);
    // The lists it selects go out with the row (PostgreSQL: one statement).
    prefetchSelected(info, type, rowId, ctx);
    // A person or organization merged into another answers as the one it joined (README, Stable ids).
    const node = await nodeOrMerged(ctx, type, rowId);
    if (!node) throw badInput(`id: no ${type} with id "${id}"`, "id");
    return node;
  },
});
