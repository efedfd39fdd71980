import { objectType } from "nexus";
import type { core } from "nexus";

export const PageInfo = objectType({
  name: "PageInfo",
  description: "Relay page information.",
  definition(t) {
    t.nonNull.boolean("hasNextPage");
    t.nonNull.boolean("hasPreviousPage");
    t.string("startCursor");
    t.string("endCursor");
  },
});

/**
 * A Relay connection `<name>Connection` with edges `<name>Edge { cursor node ...extra }`.
 * Every connection carries `totalCount`, counted only when selected.
 */
export function connectionTypes(name: string, nodeType: core.AllOutputTypes, description: string, edgeCounts: Record<string, string> = {}) {
  const edge = objectType({
    name: `${name}Edge`,
    definition(t) {
      t.nonNull.string("cursor", { description: "Opaque; pass as `after` (or `before`) to page on." });
      t.nonNull.field("node", { type: nodeType });
      for (const [field, about] of Object.entries(edgeCounts)) t.nonNull.int(field, { description: about });
    },
  });
  const connection = objectType({
    name: `${name}Connection`,
    description,
    definition(t) {
      t.nonNull.list.nonNull.field("edges", { type: `${name}Edge` as core.AllOutputTypes });
      t.nonNull.field("pageInfo", { type: "PageInfo" });
      t.nonNull.int("totalCount", {
        description: "All items of the list, across pages.",
        resolve: (parent: { totalCount: () => Promise<number> | number }) => parent.totalCount(),
      });
    },
  });
  return [edge, connection];
}

export const MENTION_COUNT = { mentionCount: "How often the entity is mentioned in the article." };
