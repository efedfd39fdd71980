// Bracket nesting of the query text, checked on the HTTP request before Apollo parses it:
// graphql-js parses (and validates, and coerces) recursively, so a text of thousands of
// nested brackets would overflow the stack ("Maximum call stack size exceeded") instead of
// being answered as the client mistake it is. graphql-js's own lexer counts the brackets,
// so strings, block strings and comments are read exactly as the parser reads them.
import { Lexer, Source, TokenKind } from "graphql";
import { LimitError } from "./errors.ts";
import { queryTexts } from "./query-size.ts";

const OPEN = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSE = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Room beyond MAX_QUERY_DEPTH: a field level opens one brace, and argument values,
 * variable types and introspection (not counted in the depth) nest a few more.
 */
export const NESTING_ALLOWANCE = 64;

/** A LimitError when any query text of the request nests brackets deeper than `maxDepth` + NESTING_ALLOWANCE. */
export function checkQueryNesting(body: unknown, search: string, maxDepth: number): LimitError | undefined {
  const limit = maxDepth + NESTING_ALLOWANCE;
  for (const text of queryTexts(body, search)) {
    if ((shallowTexts.get(text) ?? Infinity) <= limit) continue;
    const lexer = new Lexer(new Source(text));
    let depth = 0;
    let deepest = 0;
    try {
      for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
        if (OPEN.has(token.kind) && (deepest = Math.max(deepest, ++depth)) > limit) {
          return new LimitError("QUERY_TOO_DEEP", `the query text nests brackets more than ${limit} levels deep; the limit is MAX_QUERY_DEPTH (${maxDepth}) + ${NESTING_ALLOWANCE}`, {
            limit,
            status: 400,
          });
        }
        if (CLOSE.has(token.kind)) depth--;
      }
    } catch {
      // Not lexable: the parser will say where, as a syntax error.
      continue;
    }
    remember(text, deepest);
  }
  return undefined;
}

/**
 * The deepest nesting of query texts that passed, so that a client repeating its queries
 * (most do: a few documents, other variables) has each lexed once, not on every request.
 * Bounded: texts up to MAX_REMEMBERED_LENGTH characters, and the whole map starts over when full.
 */
const shallowTexts = new Map<string, number>();
const MAX_REMEMBERED_TEXTS = 500;
const MAX_REMEMBERED_LENGTH = 20_000;

function remember(text: string, deepest: number) {
  if (text.length > MAX_REMEMBERED_LENGTH) return;
  if (shallowTexts.size >= MAX_REMEMBERED_TEXTS) shallowTexts.clear();
  shallowTexts.set(text, deepest);
}
