import { intArg, objectType, stringArg } from "nexus";
import type { core } from "nexus";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

/** The Relay arguments every list takes. */
export const pageArgs = {
  first: intArg({ description: `Page forward: the first n items (after \`after\`), 0 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE} when neither first nor last is given. Not with last.` }),
  after: stringArg({ description: "A cursor this same list gave (an edge's `cursor`, `pageInfo.endCursor`): the items after it. Not with before." }),
  last: intArg({ description: `Page backward: the last n items (before \`before\`, else of the whole list), 0 to ${MAX_PAGE_SIZE}. Not with first.` }),
  before: stringArg({ description: "A cursor this same list gave (`pageInfo.startCursor`): the items before it. Not with after." }),
};

export const PageInfo = objectType({
  name: "PageInfo",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "Relay page information: where the page lies in its list.",
  definition(t) {
    t.nonNull.boolean("hasNextPage", { description: "More items follow the page (pass `endCursor` as `after`)." });
    t.nonNull.boolean("hasPreviousPage", { description: "More items precede the page (pass `startCursor` as `before`)." });
    t.string("startCursor", { description: "The first edge's cursor; null for an empty page." });
    t.string("endCursor", { description: "The last edge's cursor; null for an empty page." });
  },
});

/**
 * A Relay connection `<name>Connection` with edges `<name>Edge { cursor node ...extra }`.
 * Every connection carries `totalCount`, counted only when selected.
 */
export function connectionTypes(name: string, nodeType: core.AllOutputTypes, description: string, edgeCounts: Record<string, string> = {}) {
  const edge = objectType({
    name: `${name}Edge`,
    extensions: cacheHint(READ_MAX_AGE_SECONDS),
    description: `One item of a ${name}Connection, with its place in the list.`,
    definition(t) {
      t.nonNull.string("cursor", {
        description: "Opaque; names this item's place in the list that gave it. Pass it as that list's `after` (the items after it) or `before` (the items before it); another list refuses it (BAD_USER_INPUT).",
      });
      t.nonNull.field("node", { type: nodeType, description: "The item." });
      for (const [field, about] of Object.entries(edgeCounts)) t.nonNull.int(field, { description: about });
    },
  });
  const connection = objectType({
    name: `${name}Connection`,
    extensions: cacheHint(READ_MAX_AGE_SECONDS),
    description,
    definition(t) {
      t.nonNull.list.nonNull.field("edges", { type: `${name}Edge` as core.AllOutputTypes, description: "The page's items, in the list's order." });
      t.nonNull.field("pageInfo", { type: "PageInfo", description: "Whether more items lie before or after the page, and its first and last cursors." });
      t.nonNull.int("totalCount", {
        description: "All items of the list (with its filter), across pages; counted only when selected.",
        resolve: (parent: { totalCount: () => Promise<number> | number }) => parent.totalCount(),
      });
    },
  });
  return [edge, connection];
}

export const MENTION_COUNT = { mentionCount: "How often the entity is mentioned in the article." };
