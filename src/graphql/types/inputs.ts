import { enumType, inputObjectType } from "nexus";

const RELEVANCE = {
  name: "RELEVANCE",
  description: "Best match of `filter.search` first (the default with a search); only with a search.",
};

const NOT_NESTED = " Not in nested lists, which take no search.";

export const ArticleOrder = enumType({
  name: "ArticleOrder",
  description: "Article order; undated articles come last either way. Default: RELEVANCE with a search, else PUBLISHED_AT_DESC.",
  members: [
    { ...RELEVANCE, description: RELEVANCE.description + NOT_NESTED },
    { name: "PUBLISHED_AT_DESC", description: "Newest first (the default without a search)." },
    { name: "PUBLISHED_AT_ASC", description: "Oldest first." },
    { name: "TITLE_ASC", description: "By title, A to Z (by code point: capitals before small letters)." },
    { name: "TITLE_DESC", description: "By title, Z to A." },
  ],
});

export const EntityOrder = enumType({
  name: "EntityOrder",
  description: "Entity order. Default: RELEVANCE with a search, else MENTION_COUNT_DESC.",
  members: [
    { ...RELEVANCE, description: `${RELEVANCE.description} Ranks the match together with the entity's prominence (its mentions).` },
    { name: "MENTION_COUNT_DESC", description: "Most mentioned across all articles first (the default without a search)." },
    { name: "ARTICLE_COUNT_DESC", description: "Mentioned in the most articles first." },
    { name: "NAME_ASC", description: "By canonical name, A to Z (by code point)." },
    { name: "NAME_DESC", description: "By canonical name, Z to A." },
  ],
});

export const MentionOrder = enumType({
  name: "MentionOrder",
  description: "Order of the entities an article mentions. Default: MENTION_COUNT_DESC.",
  members: [
    { name: "MENTION_COUNT_DESC", description: "Most mentioned in the article first, then by first mention (the default)." },
    { name: "FIRST_MENTION", description: "In reading order of their first mention." },
    { name: "NAME_ASC", description: "By canonical name, A to Z (by code point)." },
    { name: "NAME_DESC", description: "By canonical name, Z to A." },
  ],
});

export const QuoteOrder = enumType({
  name: "QuoteOrder",
  description: "Quote order; quotes of undated articles come last in both date orders. Default: RELEVANCE with a search, else READING_ORDER.",
  members: [
    { ...RELEVANCE, description: RELEVANCE.description + NOT_NESTED },
    { name: "READING_ORDER", description: "Article by article in load order, each article's quotes in reading order (the default without a search)." },
    { name: "PUBLISHED_AT_DESC", description: "Quotes of the newest articles first; one article's in reading order." },
    { name: "PUBLISHED_AT_ASC", description: "Quotes of the oldest articles first; one article's in reading order." },
  ],
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

/** The largest `near.km`: about half the Earth's circumference, so a circle can hold any point. */
export const MAX_NEAR_KM = 20_000;

export const GeoCircle = inputObjectType({
  name: "GeoCircle",
  description: "A circle on the map: the places whose point lies within `km` of (latitude, longitude).",
  definition(t) {
    t.nonNull.float("latitude", { description: "-90 to 90." });
    t.nonNull.float("longitude", { description: "-180 to 180." });
    t.nonNull.float("km", { description: `Radius in kilometres, more than 0 and at most ${MAX_NEAR_KM.toLocaleString("en")}.` });
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
  description: "Which people or organizations to list.",
  definition(t) {
    t.string("search", { description: `Words in the name or any alias. ${SYNTAX}` });
  },
});

export const QuoteFilter = inputObjectType({
  name: "QuoteFilter",
  description: "All given conditions must hold.",
  definition(t) {
    t.string("search", { description: `Words in the quote or the speaker's name as the text gives it. ${SYNTAX}` });
    t.id("speakerId", { description: "Said by this person or organization." });
    t.id("articleId", { description: "In this article." });
    t.field("publishedAfter", { type: "DateTime", description: "In an article published at or after this instant." });
    t.field("publishedBefore", { type: "DateTime", description: "In an article published before this instant." });
  },
});

export const PublishedFilter = inputObjectType({
  name: "PublishedFilter",
  description: "A range of publication dates, for nested lists of articles (or of their quotes); undated articles are in no range. Both conditions must hold.",
  definition(t) {
    t.field("publishedAfter", { type: "DateTime", description: "Published at or after this instant." });
    t.field("publishedBefore", { type: "DateTime", description: "Published before this instant." });
  },
});
