import { objectType, unionType } from "nexus";
import { toGlobalId } from "../ids.ts";
import { connectionTypes } from "./connection.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

export const Speaker = unionType({
  name: "Speaker",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "Who said a quote: a person, or an organization (reports, newspapers, ministries).",
  definition(t) {
    t.members("Person", "Organization");
  },
});

export const Quote = objectType({
  name: "Quote",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A direct quote in an article and who said it.",
  definition(t) {
    t.implements("Node");
    t.nonNull.id("id", { description: "Global id: opaque, stable.", resolve: (q) => toGlobalId("Quote", q.id) });
    t.nonNull.string("text", { description: "The quoted words, without quotation marks." });
    t.nonNull.int("start", { description: "Offset of the first quoted character in the article body (UTF-16 code units)." });
    t.nonNull.int("end", { description: "Offset just past the last quoted character." });
    t.string("cue", { description: "The words that attribute it: said, told, according to, ..." });
    t.string("speakerName", { description: "The speaker as the text names them (`he`, `the Post`, `Ushakov`)." });
    t.field("speaker", {
      type: "Speaker",
      description: "The canonical person or organization who said it, when known.",
      // A list of quotes brings the speakers' rows along (store/by-id.ts's rowJsonSql).
      extensions: { include: "speaker" },
      async resolve(q, _args, ctx) {
        if (q.speakerPersonId != null) {
          const person = await ctx.loaders.person.load(q.speakerPersonId);
          return person && { ...person, __typename: "Person" as const };
        }
        if (q.speakerOrganizationId != null) {
          const organization = await ctx.loaders.organization.load(q.speakerOrganizationId);
          return organization && { ...organization, __typename: "Organization" as const };
        }
        return null;
      },
    });
    t.nonNull.field("article", {
      type: "Article",
      description: "The article it is quoted in.",
      extensions: { include: "article" },
      async resolve(q, _args, ctx) {
        const article = await ctx.loaders.article.load(q.articleId);
        if (!article) throw new Error(`quote ${q.id} has no article ${q.articleId}`);
        return article;
      },
    });
  },
});

export const QuoteConnectionTypes = connectionTypes("Quote", "Quote", "A page of quotes.");
