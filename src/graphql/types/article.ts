import { arg, objectType } from "nexus";
import { toGlobalId } from "../ids.ts";
import type { Context } from "../context.ts";
import { childConnection, mentionConnection, prefetchSlice, sliceOptions } from "../nested.ts";
import { connectionTypes, MENTION_COUNT, pageArgs } from "./connection.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

/** `orderBy` and `filter` of nested lists of articles (Entity.articles, Publisher.articles). */
export const nestedArticleArgs = {
  ...pageArgs,
  orderBy: arg({ type: "ArticleOrder", description: "Default PUBLISHED_AT_DESC; RELEVANCE is refused (no search here)." }),
  filter: arg({ type: "PublishedFilter", description: "Only articles published in this range." }),
};

export const Article = objectType({
  name: "Article",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A news article, as loaded from one document.",
  definition(t) {
    t.implements("Node");
    t.nonNull.id("id", { description: "Global id: opaque, stable.", resolve: (a) => toGlobalId("Article", a.id) });
    t.nonNull.string("title", { description: "The headline." });
    // `loads`: read apart from the row where rows come as JSON (../plan.ts).
    t.nonNull.string("body", { description: "The text; quote and mention offsets index into it.", extensions: { loads: true } });
    t.field("publishedAt", { type: "DateTime", description: "When it was published, when the source says; null otherwise (undated articles sort last)." });
    t.string("sourceId", { description: "The document's story code, when it has one." });
    t.nonNull.string("fileName", {
      description: "Where the article was loaded from, relative to the folder the load was given (`bbc/tech-001.txt`, `news.jsonl:12` for line 12), or the page's URL.",
    });
    t.nonNull.int("wordCount", { description: "Words in the body." });
    t.string("url", { description: "The article's URL (the page's canonical one when it names it). Unique: the same URL again is this article." });
    t.field("publisher", {
      type: "Publisher",
      description: "The outlet that published it.",
      resolve: (a, _args, ctx: Context) => (a.publisherId == null ? null : ctx.loaders.publisher.load(a.publisherId)),
    });
    t.nonNull.list.nonNull.string("authors", { description: "The bylines' names, in the source's order.", resolve: (a) => parseAuthors(a.authors) });
    t.string("language", { description: "BCP 47 language tag as the source gives it (`en`, `en-GB`)." });
    t.nonNull.list.nonNull.field("copies", {
      type: "ArticleCopy",
      description: "Other copies of this article: near-duplicates (re-publications, wire copies, small edits) and the same text under other URLs, earliest first. They are not analysed again, so they add nothing to entity counts.",
      resolve: (a, _args, ctx: Context) => ctx.loaders.copies.load(a.id),
    });
    const mentioned = [
      ["people", "ArticlePersonConnection", "article.people", "person", "People"],
      ["organizations", "ArticleOrganizationConnection", "article.organizations", "organization", "Organizations"],
      ["places", "ArticlePlaceConnection", "article.places", "place", "Places"],
    ] as const;
    for (const [field, type, kind, loader, what] of mentioned) {
      t.nonNull.field(field, {
        type,
        description: `${what} the article mentions, most mentioned first unless orderBy says otherwise.`,
        args: { ...pageArgs, orderBy: arg({ type: "MentionOrder", description: "Default MENTION_COUNT_DESC." }) },
        extensions: prefetchSlice(() => kind),
        resolve: (a, args, ctx, info) => childConnection(ctx, info, kind, a.id, args, ctx.loaders[loader], sliceOptions(args.orderBy)),
      });
    }
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes in the article, in reading order.",
      args: pageArgs,
      extensions: prefetchSlice(() => "article.quotes", false),
      resolve: (a, args, ctx, info) => childConnection(ctx, info, "article.quotes", a.id, args, ctx.loaders.quote),
    });
    t.nonNull.field("mentions", {
      type: "ArticleMentionConnection",
      description:
        "Where the body names people, organizations and places, in reading order, each with its offsets and entity: what a client needs to turn the names into links. Articles stored before this field existed have none until loaded again.",
      args: pageArgs,
      resolve: (a, args, ctx) => mentionConnection(ctx, a.id, () => bodyOf(a), args),
    });
  },
});

/**
 * The article's body: a string on rows Prisma read, a function that loads it on rows read
 * in a PostgreSQL batch (store/by-id.ts's `shapeRow`, which leaves bodies out of pages).
 */
function bodyOf(a: { body: string }): Promise<string> {
  const body: unknown = a.body;
  return typeof body === "function" ? Promise.resolve((body as () => Promise<string>)()) : Promise.resolve(body as string);
}

/** The authors column: a JSON array of names. */
export function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export const ArticleCopy = objectType({
  name: "ArticleCopy",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "Another copy of an article, recorded instead of stored twice: a near-duplicate of its text, or the same text from another URL.",
  definition(t) {
    t.nonNull.field("duplicateOf", { type: "Article", description: "The article this is a copy of.", resolve: async (c, _args, ctx: Context) => (await ctx.loaders.article.load(c.articleId))! });
    t.nonNull.string("title", { description: "The copy's own headline." });
    t.string("url", { description: "The copy's URL, when it has one." });
    t.field("publisher", {
      type: "Publisher",
      description: "The outlet that published the copy.",
      resolve: (c, _args, ctx: Context) => (c.publisherId == null ? null : ctx.loaders.publisher.load(c.publisherId)),
    });
    t.nonNull.list.nonNull.string("authors", { description: "The copy's bylines, in the source's order.", resolve: (c) => parseAuthors(c.authors) });
    t.field("publishedAt", { type: "DateTime", description: "When the copy was published, when its source says." });
    t.nonNull.string("fileName", { description: "Where the copy was loaded from." });
    t.nonNull.float("similarity", { description: "Estimated share of word 3-shingles the texts have in common (MinHash), 1 for the same text." });
  },
});

export const Publisher = objectType({
  name: "Publisher",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "An outlet: news-please's source_domain, NewsAPI's source.name, a page's site name, a feed's title.",
  definition(t) {
    t.implements("Node");
    t.nonNull.id("id", { description: "Global id: opaque, stable.", resolve: (p) => toGlobalId("Publisher", p.id) });
    t.nonNull.string("name", { description: "As first seen; spellings that differ only in case or a leading `www.` are one publisher." });
    t.nonNull.int("articleCount", { description: "Its articles (copies not counted).", extensions: { loads: true }, resolve: (p, _args, ctx: Context) => ctx.loaders.publisherArticleCount.load(p.id) });
    t.nonNull.field("articles", {
      type: "ArticleConnection",
      description: "Its articles, newest first unless orderBy says otherwise; the list of `articles(filter: {publisherId})`, batched across publishers.",
      args: nestedArticleArgs,
      resolve: (p, args, ctx: Context, info) => childConnection(ctx, info, "publisher.articles", p.id, args, ctx.loaders.article, sliceOptions(args.orderBy, args.filter)),
    });
  },
});

export const PublisherConnectionTypes = connectionTypes("Publisher", "Publisher", "A page of publishers.");

export const ArticleConnectionTypes = connectionTypes("Article", "Article", "A page of articles.");
export const ArticlePersonConnectionTypes = connectionTypes("ArticlePerson", "Person", "People mentioned in an article.", MENTION_COUNT);
export const ArticleOrganizationConnectionTypes = connectionTypes("ArticleOrganization", "Organization", "Organizations mentioned in an article.", MENTION_COUNT);
export const ArticlePlaceConnectionTypes = connectionTypes("ArticlePlace", "Place", "Places mentioned in an article.", MENTION_COUNT);
export const EntityArticleConnectionTypes = connectionTypes("EntityArticle", "Article", "Articles that mention an entity.", MENTION_COUNT);
