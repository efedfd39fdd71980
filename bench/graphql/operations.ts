// The operations both servers answer, each written for newsgraph and for PostGraphile,
// and the search each side runs (one place to switch when the filter changes).
import { fromGlobalId, toGlobalId } from "../../src/graphql/ids.ts";

/**
 * Ours: `filter: { search }` with `orderBy`. PostGraphile: the query of
 * `postgraphile_bench.search_articles(text)` (bench/postgraphile.sql), which must select
 * the same articles in the same order (the equivalence check says when it does not).
 */
export const SEARCH_MODES = {
  // The filter before full-text search: case-insensitive containment in the title or the
  // body (Prisma's `contains`, mode insensitive: ILIKE '%text%'), newest first.
  contains: {
    oursOrder: "PUBLISHED_AT_DESC",
    postgraphile: `SELECT a.* FROM public.article a WHERE a.title ILIKE '%' || text || '%' OR a.body ILIKE '%' || text || '%'
      ORDER BY a.published_at DESC NULLS LAST, a.id DESC`,
  },
  // Full-text search (src/store/search.ts: the tsvector side table article_search of the
  // *_full_text_search migration, GIN-indexed), by relevance: ts_rank_cd normalized by
  // length, ties newest first. One-word searches, so plainto_tsquery = our tsquery.
  fulltext: {
    oursOrder: "RELEVANCE",
    postgraphile: `SELECT a.* FROM public.article_search s JOIN public.article a ON a.id = s.article_id, plainto_tsquery('english', text) q
      WHERE s.document @@ q ORDER BY ts_rank_cd(s.document, q, 1) DESC, a.id DESC`,
  },
} as const;
export type SearchMode = keyof typeof SEARCH_MODES;
export const SEARCH_TERMS = ["Syria", "election", "police", "refugees", "climate", "Clinton", "economy", "Russia", "immigration", "terror"];


/** The servers under test: ours on PostgreSQL, PostGraphile on the same database, and ours on SQLite (no peer). */
export type ServerName = "newsgraph" | "postgraphile" | "sqlite";
/** The side of an operation a server is sent: ours on SQLite asks what ours on PostgreSQL does. */
export const sideOf = (server: ServerName): keyof Pick<Operation, "newsgraph" | "postgraphile"> => (server === "postgraphile" ? "postgraphile" : "newsgraph");

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Side {
  query: string;
  variables: (i: number) => Record<string, unknown>;
  /** The rows both servers must agree on, in one shape. */
  rows: (data: Json) => unknown;
}
export interface Operation {
  name: string;
  newsgraph: Side;
  postgraphile: Side;
}
export interface Fixtures {
  articles: number[];
  people: number[];
}

export const rowId = (globalId: string) => fromGlobalId(globalId).id;
export const PLACE_ORDERS = [
  { ours: "MENTION_COUNT_DESC", pgl: "[MENTION_COUNT_DESC, ROW_ID_ASC]" },
  { ours: "ARTICLE_COUNT_DESC", pgl: "[ARTICLE_COUNT_DESC, ROW_ID_ASC]" },
  { ours: "NAME_ASC", pgl: "[NAME_ASC, ROW_ID_ASC]" },
] as const;

export function operations(f: Fixtures, searchMode: SearchMode): Operation[] {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const mentionOrder = (child: string) => `[MENTION_COUNT_DESC, FIRST_OFFSET_ASC, ${child}_ID_ASC]`;
  return [
    {
      name: "article page",
      newsgraph: {
        query: `query ArticlePage($id: ID!) { node(id: $id) { ... on Article {
          id title publishedAt sourceId wordCount
          people(first: 10) { totalCount edges { mentionCount node { id name aliases } } }
          organizations(first: 10) { totalCount edges { mentionCount node { id name } } }
          places(first: 10) { totalCount edges { mentionCount node { id name kind countryCode } } }
          quotes(first: 10) { totalCount edges { node { id text cue speakerName
            speaker { __typename ... on Person { id name } ... on Organization { id name } } } } } } } }`,
        variables: (i) => ({ id: toGlobalId("Article", pick(f.articles, i)) }),
        rows: ({ node: a }) => ({
          id: rowId(a.id), title: a.title, publishedAt: a.publishedAt, sourceId: a.sourceId, wordCount: a.wordCount,
          people: [a.people.totalCount, a.people.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount, e.node.aliases])],
          organizations: [a.organizations.totalCount, a.organizations.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount])],
          places: [a.places.totalCount, a.places.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount, e.node.kind, e.node.countryCode])],
          quotes: [a.quotes.totalCount, a.quotes.edges.map(({ node: q }: Json) =>
            [rowId(q.id), q.text, q.cue, q.speakerName, q.speaker ? [q.speaker.__typename, rowId(q.speaker.id), q.speaker.name] : null])],
        }),
      },
      postgraphile: {
        query: `query ArticlePage($rowId: Int!) { articleByRowId(rowId: $rowId) {
          rowId title publishedAt sourceId wordCount
          articlePeopleByArticleId(first: 10, orderBy: ${mentionOrder("PERSON")}) { totalCount nodes { mentionCount
            personByPersonId { rowId name personAliasesByPersonId(orderBy: ALIAS_ASC) { nodes { alias } } } } }
          articleOrganizationsByArticleId(first: 10, orderBy: ${mentionOrder("ORGANIZATION")}) { totalCount nodes { mentionCount
            organizationByOrganizationId { rowId name } } }
          articlePlacesByArticleId(first: 10, orderBy: ${mentionOrder("PLACE")}) { totalCount nodes { mentionCount
            placeByPlaceId { rowId name kind countryCode } } }
          quotesByArticleId(first: 10, orderBy: [START_OFFSET_ASC, ROW_ID_ASC]) { totalCount nodes { rowId text cue speakerName
            personBySpeakerPersonId { rowId name } organizationBySpeakerOrganizationId { rowId name } } } } }`,
        variables: (i) => ({ rowId: pick(f.articles, i) }),
        rows: ({ articleByRowId: a }) => ({
          id: a.rowId, title: a.title, publishedAt: a.publishedAt && new Date(a.publishedAt).toISOString(), sourceId: a.sourceId, wordCount: a.wordCount,
          people: [a.articlePeopleByArticleId.totalCount, a.articlePeopleByArticleId.nodes.map((n: Json) =>
            [n.personByPersonId.rowId, n.personByPersonId.name, n.mentionCount, n.personByPersonId.personAliasesByPersonId.nodes.map((x: Json) => x.alias)])],
          organizations: [a.articleOrganizationsByArticleId.totalCount, a.articleOrganizationsByArticleId.nodes.map((n: Json) =>
            [n.organizationByOrganizationId.rowId, n.organizationByOrganizationId.name, n.mentionCount])],
          places: [a.articlePlacesByArticleId.totalCount, a.articlePlacesByArticleId.nodes.map((n: Json) =>
            [n.placeByPlaceId.rowId, n.placeByPlaceId.name, n.mentionCount, n.placeByPlaceId.kind, n.placeByPlaceId.countryCode])],
          quotes: [a.quotesByArticleId.totalCount, a.quotesByArticleId.nodes.map((q: Json) => {
            const speaker = q.personBySpeakerPersonId ? ["Person", q.personBySpeakerPersonId] : q.organizationBySpeakerOrganizationId ? ["Organization", q.organizationBySpeakerOrganizationId] : null;
            return [q.rowId, q.text, q.cue, q.speakerName, speaker ? [speaker[0], speaker[1].rowId, speaker[1].name] : null];
          })],
        }),
      },
    },
    {
      name: "person page",
      newsgraph: {
        query: `query PersonPage($id: ID!) { node(id: $id) { ... on Person {
          id name aliases mentionCount articleCount
          articles(first: 5) { totalCount edges { mentionCount node { id title publishedAt } } }
          quotes(first: 5) { totalCount edges { node { text cue article { title } } } }
          related(first: 5) { totalCount edges { sharedArticles node { __typename ... on Person { id name } ... on Organization { id name } ... on Place { id name } } } } } } }`,
        variables: (i) => ({ id: toGlobalId("Person", pick(f.people, i)) }),
        rows: ({ node: p }) => ({
          id: rowId(p.id), name: p.name, aliases: p.aliases, mentionCount: p.mentionCount, articleCount: p.articleCount,
          articles: [p.articles.totalCount, p.articles.edges.map((e: Json) => [rowId(e.node.id), e.node.title, e.mentionCount])],
          quotes: [p.quotes.totalCount, p.quotes.edges.map(({ node: q }: Json) => [q.text, q.cue, q.article.title])],
          related: [p.related.totalCount, p.related.edges.map((e: Json) => [e.node.__typename.toLowerCase(), rowId(e.node.id), e.node.name, e.sharedArticles])],
        }),
      },
      postgraphile: {
        query: `query PersonPage($rowId: Int!) { personByRowId(rowId: $rowId) {
          rowId name mentionCount articleCount
          personAliasesByPersonId(orderBy: ALIAS_ASC) { nodes { alias } }
          articles(first: 5) { totalCount nodes { mentionCount articleByArticleId { rowId title publishedAt } } }
          quotesBySpeakerPersonId(first: 5, orderBy: [ARTICLE_ID_ASC, START_OFFSET_ASC, ROW_ID_ASC]) { totalCount nodes { text cue articleByArticleId { title } } }
          related(first: 5) { totalCount nodes { entityType entityId name sharedArticles } } } }`,
        variables: (i) => ({ rowId: pick(f.people, i) }),
        rows: ({ personByRowId: p }) => ({
          id: p.rowId, name: p.name, aliases: p.personAliasesByPersonId.nodes.map((x: Json) => x.alias), mentionCount: p.mentionCount, articleCount: p.articleCount,
          articles: [p.articles.totalCount, p.articles.nodes.map((n: Json) => [n.articleByArticleId.rowId, n.articleByArticleId.title, n.mentionCount])],
          quotes: [p.quotesBySpeakerPersonId.totalCount, p.quotesBySpeakerPersonId.nodes.map((q: Json) => [q.text, q.cue, q.articleByArticleId.title])],
          related: [p.related.totalCount, p.related.nodes.map((n: Json) => [n.entityType, n.entityId, n.name, n.sharedArticles])],
        }),
      },
    },
    {
      name: "places",
      newsgraph: {
        query: `query Places($orderBy: EntityOrder) { places(first: 10, orderBy: $orderBy) { totalCount edges { node {
          id name kind countryCode mentionCount
          articles(first: 5) { totalCount edges { mentionCount node { id title publishedAt } } } } } } }`,
        variables: (i) => ({ orderBy: pick(PLACE_ORDERS, i).ours }),
        rows: ({ places }) => [places.totalCount, places.edges.map(({ node: p }: Json) => [rowId(p.id), p.name, p.kind, p.countryCode, p.mentionCount,
          p.articles.totalCount, p.articles.edges.map((e: Json) => [rowId(e.node.id), e.node.title, e.mentionCount])])],
      },
      postgraphile: {
        // The order is part of the document (PostGraphile's orderBy is a list of enums);
        // the three variants are three documents, as a client would send them.
        query: "",
        variables: () => ({}),
        rows: ({ allPlaces }) => [allPlaces.totalCount, allPlaces.nodes.map((p: Json) => [p.rowId, p.name, p.kind, p.countryCode, p.mentionCount,
          p.articles.totalCount, p.articles.nodes.map((n: Json) => [n.articleByArticleId.rowId, n.articleByArticleId.title, n.mentionCount])])],
      },
    },
    {
      name: "search",
      newsgraph: {
        query: `query Search($text: String!) { articles(first: 10, filter: { search: $text }, orderBy: ${SEARCH_MODES[searchMode].oursOrder}) {
          totalCount edges { node { id title publishedAt } } } }`,
        variables: (i) => ({ text: pick(SEARCH_TERMS, i) }),
        rows: ({ articles }) => [articles.totalCount, articles.edges.map(({ node: a }: Json) => [rowId(a.id), a.title])],
      },
      postgraphile: {
        query: `query Search($text: String!) { postgraphileBenchSearchArticles(text: $text, first: 10) { totalCount nodes { rowId title publishedAt } } }`,
        variables: (i) => ({ text: pick(SEARCH_TERMS, i) }),
        rows: ({ postgraphileBenchSearchArticles: s }) => [s.totalCount, s.nodes.map((a: Json) => [a.rowId, a.title])],
      },
    },
  ];
}

export const placesQuery = (order: string) => `query Places { allPlaces(first: 10, orderBy: ${order}) { totalCount nodes {
  rowId name kind countryCode mentionCount
  articles(first: 5) { totalCount nodes { mentionCount articleByArticleId { rowId title publishedAt } } } } } }`;

/** The request bodies a server is sent for an operation, cycled through under load. */
export function bodies(op: Operation, server: ServerName, count: number): string[] {
  if (op.name === "places" && server === "postgraphile") return PLACE_ORDERS.map((o) => JSON.stringify({ query: placesQuery(o.pgl), variables: {} }));
  if (op.name === "places") count = PLACE_ORDERS.length;
  const side = op[sideOf(server)];
  return Array.from({ length: count }, (_, i) => JSON.stringify({ query: side.query, variables: side.variables(i) }));
}
