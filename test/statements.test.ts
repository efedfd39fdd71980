// SQL per operation is bounded by the query's depth, never by its rows: the operations of
// `npm run bench:graphql` cost the same number of statements for pages of 5 and of 50,
// on SQLite and on PostgreSQL (counted through Prisma's query events).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { SNAPSHOT_STATEMENTS } from "../src/store/snapshot.ts";
import { writeCorpus } from "./helpers/corpus.ts";

const OPERATIONS: { name: string; query: string; bound: number; rows: (data: any) => number }[] = [
  {
    name: "an article page with its entities and quotes",
    query: `query($first: Int) { articles(first: $first) { totalCount edges { node { title
      people(first: $first) { edges { mentionCount node { name aliases } } }
      organizations(first: $first) { edges { node { name } } }
      places(first: $first) { edges { node { name kind } } }
      quotes(first: $first) { edges { node { text speaker { ... on Person { name } ... on Organization { name } } } } } } } } }`,
    // page + count; per list a slice and its nodes (4 × 2); aliases; speakers by type.
    bound: 2 + 4 * 2 + 1 + 2,
    rows: (d) => d.articles.edges.length,
  },
  {
    name: "articles with their entity mentions and what each names",
    query: `query($first: Int) { articles(first: $first) { edges { node { body
      mentions(first: $first) { totalCount edges { node { start end text entity { __typename name aliases ... on Place { kind } } } } } } } } }`,
    // page (with the bodies on SQLite); the mentions' slice (on PostgreSQL with their
    // entities, and the bodies batched with it); entities by type (3); aliases by type (3).
    bound: 1 + 1 + 3 + 3,
    rows: (d) => d.articles.edges.reduce((n: number, e: any) => n + e.node.mentions.edges.length, 0),
  },
  {
    name: "people with their articles, quotes and related entities",
    query: `query($first: Int) { people(first: $first) { edges { node { name aliases mentionCount
      articles(first: $first) { totalCount edges { node { title } } }
      quotes(first: $first) { totalCount edges { node { text } } }
      related(first: $first) { edges { sharedArticles node { ... on Person { name } ... on Organization { name } ... on Place { name } } } } } } } }`,
    // page; aliases; per list a slice (with its count) and its nodes; related entities by type.
    bound: 1 + 1 + 3 * 2 + 3 + 2,
    rows: (d) => d.people.edges.length,
  },
  {
    name: "places with their articles",
    query: `query($first: Int) { places(first: $first) { totalCount edges { node { name kind latitude longitude
      articles(first: $first) { totalCount edges { node { title people(first: 3) { edges { node { name } } } } } } } } } }`,
    // page + count; articles a slice and its nodes; their people a slice and its nodes.
    bound: 2 + 2 + 2,
    rows: (d) => d.places.edges.length,
  },
  {
    name: "places near a point, with their country and the place they lie in",
    query: `query($first: Int) { places(first: $first, filter: { near: { latitude: 48, longitude: 10, km: 3500 }, kind: CITY }) { totalCount
      edges { node { name latitude country { name } containedIn { name } } } } }`,
    // the ids in the circle, their rows and the count; country by key; containedIn by region code, then by key.
    bound: 3 + 1 + 2,
    rows: (d) => d.places.edges.length,
  },
  {
    name: "a search over articles, people and quotes",
    query: `query($first: Int) {
      articles(first: $first, filter: { search: "talks" }) { totalCount edges { node { title people(first: 5) { edges { node { name } } } } } }
      people(first: $first, filter: { search: "chen" }) { totalCount edges { node { name articles(first: 3) { edges { node { title } } } } } }
      quotes(first: $first, filter: { search: "plan" }) { totalCount edges { node { text speaker { ... on Person { name } } } } } }`,
    // per searched list the ranked ids, their rows and the count (3 × 3); the nested lists
    // a slice and its nodes each (2 × 2); the speakers.
    bound: 3 * 3 + 2 * 2 + 2,
    rows: (d) => d.articles.edges.length + d.people.edges.length + d.quotes.edges.length,
  },
];

for (const { name, skip, make } of await backends()) {
  describe(`SQL statements per operation on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let corpus: string;

    before(async () => {
      backend = await make();
      corpus = writeCorpus(80);
      // Pages of 50 nested in pages of 50 can cost more than MAX_QUERY_COST: not what this counts.
      server = await startTestServer(backend, [corpus], { limits: { cost: 1_000_000 } });
    });

    after(async () => {
      await server?.stop();
      await backend?.dispose();
      rmSync(corpus, { recursive: true, force: true });
    });

    for (const op of OPERATIONS) {
      test(`${op.name}: the same bounded count for 5 rows and for 50`, async () => {
        const cost = async (first: number) => {
          const start = server.statements();
          const { data, errors } = await server.gql(op.query, { first });
          assert.equal(errors, undefined, JSON.stringify(errors));
          return { statements: server.statements() - start, rows: op.rows(data) };
        };
        const small = await cost(5);
        const large = await cost(50);
        // The corpus is large enough that the bigger page really has more rows.
        assert.ok(large.rows > small.rows, `rows: ${small.rows} then ${large.rows}`);
        // PostgreSQL reads each query in a snapshot: a transaction's three statements more.
        const bound = op.bound + (name === "postgresql" ? SNAPSHOT_STATEMENTS : 0);
        assert.ok(small.statements <= bound, `5 rows cost ${small.statements} statements (bound ${bound})`);
        assert.ok(large.statements <= bound, `50 rows cost ${large.statements} statements (bound ${bound})`);
      });
    }
  });
}
