import { arg, extendType, intArg, stringArg } from "nexus";
import type { Context } from "../context.ts";
import { idOfType } from "../ids.ts";
import { keysetConnection, keysetWindow } from "../pagination.ts";
import {
  articleCount, articlePage, entityCount, organizationPage, personPage, placePage, quoteCount, quotePage,
  type ArticleFilter, type EntityFilter,
} from "../../store/lists.ts";

const pageArgs = { first: intArg(), after: stringArg(), last: intArg(), before: stringArg() };
const optionalId = <T extends "Person" | "Organization" | "Place" | "Article">(id: string | null | undefined, type: T, field: string) =>
  id == null ? null : idOfType(id, [type], field).id;

export const ListQueries = extendType({
  type: "Query",
  definition(t) {
    t.nonNull.field("articles", {
      type: "ArticleConnection",
      args: { ...pageArgs, filter: arg({ type: "ArticleFilter" }), orderBy: arg({ type: "ArticleOrder", default: "PUBLISHED_AT_DESC" }) },
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args);
        const f = args.filter ?? {};
        const filter: ArticleFilter = {
          search: f.search,
          publishedAfter: f.publishedAfter,
          publishedBefore: f.publishedBefore,
          personId: optionalId(f.personId, "Person", "filter.personId"),
          organizationId: optionalId(f.organizationId, "Organization", "filter.organizationId"),
          placeId: optionalId(f.placeId, "Place", "filter.placeId"),
        };
        const page = await articlePage(ctx.store, filter, args.orderBy ?? "PUBLISHED_AT_DESC", window);
        return keysetConnection(page, window, () => articleCount(ctx.store, filter));
      },
    });
    const entityArgs = { ...pageArgs, filter: arg({ type: "EntityFilter" }), orderBy: arg({ type: "EntityOrder", default: "MENTION_COUNT_DESC" }) };
    const entityLists = [
      ["people", "PersonConnection", "PERSON", personPage],
      ["organizations", "OrganizationConnection", "ORGANIZATION", organizationPage],
      ["places", "PlaceConnection", "PLACE", placePage],
    ] as const;
    for (const [field, type, kind, page] of entityLists) {
      t.nonNull.field(field, {
        type,
        args: entityArgs,
        async resolve(_root, args, ctx: Context) {
          const window = keysetWindow(args);
          const filter: EntityFilter = args.filter ?? {};
          const rows = await page(ctx.store, filter, args.orderBy ?? "MENTION_COUNT_DESC", window);
          return keysetConnection(rows, window, () => entityCount(ctx.store, kind, filter));
        },
      });
    }
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      args: { ...pageArgs, filter: arg({ type: "QuoteFilter" }) },
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args);
        const f = args.filter ?? {};
        const speaker = f.speakerId == null ? null : idOfType(f.speakerId, ["Person", "Organization"], "filter.speakerId");
        const filter = {
          search: f.search,
          speakerPersonId: speaker?.type === "Person" ? speaker.id : null,
          speakerOrganizationId: speaker?.type === "Organization" ? speaker.id : null,
          articleId: optionalId(f.articleId, "Article", "filter.articleId"),
        };
        const page = await quotePage(ctx.store, filter, window);
        return keysetConnection(page, window, () => quoteCount(ctx.store, filter));
      },
    });
  },
});
