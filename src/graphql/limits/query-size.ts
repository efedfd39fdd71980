// Query text limit: checked on the HTTP request, before Apollo parses anything (a
// plugin hook would run too late to be answered as a client error).
import { LimitError } from "./errors.ts";

/** The query texts of a request: one, or one per operation of a batch, or the GET parameter. */
export function queryTexts(body: unknown, search: string): string[] {
  const texts: string[] = [];
  const fromGet = new URLSearchParams(search).get("query");
  if (fromGet !== null) texts.push(fromGet);
  for (const op of Array.isArray(body) ? body : [body]) {
    const query = (op as { query?: unknown } | null | undefined)?.query;
    if (typeof query === "string") texts.push(query);
  }
  return texts;
}

/** A LimitError when any query text of the request is over `maxBytes`. */
export function checkQuerySize(body: unknown, search: string, maxBytes: number): LimitError | undefined {
  for (const text of queryTexts(body, search)) {
    // Cheap first: a string's UTF-8 size is at least its length in code units.
    if (text.length <= maxBytes / 3) continue;
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > maxBytes) {
      return new LimitError("QUERY_TOO_LARGE", `the query text is ${bytes} bytes; the limit is ${maxBytes} (MAX_QUERY_BYTES)`, {
        limit: maxBytes,
        found: bytes,
        status: 413,
      });
    }
  }
  return undefined;
}
