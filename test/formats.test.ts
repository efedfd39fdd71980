// The document formats one by one, without a database: JSON records, front matter and
// bylines, HTML pages, feeds, JSON Lines streaming, and the near-duplicate fingerprint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseJsonRecord } from "../src/documents/formats/record.ts";
import { parseHtmlPage } from "../src/documents/formats/html.ts";
import { parseFeed } from "../src/documents/formats/feed.ts";
import { jsonLines, countJsonLines } from "../src/documents/formats/jsonl.ts";
import { parseDocument } from "../src/documents/parse.ts";
import { DocumentError } from "../src/documents/document-error.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, readDocument } from "../src/documents/read.ts";
import { fingerprint, signature } from "../src/documents/near-duplicates.ts";
import { nearDuplicateScore, NEAR_DUPLICATE_THRESHOLD, similarity } from "../src/domain/fingerprint.ts";
import { articlePage, atomFeed, blogPage, NO_ARTICLE_PAGE, rssFeed, STORIES } from "./helpers/news-site.ts";

const reason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocumentError) return error.message;
    throw error;
  }
  assert.fail("no DocumentError");
};

test("a news-please record: title, maintext, date_publish (UTC), source_domain, authors, language, url", () => {
  const doc = parseJsonRecord(
    JSON.stringify({
      title: "Tram line to open in Ostrava",
      maintext: "The new tram line opened on Monday.\n\nMayor Jana Kral cut the ribbon.",
      date_publish: "2023-06-05 14:30:00",
      source_domain: "www.ostrava-daily.example",
      authors: ["Petr Dvorak", "Eva Svoboda"],
      language: "cs",
      url: "https://ostrava-daily.example/tram#top",
    }),
    "crawl.jsonl:1",
  );
  assert.deepEqual(doc, {
    title: "Tram line to open in Ostrava",
    body: "The new tram line opened on Monday.\n\nMayor Jana Kral cut the ribbon.",
    publishedAt: new Date("2023-06-05T14:30:00Z"),
    sourceId: null,
    url: "https://ostrava-daily.example/tram",
    publisher: "www.ostrava-daily.example",
    authors: ["Petr Dvorak", "Eva Svoboda"],
    language: "cs",
  });
});

test("a NewsAPI record: source.name, author as one string, publishedAt, content", () => {
  const doc = parseJsonRecord(
    JSON.stringify({ source: { id: null, name: "Harbour Times" }, author: "Lena Ortiz, Sam Abara", title: "Port strike ends", content: "Dock workers returned on Friday.", publishedAt: "2024-01-12T06:00:00Z", url: "https://harbour-times.example/strike" }),
    "api.jsonl:3",
  );
  assert.equal(doc.publisher, "Harbour Times");
  assert.deepEqual(doc.authors, ["Lena Ortiz", "Sam Abara"]);
  assert.equal(doc.publishedAt?.toISOString(), "2024-01-12T06:00:00.000Z");
  assert.equal(doc.body, "Dock workers returned on Friday.");
});

test("a bad record is an error naming the file, line and field", () => {
  assert.equal(reason(() => parseJsonRecord('{"title": "A", "text": "B", ', "news.jsonl:2")).startsWith("news.jsonl:2: not valid JSON"), true);
  assert.equal(reason(() => parseJsonRecord('{"title": "A", "text": "B", "date": "last Tuesday"}', "news.jsonl:4")), 'news.jsonl:4: field date: not a date: "last Tuesday"');
  assert.equal(reason(() => parseJsonRecord('{"title": "A", "text": "B", "url": "ftp://x"}', "news.jsonl:5")), 'news.jsonl:5: field url: not an http(s) URL: "ftp://x"');
  assert.equal(reason(() => parseJsonRecord('{"title": "A"}', "news.jsonl:6")), "news.jsonl:6: no text: none of the fields maintext, text, content, body, raw_text");
  assert.equal(reason(() => parseJsonRecord("[1, 2]", "news.jsonl:7")), "news.jsonl:7: not a JSON object");
  assert.equal(reason(() => parseJsonRecord('{"title": "A", "text": "B", "language": "not a tag!"}', "n.jsonl:8")), 'n.jsonl:8: field language: not a language tag: "not a tag!"');
});

test("plain text: front matter gives title, date, url, source and authors; the body stays", () => {
  const doc = parseDocument(
    "---\ntitle: Water main repaired in Dunmore\ndate: 2022-11-03T10:00:00+02:00\nurl: https://dunmore-news.example/water\nsource: Dunmore News\nauthors:\n  - Aoife Brennan\nlanguage: en-ie\n---\n\nCrews worked through the night on Main Street.\n\nSupply returned at six, the council said.\n",
    "water.txt",
  );
  assert.equal(doc.title, "Water main repaired in Dunmore");
  assert.equal(doc.body, "Crews worked through the night on Main Street.\n\nSupply returned at six, the council said.");
  assert.equal(doc.publishedAt?.toISOString(), "2022-11-03T08:00:00.000Z");
  assert.equal(doc.url, "https://dunmore-news.example/water");
  assert.equal(doc.publisher, "Dunmore News");
  assert.deepEqual(doc.authors, ["Aoife Brennan"]);
  assert.equal(doc.language, "en-IE");
  assert.equal(reason(() => parseDocument("---\ndate: soon\n---\nT\n\nB\n", "x.txt")), 'x.txt: front matter: field date: not a date: "soon"');
  assert.equal(reason(() => parseDocument("---\ntitle: [unclosed\n---\nT\n\nB\n", "y.txt")).startsWith("y.txt: front matter: not valid YAML"), true);
  assert.equal(reason(() => parseDocument("---\ntitle: T\n\nB\n", "z.txt")), "z.txt: front matter: no closing --- line");
});

test("a BYLINE: or By first line names the authors, and the title is the next line", () => {
  const byline = parseDocument("BYLINE: Hana Mori.\n\nCITY HALL VOTES ON BUDGET.\n\nThe council met on Monday.\n", "a.txt");
  assert.equal(byline.title, "CITY HALL VOTES ON BUDGET.");
  assert.deepEqual(byline.authors, ["Hana Mori"]);
  const by = parseDocument("By Tomas Reyes and Ada Finch\nBridge reopens\n\nTraffic returned to the bridge.\n", "b.txt");
  assert.equal(by.title, "Bridge reopens");
  assert.deepEqual(by.authors, ["Tomas Reyes", "Ada Finch"]);
  // A title that starts with "By" but is not a byline stays the title.
  const title = parseDocument("By the numbers: a year of rain\n\nIt rained on 200 days.\n", "c.txt");
  assert.equal(title.title, "By the numbers: a year of rain");
  assert.deepEqual(title.authors, []);
});

test("an HTML page in a news site's shape: the article without navigation, ads, related links or comments, with its metadata", () => {
  const story = STORIES[0]!;
  // A relative canonical link is resolved against the page's address.
  const page = articlePage(story).replace('href="https://valley-courier.example/news/', 'href="/news/');
  const doc = parseHtmlPage(page, "ferry.html", { pageUrl: "http://127.0.0.1:9/news/harbour-ferry-plan?utm_source=feed" });
  assert.equal(doc.title, story.headline);
  assert.equal(doc.publishedAt?.toISOString(), "2024-05-02T07:30:00.000Z");
  assert.equal(doc.url, "http://127.0.0.1:9/news/harbour-ferry-plan");
  assert.equal(doc.publisher, "The Valley Courier");
  assert.deepEqual(doc.authors, ["Marta Quill", "Owen Pike"]);
  assert.equal(doc.language, "en-GB");
  assert.equal(doc.body, story.paragraphs.join("\n\n"));
  for (const boilerplate of ["Advertisement", "Most read", "valleyreader", "Privacy", "Subscribe", "By Marta"]) assert.ok(!doc.body.includes(boilerplate), boilerplate);
});

test("an HTML page without JSON-LD: date from article:published_time, author from the meta tag, URL from og:url", () => {
  const story = STORIES[1]!;
  const doc = parseHtmlPage(blogPage(story), "blog.html");
  assert.equal(doc.publishedAt?.toISOString(), "2024-05-03T17:05:00.000Z");
  assert.deepEqual(doc.authors, ["Ines Calloway"]);
  assert.equal(doc.url, "https://notes.example/orchard-festival");
  assert.equal(doc.publisher, "notes.example");
  assert.ok(doc.body.startsWith("The Kettlebridge orchard festival"));
  // A <time> is the date when nothing else gives one.
  const timeOnly = blogPage(story).replace(/<meta property="article:published_time"[^>]*>/, "").replace("2001-01-01", "2024-02-29T12:00:00Z");
  assert.equal(parseHtmlPage(timeOnly, "t.html").publishedAt?.toISOString(), "2024-02-29T12:00:00.000Z");
});

test("an HTML page with no article is rejected with its reason; so is an HTML document in the mutation's text layout", () => {
  assert.equal(reason(() => parseHtmlPage(NO_ARTICLE_PAGE, "sections.html")), "sections.html: no article in the HTML page (the most article-like text has 3 words, fewer than 25)");
  assert.throws(() => readDocument(Buffer.from(NO_ARTICLE_PAGE), "sections.html", DEFAULT_MAX_DOCUMENT_BYTES), /no article in the HTML page/);
  assert.throws(() => readDocument(Buffer.from(articlePage(STORIES[0]!)), "page.txt", DEFAULT_MAX_DOCUMENT_BYTES, { format: "text" }), /looks like HTML/);
});

test("RSS 2.0 and Atom feeds: each item's link, title, date and authors", async () => {
  const items = STORIES.map((story) => ({ link: `http://127.0.0.1:9/news/${story.slug}`, story }));
  for (const xml of [rssFeed("The Valley Courier", items), atomFeed("The Valley Courier", items)]) {
    const feed = await parseFeed(xml, "feed.xml");
    assert.equal(feed.title, "The Valley Courier");
    assert.deepEqual(
      feed.items.map((i) => [i.link, i.meta.title, i.meta.publishedAt?.toISOString(), i.meta.authors]),
      STORIES.map((s) => [`http://127.0.0.1:9/news/${s.slug}`, s.headline, new Date(s.date).toISOString(), s.authors]),
    );
  }
});

test("a feed that is not XML, or not a feed, is an error naming it", async () => {
  await assert.rejects(parseFeed("<!doctype html><html><body>Not a feed</body></html>", "http://x/feed"), { message: 'http://x/feed: not an RSS or Atom feed (starts with "<!doctype html><html><body>Not a feed</b")' });
  await assert.rejects(parseFeed('{"items": []}', "feed.json"), /feed\.json: not an RSS or Atom feed/);
  await assert.rejects(parseFeed("<rss><channel><item><title>Broken</channel>", "broken.xml"), /broken\.xml: not a readable RSS or Atom feed: /);
});

test("JSON Lines streams: numbered lines, blank lines skipped, a line over the limit reported by size, gzip read alike", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-jsonl-"));
  try {
    const text = `{"a":1}\n\n{"b":2}\r\n${"x".repeat(500)}\n{"c":3}`;
    writeFileSync(join(dir, "a.jsonl"), text);
    writeFileSync(join(dir, "a.jsonl.gz"), gzipSync(text));
    for (const file of ["a.jsonl", "a.jsonl.gz"]) {
      const lines = [];
      for await (const line of jsonLines(join(dir, file), 100)) {
        // Each line owns its memory: a view into the read chunk would carry the whole chunk to an analysis thread.
        if ("bytes" in line) assert.equal(line.bytes.buffer.byteLength, line.bytes.byteLength, `line ${line.line} is a view into a larger buffer`);
        lines.push("bytes" in line ? [line.line, Buffer.from(line.bytes).toString().trim()] : [line.line, line.tooLarge]);
      }
      assert.deepEqual(lines, [[1, '{"a":1}'], [3, '{"b":2}'], [4, 500], [5, '{"c":3}']]);
      assert.equal(await countJsonLines(join(dir, file)), 5);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const BASE =
  "The Lowmoor harbour council voted on Tuesday to back a plan for an electric ferry between the town and the island of Farrow. " +
  "Council leader Dana Rook said the island had waited long enough, and the vote passed by nine to three after a debate that ran all evening. " +
  "The ferry would carry eighty passengers and twelve cars, and crossings could start in the spring if the transport board approves the money. " +
  "Opponents said the harbour wall must be repaired first and asked for a survey before any contract is signed.";

test("near-duplicates: a one-character edit or another quote style scores above the threshold, another story far below", () => {
  const edited = BASE.replace("ran all evening", "ran all evenin");
  const restyled = `${BASE.replace("Council leader", "\u201cCouncil leader")}\n\n`;
  const other = STORIES[2]!.paragraphs.join(" ");
  assert.ok(similarity(signature(BASE), signature(edited)) >= NEAR_DUPLICATE_THRESHOLD);
  assert.equal(similarity(signature(BASE), signature(restyled)), 1);
  assert.ok(similarity(signature(BASE), signature(other)) < 0.2);
  // The same template with other figures is another report, not a copy.
  const figures = BASE.replace("nine to three", "seven to five").replace("eighty", "60").replace("twelve", "20");
  assert.ok(similarity(signature(BASE), signature(figures)) >= 0.5);
  const withNumbers = (s: string) => s.replace("eighty", "80").replace("twelve", "12");
  assert.equal(nearDuplicateScore(fingerprint(withNumbers(BASE)), fingerprint(withNumbers(BASE).replace("80", "64").replace("12", "14"))), 0);
  assert.ok(nearDuplicateScore(fingerprint(withNumbers(BASE)), fingerprint(withNumbers(BASE).replace("80", "81"))) >= NEAR_DUPLICATE_THRESHOLD);
});
