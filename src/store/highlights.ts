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
import type { DbHandle } from "./client.ts";
import type { ReadBatch } from "./read-batch.ts";
import { fts5Match, tsQueryText, type SearchQuery } from "./search.ts";
import { inIds } from "./edges.ts";

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

function run<R>(h: DbHandle, sql: Prisma.Sql, reads?: ReadBatch): Promise<R[]> {
  return reads ? reads.rows<R>(sql) : h.db.$queryRaw<R[]>(sql);
}

/** The marked text without its marks, in SQL (to find the excerpt in the body). */
function unmarked(column: string, h: DbHandle): Prisma.Sql {
  const chr = h.provider === "sqlite" ? "char" : "chr";
  return Prisma.raw(`replace(replace(${column}, ${chr}(2), ''), ${chr}(3), '')`);
}

/** ts_headline's options: the marks, and for an excerpt its length (one fragment around the best match; ts_headline adds no ellipsis). */
const headlineOptions = (all: boolean) =>
  all ? `StartSel=${OPEN}, StopSel=${CLOSE}, HighlightAll=true` : `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_MIN_WORDS}, ShortWord=3, MaxFragments=1`;

/**
 * ts_headline over `text`, up to the characters the search index holds of it (the
 * migration indexes the first 250,000 of each field): it parses all it is given, about a
 * millisecond per few thousand characters. PostgreSQL's parser reads `<word ...>` as an
 * HTML tag, which the headline leaves out: `<` goes in as U+0001 and comes back after.
 */
const headline = (text: Prisma.Sql, tsq: Prisma.Sql, all: boolean) =>
  Prisma.sql`replace(ts_headline('english'::regconfig, replace(left(${text}, ${Prisma.raw(String(PG_INDEXED_CHARS))}), '<', chr(1)), ${tsq}, ${headlineOptions(all)}), chr(1), '<')`;

/** Characters of each field that PostgreSQL's full-text index holds (prisma/postgresql/migrations/*_full_text_search). */
const PG_INDEXED_CHARS = 250_000;

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
export async function articleSnippets(h: DbHandle, query: SearchQuery, ids: readonly number[], reads?: ReadBatch): Promise<Map<number, Marked>> {
  if (ids.length === 0) return new Map();
  // Lengths and positions count characters (code points) on both databases.
  const edges = (greatest: string) => Prisma.sql`id, marked, pos,
    CASE WHEN pos > 0 THEN substr(body, ${Prisma.raw(greatest)}(1, pos - ${EDGE}), pos - ${Prisma.raw(greatest)}(1, pos - ${EDGE})) END AS pre, substr(body, pos + len, ${EDGE}) AS post,
    pos - ${EDGE} <= 1 AS at_start, pos + len + ${EDGE} > length(body) AS at_end`;
  let sql: Prisma.Sql;
  if (h.provider === "sqlite") {
    sql = Prisma.sql`
      WITH s AS MATERIALIZED (
        SELECT rowid AS id, snippet(article_fts, 1, ${OPEN}, ${CLOSE}, '', ${SNIPPET_WORDS}) AS marked
        FROM article_fts WHERE article_fts MATCH ${fts5Match(query)} AND ${inIds(h, "rowid", ids)}
      ), p AS MATERIALIZED (
        SELECT s.id, s.marked, instr(a.body, ${unmarked("s.marked", h)}) AS pos, length(${unmarked("s.marked", h)}) AS len, a.body FROM s JOIN article a ON a.id = s.id
      )
      SELECT ${edges("max")} FROM p`;
  } else {
    const tsq = Prisma.sql`to_tsquery('english'::regconfig, ${tsQueryText(query)})`;
    // OFFSET 0 keeps the planner from pulling the subqueries up, which would repeat ts_headline per use.
    sql = Prisma.sql`
      SELECT ${edges("greatest")} FROM (
        SELECT h.id, h.marked, strpos(h.body, ${unmarked("h.marked", h)}) AS pos, length(${unmarked("h.marked", h)}) AS len, h.body FROM (
          SELECT a.id, ${headline(Prisma.sql`a.body`, tsq, false)} AS marked, a.body
          FROM article_search s JOIN article a ON a.id = s.article_id
          WHERE s.document @@ ${tsq} AND ${inIds(h, "s.article_id", ids)} OFFSET 0
        ) h OFFSET 0
      ) p`;
  }
  const rows = await run<SnippetRow>(h, sql, reads);
  return new Map(rows.map((r) => [Number(r.id), withEdges(r)]));
}

/** The text of each quote that matches the search (in its text or its speaker's name), every match marked; by id. One statement. */
export async function quoteHighlights(h: DbHandle, query: SearchQuery, ids: readonly number[], reads?: ReadBatch): Promise<Map<number, Marked>> {
  if (ids.length === 0) return new Map();
  let sql: Prisma.Sql;
  if (h.provider === "sqlite") {
    sql = Prisma.sql`SELECT rowid AS id, highlight(quote_fts, 0, ${OPEN}, ${CLOSE}) AS marked
      FROM quote_fts WHERE quote_fts MATCH ${fts5Match(query)} AND ${inIds(h, "rowid", ids)}`;
  } else {
    const tsq = Prisma.sql`to_tsquery('english'::regconfig, ${tsQueryText(query)})`;
    sql = Prisma.sql`SELECT q.id, ${headline(Prisma.sql`q.text`, tsq, true)} AS marked
      FROM quote_search s JOIN quote q ON q.id = s.quote_id
      WHERE s.document @@ ${tsq} AND ${inIds(h, "s.quote_id", ids)}`;
  }
  const rows = await run<{ id: number | bigint; marked: string }>(h, sql, reads);
  return new Map(rows.map((r) => [Number(r.id), parseMarked(r.marked)]));
}
