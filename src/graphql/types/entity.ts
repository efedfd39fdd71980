// What People, Organizations and Places share. The fields resolve once, here, for
// all three: the concrete type comes from `info.parentType`.
import { arg, interfaceType } from "nexus";
import { pageArgs } from "./connection.ts";
import { nestedArticleArgs } from "./article.ts";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import type { EntityTable } from "../../store/edges.ts";
import { childConnection, loadRelated, loadRelatedOfPage, prefetchSlice, relatedConnection, sliceOptions } from "../nested.ts";
import type { Prefetch, PrefetchPage } from "../prefetch.ts";
import { toGlobalId } from "../ids.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";
import { mentionTimelineField } from "./timeline.ts";
import { ENTITY_TYPE_INFO, TABLE_OF_NODE, type EntityType } from "../../domain/entity-types.ts";

type EntityTypeName = "Person" | "Organization" | "Place";
const TABLE: Record<EntityTypeName, EntityTable> = TABLE_OF_NODE;
const typeOf = (info: Pick<GraphQLResolveInfo, "parentType">) => info.parentType.name as EntityTypeName;
const tableOf = (info: Pick<GraphQLResolveInfo, "parentType">) => TABLE[typeOf(info)];

export const Entity = interfaceType({
  name: "Entity",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A person, organization or place, with every alias resolved to one entity.",
  definition(t) {
    t.implements("Node");
    t.nonNull.id("id", { description: "Global id: opaque, stable (an entity merged into another answers as that one in `node(id:)`).", resolve: (e, _args, _ctx, info) => toGlobalId(typeOf(info), e.id) });
    t.nonNull.string("name", { description: "Canonical name: the fullest form seen." });
    t.nonNull.list.nonNull.string("aliases", {
      description: "Every surface form seen in the articles.",
      // `include`: a list's children bring their aliases along (store/by-id.ts's rowJsonSql); else they load apart (`loads`, ../plan.ts).
      extensions: { prefetch: ((id, _args, ctx, info) => ctx.loaders.aliases(tableOf(info)).load(id)) satisfies Prefetch, include: "aliases", loads: true },
      resolve: (e, _args, ctx: Context, info) => ctx.loaders.aliases(tableOf(info)).load(e.id),
    });
    t.nonNull.int("mentionCount", { description: "Mentions across all articles." });
    t.nonNull.int("articleCount", { description: "Articles that mention it." });
    t.nonNull.field("articles", {
      type: "EntityArticleConnection",
      description: "Articles that mention it, newest first unless orderBy says otherwise.",
      args: nestedArticleArgs,
      extensions: prefetchSlice((info) => `${tableOf(info)}.articles`),
      resolve: (e, args, ctx: Context, info) => childConnection(ctx, info, `${tableOf(info)}.articles`, e.id, args, ctx.loaders.article, sliceOptions(args.orderBy, args.filter)),
    });
    t.nonNull.field("related", {
      type: "RelatedEntityConnection",
      description:
        "People, organizations and places that appear in the same articles (only those of `type` when given), most associated first: " +
        "by the cosine (Ochiai) association of the two, shared articles / sqrt(articles of one × articles of the other), " +
        "so that an entity met in most articles (a country, a capital) ranks below one met less often but mostly with this one; " +
        "ties by shared articles, then by mentions in them.",
      args: { ...pageArgs, type: arg({ type: "EntityType", description: "Only entities of this type; default: all three." }) },
      extensions: {
        prefetch: ((id, args, ctx, info) =>
          loadRelated(ctx, tableOf(info), id, args, args.type ? ENTITY_TYPE_INFO[args.type as EntityType].table : null, info.include).slice) satisfies Prefetch,
        prefetchPage: ((parents, args, ctx, info) =>
          loadRelatedOfPage(ctx, tableOf(info), parents, args, args.type ? ENTITY_TYPE_INFO[args.type as EntityType].table : null, info.include)) satisfies PrefetchPage,
      },
      resolve: (e, args, ctx: Context, info) =>
        relatedConnection(ctx, info, tableOf(info), e.id, args, args.type ? ENTITY_TYPE_INFO[args.type as EntityType].table : null),
    });
    t.nonNull.list.nonNull.field("mentionTimeline", mentionTimelineField);
  },
});
