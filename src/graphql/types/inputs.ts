import { enumType, inputObjectType } from "nexus";

export const ArticleOrder = enumType({
  name: "ArticleOrder",
  description: "Article order; undated articles come last either way.",
  members: ["PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC", "TITLE_ASC", "TITLE_DESC"],
});

export const EntityOrder = enumType({
  name: "EntityOrder",
  members: ["MENTION_COUNT_DESC", "ARTICLE_COUNT_DESC", "NAME_ASC", "NAME_DESC"],
});

export const ArticleFilter = inputObjectType({
  name: "ArticleFilter",
  description: "All given conditions must hold.",
  definition(t) {
    t.string("search", { description: "Words in the title or body (case-insensitive)." });
    t.field("publishedAfter", { type: "DateTime", description: "Published at or after this instant." });
    t.field("publishedBefore", { type: "DateTime", description: "Published before this instant." });
    t.id("personId", { description: "Mentions this person." });
    t.id("organizationId", { description: "Mentions this organization." });
    t.id("placeId", { description: "Mentions this place." });
  },
});

export const EntityFilter = inputObjectType({
  name: "EntityFilter",
  definition(t) {
    t.string("search", { description: "Words in the name or any alias (case-insensitive)." });
  },
});

export const QuoteFilter = inputObjectType({
  name: "QuoteFilter",
  definition(t) {
    t.string("search", { description: "Words in the quote (case-insensitive)." });
    t.id("speakerId", { description: "Said by this person or organization." });
    t.id("articleId", { description: "In this article." });
  },
});
