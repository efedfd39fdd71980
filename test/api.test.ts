// The GraphQL contract over real HTTP, on SQLite and on PostgreSQL, with the seed article.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";

const SEEDS = ["seeds"];

const ARTICLE_PAGE = /* GraphQL */ `
  query ArticlePage($first: Int, $after: String) {
    articles(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id title publishedAt sourceId fileName wordCount
          people(first: 50) { totalCount edges { mentionCount node { id name aliases mentionCount articleCount } } }
          organizations(first: 50) { totalCount edges { mentionCount node { id name aliases } } }
          places(first: 50) { totalCount edges { mentionCount node { id name aliases kind countryCode } } }
          quotes(first: 50) {
            totalCount
            edges { node { id text start end cue speakerName speaker { __typename ... on Person { name } ... on Organization { name } } } }
          }
        }
      }
    }
  }`;

const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((e) => e.node.name);

/** Writes `count` short articles of our own, each naming a few people, organizations and places. */
function writeSmallCorpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-corpus-"));
  const people = ["Maria Lopez", "John Carter", "Anna Schmidt", "David Chen", "Laura Rossi"];
  const places = ["Berlin", "Paris", "Madrid", "Tokyo", "Cairo"];
  for (let i = 0; i < count; i++) {
    const a = people[i % 5]!;
    const b = people[(i + 2) % 5]!;
    const place = places[i % 5]!;
    writeFileSync(
      join(dir, `story-${String(i).padStart(3, "0")}.txt`),
      `Meeting number ${i} in ${place}\n\n${a} met ${b} in ${place} on Monday, officials of the United Nations said.\n\n` +
        // Three numbers of its own: texts that differ in a single figure would be one article's copies.
        `"We agreed on the plan number ${i}," ${a} said after the meeting, which cost ${1000 + i} euros and lasted ${30 + i} minutes.\n`,
    );
  }
  return dir;
}

for (const { name, skip, make } of await backends()) {
  describe(`GraphQL API on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;

    before(async () => {
      backend = await make();
      server = await startTestServer(backend, SEEDS);
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
    });

    test("the seed article with its people, organizations, places and quotes", async () => {
      const { data, errors } = await server.gql(ARTICLE_PAGE, { first: 10 });
      assert.equal(errors, undefined);
      assert.equal(data!.articles.totalCount, 1);
      const article = data!.articles.edges[0].node;
      assert.equal(article.title, "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency");
      assert.equal(article.publishedAt, "2016-12-03T04:21:00.000Z");
      assert.equal(article.sourceId, "587433");
      // Relative to the folder the load was given, never the loading machine's path.
      assert.equal(article.fileName, "000_7cabb06b0e0d6da4.txt");
      assert.ok(article.wordCount > 500 && article.wordCount < 900, `wordCount ${article.wordCount}`);

      // Exactly the entities the article names: no fragments, no non-entities.
      const sorted = (list: { edges: { node: { name: string } }[] }) => names(list).sort();
      assert.deepEqual(sorted(article.people), ["Bashar al-Assad", "Donald Trump", "Hillary Clinton", "Kerry", "Putin", "Sergey Lavrov", "Yury Ushakov"]);
      assert.deepEqual(sorted(article.organizations), ["ISIS", "Jabhat Fatah al-Sham", "RT", "Washington Post", "White House"]);
      assert.deepEqual(sorted(article.places), [
        "Abu Dhabi", "Aleppo", "Geneva", "Iran", "Lima", "Moscow", "Peru", "Qatar", "Russia", "Saudi Arabia", "Syria", "Turkey",
        "United Arab Emirates", "United States", "Washington",
      ]);
      const people = names(article.people);
      for (const person of ["Kerry", "Yury Ushakov", "Bashar al-Assad", "Hillary Clinton"]) assert.ok(people.includes(person), `${person} in ${people}`);
      const lavrov = article.people.edges.filter((e: { node: { aliases: string[] } }) => e.node.aliases.some((a) => a.includes("Lavrov")));
      assert.equal(lavrov.length, 1, "the minister spelled two ways is one person");
      assert.ok(lavrov[0].node.aliases.includes("Sergey Lavrov") && lavrov[0].node.aliases.includes("Sergei Lavrov"), String(lavrov[0].node.aliases));
      assert.equal(lavrov[0].mentionCount, 2);
      assert.ok(names(article.organizations).includes("Washington Post"), String(names(article.organizations)));
      const places = names(article.places);
      for (const place of ["Aleppo", "Syria", "Moscow", "Geneva"]) assert.ok(places.includes(place), `${place} in ${places}`);
      for (const list of [article.people, article.organizations, article.places]) {
        for (const n of names(list)) assert.doesNotMatch(n, /[,.;:’'"]$|’s$|^(Story Code|Comment)$/, `fragment "${n}"`);
        assert.equal(list.totalCount, list.edges.length);
      }

      const quotes = article.quotes.edges.map((e: { node: unknown }) => e.node);
      const wait = quotes.find((q: { text: string }) => q.text.startsWith("We will patiently wait"));
      assert.ok(wait, "the closing quote is found");
      assert.deepEqual(wait.speaker, { __typename: "Person", name: "Yury Ushakov" });
      assert.equal(wait.cue, "said");
      // Offsets index the body: fetch it and compare.
      const { data: bodyData } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Article { body } } }`, { id: article.id });
      for (const q of quotes) assert.equal(bodyData!.node.body.slice(q.start, q.end), q.text);
    });

    test("node(id) resolves every type, and entities link back to their articles and quotes", async () => {
      const { data } = await server.gql(ARTICLE_PAGE, { first: 1 });
      const article = data!.articles.edges[0].node;
      const ushakov = article.people.edges.find((e: { node: { name: string } }) => e.node.name === "Yury Ushakov").node;
      const ids = [article.id, ushakov.id, article.organizations.edges[0].node.id, article.places.edges[0].node.id, article.quotes.edges[0].node.id];
      const { data: nodes, errors } = await server.gql(`{ ${ids.map((id, i) => `n${i}: node(id: "${id}") { __typename id }`).join(" ")} }`);
      assert.equal(errors, undefined);
      assert.deepEqual(Object.values(nodes!).map((n: { __typename: string }) => n.__typename), ["Article", "Person", "Organization", "Place", "Quote"]);
      assert.deepEqual(Object.values(nodes!).map((n: { id: string }) => n.id), ids);

      const { data: person } = await server.gql(
        `query($id: ID!) { node(id: $id) { ... on Person { name articleCount
            articles(first: 5) { totalCount edges { mentionCount node { title } } }
            quotes(first: 5) { totalCount edges { node { text article { sourceId } } } }
            related(first: 3) { totalCount edges { sharedArticles node { __typename ... on Place { name } ... on Person { name } ... on Organization { name } } } } } } }`,
        { id: ushakov.id },
      );
      const p = person!.node;
      assert.equal(p.articleCount, 1);
      assert.equal(p.articles.totalCount, 1);
      assert.equal(p.articles.edges[0].node.title, article.title);
      assert.ok(p.quotes.totalCount >= 2, `Ushakov's quotes: ${p.quotes.totalCount}`);
      assert.equal(p.quotes.edges[0].node.article.sourceId, "587433");
      assert.equal(p.related.edges.length, 3);
      assert.ok(p.related.edges.every((e: { sharedArticles: number }) => e.sharedArticles === 1));
      assert.ok(p.related.totalCount > 10);
    });

    test("filters: by entity, by speaker, by search, by date", async () => {
      const { data } = await server.gql(`{ people(filter: { search: "lavrov" }) { totalCount edges { node { id name } } } }`);
      assert.equal(data!.people.totalCount, 1);
      const lavrovId = data!.people.edges[0].node.id;
      const { data: byPerson } = await server.gql(`query($id: ID) { articles(filter: { personId: $id }) { totalCount } }`, { id: lavrovId });
      assert.equal(byPerson!.articles.totalCount, 1);
      const { data: none } = await server.gql(`{ articles(filter: { search: "no such words anywhere", publishedAfter: "2016-01-01T00:00:00Z" }) { totalCount edges { node { id } } } }`);
      assert.deepEqual(none!.articles, { totalCount: 0, edges: [] });
      const { data: later } = await server.gql(`{ articles(filter: { publishedAfter: "2016-12-04T00:00:00Z" }) { totalCount } }`);
      assert.equal(later!.articles.totalCount, 0);
      const { data: search } = await server.gql(`{ articles(filter: { search: "CEASEFIRE" }) { totalCount } quotes(filter: { search: "patiently" }) { edges { node { speakerName } } } }`);
      assert.equal(search!.articles.totalCount, 1);
      assert.equal(search!.quotes.edges[0].node.speakerName, "Ushakov");
    });

    test("bad input is a BAD_USER_INPUT error with a clear message and no stack trace", async () => {
      const cases: [string, RegExp][] = [
        [`{ articles(first: 101) { totalCount } }`, /first may not exceed 100/],
        [`{ people(first: -1) { totalCount } }`, /first must be a non-negative integer/],
        [`{ articles(after: "bm9wZQ") { totalCount } }`, /not a valid cursor/],
        [`{ node(id: "garbage") { id } }`, /not a valid id/],
        [`{ node(id: "UGVyc29uOjk5OTk5") { id } }`, /no Person with id/],
        [`{ articles(filter: { personId: "UGxhY2U6MQ==" }) { totalCount } }`, /expected the id of a Person, got the id of a Place/],
        [`{ articles(first: 1, last: 1) { totalCount } }`, /either first or last/],
      ];
      for (const [query, message] of cases) {
        const { errors } = await server.gql(query);
        assert.equal(errors?.length, 1, query);
        assert.match(errors![0]!.message, message);
        assert.equal(errors![0]!.extensions?.code, "BAD_USER_INPUT", query);
        assert.equal(errors![0]!.extensions?.stacktrace, undefined);
      }
    });

    test("a browser gets Apollo's landing page at /, and other paths are 404", async () => {
      const root = server.url.replace(/graphql$/, "");
      const page = await fetch(root, { headers: { accept: "text/html" } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /apollo/i);
      const missing = await fetch(`${root}nope`);
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /GraphQL is served at \/graphql/);
    });

    test("loading the seeds again changes no count", async () => {
      const counts = async () => {
        const { data } = await server.gql(`{ articles { totalCount } people { totalCount } organizations { totalCount } places { totalCount } quotes { totalCount } }`);
        return Object.fromEntries(Object.entries(data!).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
      };
      const before = await counts();
      const summary = await server.load(SEEDS);
      assert.deepEqual(summary, { loaded: 0, copies: 0, duplicates: 1, failed: [] });
      assert.deepEqual(await counts(), before);
    });

    test("pages of 5 and of 50 articles with all their lists cost the same bounded SQL", async () => {
      const corpus = writeSmallCorpus(60);
      try {
        const summary = await server.load([corpus]);
        assert.equal(summary.loaded, 60);
        const cost = async (first: number) => {
          const start = server.statements();
          const { data, errors } = await server.gql(ARTICLE_PAGE, { first });
          assert.equal(errors, undefined);
          assert.equal(data!.articles.edges.length, first);
          return server.statements() - start;
        };
        // The bound: the page and its count; per list field (people, organizations, places,
        // quotes) one slice statement and one for its nodes; one per aliases field; and the
        // quotes' speakers, by type, when their batch does not coincide with the people's.
        const bound = 2 + 4 * 2 + 3 + 2;
        for (const first of [5, 50]) {
          const statements = await cost(first);
          assert.ok(statements <= bound, `a page of ${first} articles cost ${statements} statements (bound ${bound})`);
        }
      } finally {
        rmSync(corpus, { recursive: true, force: true });
      }
    });

    test("pagination forwards and backwards visits every article once", async () => {
      const seen: string[] = [];
      const cursors: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { data }: { data?: any } = await server.gql(`query($after: String) { articles(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, { after });
        seen.push(...data!.articles.edges.map((e: { node: { id: string } }) => e.node.id));
        cursors.push(...data!.articles.edges.map((e: { cursor: string }) => e.cursor));
        if (!data!.articles.pageInfo.hasNextPage) break;
        after = data!.articles.pageInfo.endCursor;
      }
      assert.equal(new Set(seen).size, seen.length);
      assert.equal(seen.length, 61);
      const { data: back } = await server.gql(`query($before: String) { articles(last: 3, before: $before) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } }`, { before: cursors[10] });
      assert.deepEqual(back!.articles.edges.map((e: { node: { id: string } }) => e.node.id), seen.slice(7, 10));
      assert.deepEqual(back!.articles.pageInfo, { hasNextPage: true, hasPreviousPage: true });
      const { data: nested } = await server.gql(`{ people(first: 1) { edges { node { articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } } }`);
      const list = nested!.people.edges[0].node.articles;
      assert.ok(list.totalCount > 2 && list.pageInfo.hasNextPage);
    });
  });
}
