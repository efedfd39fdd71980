// Ids, cursors and instants outside what the columns hold: ids and cursors take up to 15
// digits, but ids are PostgreSQL `integer`s, and PostgreSQL has no year 0, so such input
// used to fail there with INTERNAL_SERVER_ERROR (SQLSTATE 22003, 22008) while SQLite
// answered. Now both databases give the same client error, and the boundary values work.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";

const TOKEN = "range-test-token-0123456789";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const id = (type: string, row: string) => Buffer.from(`${type}:${row}`).toString("base64");
/** A cursor of `list` (as pagination.ts writes them: the list, then the position). */
const cursor = (list: string, kind: "id" | "offset", value: string) => Buffer.from(`${list}|${kind}:${value}`).toString("base64url");

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The one error's code and message, or the data when none is expected. */
  expect: { code: string; message: string | RegExp } | { data: unknown };
}

const CASES: Case[] = [
  {
    name: "node(id) past the integer range",
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: { id: id("Person", "2147483648") },
    expect: { code: "BAD_USER_INPUT", message: `id: "${id("Person", "2147483648")}" is not a valid id` },
  },
  {
    name: "node(id) at the integer range's end reaches the database",
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: { id: id("Person", "2147483647") },
    expect: { code: "BAD_USER_INPUT", message: `id: no Person with id "${id("Person", "2147483647")}"` },
  },
  {
    name: "a keyset cursor of 15 digits",
    query: `query($after: String) { people(after: $after) { totalCount } }`,
    variables: { after: cursor("people", "id", "999999999999999") },
    expect: { code: "BAD_USER_INPUT", message: `after: "${cursor("people", "id", "999999999999999")}" is not a valid cursor` },
  },
  {
    name: "a backward keyset cursor past the range",
    query: `query($before: String) { articles(last: 1, before: $before) { totalCount } }`,
    variables: { before: cursor("articles", "id", "2147483648") },
    expect: { code: "BAD_USER_INPUT", message: `before: "${cursor("articles", "id", "2147483648")}" is not a valid cursor` },
  },
  {
    name: "a keyset cursor at the range's end reaches the database: an empty page",
    query: `query($after: String) { articles(after: $after, orderBy: TITLE_ASC) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } } }`,
    variables: { after: cursor("articles", "id", "2147483647") },
    expect: { data: { articles: { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } } } },
  },
  {
    name: "a nested list's offset cursor past the range",
    query: `query($after: String) { articles(first: 1) { edges { node { people(after: $after) { totalCount } } } } }`,
    variables: { after: cursor("article.people", "offset", "999999999999999") },
    expect: { code: "BAD_USER_INPUT", message: `after: "${cursor("article.people", "offset", "999999999999999")}" is not a valid cursor` },
  },
  {
    name: "a nested list's offset cursor at the range's end: an empty page",
    query: `query($after: String) { articles(first: 1) { edges { node { people(after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage } } } } } }`,
    variables: { after: cursor("article.people", "offset", "2147483647") },
    expect: { data: { articles: { edges: [{ node: { people: { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } } } }] } } },
  },
  {
    name: "filter.personId past the range",
    query: `query($p: ID) { articles(filter: { personId: $p }) { totalCount } }`,
    variables: { p: id("Person", "4294967296") },
    expect: { code: "BAD_USER_INPUT", message: `filter.personId: "${id("Person", "4294967296")}" is not a valid id` },
  },
  {
    name: "filter.articleId past the range",
    query: `query($a: ID) { quotes(filter: { articleId: $a }) { totalCount } }`,
    variables: { a: id("Article", "2147483648") },
    expect: { code: "BAD_USER_INPUT", message: `filter.articleId: "${id("Article", "2147483648")}" is not a valid id` },
  },
  {
    name: "deleteArticle of an id past the range",
    query: `mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }`,
    variables: { id: id("Article", "999999999999999") },
    headers: AUTH,
    expect: { code: "BAD_USER_INPUT", message: `id: "${id("Article", "999999999999999")}" is not a valid id` },
  },
  {
    name: "publishedAfter in year 0, as a literal",
    query: `{ articles(filter: { publishedAfter: "0000-01-01T00:00:00Z" }) { totalCount } }`,
    expect: {
      code: "GRAPHQL_VALIDATION_FAILED",
      message: `Expected value of type "DateTime", found "0000-01-01T00:00:00Z"; DateTime must lie between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, got 0000-01-01T00:00:00.000Z`,
    },
  },
  {
    name: "publishedAfter in year 0, as a variable",
    query: `query($d: DateTime) { articles(filter: { publishedAfter: $d }) { totalCount } }`,
    variables: { d: "0000-01-01T00:00:00Z" },
    expect: {
      code: "BAD_USER_INPUT",
      message: `Variable "$d" got invalid value "0000-01-01T00:00:00Z"; Expected type "DateTime". DateTime must lie between 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z, got 0000-01-01T00:00:00.000Z`,
    },
  },
  {
    name: "publishedAfter in year 1 at +01:00, which is year 0 at UTC",
    query: `query($d: DateTime) { articles(filter: { publishedAfter: $d }) { totalCount } }`,
    variables: { d: "0001-01-01T00:30:00+01:00" },
    expect: { code: "BAD_USER_INPUT", message: /got 0000-12-31T23:30:00\.000Z$/ },
  },
  {
    name: "publishedBefore in year 9999 at -01:00, which is year 10000 at UTC",
    query: `query($d: DateTime) { articles(filter: { publishedBefore: $d }) { totalCount } }`,
    variables: { d: "9999-12-31T23:30:00-01:00" },
    expect: { code: "BAD_USER_INPUT", message: /got \+010000-01-01T00:30:00\.000Z$/ },
  },
  {
    name: "the first and last instants both databases store",
    query: `{ articles(filter: { publishedAfter: "0001-01-01T00:00:00Z", publishedBefore: "9999-12-31T23:59:59.999Z" }) { totalCount } }`,
    expect: { data: { articles: { totalCount: 1 } } },
  },
];

const answers = new Map<string, unknown[]>();

for (const { name, skip, make } of await backends()) {
  describe(`ids, cursors and instants at the columns' limits on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    const seen: unknown[] = [];

    before(async () => {
      backend = await make();
      server = await startTestServer(backend, ["seeds"], { apiToken: TOKEN });
    });
    after(async () => {
      answers.set(name, seen);
      await server?.stop();
      await backend?.dispose();
    });

    for (const c of CASES) {
      test(c.name, async () => {
        const response = await server.gql(c.query, c.variables, c.headers);
        seen.push({ ...response, status: undefined });
        if ("data" in c.expect) {
          assert.equal(response.errors, undefined, JSON.stringify(response.errors));
          assert.deepEqual(response.data, c.expect.data);
          return;
        }
        assert.equal(response.errors?.length, 1, JSON.stringify(response.errors));
        const [error] = response.errors!;
        assert.equal(error!.extensions?.code, c.expect.code, error!.message);
        if (typeof c.expect.message === "string") assert.equal(error!.message, c.expect.message);
        else assert.match(error!.message, c.expect.message);
        assert.ok(response.status < 500, `HTTP ${response.status}`);
      });
    }
  });
}

test("SQLite and PostgreSQL give the same answers", { skip: (await backends()).find((b) => b.name === "postgresql")!.skip }, () => {
  assert.equal(answers.get("sqlite")?.length, CASES.length);
  assert.deepEqual(answers.get("postgresql"), answers.get("sqlite"));
});
