// A made-up news site for tests: article pages in the shapes real sites use (JSON-LD,
// Open Graph, bylines, navigation, comments, ads), RSS and Atom feeds, and a local HTTP
// server on 127.0.0.1 that serves them with ETag / Last-Modified. Every text is invented.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Story {
  slug: string;
  headline: string;
  date: string; // ISO
  authors: string[];
  paragraphs: string[];
}

/** Invented stories; each names people, places and organizations, and quotes someone. */
export const STORIES: Story[] = [
  {
    slug: "harbour-ferry-plan",
    headline: "Lowmoor council backs electric ferry to Farrow",
    date: "2024-05-02T08:30:00+01:00",
    authors: ["Marta Quill", "Owen Pike"],
    paragraphs: [
      "The Lowmoor harbour council voted on Tuesday to back a plan for an electric ferry between the town and the island of Farrow, ending a debate that has run for two years.",
      "\u201cThis is the link the island has asked for since the old boat was withdrawn,\u201d said council leader Dana Rook, who proposed the motion. The vote passed by nine to three.",
      "The ferry would carry up to eighty passengers and twelve cars, and the first crossings are planned for the spring if the Northern Transport Board approves the funding.",
      "Opponents said the harbour wall needs repairs first. \u201cWe are putting a new boat against an old wall,\u201d said councillor Ben Thorne.",
    ],
  },
  {
    slug: "orchard-festival",
    headline: "Orchard festival returns to Kettlebridge after storm damage",
    date: "2024-05-03T17:05:00Z",
    authors: ["Ines Calloway"],
    paragraphs: [
      "The Kettlebridge orchard festival will return next month after storms last winter destroyed its main marquee, organisers said on Friday.",
      "\u201cWe lost the tent, not the trees,\u201d said festival director Amos Wren, adding that the Kettlebridge Growers Association had raised the money for a new one in six weeks.",
      "The festival, which began as a market for local cider makers, drew visitors from across the valley before the storm, and the town expects the hotels on Mill Street to fill again.",
      "Police in Kettlebridge said the high street would close to traffic for the three days of the event, with buses running from the station every twenty minutes.",
    ],
  },
  {
    slug: "library-hours",
    headline: "Brackenfield library extends evening hours",
    date: "2024-05-04T09:00:00Z",
    authors: ["Priya Nandakumar"],
    paragraphs: [
      "The Brackenfield public library will stay open until nine in the evening from Monday, the county arts office announced, after a petition signed by students and shift workers.",
      "\u201cPeople who work late have been shut out of the building for years,\u201d said head librarian Colm Ashby. \u201cThat ends now.\u201d",
      "The longer hours will be paid for by the Pennock Trust, a local charity, for an initial period of eighteen months, after which the county will review how the evenings are used.",
      "Students at Brackenfield College said the reading rooms were the only quiet place many of them had to work after lectures.",
    ],
  },
];

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A page like a newspaper site's: JSON-LD NewsArticle, Open Graph, canonical link, navigation, ads, a byline, comments. */
export function articlePage(story: Story, site = "The Valley Courier", origin = "https://valley-courier.example"): string {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: site, url: origin },
      {
        "@type": "NewsArticle",
        headline: story.headline,
        datePublished: story.date,
        author: story.authors.map((name) => ({ "@type": "Person", name })),
        publisher: { "@type": "NewsMediaOrganization", name: site },
      },
    ],
  };
  return `<!doctype html>
<html lang="en-gb">
<head>
<meta charset="utf-8">
<title>${escape(story.headline)} | ${escape(site)}</title>
<link rel="canonical" href="${origin}/news/${story.slug}">
<meta property="og:site_name" content="${escape(site)}">
<meta property="og:title" content="${escape(story.headline)}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
</head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<aside class="advert">Advertisement: Valley Motors spring sale, zero percent finance on all models this weekend only</aside>
<main>
<article>
<h1>${escape(story.headline)}</h1>
<p class="byline">By ${story.authors.map(escape).join(" and ")}</p>
${story.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
</article>
<section class="related"><h2>Most read</h2><ul><li><a href="/news/a">Bin collections change in June</a></li><li><a href="/news/b">Road works on the ring road</a></li></ul></section>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment"><p>valleyreader: about time too.</p></div></section>
</main>
<footer><p>Copyright ${escape(site)}. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body>
</html>`;
}

/** A blog-style page: no JSON-LD, the date in `article:published_time` and a `<time>`, the author in a meta tag. */
export function blogPage(story: Story): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${escape(story.headline)}</title>
<meta property="article:published_time" content="${story.date}">
<meta name="author" content="${escape(story.authors.join(", "))}">
<meta property="og:url" content="https://notes.example/${story.slug}">
</head><body><div id="sidebar"><a href="/archive">Archive</a> <a href="/about">About</a></div>
<div class="post"><h2>${escape(story.headline)}</h2><time datetime="2001-01-01">long ago</time>
${story.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}</div></body></html>`;
}

/** A page with navigation and a short note only: no article in it. */
export const NO_ARTICLE_PAGE = `<!doctype html><html><head><title>Sections</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<p>Choose a section.</p><footer><a href="/privacy">Privacy</a></footer></body></html>`;

export function rssFeed(title: string, items: { link: string; story: Story; content?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${escape(title)}</title><link>https://valley-courier.example/</link><description>News from the valley</description>
${items
  .map(
    ({ link, story, content }) => `<item><title>${escape(story.headline)}</title><link>${escape(link)}</link><guid>${escape(link)}</guid>
<pubDate>${new Date(story.date).toUTCString()}</pubDate><dc:creator>${escape(story.authors.join(" and "))}</dc:creator>
<description>${escape(story.paragraphs[0]!)}</description>${content ? `<content:encoded><![CDATA[${content}]]></content:encoded>` : ""}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}

export function atomFeed(title: string, items: { link: string; story: Story }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:test:feed</id><updated>2024-05-04T10:00:00Z</updated>
${items
  .map(
    ({ link, story }) => `<entry><title>${escape(story.headline)}</title><link rel="alternate" href="${escape(link)}"/><id>${escape(link)}</id>
<published>${story.date}</published><updated>${story.date}</updated>${story.authors.map((a) => `<author><name>${escape(a)}</name></author>`).join("")}
<summary>${escape(story.paragraphs[0]!)}</summary></entry>`,
  )
  .join("\n")}
</feed>`;
}

export interface Route {
  body: string | Buffer | (() => string | Buffer);
  type?: string;
  /** Served with this ETag (and answers 304 to it). */
  etag?: string;
  lastModified?: string;
  status?: number;
}

export interface TestSite {
  origin: string;
  routes: Map<string, Route>;
  /** Requests per path, and how many were answered 304. */
  hits: Map<string, number>;
  notModified: Map<string, number>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (a free port) serving `routes` by path. */
export async function startSite(routes: Record<string, Route> = {}): Promise<TestSite> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const fresh = (route.etag && req.headers["if-none-match"] === route.etag) || (route.lastModified && req.headers["if-modified-since"] === route.lastModified);
    const headers: Record<string, string> = { "content-type": route.type ?? "text/html; charset=utf-8" };
    if (route.etag) headers.etag = route.etag;
    if (route.lastModified) headers["last-modified"] = route.lastModified;
    if (fresh) {
      notModified.set(path, (notModified.get(path) ?? 0) + 1);
      res.writeHead(304, headers).end();
      return;
    }
    const body = typeof route.body === "function" ? route.body() : route.body;
    res.writeHead(route.status ?? 200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    routes: table,
    hits,
    notModified,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
