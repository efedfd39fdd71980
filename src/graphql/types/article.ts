import { intArg, objectType, stringArg } from "nexus";
import { toGlobalId } from "../ids.ts";
import { childConnection } from "../nested.ts";
import { connectionTypes, MENTION_COUNT } from "./connection.ts";

export const Article = objectType({
  name: "Article",
  description: "A news article, as loaded from one document.",
  definition(t) {
    t.implements("Node");
    t.nonNull.id("id", { resolve: (a) => toGlobalId("Article", a.id) });
    t.nonNull.string("title");
    t.nonNull.string("body", { description: "The text; quote and mention offsets index into it." });
    t.field("publishedAt", { type: "DateTime" });
    t.string("sourceId", { description: "The document's story code, when it has one." });
    t.nonNull.string("fileName", { description: "The file the article was loaded from." });
    t.nonNull.int("wordCount");
    const mentioned = [
      ["people", "ArticlePersonConnection", "article.people", "person", "People"],
      ["organizations", "ArticleOrganizationConnection", "article.organizations", "organization", "Organizations"],
      ["places", "ArticlePlaceConnection", "article.places", "place", "Places"],
    ] as const;
    for (const [field, type, kind, loader, what] of mentioned) {
      t.nonNull.field(field, {
        type,
        description: `${what} the article mentions, most mentioned first.`,
        args: { first: intArg(), after: stringArg() },
        resolve: (a, args, ctx) => childConnection(ctx, kind, a.id, args, ctx.loaders[loader]),
      });
    }
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes in the article, in reading order.",
      args: { first: intArg(), after: stringArg() },
      resolve: (a, args, ctx) => childConnection(ctx, "article.quotes", a.id, args, ctx.loaders.quote),
    });
  },
});

export const ArticleConnectionTypes = connectionTypes("Article", "Article", "A page of articles.");
export const ArticlePersonConnectionTypes = connectionTypes("ArticlePerson", "Person", "People mentioned in an article.", MENTION_COUNT);
export const ArticleOrganizationConnectionTypes = connectionTypes("ArticleOrganization", "Organization", "Organizations mentioned in an article.", MENTION_COUNT);
export const ArticlePlaceConnectionTypes = connectionTypes("ArticlePlace", "Place", "Places mentioned in an article.", MENTION_COUNT);
export const EntityArticleConnectionTypes = connectionTypes("EntityArticle", "Article", "Articles that mention an entity.", MENTION_COUNT);
