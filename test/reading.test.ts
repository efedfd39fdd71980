// What a reading frontend shows, on SQLite and PostgreSQL alike: search excerpts with the
// matched words marked (Article.snippet, Quote.highlight), an entity's mentions per day,
// week or month (mentionTimeline), and the most mentioned entities of a date range
// (topEntities). Invented articles, dated through ingestArticle's publishedAt.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { parseMarked } from "../src/store/highlights.ts";
import { snippetOf } from "../src/graphql/types/snippet.ts";
import { bucketStart, bucketStarts } from "../src/store/timelines.ts";
import { parse } from "graphql";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { buildSchema } from "../src/graphql/schema.ts";
import { queryCost } from "../src/graphql/limits/cost.ts";

const TOKEN = "test-token-0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}` };

interface Doc {
  title: string;
  body: string;
  publishedAt: string | null;
}

// Monday 1 January 2024 to Thursday 29 February 2024, and one article without a date.
const DOCS: Doc[] = [
  {
    title: "Harbour talks in Valletta",
    body:
      "Maria Lopez met Peter Novak in Valletta on Monday, officials of the World Bank said. The talks went on for hours. Officials of the World Bank said " +
      "the plan for the harbour would cost more than expected, and that the dredging would take years. Engineers said the old cranes were rusting.\n\n" +
      "“We will rebuild the harbour,” Lopez said. Novak did not comment on the plan.",
    publishedAt: "2024-01-01T10:00:00Z",
  },
  {
    title: "Bridge opens in Lisbon",
    body: "Maria Lopez and Clara Moreau opened the bridge in Lisbon on Sunday, officials said.\n\n“It took four years to build the bridge,” Moreau said. Lopez said: “It was worth it.”",
    // Sunday, half an hour before the week of 8 January starts.
    publishedAt: "2024-01-07T23:30:00Z",
  },
  {
    title: "Lopez returns to Valletta",
    body: "Maria Lopez returned to Valletta to meet the dock workers. Lopez promised new cranes by the summer.",
    // Monday midnight: the first instant of its week.
    publishedAt: "2024-01-08T00:00:00Z",
  },
  {
    title: "Leap day budget in Lisbon",
    body: "Clara Moreau presented the budget in Lisbon with Maria Lopez. Moreau said the bridge had cost less than planned.",
    publishedAt: "2024-02-29T12:00:00Z",
  },
  {
    title: "Dock wall repaired",
    body: `Crews repaired the <dock> wall & the "quay" on Tuesday.`,
    publishedAt: "2023-12-31T23:59:59Z",
  },
  {
    title: "Maria Lopez visits Oslo",
    body: "Maria Lopez visited Oslo to study its harbour. Lopez met the harbour master.",
    publishedAt: null,
  },
];

const INGEST = /* GraphQL */ `
  mutation Ingest($text: String!, $fileName: String!, $publishedAt: DateTime) {
    ingestArticle(input: { text: $text, fileName: $fileName, publishedAt: $publishedAt }) { status article { id } }
  }`;

type Snip = { text: string; highlights: { start: number; end: number }[]; html: string };
const SNIPPET = "{ text highlights { start end } html }";

test("marked text becomes plain text and ranges; the HTML escapes everything but the marks", () => {
  const m = parseMarked("the \u0002World\u0003 \u0002Bank\u0003 said \u0002<b>\u0003 & \u0002x\u0003", { cutStart: true, before: "“", after: ".", cutEnd: true });
  assert.equal(m.text, "…“the World Bank said <b> & x.…");
  // A phrase's words marked one by one (ts_headline) are one range; marks parted by other text are not.
  assert.deepEqual(m.highlights.map((r) => m.text.slice(r.start, r.end)), ["World Bank", "<b>", "x"]);
  assert.equal(snippetOf(m).html, "…“the <mark>World Bank</mark> said <mark>&lt;b&gt;</mark> &amp; <mark>x</mark>.…");
  assert.equal(snippetOf(parseMarked(`it's "a" <i>`)).html, "it&#39;s &quot;a&quot; &lt;i&gt;");
  // An empty mark marks nothing.
  assert.deepEqual(parseMarked("a\u0002\u0003b").highlights, []);
});

test("timeline buckets: UTC days, weeks from Monday, months; a range's buckets, the first holding `from`", () => {
  const t = new Date("2024-01-07T23:30:00Z"); // a Sunday
  assert.equal(bucketStart("DAY", t).toISOString(), "2024-01-07T00:00:00.000Z");
  assert.equal(bucketStart("WEEK", t).toISOString(), "2024-01-01T00:00:00.000Z");
  assert.equal(bucketStart("WEEK", new Date("2024-01-08T00:00:00Z")).toISOString(), "2024-01-08T00:00:00.000Z");
  assert.equal(bucketStart("MONTH", new Date("2024-02-29T12:00:00Z")).toISOString(), "2024-02-01T00:00:00.000Z");
  const iso = (ds: Date[]) => ds.map((d) => d.toISOString().slice(0, 10));
  assert.deepEqual(iso(bucketStarts("MONTH", new Date("2023-12-15T00:00:00Z"), new Date("2024-03-01T00:00:00Z"), 10)), ["2023-12-01", "2024-01-01", "2024-02-01"]);
  assert.deepEqual(iso(bucketStarts("WEEK", new Date("2024-01-03T00:00:00Z"), new Date("2024-01-15T00:00:01Z"), 10)), ["2024-01-01", "2024-01-08", "2024-01-15"]);
  // One more than the most asked for: enough to tell there are too many.
  assert.equal(bucketStarts("DAY", new Date("2024-01-01T00:00:00Z"), new Date("2025-01-01T00:00:00Z"), 5).length, 6);
});

test("the cost model prices excerpts per row, timelines per entity and bucket, rankings of a range per type", () => {
  const schema = buildSchema();
  const cost = (query: string) => queryCost(schema, parse(query));
  const node = (inner: string) => `edges { node { ${inner} } }`;
  // A search page (600) and, per article, its row (10) and its excerpt (30); per quote its highlight (2).
  assert.equal(cost(`{ articles(first: 10, filter: { search: "x" }) { ${node("snippet { text highlights { start } }")} } }`), 600 + 10 * (10 + 30));
  assert.equal(cost(`{ quotes(first: 10, filter: { search: "x" }) { ${node("highlight { html }")} } }`), 600 + 10 * (1 + 2));
  // Per person: the timeline's statement (40) and a row per bucket (10 days).
  assert.equal(cost(`{ people(first: 10) { ${node(`mentionTimeline(interval: DAY, from: "2024-01-01T00:00:00Z", to: "2024-01-11T00:00:00Z") { start }`)} } }`), 200 + 10 * (1 + 40 + 10));
  assert.equal(cost(`{ places(first: 1) { ${node(`... on Entity { mentionTimeline(interval: MONTH, from: "2024-01-15T00:00:00Z", to: "2024-03-01T00:00:00Z") { start } }`)} } }`), 200 + 1 * (1 + 40 + 2));
  // A range's ranking: 1,000 per type aggregated, then its rows with their own lists; all time: a page of the stored counts.
  assert.equal(cost(`{ topEntities(from: "2024-01-01T00:00:00Z") { mentionCount } }`), 3 * 1000 + 20);
  assert.equal(cost(`{ topEntities(type: PERSON, to: "2024-01-01T00:00:00Z", first: 5) { entity { ... on Person { articles(first: 10) { ${node("title")} } } } } }`), 1000 + 5 * (1 + 40 + 10));
  assert.equal(cost(`{ topEntities(first: 100) { mentionCount } }`), 200 + 100);
});

for (const { name, skip, make } of await backends()) {
  describe(`reading fields on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    const ids: string[] = [];
    const ok = async <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => {
      const response = await server.gql<T>(query, variables);
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data!;
    };
    const failure = async (query: string, variables?: Record<string, unknown>) => {
      const { errors } = await server.gql(query, variables);
      assert.equal(errors?.length, 1, JSON.stringify(errors));
      return { message: errors![0]!.message, code: errors![0]!.extensions?.code };
    };
    const personId = async (name: string) =>
      (await ok(`query($q: String) { people(filter: { search: $q }, first: 1) { edges { node { id name } } } }`, { q: `"${name}"` })).people.edges[0].node.id as string;

    before(async () => {
      backend = await make();
      server = await startTestServer(backend, [], { apiToken: TOKEN });
      for (const [i, doc] of DOCS.entries()) {
        const { data, errors } = await server.gql(INGEST, { text: `${doc.title}\n\n${doc.body}\n`, fileName: `doc-${i}.txt`, publishedAt: doc.publishedAt }, AUTH);
        assert.equal(errors, undefined, JSON.stringify(errors));
        assert.equal(data!.ingestArticle.status, "CREATED");
        ids.push(data!.ingestArticle.article.id);
      }
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
    });

    test("a short body that matches is its own excerpt, escaped in html, the same on both databases", async () => {
      const data = await ok(`{ articles(filter: { search: "quay" }) { edges { node { title snippet ${SNIPPET} } } } }`);
      assert.deepEqual(data.articles.edges, [{
        node: {
          title: "Dock wall repaired",
          snippet: {
            text: `Crews repaired the <dock> wall & the "quay" on Tuesday.`,
            highlights: [{ start: 38, end: 42 }],
            html: "Crews repaired the &lt;dock&gt; wall &amp; the &quot;<mark>quay</mark>&quot; on Tuesday.",
          },
        },
      }]);
    });

    test("a long body gives an excerpt around the match, cut with … at both ends, its highlights on the matched words", async () => {
      const data = await ok(`{ articles(filter: { search: "dredging" }) { edges { node { body snippet ${SNIPPET} } } } }`);
      const [{ node }] = data.articles.edges;
      const s = node.snippet as Snip;
      assert.ok(s.text.startsWith("…") && s.text.endsWith("…"), s.text);
      // The excerpt is the body's own text between the ellipses.
      assert.ok((node.body as string).includes(s.text.slice(1, -1)), s.text);
      assert.deepEqual(s.highlights.map((r) => s.text.slice(r.start, r.end)), ["dredging"]);
      assert.ok(s.text.length < (node.body as string).length);
      assert.equal(s.html, snippetOf({ text: s.text, highlights: s.highlights }).html);
    });

    test("snippet marks stemmed words and phrases of its own search, or else of the list's search; null without a search or a match", async () => {
      const data = await ok(`{
        articles(filter: { search: "rebuilding" }) { edges { node { title
          inherited: snippet { text highlights { start end } }
          own: snippet(search: "\\"world bank\\"") { text highlights { start end } }
          none: snippet(search: "zeppelin") { text } } } }
        plain: articles(filter: { publishedAfter: "2024-02-01T00:00:00Z" }) { edges { node { title snippet { text } } } } }`);
      const [{ node }] = data.articles.edges;
      assert.equal(node.title, "Harbour talks in Valletta");
      const marked = (s: Snip) => s.highlights.map((r) => s.text.slice(r.start, r.end));
      assert.deepEqual(marked(node.inherited), ["rebuild"]);
      assert.ok(marked(node.own).length >= 1 && marked(node.own).every((w) => w === "World Bank"), JSON.stringify(node.own));
      assert.equal(node.none, null);
      assert.deepEqual(data.plain.edges, [{ node: { title: "Leap day budget in Lisbon", snippet: null } }]);
    });

    test("when only the title matches, the snippet is the body's beginning, unmarked", async () => {
      const data = await ok(`{ articles(filter: { search: "leap" }) { edges { node { snippet ${SNIPPET} } } } }`);
      const s = data.articles.edges[0].node.snippet as Snip;
      assert.deepEqual(s.highlights, []);
      // SQLite gives the first 30 words (all of this body), PostgreSQL the first 15.
      assert.ok(s.text.length >= 80 && DOCS[3]!.body.startsWith(s.text.replace(/…$/u, "")), s.text);
      assert.equal(s.html, s.text);
    });

    test("a search without words is BAD_USER_INPUT naming the argument", async () => {
      assert.deepEqual(await failure(`query($id: ID!) { node(id: $id) { ... on Article { snippet(search: "!!") { text } } } }`, { id: ids[0] }), {
        message: "search must contain at least one word (letters or digits)",
        code: "BAD_USER_INPUT",
      });
    });

    test("Quote.highlight marks the whole quote; unmarked when only the speaker's name matched", async () => {
      const bridge = await ok(`{ quotes(filter: { search: "bridge" }) { edges { node { text highlight ${SNIPPET} } } } }`);
      assert.deepEqual(bridge.quotes.edges, [{
        node: {
          text: "It took four years to build the bridge,",
          highlight: { text: "It took four years to build the bridge,", highlights: [{ start: 32, end: 38 }], html: "It took four years to build the <mark>bridge</mark>," },
        },
      }]);
      const bySpeaker = await ok(`{ quotes(filter: { search: "moreau" }) { edges { node { text highlight { text highlights { start } } again: highlight(search: "years") { highlights { start end } } } } } }`);
      assert.deepEqual(bySpeaker.quotes.edges, [{
        node: { text: "It took four years to build the bridge,", highlight: { text: "It took four years to build the bridge,", highlights: [] }, again: { highlights: [{ start: 13, end: 18 }] } },
      }]);
      const none = await ok(`{ quotes(first: 1) { edges { node { highlight { text } } } } }`);
      assert.equal(none.quotes.edges[0].node.highlight, null);
    });

    test("articleAdded and quoteAdded with a search give excerpts marked by that search", async () => {
      const client = createClient({ url: server.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
      try {
        const articles = client.iterate<{ articleAdded: { title: string; snippet: Snip } }>({ query: `subscription { articleAdded(filter: { search: "lighthouse" }) { title snippet ${SNIPPET} } }` });
        const quotes = client.iterate<{ quoteAdded: { highlight: Snip } }>({ query: `subscription { quoteAdded(filter: { search: "lamp" }) { highlight ${SNIPPET} } }` });
        const first = articles.next();
        const quote = quotes.next();
        // Until both run on the server (its graphql_subscriptions gauge), an article would go unseen.
        for (let i = 0; !/^graphql_subscriptions 2$/m.test(await (await fetch(new URL("/metrics", server.url))).text()); i++) {
          assert.ok(i < 500, "the subscriptions never started");
          await new Promise((r) => setTimeout(r, 10));
        }
        const text = "Lighthouse keeper retires\n\nAnna Berg kept the lighthouse for forty years.\n\n“The lamp never failed,” Berg said.\n";
        const { errors } = await server.gql(INGEST, { text, fileName: "lighthouse.txt", publishedAt: null }, AUTH);
        assert.equal(errors, undefined, JSON.stringify(errors));
        const { value } = await first;
        assert.equal(value.data?.articleAdded.title, "Lighthouse keeper retires");
        assert.equal(value.data?.articleAdded.snippet.html, "Anna Berg kept the <mark>lighthouse</mark> for forty years.\n\n“The lamp never failed,” Berg said.");
        assert.equal((await quote).value.data?.quoteAdded.highlight.html, "The <mark>lamp</mark> never failed,");
      } finally {
        await client.dispose();
      }
    });

    const TIMELINE = /* GraphQL */ `
      query($id: ID!, $interval: TimelineInterval!, $from: DateTime!, $to: DateTime!) {
        node(id: $id) { ... on Entity { name mentionTimeline(interval: $interval, from: $from, to: $to) { start mentionCount articleCount } } }
      }`;
    const timeline = async (id: string, interval: string, from: string, to: string) =>
      ((await ok(TIMELINE, { id, interval, from, to })).node.mentionTimeline as { start: string; mentionCount: number; articleCount: number }[])
        .map((b) => [b.start.slice(0, 10), b.mentionCount, b.articleCount]);

    test("mentionTimeline by week: Monday to Sunday UTC, empty weeks included, undated articles left out", async () => {
      const lopez = await personId("Maria Lopez");
      // Lopez: 2 mentions on Mon 1 Jan, 2 on Sun 7 Jan 23:30, 2 on Mon 8 Jan 00:00, 1 on 29 Feb; 2 in the Oslo article, which has no date.
      assert.deepEqual(await timeline(lopez, "WEEK", "2023-12-25T00:00:00Z", "2024-01-22T00:00:00Z"), [
        ["2023-12-25", 0, 0],
        ["2024-01-01", 4, 2],
        ["2024-01-08", 2, 1],
        ["2024-01-15", 0, 0],
      ]);
      assert.deepEqual(await timeline(lopez, "MONTH", "2023-12-01T00:00:00Z", "2024-04-01T00:00:00Z"), [
        ["2023-12-01", 0, 0],
        ["2024-01-01", 6, 3],
        ["2024-02-01", 1, 1],
        ["2024-03-01", 0, 0],
      ]);
    });

    test("mentionTimeline counts the articles in [from, to) only: the first and last buckets may be partial", async () => {
      const lopez = await personId("Maria Lopez");
      // From noon on 1 January: the harbour talks (10:00) fall before; to the very instant of 8 January's article: it falls after.
      assert.deepEqual(await timeline(lopez, "WEEK", "2024-01-01T12:00:00Z", "2024-01-08T00:00:00Z"), [["2024-01-01", 2, 1]]);
      assert.deepEqual(await timeline(lopez, "DAY", "2024-01-06T00:00:00Z", "2024-01-09T00:00:00Z"), [
        ["2024-01-06", 0, 0],
        ["2024-01-07", 2, 1],
        ["2024-01-08", 2, 1],
      ]);
    });

    test("every entity's timeline adds up to its articles in the range, on a page of entities", async () => {
      const from = "2023-12-01T00:00:00Z";
      const to = "2024-03-01T00:00:00Z";
      const data = await ok(`query($from: DateTime!, $to: DateTime!) {
        people { edges { node { id name mentionTimeline(interval: MONTH, from: $from, to: $to) { mentionCount articleCount } } } }
        places { edges { node { id name mentionTimeline(interval: DAY, from: $from, to: $to) { articleCount } } } } }`, { from, to });
      for (const [list, filter] of [["people", "personId"], ["places", "placeId"]] as const) {
        assert.ok(data[list].edges.length >= 2);
        for (const { node } of data[list].edges) {
          const expected = await ok(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { [filter]: node.id, publishedAfter: from, publishedBefore: to } });
          const sum = (node.mentionTimeline as { articleCount: number }[]).reduce((n, b) => n + b.articleCount, 0);
          assert.equal(sum, expected.articles.totalCount, `${node.name}`);
        }
      }
    });

    test("mentionTimeline rejects an empty range and more than 1000 buckets with BAD_USER_INPUT", async () => {
      const lopez = await personId("Maria Lopez");
      assert.deepEqual(await failure(TIMELINE, { id: lopez, interval: "DAY", from: "2024-01-02T00:00:00Z", to: "2024-01-02T00:00:00Z" }), {
        message: "to (2024-01-02T00:00:00.000Z) must be later than from (2024-01-02T00:00:00.000Z)",
        code: "BAD_USER_INPUT",
      });
      assert.deepEqual(await failure(TIMELINE, { id: lopez, interval: "DAY", from: "2020-01-01T00:00:00Z", to: "2024-01-01T00:00:00Z" }), {
        message: "from..to spans more than 1000 DAY buckets; ask for a shorter range or a longer interval",
        code: "BAD_USER_INPUT",
      });
      // 1000 weeks are allowed.
      const weeks = await timeline(lopez, "WEEK", "2005-01-03T00:00:00Z", "2024-03-04T00:00:00Z");
      assert.equal(weeks.length, 1000);
      // A page of 100 entities with 1000 buckets each costs a bucket per row: over MAX_QUERY_COST.
      const { errors } = await server.gql(`{ people(first: 100) { edges { node { mentionTimeline(interval: DAY, from: "2022-01-01T00:00:00Z", to: "2024-09-27T00:00:00Z") { start } } } } }`);
      assert.equal(errors?.[0]?.extensions?.code, "QUERY_TOO_COSTLY");
      assert.match(errors![0]!.message, /^the operation costs 104,300;/);
    });

    const TOP = /* GraphQL */ `
      query($type: EntityType, $from: DateTime, $to: DateTime, $first: Int, $orderBy: TopEntityOrder) {
        topEntities(type: $type, from: $from, to: $to, first: $first, orderBy: $orderBy) { mentionCount articleCount entity { __typename name } }
      }`;
    const top = async (variables: Record<string, unknown>) =>
      ((await ok(TOP, variables)).topEntities as { mentionCount: number; articleCount: number; entity: { __typename: string; name: string } }[])
        .map((t) => [t.entity.__typename, t.entity.name, t.mentionCount, t.articleCount]);

    test("topEntities of a date range: counts in its articles only, most mentioned first, ties by articles, then type and id", async () => {
      assert.deepEqual(await top({ from: "2024-01-07T00:00:00Z", to: "2024-03-01T00:00:00Z", type: "PERSON" }), [
        ["Person", "Maria Lopez", 5, 3],
        ["Person", "Clara Moreau", 4, 2],
      ]);
      const all = await top({ from: "2024-01-07T00:00:00Z", to: "2024-03-01T00:00:00Z" });
      assert.deepEqual(all.slice(0, 2), [["Person", "Maria Lopez", 5, 3], ["Person", "Clara Moreau", 4, 2]]);
      assert.ok(all.some(([type, name]) => type === "Place" && name === "Lisbon"));
      assert.ok(all.every((row, i) => i === 0 || (all[i - 1]![2] as number) >= (row[2] as number)));
      assert.deepEqual(await top({ from: "2024-01-07T00:00:00Z", to: "2024-03-01T00:00:00Z", type: "PLACE", first: 1, orderBy: "ARTICLE_COUNT_DESC" }), [["Place", "Lisbon", 2, 2]]);
      assert.deepEqual(await top({ from: "2030-01-01T00:00:00Z" }), []);
    });

    test("topEntities without a range ranks by the entities' own counts, undated articles included", async () => {
      const [first] = await top({ type: "PERSON", first: 1 });
      const lopez = await ok(`{ people(first: 1) { edges { node { name mentionCount articleCount } } } }`);
      const node = lopez.people.edges[0].node;
      assert.deepEqual(first, ["Person", node.name, node.mentionCount, node.articleCount]);
      // The undated Oslo article counts here, not in a range.
      assert.deepEqual(first, ["Person", "Maria Lopez", 9, 5]);
    });

    test("topEntities checks first and the range", async () => {
      assert.deepEqual(await failure(TOP, { first: 101 }), { message: "first must be an integer from 0 to 100, got 101", code: "BAD_USER_INPUT" });
      assert.deepEqual(await failure(TOP, { from: "2024-02-01T00:00:00Z", to: "2024-01-01T00:00:00Z" }), {
        message: "to (2024-01-01T00:00:00.000Z) must be later than from (2024-02-01T00:00:00.000Z)",
        code: "BAD_USER_INPUT",
      });
    });
  });
}
