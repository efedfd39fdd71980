// Article.mentions on both databases: every mention of a person, organization or place in
// reading order, with offsets such that `body.slice(start, end)` is its text, and the entity
// it was resolved to (a surname to its full name, in the article and across the corpus);
// paged like the other nested lists; replaced with the text, gone with the article; priced.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "graphql";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { buildSchema } from "../src/graphql/schema.ts";
import { COSTS, queryCost } from "../src/graphql/limits/cost.ts";

const TOKEN = "mentions-test-token-0123456789";
// Invented articles. Curly quotes and an em dash before the names: offsets are UTF-16 units.
const TALKS = [
  "Harbour talks in Valletta",
  "",
  "Maria Lopez met Peter Novak in Valletta on Monday — the World Bank said the talks went well.",
  "",
  "“Lopez asked for a new pier,” Novak said. The World Bank will answer in Lisbon.",
  "",
].join("\n");
const LATER = ["Pier approved", "", "Lopez won the vote on Friday, officials in Valletta said.", ""].join("\n");

type Mention = { start: number; end: number; text: string; entity: { __typename: string; id: string; name: string } | null };
const MENTIONS = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Article { body
  mentions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { start end text entity { __typename id name } } } } } } }`;

for (const { name, skip, make } of await backends()) {
  describe(`Article.mentions on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let dir: string;
    const ids: Record<string, string> = {};

    async function mentionsOf(id: string, first = 100, after?: string) {
      const { data, errors } = await server.gql(MENTIONS, { id, first, after });
      assert.equal(errors, undefined, JSON.stringify(errors));
      return data!.node as { body: string; mentions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Mention }[] } };
    }

    before(async () => {
      backend = await make();
      dir = mkdtempSync(join(tmpdir(), "newsgraph-mentions-"));
      writeFileSync(join(dir, "a-talks.txt"), TALKS);
      writeFileSync(join(dir, "b-later.txt"), LATER);
      server = await startTestServer(backend, [dir], { apiToken: TOKEN });
      const { data } = await server.gql(`{ articles(first: 10, orderBy: TITLE_ASC) { edges { node { id title } } } }`);
      for (const { node } of data!.articles.edges) ids[node.title] = node.id;
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test("every mention in reading order, its text at its offsets, linked to its entity", async () => {
      const { body, mentions } = await mentionsOf(ids["Harbour talks in Valletta"]!);
      const list = mentions.edges.map((e) => e.node);
      for (const m of list) assert.equal(body.slice(m.start, m.end), m.text, JSON.stringify(m));
      assert.deepEqual(list.map((m) => [m.text, m.entity?.__typename, m.entity?.name]), [
        ["Maria Lopez", "Person", "Maria Lopez"],
        ["Peter Novak", "Person", "Peter Novak"],
        ["Valletta", "Place", "Valletta"],
        ["World Bank", "Organization", "World Bank"],
        ["Lopez", "Person", "Maria Lopez"],
        ["Novak", "Person", "Peter Novak"],
        ["World Bank", "Organization", "World Bank"],
        ["Lisbon", "Place", "Lisbon"],
      ]);
      assert.equal(mentions.totalCount, list.length);
      assert.deepEqual(list.map((m) => m.start), list.map((m) => m.start).sort((a, b) => a - b));
      // The same entity, the same id, whatever the form: a client links them alike.
      const lopez = list.filter((m) => m.entity?.name === "Maria Lopez").map((m) => m.entity!.id);
      assert.equal(new Set(lopez).size, 1);
      const { data } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { name mentionCount } } }`, { id: lopez[0] });
      assert.deepEqual(data!.node, { name: "Maria Lopez", mentionCount: 3 });
    });

    test("a surname alone in its article links to the full name corpus resolution joined it to", async () => {
      const { body, mentions } = await mentionsOf(ids["Pier approved"]!);
      const list = mentions.edges.map((e) => e.node);
      assert.deepEqual(list.map((m) => [m.text, body.slice(m.start, m.end), m.entity?.name]), [
        ["Lopez", "Lopez", "Maria Lopez"],
        ["Valletta", "Valletta", "Valletta"],
      ]);
    });

    test("pages like the other nested lists", async () => {
      const id = ids["Harbour talks in Valletta"]!;
      const all = (await mentionsOf(id)).mentions.edges.map((e) => e.node);
      const first = (await mentionsOf(id, 4)).mentions;
      assert.deepEqual(first.edges.map((e) => e.node), all.slice(0, 4));
      assert.equal(first.pageInfo.hasNextPage, true);
      const rest = (await mentionsOf(id, 100, first.pageInfo.endCursor!)).mentions;
      assert.deepEqual(rest.edges.map((e) => e.node), all.slice(4));
      assert.equal(rest.pageInfo.hasNextPage, false);
      const tail = await server.gql(`query($id: ID!) { node(id: $id) { ... on Article { mentions(last: 2) { edges { node { start end text } } } } } }`, { id });
      assert.deepEqual(tail.data!.node.mentions.edges.map((e: { node: Mention }) => e.node), all.slice(-2).map(({ start, end, text }) => ({ start, end, text })));
      const { errors } = await server.gql(MENTIONS, { id, first: 101 });
      assert.equal(errors?.[0]?.message, "first may not exceed 100, got 101");
    });

    test("a new text under the same URL replaces the mentions, and deleting the article removes them", async () => {
      const ingest = `mutation($text: String!) { ingestArticle(input: { text: $text, fileName: "dock.txt", url: "https://dock.example/a" }) { status article { id } } }`;
      const auth = { authorization: `Bearer ${TOKEN}` };
      const first = await server.gql(ingest, { text: "Dock opens\n\nClara Moreau opened the dock in Oslo.\n" }, auth);
      const id = first.data!.ingestArticle.article.id as string;
      assert.deepEqual((await mentionsOf(id)).mentions.edges.map((e) => e.node.text), ["Clara Moreau", "Oslo"]);
      const second = await server.gql(ingest, { text: "Dock opens late\n\nThe dock in Bergen opened late, Ingrid Dahl said.\n" }, auth);
      assert.equal(second.data!.ingestArticle.status, "UPDATED");
      const replaced = await mentionsOf(id);
      assert.deepEqual(replaced.mentions.edges.map((e) => [e.node.text, replaced.body.slice(e.node.start, e.node.end)]), [["Bergen", "Bergen"], ["Ingrid Dahl", "Ingrid Dahl"]]);
      const deleted = await server.gql(`mutation($id: ID!) { deleteArticle(id: $id) { title } }`, { id }, auth);
      assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
      const left = await server.store.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM entity_mention WHERE article_id NOT IN (SELECT id FROM article)`);
      assert.equal(Number(left[0]!.n), 0);
    });
  });
}

test("Article.mentions is priced per article: its window's floor plus its page times each mention's fields", () => {
  const schema = buildSchema();
  const cost = (query: string) => queryCost(schema, parse(query));
  const page = COSTS.articlePage + 10 * COSTS.articleRow;
  assert.equal(cost(`{ articles(first: 10) { edges { node { title } } } }`), page);
  assert.equal(
    cost(`{ articles(first: 10) { edges { node { mentions(first: 100) { edges { node { start text entity { name } } } } } } } }`),
    page + 10 * (COSTS.articleMentions + 100 * COSTS.row),
  );
  // An entity's own lists are priced per mention, as anywhere else.
  assert.equal(
    cost(`{ articles(first: 10) { edges { node { mentions(first: 100) { edges { node { entity { articles(first: 5) { edges { node { title } } } } } } } } } } }`),
    page + 10 * (COSTS.articleMentions + 100 * (COSTS.row + COSTS.entityChildren + 5 * COSTS.row)),
  );
});
