import { enumType, inputObjectType } from "nexus";

const RELEVANCE = {
  name: "RELEVANCE",
  description: "Best match of `filter.search` first (the default with a search); only with a search.",
};

export const ArticleOrder = enumType({
  name: "ArticleOrder",
  description: "Article order; undated articles come last either way. Default: RELEVANCE with a search, else PUBLISHED_AT_DESC.",
  members: [RELEVANCE, "PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC", "TITLE_ASC", "TITLE_DESC"],
});

export const EntityOrder = enumType({
  name: "EntityOrder",
  description: "Entity order. Default: RELEVANCE with a search, else MENTION_COUNT_DESC.",
  members: [RELEVANCE, "MENTION_COUNT_DESC", "ARTICLE_COUNT_DESC", "NAME_ASC", "NAME_DESC"],
});

/** The search syntax, shared by every filter's `search`. */
const SYNTAX =
  "Full-text search, best match first unless orderBy says otherwise: every word must match, ignoring case and English word endings " +
  '(SQLite also ignores accents; PostgreSQL ignores stop words like "the", so a search of stop words only finds nothing there); ' +
  '"quoted words" match as a phrase; a trailing * matches a prefix (`lavr*`). Other punctuation (OR, -, parentheses) only separates words. ' +
  "A search without any letter or digit is an error (BAD_USER_INPUT); null means no search.";

export const ArticleFilter = inputObjectType({
  name: "ArticleFilter",
  description: "All given conditions must hold.",
  definition(t) {
    t.string("search", { description: `Words in the title or body. ${SYNTAX}` });
    t.field("publishedAfter", { type: "DateTime", description: "Published at or after this instant." });
    t.field("publishedBefore", { type: "DateTime", description: "Published before this instant." });
    t.id("personId", { description: "Mentions this person." });
    t.id("organizationId", { description: "Mentions this organization." });
    t.id("placeId", { description: "Mentions this place." });
    t.id("publisherId", { description: "Published by this publisher." });
    t.string("author", { description: "Has this author among its bylines (the whole name, ignoring case)." });
    t.string("language", { description: "In this language: `en` matches `en` and `en-GB`; `en-GB` only `en-GB`." });
    t.boolean("includeSubplaces", {
      description: "With placeId: also the articles that mention a place inside it (a country: places with its country code; a region: places with its region code). Default false.",
    });
    t.boolean("includeDemonyms", {
      description: "With placeId: also the articles that name it by demonym only (`French officials` for France); demonyms are not mentions and never count in mentionCount. Default false.",
    });
  },
});

export const GeoCircle = inputObjectType({
  name: "GeoCircle",
  description: "A circle on the map: the places whose point lies within `km` of (latitude, longitude).",
  definition(t) {
    t.nonNull.float("latitude", { description: "-90 to 90." });
    t.nonNull.float("longitude", { description: "-180 to 180." });
    t.nonNull.float("km", { description: "Radius in kilometres, more than 0 and at most 20,000." });
  },
});

export const PlaceFilter = inputObjectType({
  name: "PlaceFilter",
  description: "All given conditions must hold.",
  definition(t) {
    t.string("search", { description: `Words in the name or any alias. ${SYNTAX}` });
    t.field("near", { type: "GeoCircle", description: "Within this circle (places without coordinates never are)." });
    t.string("countryCode", { description: "In (or being) the country of this ISO 3166-1 alpha-2 code, any case." });
    t.field("kind", { type: "PlaceKind", description: "Of this kind." });
  },
});

export const EntityFilter = inputObjectType({
  name: "EntityFilter",
  definition(t) {
    t.string("search", { description: `Words in the name or any alias. ${SYNTAX}` });
  },
});

export const QuoteFilter = inputObjectType({
  name: "QuoteFilter",
  definition(t) {
    t.string("search", { description: `Words in the quote or the speaker's name as the text gives it. ${SYNTAX}` });
    t.id("speakerId", { description: "Said by this person or organization." });
    t.id("articleId", { description: "In this article." });
  },
});
