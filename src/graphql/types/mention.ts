// Article.mentions: where the article names its people, organizations and places, so that
// a client can turn those names in the body into links (`body.slice(start, end)` is `text`).
import { objectType } from "nexus";
import type { Context } from "../context.ts";
import { connectionTypes } from "./connection.ts";
import { NODE_OF_TABLE } from "../../domain/entity-types.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";
import type { EntityMention as MentionSource } from "../source-types.ts";

export const EntityMention = objectType({
  name: "EntityMention",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "One mention of a person, organization or place in an article's body.",
  definition(t) {
    t.nonNull.int("start", { description: "Offset of the mention's first character in the article body (UTF-16 code units, as JavaScript strings index)." });
    t.nonNull.int("end", { description: "Offset just past its last character: `body.slice(start, end)` is `text`." });
    t.nonNull.string("text", {
      extensions: { loads: true },
      description: "The mention as written (`Lavrov`, `the U.N.`): a surname or an acronym links to the entity it was resolved to.",
      resolve: async (m: MentionSource) => (await m.body()).slice(m.start, m.end),
    });
    t.field("entity", {
      type: "Entity",
      description: "The person, organization or place it names; null only while the entity is being resolved again or deleted.",
      async resolve(m: MentionSource, _args, ctx: Context) {
        if (!m.entity) return null;
        const row = await ctx.loaders[m.entity.type].load(m.entity.id);
        return row && { ...row, __typename: NODE_OF_TABLE[m.entity.type] };
      },
    });
  },
});

export const ArticleMentionConnectionTypes = connectionTypes("ArticleMention", "EntityMention", "Mentions of entities in an article, by position in the body.");
