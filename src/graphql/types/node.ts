import { idArg, interfaceType, nonNull, queryField } from "nexus";
import { fromGlobalId, type NodeType } from "../ids.ts";
import { badInput } from "../errors.ts";
import type { Context } from "../context.ts";
import { redirectOf } from "../../store/redirects.ts";

export const Node = interfaceType({
  name: "Node",
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

export const NodeQuery = queryField("node", {
  type: "Node",
  description: "Any object by its global id.",
  args: { id: nonNull(idArg()) },
  async resolve(_root, { id }, ctx: Context) {
    const { type, id: rowId } = fromGlobalId(id);
    const node = await loadNode(ctx, type, rowId);
    if (node) return node;
    // A person or organization merged into another answers as the one it joined (README, Stable ids).
    const redirected = type === "Person" || type === "Organization" ? await redirectOf(ctx.store, type === "Person" ? "PERSON" : "ORGANIZATION", rowId) : null;
    const merged = redirected === null ? null : await loadNode(ctx, type, redirected);
    if (!merged) throw badInput(`id: no ${type} with id "${id}"`, "id");
    return merged;
  },
});
