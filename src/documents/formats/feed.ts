// RSS 2.0 and Atom feeds through rss-parser: each item's link, title, date, authors and
// any full text it carries. The pages behind the links are fetched by the caller.
import Parser from "rss-parser";
import { DocumentError } from "../document-error.ts";
import type { DocumentMeta } from "../../domain/document.ts";
import { normalizeUrl, parseDate, splitAuthors } from "./fields.ts";

export interface FeedItem {
  /** The item's page; null when the item links nowhere (it is then read from its own text). */
  link: string | null;
  /** Title, date, URL, authors and publisher as the feed gives them. */
  meta: DocumentMeta;
  /** The item's own full text (`content:encoded`, Atom `content`), HTML; empty when it has none. */
  content: string;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** xml2js's shapes: RSS `<author>` is text, Atom's `<author><name>` an object, each kept as a list. */
type XmlAuthor = string | { name?: string[] };
type Item = Parser.Item & { "content:encoded"?: string; authorList?: XmlAuthor[]; "dc:creator"?: string };

const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: [["author", "authorList", { keepArray: true }], "dc:creator"] } });

const authorNames = (list: XmlAuthor[] | undefined): string[] =>
  (list ?? []).flatMap((a) => {
    const name = typeof a === "string" ? a : a?.name?.[0];
    return typeof name === "string" ? splitAuthors(name) : [];
  });

/** A feed's XML as its items; anything that is not an RSS or Atom feed is a DocumentError naming `source`. */
export async function parseFeed(xml: string, source: string): Promise<Feed> {
  if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(xml)) {
    throw new DocumentError(source, `not an RSS or Atom feed (starts with ${JSON.stringify(xml.trimStart().slice(0, 40))})`);
  }
  let feed: Parser.Output<Item> & Record<string, unknown>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new DocumentError(source, `not a readable RSS or Atom feed: ${(error as Error).message.split("\n")[0]}`);
  }
  const publisher = feed.title?.trim() || null;
  const items = (feed.items ?? []).map((item): FeedItem => {
    const link = item.link ? normalizeUrl(item.link, feed.link ?? undefined) : null;
    const byline = item.creator ?? item["dc:creator"];
    const listed = authorNames(item.authorList);
    return {
      link,
      meta: {
        title: item.title?.replace(/\s+/g, " ").trim() || undefined,
        publishedAt: parseDate(item.isoDate ?? item.pubDate) ?? undefined,
        url: link ?? undefined,
        authors: listed.length ? listed : typeof byline === "string" ? splitAuthors(byline) : undefined,
        publisher: publisher ?? undefined,
      },
      content: item["content:encoded"] ?? (item.content && item.content !== item.contentSnippet ? item.content : "") ?? "",
    };
  });
  return { title: publisher, items };
}
