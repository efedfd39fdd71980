// What a reading frontend shows of a search hit: an excerpt of an article's body with the
// matched words marked (`Article.snippet`), and a quote with them marked
// (`Quote.highlight`). Marked text is given as plain text plus ranges, never as markup to
// parse: a client renders the ranges with its own elements (React, a terminal, a native
// view) and no text of an article can inject markup. `html` is the same, escaped here,
// for clients that set innerHTML.
import { extendType, objectType, stringArg } from "nexus";
import type { Context } from "../context.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";
import { badInput } from "../errors.ts";
import { searchOfList } from "../list-search.ts";
import { fts5Match, parseSearch, SearchInputError, type SearchQuery } from "../../store/search.ts";
import { SNIPPET_WORDS, type Marked } from "../../store/highlights.ts";

export const TextRange = objectType({
  name: "TextRange",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A part of a text: UTF-16 code unit offsets, as JavaScript's `String.prototype.slice(start, end)` takes them.",
  definition(t) {
    t.nonNull.int("start", { description: "Offset of the first character." });
    t.nonNull.int("end", { description: "Offset just past the last character." });
  },
});

export const Snippet = objectType({
  name: "Snippet",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description:
    "Text with the words a search matched marked. Render `text` with each of `highlights` emphasized (no markup to parse, nothing to escape but as your view needs), " +
    "or use `html`, escaped already.",
  definition(t) {
    t.nonNull.string("text", { description: "Plain text, not escaped. An excerpt starts (ends) with `…` where it starts (ends) inside the text it comes from." });
    t.nonNull.list.nonNull.field("highlights", {
      type: "TextRange",
      description: "The matched words in `text`, in order, not overlapping; words of a matched phrase are one range when only spaces part them. Empty when only other fields matched (the title, the speaker's name).",
    });
    t.nonNull.string("html", {
      description: "`text` as HTML: `&`, `<`, `>`, `\"` and `'` escaped as entities, each highlight in `<mark>`…`</mark>`, nothing else; safe to set as an element's innerHTML.",
    });
  },
});

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// Five characters: no library needed, and this is the one place that writes markup.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The Snippet of marked text: its HTML made here, from the ranges. */
export function snippetOf(marked: Marked) {
  let html = "";
  let at = 0;
  for (const { start, end } of marked.highlights) {
    html += `${escapeHtml(marked.text.slice(at, start))}<mark>${escapeHtml(marked.text.slice(start, end))}</mark>`;
    at = end;
  }
  html += escapeHtml(marked.text.slice(at));
  return { text: marked.text, highlights: marked.highlights, html };
}

/** The `search` argument, else the search of the list the row came from; null without either. */
function searchFor(row: object, text: string | null | undefined): SearchQuery | null {
  if (text == null) return searchOfList(row);
  try {
    return parseSearch(text);
  } catch (error) {
    if (error instanceof SearchInputError) throw badInput(`search ${error.message}`, "search");
    throw error;
  }
}

/** Resolves `snippet` or `highlight`: the row's marked text under the search asked for, or inherited from its list. */
const marked = (loader: "snippet" | "highlight") => async (row: { id: number }, args: { search?: string | null }, ctx: Context) => {
  const query = searchFor(row, args.search);
  if (!query) return null;
  const found = await ctx.loaders[loader].load({ args: query, group: fts5Match(query), id: row.id });
  return found && snippetOf(found);
};

const SEARCH_ARG =
  "The words to mark, in the syntax of `filter.search`. Default: the `filter.search` of the list this %s came from (`%s(filter: {search})`); without either, null.";

export const ArticleSnippet = extendType({
  type: "Article",
  definition(t) {
    t.field("snippet", {
      type: "Snippet",
      description:
        `An excerpt of the body around the best match of a search (about ${SNIPPET_WORDS} words), matched words marked: SQLite FTS5's snippet(), PostgreSQL's ts_headline, ` +
        "so the excerpt's bounds differ by database. The body's beginning, unmarked, when only the title matches; null when the article does not match or no search is given.",
      args: { search: stringArg({ description: SEARCH_ARG.replace("%s", "article").replace("%s", "articles") }) },
      resolve: marked("snippet"),
    });
  },
});

export const QuoteHighlight = extendType({
  type: "Quote",
  definition(t) {
    t.field("highlight", {
      type: "Snippet",
      description:
        "The whole quote text with the words of a search marked (SQLite FTS5's highlight(), PostgreSQL's ts_headline). Unmarked when only the speaker's name matches; " +
        "null when the quote does not match or no search is given.",
      args: { search: stringArg({ description: SEARCH_ARG.replace("%s", "quote").replace("%s", "quotes") }) },
      resolve: marked("highlight"),
    });
  },
});
