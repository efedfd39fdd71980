// Matched words marked in text, by each database's own full-text functions over the
// search tables of ./search.ts: an excerpt of an article's body around the best match
// (SQLite FTS5 `snippet()`, PostgreSQL `ts_headline`), and a quote's whole text with every
// match marked (FTS5 `highlight()`, `ts_headline` with HighlightAll). The functions mark
// what their own index matched (stemming, prefixes, phrases), which is what a client
// could not redo alike for both databases.
//
// The databases write marks into the text; here they are two control characters that news
// text has no use for (one already in a text would only misplace a mark), and `parseMarked`
// turns the marked text into plain text and ranges, so that no caller ever parses markup.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle, Reads } from "./dialect.ts";
import type { SearchQuery } from "./search-query.ts";

const OPEN = "\u0002";
const CLOSE = "\u0003";

/** Words of an article's excerpt: FTS5 counts tokens, ts_headline words; both about two lines of text. */
export const SNIPPET_WORDS = 30;
/** Shortest excerpt ts_headline makes around a match (FTS5 has no such setting). */
const SNIPPET_MIN_WORDS = 15;

export interface TextRange {
  start: number;
  end: number;
}

export interface Marked {
  /** Plain text, `…` at either end where it starts or stops inside the text it comes from. */
  text: string;
  /** The matched words: UTF-16 offsets into `text`, in order, not overlapping, none empty. */
  highlights: TextRange[];
}

export interface Edges {
  /** Text of the source just before (after) the marked text, to add. */
  before?: string;
  after?: string;
  /** The source goes on before (after): `…` there. */
  cutStart?: boolean;
  cutEnd?: boolean;
}

/** Plain text and ranges from text the database marked with OPEN/CLOSE. */
export function parseMarked(marked: string, edges: Edges = {}): Marked {
  let text = `${edges.cutStart ? "…" : ""}${edges.before ?? ""}`;
  const highlights: TextRange[] = [];
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === OPEN) open ??= text.length;
    else if (ch === CLOSE) {
      if (open !== null && text.length > open) {
        const last = highlights.at(-1);
        // Marks parted by white space only are one range: FTS5 marks a phrase (`World Bank`)
        // as one, ts_headline each of its words.
        if (last && /^\s*$/u.test(text.slice(last.end, open))) last.end = text.length;
        else highlights.push({ start: open, end: text.length });
      }
      open = null;
    } else text += ch;
  }
  text += `${edges.after ?? ""}${edges.cutEnd ? "…" : ""}`;
  return { text, highlights };
}

/** Characters of the body read on either side of an excerpt: enough for the punctuation that belongs to its first and last words. */
const EDGE = 16;

type SnippetRow = { id: number | bigint; marked: string; pos: number | bigint; pre: string | null; post: string | null; at_start: unknown; at_end: unknown };

/**
 * An excerpt's ends. Both functions cut at words, leaving out the punctuation that
 * belongs to them (`“We`, `said.`): the excerpt is found in the body (`pos`, 1-based, 0
 * when not found), and the characters up to the white space on either side are added
 * back. It is cut where the body goes on beyond them.
 */
function withEdges(row: SnippetRow): Marked {
  const pos = Number(row.pos);
  if (pos === 0) return parseMarked(row.marked, { cutStart: true, cutEnd: true });
  const pre = row.pre ?? "";
  const post = row.post ?? "";
  const before = /\S*$/u.exec(pre)![0];
  const after = /^\S*/u.exec(post)![0];
  return parseMarked(row.marked, {
    before,
    after,
    cutStart: !(truthy(row.at_start) && /^\s*$/u.test(pre.slice(0, pre.length - before.length))),
    cutEnd: !(truthy(row.at_end) && /^\s*$/u.test(post.slice(after.length))),
  });
}

/** A boolean from either database: 0/1 (SQLite), true/false (PostgreSQL, JSON). */
const truthy = (value: unknown) => value === true || Number(value) === 1;

/**
 * An excerpt of the body of each article that matches the search, by id; an article that
 * does not match (or is gone) has none. Where only the title matches, the excerpt is the
 * body's beginning, unmarked. One statement, whatever the number of articles.
 */
export async function articleSnippets(h: DbHandle, reads: Reads, query: SearchQuery, ids: readonly number[]): Promise<Map<number, Marked>> {
  if (ids.length === 0) return new Map();
  // Lengths and positions count characters (code points) on both databases.
  const edges = (greatest: string) => Prisma.sql`id, marked, pos,
    CASE WHEN pos > 0 THEN substr(body, ${Prisma.raw(greatest)}(1, pos - ${EDGE}), pos - ${Prisma.raw(greatest)}(1, pos - ${EDGE})) END AS pre, substr(body, pos + len, ${EDGE}) AS post,
    pos - ${EDGE} <= 1 AS at_start, pos + len + ${EDGE} > length(body) AS at_end`;
  const sql = h.dialect.snippets(query, ids, { edges, open: OPEN, close: CLOSE, words: SNIPPET_WORDS, minWords: SNIPPET_MIN_WORDS });
  const rows = await reads.rows<SnippetRow>(sql);
  return new Map(rows.map((r) => [Number(r.id), withEdges(r)]));
}

/** The text of each quote that matches the search (in its text or its speaker's name), every match marked; by id. One statement. */
export async function quoteHighlights(h: DbHandle, reads: Reads, query: SearchQuery, ids: readonly number[]): Promise<Map<number, Marked>> {
  if (ids.length === 0) return new Map();
  const rows = await reads.rows<{ id: number | bigint; marked: string }>(h.dialect.highlights(query, ids, { open: OPEN, close: CLOSE }));
  return new Map(rows.map((r) => [Number(r.id), parseMarked(r.marked)]));
}
