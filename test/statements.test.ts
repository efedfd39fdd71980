// SQL per operation is bounded by the query's depth, never by its rows: the operations of
// `npm run bench:graphql` cost the same number of statements for pages of 5 and of 50,
// on SQLite and on PostgreSQL (counted through Prisma's query events).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { SNAPSHOT_STATEMENTS } from "../src/store/snapshot.ts";
import { writeCorpus } from "./helpers/corpus.ts";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { toGlobalId } from "../src/graphql/ids.ts";

/** Articles of two publishers with dates, for the lists ordered and filtered by date and Publisher.articles. */
function writeDatedArticles(dir: string, count: number) {
  for (let i = 0; i < count; i++) {
    const front = `---\ntitle: Port budget in Lisbon, part ${i}\ndate: 2024-01-${String(1 + (i * 7) % 28).padStart(2, "0")}T10:00:00Z\nsource: ${i % 2 ? "Odd Post" : "Even Times"}\n---\n\n`;
    const body = `Maria Lopez met Anna Novak in Lisbon to discuss the port budget, the World Bank said.\n\n“We will publish part ${i} soon,” Lopez said.\n`;
    writeFileSync(join(dir, `dated-${i}.txt`), front + body);
  }
}

const ids = (type: "Article" | "Person", n: number) => Array.from({ length: n }, (_, i) => toGlobalId(type, i + 1));

const OPERATIONS: {
  name: string; query: string; bound: number; rows: (data: any) => number; variables?: (first: number) => Record<string, unknown>;
  /** A lower bound on PostgreSQL, where the reads of one level share a statement. */
  postgresql?: number;
}[] = [
  {
    name: "an organization page by node(id:) with its articles, quotes and related entities",
    query: `query($first: Int, $id: ID!) { node(id: $id) { ... on Organization { name aliases
      articles(first: $first) { totalCount edges { mentionCount node { title } } }
      quotes(first: $first) { totalCount edges { node { text article { title } } } }
      related(first: $first) { totalCount edges { sharedArticles node { ... on Person { name } ... on Organization { name } ... on Place { name } } } } } } }`,
    variables: (first) => ({ first, id: toGlobalId("Organization", 1) }),
    // SQLite: the organization; aliases; per list a slice and its nodes (3 × 2); the quotes'
    // articles; related entities by type (2 more).
    bound: 1 + 1 + 3 * 2 + 1 + 2,
    // PostgreSQL: node(id:) starts the lists with the row, so the organization, its aliases and
    // its three slices with their rows are one statement; then the quotes' articles.
    postgresql: 2,
    rows: (d) => d.node.articles.edges.length + d.node.related.edges.length,
  },
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
    name: "people with the people they are related to",
    query: `query($first: Int) { people(first: $first) { edges { node { name
      related(first: $first, type: PERSON) { totalCount edges { sharedArticles node { ... on Person { name } } } } } } } }`,
    // page; the related slice (with its count) and its people.
    bound: 1 + 2,
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
  {
    name: "an article page with nested lists ordered and paged backward",
    query: `query($first: Int) { articles(first: $first) { totalCount edges { node { title
      people(last: $first, orderBy: NAME_ASC) { totalCount edges { mentionCount node { name } } }
      organizations(first: $first, orderBy: FIRST_MENTION) { edges { node { name } } }
      places(last: 3, orderBy: NAME_DESC) { edges { node { name } } }
      quotes(last: $first) { totalCount edges { node { text } } } } } } }`,
    // page + count; per list a slice and its nodes (4 × 2).
    bound: 2 + 4 * 2,
    rows: (d) => d.articles.edges.length,
  },
  {
    name: "people with their articles and quotes ordered and filtered by date, and related paged backward",
    query: `query($first: Int) { people(first: $first) { edges { node { name
      articles(last: $first, orderBy: PUBLISHED_AT_ASC, filter: { publishedAfter: "2024-01-05T00:00:00Z" }) { totalCount edges { node { title } } }
      quotes(first: $first, orderBy: PUBLISHED_AT_DESC, filter: { publishedBefore: "2024-01-20T00:00:00Z" }) { totalCount edges { node { text } } }
      related(last: $first) { edges { sharedArticles node { ... on Person { name } ... on Organization { name } ... on Place { name } } } } } } } }`,
    // page; per list a slice and its nodes; related entities by type.
    bound: 1 + 3 * 2 + 3,
    rows: (d) => d.people.edges.length,
  },
  {
    name: "publishers with their articles, ordered and filtered",
    query: `query($first: Int) { publishers(first: $first) { totalCount edges { node { name
      articles(first: $first, orderBy: TITLE_ASC, filter: { publishedBefore: "2024-02-01T00:00:00Z" }) { totalCount edges { node { title people(first: 2) { edges { node { name } } } } } } } } } }`,
    // page + count; the articles a slice and its nodes; their people a slice and its nodes.
    bound: 2 + 2 + 2,
    rows: (d) => d.publishers.edges.reduce((n: number, e: any) => n + e.node.articles.edges.length, 0),
  },
  {
    name: "quotes ordered and filtered by their article's date",
    query: `query($first: Int) { quotes(first: $first, orderBy: PUBLISHED_AT_DESC, filter: { publishedAfter: "2024-01-02T00:00:00Z" }) { totalCount
      edges { node { text article { title } speaker { ... on Person { name } } } } } }`,
    // the ordered ids, their rows and the count; articles; speakers.
    bound: 3 + 1 + 1,
    rows: (d) => d.quotes.edges.length,
  },
  {
    name: "nodes(ids:) of articles and people, with nested lists",
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id
      ... on Article { title people(first: 3, orderBy: NAME_ASC) { edges { node { name } } } }
      ... on Person { name quotes(last: 2) { edges { node { text } } } } } }`,
    variables: (first) => ({ ids: [...ids("Article", first), ...ids("Person", first)] }),
    // rows by type (2); ids merged away: their redirects and the rows they point at (2 × 2); per list a slice and its nodes (2 × 2).
    bound: 2 + 2 * 2 + 2 * 2,
    rows: (d) => d.nodes.filter((n: unknown) => n !== null).length,
  },
  {
    name: "a search with excerpts of its articles and highlighted quotes",
    query: `query($first: Int) {
      articles(first: $first, filter: { search: "talks" }) { edges { node { title snippet { html } again: snippet(search: "plan") { text highlights { start end } } } } }
      quotes(first: $first, filter: { search: "plan" }) { edges { node { text highlight { text highlights { start end } } } } } }`,
    // per searched list the ranked ids and their rows (2 × 2); a statement per distinct search of snippet, and highlight's.
    bound: 2 * 2 + 2 + 1,
    rows: (d) => d.articles.edges.length + d.quotes.edges.length,
  },
  {
    name: "people and places with their mention timelines",
    query: `query($first: Int) {
      people(first: $first) { edges { node { name mentionTimeline(interval: WEEK, from: "2024-01-01T00:00:00Z", to: "2024-04-01T00:00:00Z") { start mentionCount articleCount } } } }
      places(first: $first) { edges { node { name mentionTimeline(interval: MONTH, from: "2024-01-01T00:00:00Z", to: "2024-04-01T00:00:00Z") { mentionCount } } } } }`,
    // each page; each type's timelines.
    bound: 2 + 2,
    rows: (d) => d.people.edges.length + d.places.edges.length,
  },
  {
    name: "the top entities of a date range and of all time, with articles",
    query: `query($first: Int) {
      ranged: topEntities(first: $first, from: "2024-01-10T00:00:00Z", to: "2024-03-01T00:00:00Z") { mentionCount entity { name } }
      allTime: topEntities(first: $first, type: PERSON) { mentionCount entity { name ... on Person { articles(first: 3) { edges { node { title } } } } } } }`,
    // each ranking; the entities by type (3); the people's articles, a slice and its nodes.
    bound: 2 + 3 + 2,
    rows: (d) => d.ranged.length + d.allTime.length,
  },
];

/** The article page of `npm run bench:graphql` (bench/graphql/operations.ts), by node(id:). */
const ARTICLE_PAGE = `query($id: ID!) { node(id: $id) { ... on Article { id title publishedAt sourceId wordCount
  people(first: 10) { totalCount edges { mentionCount node { id name aliases } } }
  organizations(first: 10) { totalCount edges { mentionCount node { id name } } }
  places(first: 10) { totalCount edges { mentionCount node { id name kind countryCode } } }
  quotes(first: 10) { totalCount edges { node { id text cue speakerName
    speaker { __typename ... on Person { id name } ... on Organization { id name } } } } } } } }`;

for (const { name, skip, make } of await backends()) {
  describe(`SQL statements per operation on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let corpus: string;

    before(async () => {
      backend = await make();
      corpus = writeCorpus(80);
      writeDatedArticles(corpus, 12);
      // Pages of 50 nested in pages of 50 can cost more than MAX_QUERY_COST: not what this counts.
      server = await startTestServer(backend, [corpus], { limits: { cost: 1_000_000 } });
      // A date for each article, a day apart from 1 January 2024, for the timelines and rankings of a range.
      const articles = await server.store.writer.article.findMany({ select: { id: true }, orderBy: { id: "asc" } });
      for (const [i, { id }] of articles.entries()) {
        await server.store.writer.article.update({ where: { id }, data: { publishedAt: new Date(Date.UTC(2024, 0, 1 + i)) } });
      }
    });

    after(async () => {
      await server?.stop();
      await backend?.dispose();
      rmSync(corpus, { recursive: true, force: true });
    });

    test("the article page by node(id:): one statement on PostgreSQL (no snapshot needed), and the children's aliases and speakers as read apart", async () => {
      const id = toGlobalId("Article", 1);
      const start = server.statements();
      const { data, errors } = await server.gql(ARTICLE_PAGE, { id });
      assert.equal(errors, undefined, JSON.stringify(errors));
      const statements = server.statements() - start;
      // PostgreSQL: the row, its four slices with their children, the people's aliases and the
      // quotes' speakers, in one statement. SQLite: the row; per list a slice and its nodes (4 × 2);
      // aliases; speakers by type.
      if (name === "postgresql") assert.equal(statements, 1);
      else assert.ok(statements <= 1 + 4 * 2 + 1 + 2, `${statements} statements`);
      const page = data!.node;
      assert.ok(page.people.edges.length > 0 && page.quotes.edges.some((e: any) => e.node.speaker), "the article has people and a quote with a speaker");
      // What the slices brought along is what each row's own field reads.
      for (const { node: person } of page.people.edges) {
        const own = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { aliases } } }`, { id: person.id });
        assert.deepEqual(person.aliases, own.data!.node.aliases);
      }
      for (const { node: quote } of page.quotes.edges) {
        const own = await server.gql(`query($id: ID!) { node(id: $id) { ... on Quote { speaker { __typename ... on Person { id name } ... on Organization { id name } } } } }`, { id: quote.id });
        assert.deepEqual(quote.speaker, own.data!.node.speaker);
      }
      // A field the statement does not read (the body) falls back to a read of its own, in a snapshot.
      const before = server.statements();
      const withBody = await server.gql(ARTICLE_PAGE.replace("wordCount", "wordCount body"), { id });
      assert.equal(withBody.errors, undefined, JSON.stringify(withBody.errors));
      assert.ok(withBody.data!.node.body.length > 0);
      assert.deepEqual({ ...withBody.data!.node, body: undefined }, { ...page, body: undefined });
      if (name === "postgresql") assert.equal(server.statements() - before, 2 + SNAPSHOT_STATEMENTS);
    });

    test("a page of places with their articles and related entities: one statement on PostgreSQL (no snapshot needed), the same lists as each place's own", async () => {
      const query = `query($after: String) { places(first: 4, after: $after, orderBy: ARTICLE_COUNT_DESC) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id name aliases kind mentionCount
          articles(first: 3) { totalCount edges { mentionCount node { id title } } }
          related(first: 2) { totalCount edges { sharedArticles node { __typename ... on Place { id name } ... on Person { id name } ... on Organization { id name } } } } } } } }`;
      const start = server.statements();
      const first = await server.gql(query, {});
      assert.equal(first.errors, undefined, JSON.stringify(first.errors));
      // PostgreSQL: the page, its count, the rows' aliases and both lists with their children in one statement.
      // SQLite: page; count; aliases; per list a slice and its nodes; related entities by type.
      if (name === "postgresql") assert.equal(server.statements() - start, 1);
      else assert.ok(server.statements() - start <= 2 + 1 + 2 * 2 + 3, `${server.statements() - start} statements`);
      const page = first.data!.places;
      assert.equal(page.edges.length, 4);
      assert.ok(page.edges.some((e: any) => e.node.articles.edges.length > 0 && e.node.related.edges.length > 0), "the places have articles and related entities");
      for (const { node: place } of page.edges) {
        const own = await server.gql(`query($id: ID!) { node(id: $id) { ... on Place { id name aliases kind mentionCount
          articles(first: 3) { totalCount edges { mentionCount node { id title } } }
          related(first: 2) { totalCount edges { sharedArticles node { __typename ... on Place { id name } ... on Person { id name } ... on Organization { id name } } } } } } }`, { id: place.id });
        assert.deepEqual(place, own.data!.node);
      }
      // The next page starts after the cursor's row, in one statement too.
      const before = server.statements();
      const next = await server.gql(query, { after: page.pageInfo.endCursor });
      assert.equal(next.errors, undefined, JSON.stringify(next.errors));
      if (name === "postgresql") assert.equal(server.statements() - before, 1);
      assert.equal(next.data!.places.totalCount, page.totalCount);
      const ids = new Set(page.edges.map((e: any) => e.node.id));
      assert.ok(next.data!.places.edges.length > 0 && next.data!.places.edges.every((e: any) => !ids.has(e.node.id)), "the next page has other places");
    });

    test("a search page of articles and of quotes: its ids, rows and count in one statement on PostgreSQL (in a snapshot)", async () => {
      for (const query of [
        `{ articles(first: 5, filter: { search: "talks" }) { totalCount edges { node { id title publishedAt } } } }`,
        `{ quotes(first: 5, filter: { search: "plan" }) { totalCount edges { node { id text cue } } } }`,
      ]) {
        const start = server.statements();
        const { data, errors } = await server.gql(query);
        assert.equal(errors, undefined, JSON.stringify(errors));
        const page = data!.articles ?? data!.quotes;
        assert.ok(page.totalCount > 0 && page.edges.length > 0, query);
        // SQLite: the ranked ids with the count, then the rows.
        assert.equal(server.statements() - start, name === "postgresql" ? 1 + SNAPSHOT_STATEMENTS : 2, query);
      }
    });

    test("pages of people and places walked forward and backward in each order give the same whole list, in order", async () => {
      const walk = async (list: "people" | "places", order: string, size: number, backward: boolean) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page = backward ? `last: ${size}, before: $cursor` : `first: ${size}, after: $cursor`;
          const { data, errors }: { data?: any; errors?: unknown } = await server.gql(`query($cursor: String) { ${list}(${page}, orderBy: ${order}) { totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id mentionCount articleCount } } } }`, { cursor });
          assert.equal(errors, undefined, JSON.stringify(errors));
          const { edges, pageInfo, totalCount }: { edges: { node: { id: string } }[]; pageInfo: Record<string, any>; totalCount: number } = data![list];
          if (backward) ids.unshift(...edges.map((e) => e.node.id));
          else ids.push(...edges.map((e) => e.node.id));
          cursor = backward ? (pageInfo.hasPreviousPage ? pageInfo.startCursor : null) : (pageInfo.hasNextPage ? pageInfo.endCursor : null);
          if (!cursor) assert.equal(ids.length, totalCount, `${list} ${order}: every row once`);
        } while (cursor);
        return ids;
      };
      for (const list of ["people", "places"] as const) {
        for (const order of ["MENTION_COUNT_DESC", "ARTICLE_COUNT_DESC", "NAME_ASC", "NAME_DESC"]) {
          const whole = await walk(list, order, 100, false);
          // Pages that end inside the list, and one that ends at its end.
          const size = list === "places" ? 3 : 9;
          assert.ok(whole.length > 2 * size && new Set(whole).size === whole.length, `${list}: ${whole.length} distinct rows`);
          assert.deepEqual(await walk(list, order, size, false), whole, `${list} ${order} forward`);
          assert.deepEqual(await walk(list, order, size, true), whole, `${list} ${order} backward`);
        }
      }
    });

    for (const op of OPERATIONS) {
      test(`${op.name}: the same bounded count for 5 rows and for 50`, async () => {
        const cost = async (first: number) => {
          const start = server.statements();
          const { data, errors } = await server.gql(op.query, op.variables?.(first) ?? { first });
          assert.equal(errors, undefined, JSON.stringify(errors));
          return { statements: server.statements() - start, rows: op.rows(data) };
        };
        const small = await cost(5);
        const large = await cost(50);
        // The corpus is large enough that the bigger page really has more rows.
        assert.ok(large.rows > small.rows, `rows: ${small.rows} then ${large.rows}`);
        // PostgreSQL reads each query in a snapshot: a transaction's two statements more (BEGIN with its isolation level, COMMIT).
        const bound = name === "postgresql" ? (op.postgresql ?? op.bound) + SNAPSHOT_STATEMENTS : op.bound;
        assert.ok(small.statements <= bound, `5 rows cost ${small.statements} statements (bound ${bound})`);
        assert.ok(large.statements <= bound, `50 rows cost ${large.statements} statements (bound ${bound})`);
      });
    }
  });
}
