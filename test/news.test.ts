// News formats end to end, on SQLite and PostgreSQL: JSON Lines, HTML pages, front matter
// and feeds through `npm run seed`, the queue (PostgreSQL) and ingestArticle; URLs,
// publishers, authors and languages in the API; near-duplicates kept once, whatever the
// order, batch size or path they come by. Pages and feeds come from a local HTTP server.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { articlePage, closedPort, NO_ARTICLE_PAGE, rssFeed, atomFeed, startSite, STORIES, type TestSite } from "./helpers/news-site.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { createAnalysisPool } from "../src/analysis/runtime/pool.ts";
import { watchFeeds, type PollSummary } from "../src/ingest/watch.ts";
import { logger } from "../src/logger.ts";
import { createTempDatabase } from "./helpers/postgres.ts";

const TOKEN = "test-token-0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}` };

function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], { env: { ...process.env, LOG_LEVEL: "warn", ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

const jsonl = (records: unknown[]) => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

const FERRY = STORIES[0]!.paragraphs.join("\n\n");
const ORCHARD = STORIES[1]!.paragraphs.join("\n\n");

/** A folder in every new format, one bad JSON line among them. */
function writeFormats(dir: string): void {
  mkdirSync(join(dir, "crawl"), { recursive: true });
  mkdirSync(join(dir, "notes"), { recursive: true });
  writeFileSync(
    join(dir, "crawl", "day1.jsonl"),
    jsonl([
      { title: "Orchard festival returns", maintext: ORCHARD, date_publish: "2024-05-03 17:05:00", source_domain: "www.kettlebridge-post.example", authors: ["Ines Calloway"], language: "en", url: "https://kettlebridge-post.example/orchard" },
      '{"title": "Broken line", "maintext": "This line is cut off',
      { source: { name: "Brackenfield Herald" }, author: "Priya Nandakumar", title: STORIES[2]!.headline, content: STORIES[2]!.paragraphs.join("\n\n"), publishedAt: "2024-05-04T09:00:00Z", url: "https://brackenfield-herald.example/library" },
    ]),
  );
  writeFileSync(join(dir, "ferry.html"), articlePage(STORIES[0]!));
  writeFileSync(join(dir, "sections.html"), NO_ARTICLE_PAGE);
  writeFileSync(
    join(dir, "notes", "council.txt"),
    "---\ntitle: Dunmore council meets on water charges\ndate: 2024-04-30\nsource: Dunmore News\nauthors: [Aoife Brennan]\nlanguage: en-IE\n---\n" +
      "Councillor Nuala Farrell said the Dunmore water charges would be reviewed by the Western Water Authority before the summer.\n\n" +
      "\u201cWe owe people a straight answer,\u201d Farrell said after the meeting in Dunmore town hall on Tuesday evening.\n",
  );
}

const ARTICLES = /* GraphQL */ `
  query($filter: ArticleFilter) {
    articles(first: 50, filter: $filter, orderBy: TITLE_ASC) {
      totalCount
      edges { node { title fileName url authors language publishedAt publisher { id name articleCount } copies { url similarity fileName publisher { name } duplicateOf { title } } } }
    }
  }`;

/** What a load left: articles by URL or title, their copies, and entity counts. */
async function snapshot(store: DbHandle) {
  const articles = await store.db.article.findMany({ select: { url: true, title: true, contentHash: true, publishedAt: true }, orderBy: { contentHash: "asc" } });
  const copies = (await store.db.articleCopy.findMany({ select: { url: true, contentHash: true, similarity: true, article: { select: { contentHash: true } } } }))
    .map((c) => `${c.url}|${c.contentHash}|${c.similarity}|${c.article.contentHash}`)
    .sort();
  const select = { select: { key: true, mentionCount: true, articleCount: true } } as const;
  const entities = [
    ...(await store.db.person.findMany(select)).map((e) => ({ ...e, type: "person" })),
    ...(await store.db.organization.findMany(select)).map((e) => ({ ...e, type: "organization" })),
    ...(await store.db.place.findMany(select)).map((e) => ({ ...e, type: "place" })),
  ].map((e) => `${e.type}:${e.key}:${e.mentionCount}:${e.articleCount}`).sort();
  return { articles, copies, entities };
}

// Near-duplicate cases: the ferry story from three outlets. The wire copy is the earliest,
// so it is the canonical text; the edited one changes one word; the re-post is the same
// text under another URL.
const WIRE = { title: "Ferry plan backed", maintext: FERRY, date_publish: "2024-05-02 06:00:00", source_domain: "wire.example", url: "https://wire.example/ferry" };
const EDITED = { ...WIRE, title: "Council backs ferry", maintext: FERRY.replace("ending a debate", "closing a debate"), date_publish: "2024-05-02 09:00:00", source_domain: "valley-courier.example", url: "https://valley-courier.example/ferry" };
const REPOST = { ...WIRE, title: "Ferry plan backed (repost)", date_publish: "2024-05-03 10:00:00", source_domain: "aggregator.example", url: "https://aggregator.example/ferry" };
const OTHER = { title: "Orchard festival returns", maintext: ORCHARD, date_publish: "2024-05-03 17:05:00", source_domain: "kettlebridge-post.example", url: "https://kettlebridge-post.example/orchard" };

for (const { name, skip, make } of await backends()) {
  describe(`news formats on ${name}`, { skip }, () => {
    let dir: string;
    let site: TestSite;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), "newsgraph-news-"));
      site = await startSite();
    });
    after(async () => {
      await site?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test("seed loads JSON Lines, HTML and front matter with their metadata; the broken line and the page with no article are named; relative file names", async () => {
      const backend = await make();
      const docs = join(dir, "formats");
      writeFormats(docs);
      let server: TestServer | undefined;
      try {
        const seeded = await run("src/cli/seed.ts", ["--threads", "1", docs], { DATABASE_URL: backend.url });
        assert.equal(seeded.code, 1, seeded.err);
        assert.match(seeded.out, /loaded 4, duplicates skipped 0, failed 2, copies recorded 0/);
        assert.match(seeded.err, /^failed: crawl\/day1\.jsonl:2: not valid JSON: /m);
        assert.match(seeded.err, /^failed: sections\.html: no article in the HTML page \(the most article-like text has 3 words, fewer than 25\)$/m);
        server = await startTestServer(backend);
        const { data, errors } = await server.gql(ARTICLES);
        assert.equal(errors, undefined);
        const rows = data!.articles.edges.map((e: { node: Record<string, unknown> }) => e.node);
        const byTitle = Object.fromEntries(rows.map((r: Record<string, unknown>) => [r.title, r]));
        assert.deepEqual(
          rows.map((r: Record<string, unknown>) => r.fileName),
          ["crawl/day1.jsonl:3", "notes/council.txt", "ferry.html", "crawl/day1.jsonl:1"],
        );
        const ferry = byTitle[STORIES[0]!.headline];
        assert.deepEqual(
          { url: ferry.url, authors: ferry.authors, language: ferry.language, publishedAt: ferry.publishedAt, publisher: ferry.publisher.name },
          { url: "https://valley-courier.example/news/harbour-ferry-plan", authors: ["Marta Quill", "Owen Pike"], language: "en-GB", publishedAt: "2024-05-02T07:30:00.000Z", publisher: "The Valley Courier" },
        );
        const library = byTitle[STORIES[2]!.headline];
        assert.deepEqual([library.publisher.name, library.authors, library.url], ["Brackenfield Herald", ["Priya Nandakumar"], "https://brackenfield-herald.example/library"]);
        const council = byTitle["Dunmore council meets on water charges"];
        assert.deepEqual([council.publisher.name, council.authors, council.language, council.publishedAt], ["Dunmore News", ["Aoife Brennan"], "en-IE", "2024-04-30T00:00:00.000Z"]);
        const orchard = byTitle["Orchard festival returns"];
        assert.deepEqual([orchard.publisher.name, orchard.publishedAt], ["www.kettlebridge-post.example", "2024-05-03T17:05:00.000Z"]);

        // Filters: publisher, author (ignoring case), language (a tag takes its subtags).
        const titles = async (filter: Record<string, unknown>) => {
          const { data, errors } = await server!.gql(ARTICLES, { filter });
          assert.equal(errors, undefined, JSON.stringify(errors));
          return data!.articles.edges.map((e: { node: { title: string } }) => e.node.title);
        };
        assert.deepEqual(await titles({ publisherId: ferry.publisher.id }), [STORIES[0]!.headline]);
        assert.deepEqual(await titles({ author: "owen pike" }), [STORIES[0]!.headline]);
        assert.deepEqual(await titles({ author: "Owen" }), []);
        assert.deepEqual(await titles({ language: "en" }), ["Dunmore council meets on water charges", STORIES[0]!.headline, "Orchard festival returns"]);
        assert.deepEqual(await titles({ language: "EN-ie" }), ["Dunmore council meets on water charges"]);
        assert.deepEqual(await titles({ publisherId: ferry.publisher.id, search: "ferry" }), [STORIES[0]!.headline]);
        const badLanguage = await server.gql(ARTICLES, { filter: { language: "english please" } });
        assert.equal(badLanguage.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
        // The facet: every publisher with its count, and its articles by node id.
        const facet = await server.gql(`{ publishers { totalCount edges { node { id name articleCount articles { totalCount edges { node { title } } } } } } }`);
        assert.deepEqual(
          facet.data!.publishers.edges.map((e: { node: { name: string; articleCount: number; articles: { totalCount: number } } }) => [e.node.name, e.node.articleCount, e.node.articles.totalCount]),
          [["Brackenfield Herald", 1, 1], ["Dunmore News", 1, 1], ["The Valley Courier", 1, 1], ["www.kettlebridge-post.example", 1, 1]],
        );
        const node = await server.gql(`query($id: ID!) { node(id: $id) { __typename ... on Publisher { name } } }`, { id: ferry.publisher.id });
        assert.deepEqual(node.data, { node: { __typename: "Publisher", name: "The Valley Courier" } });
      } finally {
        await server?.stop();
        await backend.dispose();
      }
    });

    test("near-duplicates are stored once, as copies with their own URL and publisher, and the result is the same in any order and batch size", async () => {
      const orders = [
        { name: "wire first, one by one", loads: [[WIRE], [OTHER], [EDITED], [REPOST]], batchSize: 1 },
        { name: "edited first, the wire later in another load", loads: [[EDITED, OTHER], [REPOST, WIRE]], batchSize: 100 },
        { name: "all at once, reversed", loads: [[REPOST, EDITED, OTHER, WIRE]], batchSize: 100 },
        { name: "all at once, batches of 2", loads: [[OTHER, REPOST, EDITED, WIRE]], batchSize: 2 },
      ];
      const results = [];
      for (const order of orders) {
        const backend = await make();
        await migrateDatabase(backend.url);
        const store = await openDb(backend.url);
        // The load's own summary, summed over its loads: it must tell what was stored, in every order.
        const counted = { loaded: 0, copies: 0, duplicates: 0 };
        try {
          for (const [i, load] of order.loads.entries()) {
            const file = join(dir, `nd-${results.length}-${i}.jsonl`);
            writeFileSync(file, jsonl(load));
            const tally = await loadDocuments(store, [file], {}, { threads: 0, batchSize: order.batchSize });
            for (const key of ["loaded", "copies", "duplicates"] as const) counted[key] += tally[key];
          }
          results.push({ name: order.name, counted, ...(await snapshot(store)) });
        } finally {
          await store.close();
          await backend.dispose();
        }
      }
      const [first, ...rest] = results;
      // The wire copy (earliest) is the article; the edit and the re-post are its copies.
      assert.deepEqual(first!.articles.map((a) => a.url).sort(), ["https://kettlebridge-post.example/orchard", "https://wire.example/ferry"]);
      assert.deepEqual(
        first!.copies.map((c) => c.split("|")[0]),
        ["https://aggregator.example/ferry", "https://valley-courier.example/ferry"],
      );
      assert.equal(first!.copies.filter((c) => c.includes("|1|")).length, 1, "the re-post is the same text: similarity 1");
      assert.deepEqual(first!.counted, { loaded: 2, copies: 2, duplicates: 0 });
      for (const other of rest) assert.deepEqual(other, { ...first, name: other.name }, other.name);

      // Entity counts as if only the canonical texts were loaded.
      const backend = await make();
      await migrateDatabase(backend.url);
      const store = await openDb(backend.url);
      try {
        const file = join(dir, "nd-alone.jsonl");
        writeFileSync(file, jsonl([WIRE, OTHER]));
        await loadDocuments(store, [file], {}, { threads: 0 });
        assert.deepEqual((await snapshot(store)).entities, first!.entities);
      } finally {
        await store.close();
        await backend.dispose();
      }
    });

    test("the same URL with a changed text updates the article; the same document again adds nothing", async () => {
      const backend = await make();
      await migrateDatabase(backend.url);
      const store = await openDb(backend.url);
      try {
        const file = join(dir, "update-1.jsonl");
        writeFileSync(file, jsonl([OTHER]));
        assert.equal((await loadDocuments(store, [file], {}, { threads: 0 })).loaded, 1);
        assert.deepEqual(await loadDocuments(store, [file], {}, { threads: 0 }), { loaded: 0, copies: 0, duplicates: 1, failed: [] });
        const changed = join(dir, "update-2.jsonl");
        writeFileSync(changed, jsonl([{ ...OTHER, title: "Orchard festival returns to Kettlebridge", maintext: STORIES[2]!.paragraphs.join("\n\n") }]));
        assert.deepEqual(await loadDocuments(store, [changed], {}, { threads: 0 }), { loaded: 1, copies: 0, duplicates: 0, failed: [] });
        const after = await snapshot(store);
        assert.deepEqual(after.articles.map((a) => [a.url, a.title]), [["https://kettlebridge-post.example/orchard", "Orchard festival returns to Kettlebridge"]]);
        // The entities are the new text's only, as if the old one had never been loaded.
        const alone = await make();
        await migrateDatabase(alone.url);
        const fresh = await openDb(alone.url);
        try {
          await loadDocuments(fresh, [changed], {}, { threads: 0 });
          assert.deepEqual(after.entities, (await snapshot(fresh)).entities);
          assert.ok(after.entities.length > 0);
        } finally {
          await fresh.close();
          await alone.dispose();
        }
      } finally {
        await store.close();
        await backend.dispose();
      }
    });

    test("feeds: seed --feed loads each item's page, names a feed that is not XML, an unreachable page and a 50 MB page; watch polls with ETag and retries a failed page", async () => {
      const dead = await closedPort();
      for (const story of STORIES) site.routes.set(`/news/${story.slug}`, { body: articlePage(story, "The Valley Courier", site.origin) });
      site.routes.set("/news/huge", { body: Buffer.alloc(50 * 1024 * 1024, 0x61) });
      site.routes.set("/news/flaky", { body: articlePage({ ...STORIES[1]!, slug: "flaky", headline: "Orchard stalls sell out" }), status: 503 });
      const items = [
        ...STORIES.map((story) => ({ link: `${site.origin}/news/${story.slug}?utm_source=rss`, story })),
        { link: `http://127.0.0.1:${dead}/news/gone`, story: STORIES[0]! },
        { link: `${site.origin}/news/huge`, story: STORIES[1]! },
      ];
      site.routes.set("/feed.xml", { body: rssFeed("The Valley Courier", items), type: "application/rss+xml", etag: '"v1"' });
      site.routes.set("/atom.xml", { body: atomFeed("The Valley Courier", items.slice(0, 2)), type: "application/atom+xml", lastModified: "Sat, 04 May 2024 10:00:00 GMT" });
      site.routes.set("/not-a-feed", { body: NO_ARTICLE_PAGE });
      site.routes.set("/watch.xml", { body: rssFeed("Watched", [{ link: `${site.origin}/news/${STORIES[2]!.slug}`, story: STORIES[2]! }, { link: `${site.origin}/news/flaky`, story: STORIES[1]! }]), etag: '"w1"' });

      const backend = await make();
      try {
        const env = { DATABASE_URL: backend.url, MAX_DOCUMENT_BYTES: String(1024 * 1024) };
        const seeded = await run("src/cli/seed.ts", ["--feed", `${site.origin}/feed.xml`, "--feed", `${site.origin}/not-a-feed`], env);
        assert.equal(seeded.code, 1, seeded.err + seeded.out);
        assert.match(seeded.out, /loaded 3, duplicates skipped 0, failed 3, copies recorded 0/);
        assert.match(seeded.err, new RegExp(`^failed: http://127\\.0\\.0\\.1:${dead}/news/gone: unreachable: ECONNREFUSED$`, "m"));
        assert.match(seeded.err, /^failed: http:\/\/127\.0\.0\.1:\d+\/news\/huge: too large: .* the limit is 1048576 bytes \(MAX_DOCUMENT_BYTES\)$/m);
        assert.match(seeded.err, /^failed: http:\/\/127\.0\.0\.1:\d+\/not-a-feed: not an RSS or Atom feed \(starts with "<!doctype html>/m);
        // A saved Atom file: its items are stored already, so nothing is fetched again.
        const atomFile = join(dir, "feed.atom");
        writeFileSync(atomFile, atomFeed("The Valley Courier", items.slice(0, 2)));
        const pageHits = site.hits.get(`/news/${STORIES[0]!.slug}`);
        const again = await run("src/cli/seed.ts", ["--feed", atomFile], env);
        assert.equal(again.code, 0, again.err);
        assert.match(again.out, /loaded 0, duplicates skipped 2, failed 0/);
        assert.equal(site.hits.get(`/news/${STORIES[0]!.slug}`), pageHits);

        await migrateDatabase(backend.url);
        const store = await openDb(backend.url);
        const pool = createAnalysisPool(0);
        try {
          const stored = await store.db.article.findMany({ select: { url: true, fileName: true, publishedAt: true, authors: true }, orderBy: { url: "asc" } });
          assert.deepEqual(stored.map((a) => a.url), STORIES.map((s) => `${site.origin}/news/${s.slug}`).sort());
          assert.ok(stored.every((a) => a.fileName.startsWith(`${site.origin}/news/`) && a.publishedAt !== null && a.authors !== "[]"));

          // watch: the first poll stores the new page and fails the flaky one; later polls get 304 and retry the page.
          const polls: PollSummary[] = [];
          const stop = new AbortController();
          await watchFeeds({
            store, pool, feeds: [`${site.origin}/watch.xml`], intervalMs: 100, maxDocumentBytes: 1024 * 1024, logger, signal: stop.signal,
            onPoll(summary) {
              polls.push(summary);
              if (summary.failed) site.routes.get("/news/flaky")!.status = 200;
              if ((summary.loaded || summary.copies) && polls.length > 1) stop.abort();
              if (polls.length > 40) stop.abort();
            },
          });
          assert.deepEqual(polls[0], { feed: `${site.origin}/watch.xml`, notModified: false, loaded: 0, copies: 0, duplicates: 1, failed: 1 });
          assert.ok(polls.some((p) => p.notModified), "a later poll is answered 304");
          assert.ok((site.notModified.get("/watch.xml") ?? 0) >= 1);
          // The retried page is a near-duplicate of a stored story that ranks first: it takes
          // that article's row and the stored text becomes its copy (no article more, a copy more).
          assert.deepEqual([polls.at(-1)!.loaded, polls.at(-1)!.copies], [0, 1], JSON.stringify(polls));
          assert.equal(await store.db.articleCopy.count({ where: { article: { title: "Orchard stalls sell out" } } }), 1);
          assert.ok(await store.db.article.findFirst({ where: { title: "Orchard stalls sell out" } }));
        } finally {
          await pool.close();
          await store.close();
        }
      } finally {
        await backend.dispose();
      }
    });

    test("ingestArticle takes the same fields as JSON Lines: url, publisher, authors, date, language; a near-duplicate comes back as a COPY", async () => {
      const backend = await make();
      const server = await startTestServer(backend, [], { apiToken: TOKEN });
      try {
        const INGEST = /* GraphQL */ `
          mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created status contentHash article { title url authors language publishedAt publisher { name } copies { url publisher { name } } } } }`;
        const first = await server.gql(INGEST, { input: { text: `Ferry plan backed\n\n${FERRY}\n`, fileName: "wire/ferry.txt", url: "https://wire.example/ferry", publisher: "Wire Service", authors: ["Sam Ode"], publishedAt: "2024-05-02T06:00:00Z", language: "en" } }, AUTH);
        assert.equal(first.errors, undefined, JSON.stringify(first.errors));
        const { contentHash: firstHash, ...firstRest } = first.data!.ingestArticle;
        assert.match(firstHash, /^[0-9a-f]{64}$/);
        assert.deepEqual(firstRest, {
          created: true,
          status: "CREATED",
          article: { title: "Ferry plan backed", url: "https://wire.example/ferry", authors: ["Sam Ode"], language: "en", publishedAt: "2024-05-02T06:00:00.000Z", publisher: { name: "Wire Service" }, copies: [] },
        });
        const copy = await server.gql(INGEST, { input: { text: JSON.stringify(EDITED), fileName: "valley.jsonl", format: "JSON" } }, AUTH);
        assert.equal(copy.errors, undefined, JSON.stringify(copy.errors));
        assert.equal(copy.data!.ingestArticle.status, "COPY");
        assert.equal(copy.data!.ingestArticle.created, false);
        assert.deepEqual(copy.data!.ingestArticle.article.copies, [{ url: "https://valley-courier.example/ferry", publisher: { name: "valley-courier.example" } }]);
        // The copy's own text is found by its content hash, under the article it is a copy of.
        assert.notEqual(copy.data!.ingestArticle.contentHash, firstHash);
        const copyState = await server.gql(`query($h: String!) { ingestion(contentHash: $h) { state article { title } } }`, { h: copy.data!.ingestArticle.contentHash });
        assert.deepEqual(copyState.data, { ingestion: { state: "STORED", article: { title: "Ferry plan backed" } } });
        // The same URL with another text: the article takes it (UPDATED); that text again is a DUPLICATE.
        const updated = await server.gql(INGEST, { input: { text: `Orchard festival returns\n\n${ORCHARD}\n`, fileName: "wire/ferry-2.txt", url: "https://wire.example/ferry" } }, AUTH);
        assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
        assert.deepEqual([updated.data!.ingestArticle.status, updated.data!.ingestArticle.created, updated.data!.ingestArticle.article.title], ["UPDATED", false, "Orchard festival returns"]);
        const again = await server.gql(INGEST, { input: { text: `Orchard festival returns\n\n${ORCHARD}\n`, fileName: "wire/ferry-2.txt", url: "https://wire.example/ferry" } }, AUTH);
        assert.equal(again.data!.ingestArticle.status, "DUPLICATE");
        const page = await server.gql(INGEST, { input: { text: articlePage(STORIES[2]!), fileName: "library.html" } }, AUTH);
        assert.equal(page.data!.ingestArticle.article.url, "https://valley-courier.example/news/library-hours");
        const bad = await server.gql(INGEST, { input: { text: "T\n\nBody text.", fileName: "x.txt", url: "not a url" } }, AUTH);
        assert.equal(bad.errors?.[0]?.message, 'input.url: not an http(s) URL: "not a url"');
        assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
        const badDate = await server.gql(INGEST, { input: { text: "{}", fileName: "x.jsonl", format: "JSON" } }, AUTH);
        assert.equal(badDate.errors?.[0]?.message, "input.text: no text: none of the fields maintext, text, content, body, raw_text");
      } finally {
        await server.stop();
        await backend.dispose();
      }
    });

    // The queue lives in PostgreSQL only.
    if (name === "postgresql") test("the queue: seed --queue of JSON Lines, HTML and a feed, drained by a worker, stores what seed stores", async () => {
      const docs = join(dir, "queued");
      writeFormats(docs);
      for (const story of STORIES) site.routes.set(`/news/${story.slug}`, { body: articlePage(story, "The Valley Courier", site.origin) });
      site.routes.set("/q.xml", { body: rssFeed("The Valley Courier", STORIES.slice(0, 2).map((story) => ({ link: `${site.origin}/news/${story.slug}`, story }))) });
      const queued = await createTempDatabase();
      const direct = await createTempDatabase();
      try {
        const enq = await run("src/cli/seed.ts", ["--queue", docs], { DATABASE_URL: queued.url });
        assert.equal(enq.code, 0, enq.err);
        assert.match(enq.out, /enqueued 6, already queued 0, failed 0/);
        const feedEnq = await run("src/cli/seed.ts", ["--queue", "--feed", `${site.origin}/q.xml`], { DATABASE_URL: queued.url });
        assert.match(feedEnq.out, /enqueued 2, already queued 0, failed 0/, feedEnq.err);
        const worker = await run("src/cli/worker.ts", ["--exit-when-idle", "--batch-size", "3"], { DATABASE_URL: queued.url, QUEUE_MAINTENANCE_SECONDS: "1" });
        // The feed's two pages are the ferry and orchard stories again, from another site: copies.
        assert.match(worker.out, /worker: loaded 4, duplicates 0, rejected 2, errors 0 \(.*\), copies recorded 2/, worker.err);
        assert.match(worker.err, /^rejected: crawl\/day1\.jsonl:2: not valid JSON: /m);
        await run("src/cli/seed.ts", [docs], { DATABASE_URL: direct.url });
        await run("src/cli/seed.ts", ["--feed", `${site.origin}/q.xml`], { DATABASE_URL: direct.url });
        const rows = async (url: string) => {
          const store = await openDb(url);
          try {
            return {
              articles: await store.db.article.findMany({ select: { title: true, url: true, fileName: true, authors: true, language: true, publishedAt: true, publisher: { select: { name: true } } }, orderBy: { contentHash: "asc" } }),
              copies: await store.db.articleCopy.findMany({ select: { url: true, fileName: true, similarity: true, article: { select: { url: true } } }, orderBy: { copyKey: "asc" } }),
            };
          } finally {
            await store.close();
          }
        };
        assert.deepEqual(await rows(queued.url), await rows(direct.url));
      } finally {
        await queued.drop();
        await direct.drop();
      }
    });
  });
}
