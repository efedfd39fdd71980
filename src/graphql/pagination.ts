// Relay connection arguments: validation, opaque cursors and page info.
// Top-level lists page by keyset (the cursor holds a row id); nested lists page by
// position within their parent (the cursor holds an offset). Every cursor also names its list.
import { badInput } from "./errors.ts";
import { MAX_ROW_ID } from "../store/ranges.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TEdge> {
  edges: TEdge[];
  pageInfo: PageInfo;
  /** Counted only when asked for. */
  totalCount: () => Promise<number> | number;
}

function pageSize(value: number | null | undefined, name: "first" | "last"): number {
  if (value == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 0) throw badInput(`${name} must be a non-negative integer, got ${value}`, name);
  if (value > MAX_PAGE_SIZE) throw badInput(`${name} may not exceed ${MAX_PAGE_SIZE}, got ${value}`, name);
  return value;
}

/**
 * A cursor names its list (`articles`, `person.quotes`, ...) as well as its position, so
 * that a cursor of one list given to another is an error instead of a silently wrong
 * page (a people cursor on `places` would otherwise name some place's id).
 */
function encodeCursor(list: string, kind: "id" | "offset", value: number): string {
  return Buffer.from(`${list}|${kind}:${value}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string, list: string, kind: "id" | "offset", field: string): number {
  const match = /^([a-z.]{1,40})\|(id|offset):(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  // A row id, or a position in a list of such rows: never past the id column's range.
  if (!match || Number(match[3]) > MAX_ROW_ID || encodeCursor(match[1]!, match[2] as "id" | "offset", Number(match[3])) !== cursor) {
    // Quoted up to the length of the longest cursor this server writes.
    throw badInput(`${field}: "${cursor.slice(0, 64)}" is not a valid cursor`, field);
  }
  if (match[1] !== list || match[2] !== kind) throw badInput(`${field}: a cursor of \`${match[1]}\` cannot page \`${list}\`; pass a cursor this list gave`, field);
  return Number(match[3]);
}

// ---- keyset pages (top-level lists)

export interface KeysetWindow {
  list: string;
  take: number;
  cursorId?: number;
  backward: boolean;
}

/** `list` names the list in its cursors (the Query field: `articles`, `people`, ...). */
export function keysetWindow(args: ConnectionArgs, list: string): KeysetWindow {
  if (args.first != null && args.last != null) throw badInput("pass either first or last, not both", "last");
  if (args.after != null && args.before != null) throw badInput("pass either after or before, not both", "before");
  if (args.last != null || args.before != null) {
    const take = pageSize(args.last, "last");
    return { list, take, backward: true, ...(args.before != null ? { cursorId: decodeCursor(args.before, list, "id", "before") } : {}) };
  }
  const take = pageSize(args.first, "first");
  return { list, take, backward: false, ...(args.after != null ? { cursorId: decodeCursor(args.after, list, "id", "after") } : {}) };
}

export function keysetConnection<TRow extends { id: number }>(
  page: { rows: TRow[]; hasMore: boolean },
  window: KeysetWindow,
  totalCount: () => Promise<number>,
): Connection<Edge<TRow>> {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(window.list, "id", node.id), node }));
  const hasCursor = window.cursorId !== undefined;
  return {
    edges,
    pageInfo: {
      // Going forward from a cursor, the cursor's own row lies behind us (and vice versa).
      hasNextPage: window.backward ? hasCursor : page.hasMore,
      hasPreviousPage: window.backward ? page.hasMore : hasCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

// ---- offset pages (nested lists)

export interface OffsetWindow {
  /** The list's name in its cursors (an EdgeKind: `article.people`, ...). */
  list: string;
  offset: number;
  limit: number;
  /** `last` without `before`: the list's last `limit` items (the offset follows from the total). */
  fromEnd: boolean;
}

export function offsetWindow(args: ConnectionArgs, list: string): OffsetWindow {
  if (args.first != null && args.last != null) throw badInput("pass either first or last, not both", "last");
  if (args.after != null && args.before != null) throw badInput("pass either after or before, not both", "before");
  if (args.last != null || args.before != null) {
    const limit = pageSize(args.last, "last");
    if (args.before == null) return { list, offset: 0, limit, fromEnd: true };
    // The `limit` items just before the cursor's position.
    const end = decodeCursor(args.before, list, "offset", "before");
    return { list, offset: Math.max(0, end - limit), limit: Math.min(limit, end), fromEnd: false };
  }
  const limit = pageSize(args.first, "first");
  const offset = args.after != null ? decodeCursor(args.after, list, "offset", "after") + 1 : 0;
  return { list, offset, limit, fromEnd: false };
}

/** The window's first position, once the list's total is known. */
export const windowStart = (window: OffsetWindow, total: number) => (window.fromEnd ? Math.max(0, total - window.limit) : window.offset);

export function offsetConnection<TEdge extends object>(
  items: TEdge[],
  window: OffsetWindow,
  total: number,
): Connection<TEdge & { cursor: string }> {
  const start = windowStart(window, total);
  const edges = items.map((item, i) => ({ ...item, cursor: encodeCursor(window.list, "offset", start + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + items.length < total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => total,
  };
}
