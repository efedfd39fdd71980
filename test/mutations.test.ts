// Writes over real HTTP, on SQLite and on PostgreSQL: ingestArticle and deleteArticle,
// only with the API token; ingest is idempotent and race-safe, delete leaves the counts
// as if the article had never been loaded.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { startServer } from "../src/server/server.ts";

const TOKEN = "test-token-0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}` };

const INGEST = /* GraphQL */ `
  mutation Ingest($text: String!, $fileName: String!) {
    ingestArticle(input: { text: $text, fileName: $fileName }) {
      created
      article { id title fileName wordCount people { edges { mentionCount node { name } } } quotes { edges { node { text speaker { ... on Person { name } } } } } }
    }
  }`;
const DELETE = /* GraphQL */ `mutation Delete($id: ID!) { deleteArticle(id: $id) { deletedId title removedEntities removedEntityIds } }`;
const COUNTS = /* GraphQL */ `{ articles { totalCount } people { totalCount } organizations { totalCount } places { totalCount } quotes { totalCount } }`;
const PERSON = /* GraphQL */ `query($q: String) { people(filter: { search: $q }) { edges { node { name mentionCount articleCount aliases } } } }`;

const HARBOUR = "Harbour talks in Valletta\n\nMaria Lopez met Peter Novak in Valletta on Monday, the World Bank said.\n\n“We will rebuild the harbour,” Lopez said.\n";
const BRIDGE = "Bridge opens in Lisbon\n\nMaria Lopez and Clara Moreau opened the bridge in Lisbon, officials said.\n\n“It took four years,” Moreau said. Lopez said: “It was worth it.”\n";

for (const { name, skip, make } of await backends()) {
  describe(`mutations on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    const counts = async () => {
      const { data } = await server.gql(COUNTS);
      return Object.fromEntries(Object.entries(data!).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
    };
    const person = async (q: string) => (await server.gql(PERSON, { q })).data!.people.edges.map((e: { node: unknown }) => e.node);

    before(async () => {
      backend = await make();
      server = await startTestServer(backend, ["seeds"], { apiToken: TOKEN, maxDocumentBytes: 4000 });
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
    });

    test("without the right bearer token a mutation is UNAUTHENTICATED, and writes nothing", async () => {
      const before = await counts();
      const cases: [Record<string, string>, string][] = [
        [{}, "this mutation needs the header `Authorization: Bearer <API_TOKEN>`"],
        [{ authorization: "Bearer wrong-token-0123456789abcdef" }, "the bearer token is not valid"],
        [{ authorization: `Bearer ${TOKEN}x` }, "the bearer token is not valid"],
        [{ authorization: TOKEN }, "this mutation needs the header `Authorization: Bearer <API_TOKEN>`"],
      ];
      for (const [headers, message] of cases) {
        const { data, errors } = await server.gql(INGEST, { text: HARBOUR, fileName: "harbour.txt" }, headers);
        assert.deepEqual(data, { ingestArticle: null });
        assert.equal(errors?.length, 1);
        assert.equal(errors![0]!.message, message);
        assert.equal(errors![0]!.extensions?.code, "UNAUTHENTICATED");
      }
      const del = await server.gql(DELETE, { id: "QXJ0aWNsZTox" });
      assert.equal(del.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
      assert.deepEqual(await counts(), before);
    });

    test("with no API_TOKEN configured, writes are FORBIDDEN", async () => {
      const readOnly = await startServer({ store: server.store, port: 0, host: "127.0.0.1" });
      try {
        const response = await fetch(readOnly.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...AUTH },
          body: JSON.stringify({ query: INGEST, variables: { text: HARBOUR, fileName: "harbour.txt" } }),
        });
        const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
        assert.equal(errors[0]!.message, "writes are disabled on this server: set API_TOKEN to enable the mutations");
        assert.equal(errors[0]!.extensions.code, "FORBIDDEN");
      } finally {
        await readOnly.stop();
      }
    });

    test("ingestArticle stores a document like the loader, and is idempotent", async () => {
      const before = await counts();
      const first = await server.gql(INGEST, { text: HARBOUR, fileName: "harbour.txt" }, AUTH);
      assert.equal(first.errors, undefined, JSON.stringify(first.errors));
      const { created, article } = first.data!.ingestArticle;
      assert.equal(created, true);
      assert.equal(article.title, "Harbour talks in Valletta");
      assert.equal(article.fileName, "harbour.txt");
      assert.deepEqual(
        article.people.edges.map((e: { mentionCount: number; node: { name: string } }) => [e.node.name, e.mentionCount]),
        [["Maria Lopez", 2], ["Peter Novak", 1]],
      );
      assert.deepEqual(article.quotes.edges.map((e: { node: unknown }) => e.node), [{ text: "We will rebuild the harbour,", speaker: { name: "Maria Lopez" } }]);
      const after = await counts();
      assert.equal(after.articles, before.articles! + 1);
      assert.equal(after.quotes, before.quotes! + 1);

      // The same text again, under another name and with other line endings: the stored article.
      const again = await server.gql(INGEST, { text: HARBOUR.replace(/\n/g, "\r\n"), fileName: "copy.txt" }, AUTH);
      assert.equal(again.data!.ingestArticle.created, false);
      assert.equal(again.data!.ingestArticle.article.id, article.id);
      assert.equal(again.data!.ingestArticle.article.fileName, "harbour.txt");
      assert.deepEqual(await counts(), after);
    });

    test("concurrent ingests of one text store it once", async () => {
      const text = "Rail line reopens in Oslo\n\nThomas Berg reopened the rail line in Oslo, the Red Cross said.\n";
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => server.gql(INGEST, { text, fileName: `rail-${i}.txt` }, AUTH)));
      for (const r of results) assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const payloads = results.map((r) => r.data!.ingestArticle);
      assert.equal(payloads.filter((p: { created: boolean }) => p.created).length, 1);
      assert.equal(new Set(payloads.map((p: { article: { id: string } }) => p.article.id)).size, 1);
      assert.deepEqual(await person("Thomas Berg"), [{ name: "Thomas Berg", mentionCount: 1, articleCount: 1, aliases: ["Thomas Berg"] }]);
    });

    test("bad documents are BAD_USER_INPUT with the loader's reason", async () => {
      const cases: [string, string, string][] = [
        ["<!DOCTYPE html>\n<html><body>Hello</body></html>", "page.html", "input.text: no article in the HTML page (the most article-like text has 1 words, fewer than 25)"],
        ["Just a headline", "headline.txt", "input.text: no body"],
        ["   \n\n", "blank.txt", "input.text: empty document (only whitespace)"],
        [`Long one\n\n${"Words and more words. ".repeat(200)}`, "long.txt", "input.text: too large: 4410 bytes (0.0 MiB), the limit is 4000 bytes (MAX_DOCUMENT_BYTES)"],
        [HARBOUR, " ", "input.fileName must be 1 to 255 characters without control, bidirectional-formatting or line-separator characters"],
        // C1 controls, bidirectional overrides and isolates (a name that reads as another), line separators.
        ...[["report\u0085.txt", "0085", 7], ["invoice\u202Etxt.exe", "202E", 8], ["a\u2066b.txt", "2066", 2], ["one\u2028two.txt", "2028", 4], ["x\u2029y", "2029", 2], ["tab\there.txt", "0009", 4]].map(
          ([fileName, code, at]): [string, string, string] => [
            HARBOUR,
            String(fileName),
            `input.fileName must be 1 to 255 characters without control, bidirectional-formatting or line-separator characters (found U+${code} at position ${at})`,
          ],
        ),
      ];
      for (const [text, fileName, message] of cases) {
        const { errors } = await server.gql(INGEST, { text, fileName }, AUTH);
        assert.equal(errors?.[0]?.message, message);
        assert.equal(errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      }
    });

    test("deleteArticle removes the article, its mentions and quotes, and entities no other article mentions", async () => {
      const withoutBridge = await counts();
      const lopezBefore = await person("Maria Lopez");
      const ingested = await server.gql(INGEST, { text: BRIDGE, fileName: "bridge.txt" }, AUTH);
      const bridge = ingested.data!.ingestArticle.article;
      const ids = await server.gql(`query($s: String) { people(filter: { search: $s }) { edges { node { id } } } places(filter: { search: "Lisbon" }) { edges { node { id } } } }`, { s: "Clara Moreau" });
      const moreau = ids.data!.people.edges[0].node.id;
      const lisbon = ids.data!.places.edges[0].node.id;
      const withBridge = await counts();
      assert.equal(withBridge.articles, withoutBridge.articles! + 1);
      assert.equal(withBridge.places, withoutBridge.places! + 1, "Lisbon is new");
      assert.equal((await person("Maria Lopez"))[0].articleCount, lopezBefore[0].articleCount + 1);
      assert.equal((await person("Clara Moreau")).length, 1);

      const deleted = await server.gql(DELETE, { id: bridge.id }, AUTH);
      assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
      // Clara Moreau and Lisbon were only in this article; Maria Lopez stays.
      // Their ids, so that a client cache can evict them (places first).
      assert.deepEqual(deleted.data, { deleteArticle: { deletedId: bridge.id, title: "Bridge opens in Lisbon", removedEntities: 2, removedEntityIds: [lisbon, moreau] } });
      assert.deepEqual(await counts(), withoutBridge);
      assert.deepEqual(await person("Maria Lopez"), lopezBefore);
      assert.deepEqual(await person("Clara Moreau"), []);
      const gone = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: bridge.id });
      assert.match(gone.errors![0]!.message, /no Article with id/);
      const { data } = await server.gql(`{ quotes(filter: { search: "four years" }) { totalCount } }`);
      assert.equal(data!.quotes.totalCount, 0);

      // Deleting again, or deleting something that is not an article, says what is wrong.
      const twice = await server.gql(DELETE, { id: bridge.id }, AUTH);
      assert.equal(twice.errors?.[0]?.message, `id: no Article with id "${bridge.id}"`);
      assert.equal(twice.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      const personId = (await server.gql(`{ people(first: 1) { edges { node { id } } } }`)).data!.people.edges[0].node.id;
      const wrongType = await server.gql(DELETE, { id: personId }, AUTH);
      assert.equal(wrongType.errors?.[0]?.message, "id: expected the id of an Article, got the id of a Person");

      // Loading it again gives the same counts as the first time.
      const reloaded = await server.gql(INGEST, { text: BRIDGE, fileName: "bridge.txt" }, AUTH);
      assert.equal(reloaded.data!.ingestArticle.created, true);
      assert.deepEqual(await counts(), withBridge);
    });
  });
}
