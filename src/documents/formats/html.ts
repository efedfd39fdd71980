// A saved or fetched news page: the article's text through Mozilla's Readability (the
// reader view of Firefox) over linkedom's DOM, which drops navigation, comments,
// related links and ads; the metadata from the page's own markup, most specific first:
// JSON-LD (`NewsArticle` and kin), Open Graph and `article:*` meta tags, `<link
// rel=canonical>`, `<time datetime>`, `<html lang>`, then what Readability found.
import { createRequire } from "node:module";
import { countWords } from "../parse.ts";
import { DocumentError } from "../document-error.ts";
import type { ParsedDocument } from "../../domain/document.ts";
import { normalizeUrl, parseDate, splitAuthors } from "./fields.ts";
import { normalizeLanguage } from "../../domain/language.ts";

const ARTICLE_TYPES = /(?:^|\b)(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;

type Json = Record<string, unknown>;

/**
 * The DOM and Readability, loaded on the first page: every analysis thread reads this
 * module, most never see HTML, and loading linkedom costs each of them a few hundred
 * milliseconds of start-up. Both packages ship CommonJS, so the load stays synchronous.
 */
const load = createRequire(import.meta.url);
let libraries: { parseHTML: typeof import("linkedom").parseHTML; Readability: typeof import("@mozilla/readability").Readability } | undefined;
const domLibraries = () =>
  (libraries ??= {
    parseHTML: (load("linkedom") as typeof import("linkedom")).parseHTML,
    Readability: (load("@mozilla/readability") as typeof import("@mozilla/readability")).Readability,
  });

type Doc = ReturnType<typeof import("linkedom").parseHTML>["document"];
type El = NonNullable<ReturnType<Doc["querySelector"]>>;

/** The page's JSON-LD objects that describe an article (in `@graph`s and arrays too). */
function jsonLdArticles(document: Doc): Json[] {
  const found: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const object = value as Json;
    const type = object["@type"];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) found.push(object);
    if (object["@graph"]) visit(object["@graph"]);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still count.
    }
  }
  return found;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.replace(/\s+/g, " ").trim() : null);

/** `name` of a JSON-LD thing or each thing of a list, or the strings themselves. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value];
  return list.flatMap((v) => {
    const name = typeof v === "string" ? v : typeof v === "object" && v !== null ? (v as Json).name : null;
    return typeof name === "string" ? splitAuthors(name) : [];
  });
}

function meta(document: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = text(element?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

/** Elements whose text is a paragraph of the article. */
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";

/** The article's text from Readability's cleaned DOM: one paragraph per innermost block element. */
function paragraphs(root: El): string {
  // A block that is only a date (`<p><time>May 2</time></p>`, as Readability wraps a loose one) is not text.
  const onlyDate = (el: El) => {
    const time = el.querySelector("time");
    return time !== null && (time.textContent ?? "").trim() === (el.textContent ?? "").trim();
  };
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null && !onlyDate(el));
  const parts = blocks.length ? blocks.map((el) => el.textContent ?? "") : (root.textContent ?? "").split(/\n\s*\n/);
  return parts
    .map((p: string) => p.replace(/\s+/g, " ").trim())
    .filter((p: string) => p !== "")
    .join("\n\n");
}

/** Fewer words than this is a section front, a paywall or an error page, not an article. */
const MIN_ARTICLE_WORDS = 25;

export interface HtmlOptions {
  /** Where the page was fetched from: resolves a relative canonical link, and is the URL when the page names none. */
  pageUrl?: string;
}

/** An HTML page as an article; a page with no article text is a DocumentError. */
export function parseHtmlPage(html: string, fileName: string, options: HtmlOptions = {}): ParsedDocument {
  const { parseHTML, Readability } = domLibraries();
  const { document } = parseHTML(html);
  // The metadata is read before Readability, which rewrites the document as it goes.
  const ld = jsonLdArticles(document);
  const fromLd = (key: string) => ld.map((o) => o[key]).find((v) => v != null);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url") ?? text(fromLd("url"));
  const url = (canonical && normalizeUrl(canonical, options.pageUrl)) ?? (options.pageUrl ? normalizeUrl(options.pageUrl) : null);
  const timeElement = document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime");
  const dateText = meta(document, "article:published_time", "datePublished") ?? text(fromLd("datePublished")) ?? text(timeElement) ?? meta(document, "pubdate", "publishdate", "date", "dc.date", "DC.date.issued");
  const ldAuthors = names(fromLd("author"));
  const metaAuthor = meta(document, "author", "article:author", "byl");
  const ldPublisher = names(fromLd("publisher"))[0] ?? null;
  const language = text(document.documentElement?.getAttribute("lang")) ?? meta(document, "og:locale") ?? text(fromLd("inLanguage"));
  const headline = text(fromLd("headline")) ?? meta(document, "og:title", "twitter:title");

  // Readability's types name the DOM's Document, which linkedom's implements; this project compiles without the DOM lib.
  const article = new Readability<El>(document as never, { serializer: (node) => node as unknown as El }).parse();
  if (!article?.content) throw new DocumentError(fileName, "no article in the HTML page");
  // Readability keeps a byline paragraph when the metadata already named the authors.
  const body = paragraphs(article.content).replace(/^(?:By|BY|by)\s[^\n]{1,120}(?:\n\n|$)/, (line) => (line.trim().split(/\s+/).length <= 12 ? "" : line));
  const words = countWords(body);
  if (words < MIN_ARTICLE_WORDS) throw new DocumentError(fileName, `no article in the HTML page (the most article-like text has ${words} words, fewer than ${MIN_ARTICLE_WORDS})`);
  const title = headline ?? text(article.title) ?? text(document.querySelector("title")?.textContent);
  if (!title) throw new DocumentError(fileName, "no title in the HTML page");

  const authors = ldAuthors.length ? ldAuthors : metaAuthor && !/^https?:/.test(metaAuthor) ? splitAuthors(metaAuthor) : splitAuthors(article.byline ?? "");
  const publisher = meta(document, "og:site_name", "application-name") ?? ldPublisher ?? text(article.siteName) ?? (url ? new URL(url).hostname : null);
  return {
    title,
    body,
    publishedAt: parseDate(dateText) ?? parseDate(article.publishedTime),
    sourceId: null,
    url,
    publisher,
    authors: [...new Set(authors)],
    language: language ? normalizeLanguage(language) : null,
  };
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/i;

/** True when a document is an HTML page, by name (`.html`, `.htm`) or by its start. */
export function isHtml(fileName: string, text: string): boolean {
  return /\.x?html?$/i.test(fileName.replace(/:\d+$/, "")) || HTML_START.test(text.slice(0, 1024));
}
