// One snapshot per GraphQL query on PostgreSQL (src/store/snapshot.ts): an article
// deleted between two levels of one query (its quotes read, their articles not yet) is
// still seen by that query, so non-null fields do not tear; the next query no longer
// sees it. And ingestArticle answers with what it stored, though the article is deleted
// before the answer is read.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { postgresBackend, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { postgresSkipReason } from "./helpers/postgres.ts";
import { deleteArticle } from "../src/store/save-article.ts";
import { fromGlobalId } from "../src/graphql/ids.ts";

const QUOTES = `{ quotes(first: 50) { edges { node { id text article { id title } } } } }`;

/** Runs `between` once, right after the next statement whose text matches `sql` returns. */
function afterStatement(sql: RegExp, between: () => Promise<void>) {
  const query = pg.Client.prototype.query;
  let armed = true;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = typeof config === "string" ? config : config?.text ?? "";
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (!armed || !sql.test(text) || !(result instanceof Promise)) return result;
    armed = false;
    return result.then(async (rows) => {
      await between();
      return rows;
    });
  } as typeof query;
  return () => void (pg.Client.prototype.query = query);
}

const skip = await postgresSkipReason();
describe("one snapshot per operation on PostgreSQL", { skip }, () => {
  let backend: Backend;
  let server: TestServer;

  before(async () => {
    backend = await postgresBackend();
    server = await startTestServer(backend, ["seeds"], { apiToken: "snapshot-test-token-0123" });
  });

  after(async () => {
    await server?.stop();
    await backend?.dispose();
  });

  test("a quote's article deleted between the query's two levels is still its article in that query", async () => {
    const first = await server.gql(QUOTES);
    assert.equal(first.errors, undefined);
    const edges = (first.data as { quotes: { edges: { node: { article: { id: string; title: string } } }[] } }).quotes.edges;
    assert.ok(edges.length > 0, "the seeds have quotes");
    const article = edges[0]!.node.article;
    let deleted = false;
    // The quotes' page is read; before their articles are, another client deletes the article.
    const restore = afterStatement(/FROM "public"\."quote"/, async () => {
      deleted = (await deleteArticle(server.store, fromGlobalId(article.id).id)).deleted;
    });
    let during;
    try {
      during = await server.gql(QUOTES);
    } finally {
      restore();
    }
    assert.ok(deleted, "the delete ran between the two levels");
    assert.equal(during.errors, undefined, JSON.stringify(during.errors));
    assert.deepEqual(during.data, first.data, "the whole query saw the state before the delete");
    const later = await server.gql(QUOTES);
    assert.equal(later.errors, undefined);
    assert.ok(!JSON.stringify(later.data).includes(article.id), "a later query no longer sees the article");
  });
  test("an idempotent ingest whose stored article is deleted before the answer reads it stores it again (it used to fail: 'was stored but cannot be read back')", async () => {
    const INGEST = `mutation Ingest($text: String!) { ingestArticle(input: { text: $text, fileName: "race.txt" }) { status article { id title } } }`;
    const text = "Harbour talks resume in Oslo\n\nIngrid Solberg met the harbour board in Oslo on Monday. “The plan holds,” Solberg said.";
    const auth = { authorization: "Bearer snapshot-test-token-0123" };
    const created = await server.gql(INGEST, { text }, auth);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const { article } = (created.data as { ingestArticle: { article: { id: string } } }).ingestArticle;
    let deleted = false;
    // The second ingest finds the text stored (DUPLICATE); once its transaction commits, and
    // before its answer reads the article, another client deletes it.
    const restore = afterStatement(/^\s*COMMIT/i, async () => {
      deleted = (await deleteArticle(server.store, fromGlobalId(article.id).id)).deleted;
    });
    let again;
    try {
      again = await server.gql(INGEST, { text }, auth);
    } finally {
      restore();
    }
    assert.ok(deleted, "the delete ran between the ingest's write and its answer");
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    const answer = (again.data as { ingestArticle: { status: string; article: { id: string; title: string } } }).ingestArticle;
    assert.equal(answer.status, "CREATED");
    assert.equal(answer.article.title, "Harbour talks resume in Oslo");
    assert.notEqual(answer.article.id, article.id);
    const node = await server.gql(`query($id: ID!) { node(id: $id) { ... on Article { title } } }`, { id: answer.article.id });
    assert.deepEqual(node.data, { node: { title: "Harbour talks resume in Oslo" } });
  });
});
