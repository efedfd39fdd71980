// Lists behave alike wherever they are: nested connections take last/before, orderBy and
// a date filter; quotes order and filter by their article's date; a cursor only pages the
// list that gave it; `nodes(ids:)` reads many objects at once. On SQLite and PostgreSQL.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { MAX_NODE_IDS } from "../src/graphql/types/node.ts";

/** Published dates out of load order (article 4 has none), two publishers. */
const DATES = ["2024-03-10", "2024-01-10", "2024-05-10", "2024-02-10", null, "2024-04-10"];
const PLACES = ["Berlin", "Paris", "Madrid", "Lisbon", "Vienna", "Oslo"];

function writeArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-lists-"));
  DATES.forEach((date, i) => {
    const front = ["---", `title: Harbour talks in ${PLACES[i]}, round ${i}`, ...(date ? [`date: ${date}T09:00:00Z`] : []), `source: ${i % 2 ? "Odd Post" : "Even Times"}`, "---", ""];
    const body = [
      `Maria Lopez met John Carter in ${PLACES[i]} on Monday to discuss the harbour, officials of the World Bank said.`,
      "",
      `“We agreed on the first steps of plan ${i},” Lopez said after the meeting. Carter said the work would start in ${PLACES[(i + 1) % 6]} within weeks.`,
      "",
      `Anna Novak, who advises the World Bank, told reporters: “The cost of round ${i} is still open.”`,
      "",
    ];
    writeFileSync(join(dir, `story-${i}.txt`), [...front, ...body].join("\n"));
  });
  return dir;
}

const titles = (c: { edges: { node: { title: string } }[] }) => c.edges.map((e) => e.node.title);
const roundOf = (title: string) => Number(/round (\d)/.exec(title)![1]);

for (const { name, skip, make } of await backends()) {
  describe(`lists on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let corpus: string;
    let lopez: string;

    before(async () => {
      backend = await make();
      corpus = writeArticles();
      server = await startTestServer(backend, [corpus]);
      const { data } = await server.gql(`{ people(filter: { search: "Maria Lopez" }, first: 1) { edges { node { id name } } } }`);
      assert.equal(data!.people.edges[0].node.name, "Maria Lopez");
      lopez = data!.people.edges[0].node.id;
    });

    after(async () => {
      await server?.stop();
      await backend?.dispose();
      rmSync(corpus, { recursive: true, force: true });
    });

    const ok = async (query: string, variables?: Record<string, unknown>) => {
      const { data, errors } = await server.gql(query, variables);
      assert.equal(errors, undefined, JSON.stringify(errors));
      return data!;
    };
    const refused = async (query: string, variables?: Record<string, unknown>) => {
      const { errors } = await server.gql(query, variables);
      assert.equal(errors?.[0]?.extensions?.code, "BAD_USER_INPUT", JSON.stringify(errors));
      return errors![0]!.message;
    };

    test("Entity.articles: orderBy, a date range, last and before", async () => {
      const q = `query($id: ID!, $order: ArticleOrder, $filter: PublishedFilter, $last: Int, $before: String, $first: Int) { node(id: $id) { ... on Person {
        articles(orderBy: $order, filter: $filter, last: $last, before: $before, first: $first) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor } edges { cursor node { title } } } } } }`;
      const newest = (await ok(q, { id: lopez })).node.articles;
      assert.deepEqual(titles(newest).map(roundOf), [2, 5, 0, 3, 1, 4]);
      const oldest = (await ok(q, { id: lopez, order: "PUBLISHED_AT_ASC" })).node.articles;
      assert.deepEqual(titles(oldest).map(roundOf), [1, 3, 0, 5, 2, 4], "undated last either way");
      const ranged = (await ok(q, { id: lopez, order: "PUBLISHED_AT_ASC", filter: { publishedAfter: "2024-02-10T09:00:00Z", publishedBefore: "2024-04-10T09:00:00Z" } })).node.articles;
      assert.deepEqual({ n: ranged.totalCount, rounds: titles(ranged).map(roundOf) }, { n: 2, rounds: [3, 0] });
      const tail = (await ok(q, { id: lopez, last: 2 })).node.articles;
      assert.deepEqual(titles(tail).map(roundOf), [1, 4]);
      assert.deepEqual([tail.pageInfo.hasPreviousPage, tail.pageInfo.hasNextPage], [true, false]);
      const before = (await ok(q, { id: lopez, last: 3, before: tail.pageInfo.startCursor })).node.articles;
      assert.deepEqual(titles(before).map(roundOf), [5, 0, 3]);
      assert.deepEqual([before.pageInfo.hasPreviousPage, before.pageInfo.hasNextPage], [true, true]);
      assert.match(await refused(q, { id: lopez, order: "RELEVANCE" }), /orderBy: RELEVANCE needs a filter\.search/);
      assert.match(await refused(q, { id: lopez, first: 2, last: 2 }), /either first or last/);
    });

    test("an entity's first page off its index: follows a changed date, pages on, counts all; a speaker's quotes in reading order", async () => {
      const q = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Person {
        articles(first: $first, after: $after) { totalCount pageInfo { endCursor } edges { node { title } } }
        quotes(first: 2) { totalCount edges { node { text article { title } } } } } } }`;
      const rounds = async (first: number, after?: string) => (await ok(q, { id: lopez, first, after })).node;
      const page = await rounds(2);
      assert.deepEqual({ n: page.articles.totalCount, rounds: titles(page.articles).map(roundOf) }, { n: 6, rounds: [2, 5] });
      assert.deepEqual(titles((await rounds(3, page.articles.pageInfo.endCursor)).articles).map(roundOf), [0, 3, 1]);
      const all = await ok(`query($id: ID!) { node(id: $id) { ... on Person { quotes(first: 100) { edges { node { text } } } } } }`, { id: lopez });
      assert.equal(page.quotes.totalCount, all.node.quotes.edges.length);
      assert.deepEqual(page.quotes.edges.map((e: { node: { text: string } }) => e.node.text), all.node.quotes.edges.slice(0, 2).map((e: { node: { text: string } }) => e.node.text));
      // The mention rows' copy of the date follows the article's (a trigger): round 4, undated, takes round 2's date.
      const db = server.store.writer;
      await db.$executeRawUnsafe(`UPDATE article SET published_at = (SELECT published_at FROM article WHERE title LIKE '%round 2') WHERE title LIKE '%round 4'`);
      try {
        const moved = titles((await rounds(6)).articles).map(roundOf);
        assert.deepEqual([new Set(moved.slice(0, 2)), moved.slice(2)], [new Set([2, 4]), [5, 0, 3, 1]]);
      } finally {
        await db.$executeRawUnsafe(`UPDATE article SET published_at = NULL WHERE title LIKE '%round 4'`);
      }
      assert.deepEqual(titles((await rounds(6)).articles).map(roundOf), [2, 5, 0, 3, 1, 4]);
    });

    test("Article.people: orderBy name and first mention; last", async () => {
      const data = await ok(`{ articles(first: 1, orderBy: PUBLISHED_AT_ASC) { edges { node {
        byName: people(orderBy: NAME_ASC) { edges { node { name } } }
        byFirst: people(orderBy: FIRST_MENTION) { edges { node { name } } }
        lastOne: people(orderBy: NAME_DESC, last: 1) { edges { node { name } } } } } } }`);
      const node = data.articles.edges[0].node;
      const names = (c: { edges: { node: { name: string } }[] }) => c.edges.map((e) => e.node.name);
      assert.deepEqual(names(node.byName), ["Anna Novak", "John Carter", "Maria Lopez"]);
      assert.deepEqual(names(node.byFirst), ["Maria Lopez", "John Carter", "Anna Novak"]);
      assert.deepEqual(names(node.lastOne), ["Anna Novak"]);
    });

    test("quotes order by their article's date and filter by a date range, top-level and nested", async () => {
      const top = await ok(`{ quotes(orderBy: PUBLISHED_AT_DESC, first: 4) { pageInfo { endCursor } edges { node { text article { title } } } } }`);
      const rounds = top.quotes.edges.map((e: { node: { article: { title: string } } }) => roundOf(e.node.article.title));
      assert.deepEqual(rounds, [2, 2, 5, 5], "newest article first, its two quotes together");
      assert.match(top.quotes.edges[0].node.text, /first steps of plan 2/, "one article's quotes in reading order");
      const next = await ok(`query($after: String) { quotes(orderBy: PUBLISHED_AT_DESC, first: 100, after: $after) { edges { node { article { title } } } } }`, { after: top.quotes.pageInfo.endCursor });
      assert.deepEqual(next.quotes.edges.map((e: { node: { article: { title: string } } }) => roundOf(e.node.article.title)), [0, 0, 3, 3, 1, 1, 4, 4]);
      const ranged = await ok(`{ quotes(orderBy: PUBLISHED_AT_ASC, filter: { publishedAfter: "2024-04-01T00:00:00Z" }) { totalCount edges { node { article { title } } } } }`);
      assert.equal(ranged.quotes.totalCount, 4);
      assert.deepEqual(ranged.quotes.edges.map((e: { node: { article: { title: string } } }) => roundOf(e.node.article.title)), [5, 5, 2, 2]);
      const nested = await ok(`query($id: ID!) { node(id: $id) { ... on Person {
        quotes(orderBy: PUBLISHED_AT_ASC, filter: { publishedBefore: "2024-03-01T00:00:00Z" }) { totalCount edges { node { text } } } } } }`, { id: lopez });
      assert.deepEqual(nested.node.quotes.edges.map((e: { node: { text: string } }) => /plan (\d)/.exec(e.node.text)![1]), ["1", "3"]);
      assert.match(await refused(`{ quotes(orderBy: RELEVANCE) { totalCount } }`), /RELEVANCE needs a filter\.search/);
    });

    test("Publisher.articles: batched, ordered and filtered like Entity.articles", async () => {
      const data = await ok(`{ publishers { edges { node { name articles(orderBy: TITLE_DESC, last: 2) { totalCount edges { node { title } } } } } } }`);
      const byName = Object.fromEntries(data.publishers.edges.map((e: any) => [e.node.name, e.node.articles]));
      assert.deepEqual(titles(byName["Even Times"]).map(roundOf), [2, 0]);
      assert.deepEqual(titles(byName["Odd Post"]).map(roundOf), [5, 3]);
      assert.equal(byName["Odd Post"].totalCount, 3);
    });

    test("a cursor pages only the list that gave it (BAD_USER_INPUT elsewhere)", async () => {
      const data = await ok(`{ people(first: 1) { pageInfo { endCursor } }
        articles(first: 1) { pageInfo { endCursor } edges { node { people(first: 1) { pageInfo { endCursor } } } } } }`);
      const peopleCursor = data.people.pageInfo.endCursor;
      const nestedPeople = data.articles.edges[0].node.people.pageInfo.endCursor;
      assert.match(await refused(`query($c: String) { places(after: $c) { totalCount } }`, { c: peopleCursor }), /a cursor of `people` cannot page `places`/);
      assert.match(await refused(`query($c: String) { articles(first: 1) { edges { node { places(after: $c) { totalCount } } } } }`, { c: nestedPeople }),
        /a cursor of `article.people` cannot page `article.places`/);
      assert.match(await refused(`query($c: String) { quotes(before: $c) { totalCount } }`, { c: data.articles.pageInfo.endCursor }), /cursor of `articles` cannot page `quotes`/);
      assert.match(await refused(`{ places(after: "bm9wZQ") { totalCount } }`), /is not a valid cursor/);
      // The same list takes it.
      await ok(`query($c: String) { people(after: $c, first: 1) { totalCount } }`, { c: peopleCursor });
    });

    test("nodes(ids:): in order, null for what is gone, bounded", async () => {
      const data = await ok(`{ articles(first: 2) { edges { node { id } } } people(first: 1) { edges { node { id } } } }`);
      const ids = [data.people.edges[0].node.id, ...data.articles.edges.map((e: { node: { id: string } }) => e.node.id)];
      const gone = Buffer.from("Article:999999", "utf8").toString("base64");
      const got = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [...ids, gone] });
      assert.deepEqual(got.nodes, [...ids.map((id, i) => ({ __typename: i === 0 ? "Person" : "Article", id })), null]);
      assert.match(await refused(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(MAX_NODE_IDS + 1).fill(ids[0]) }), new RegExp(`at most ${MAX_NODE_IDS} ids`));
      assert.match(await refused(`{ nodes(ids: ["nope"]) { id } }`), /ids\[0\]: "nope" is not a valid id/);
    });
  });
}
