// Relay connection arguments: validation, opaque cursors and page info.
// Top-level lists page by keyset (the cursor holds a row id); nested lists page by
// position within their parent (the cursor holds an offset).
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

function encodeCursor(kind: "id" | "offset", value: number): string {
  return Buffer.from(`${kind}:${value}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string, kind: "id" | "offset", field: string): number {
  const match = /^(id|offset):(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  // A row id, or a position in a list of such rows: never past the id column's range.
  if (!match || match[1] !== kind || Number(match[2]) > MAX_ROW_ID || encodeCursor(kind, Number(match[2])) !== cursor) {
    throw badInput(`${field}: "${cursor.slice(0, 40)}" is not a valid cursor for this list`, field);
  }
  return Number(match[2]);
}

// ---- keyset pages (top-level lists)

export interface KeysetWindow {
  take: number;
  cursorId?: number;
  backward: boolean;
}

export function keysetWindow(args: ConnectionArgs): KeysetWindow {
  if (args.first != null && args.last != null) throw badInput("pass either first or last, not both", "last");
  if (args.after != null && args.before != null) throw badInput("pass either after or before, not both", "before");
  if (args.last != null || args.before != null) {
    const take = pageSize(args.last, "last");
    return { take, backward: true, ...(args.before != null ? { cursorId: decodeCursor(args.before, "id", "before") } : {}) };
  }
  const take = pageSize(args.first, "first");
  return { take, backward: false, ...(args.after != null ? { cursorId: decodeCursor(args.after, "id", "after") } : {}) };
}

export function keysetConnection<TRow extends { id: number }>(
  page: { rows: TRow[]; hasMore: boolean },
  window: KeysetWindow,
  totalCount: () => Promise<number>,
): Connection<Edge<TRow>> {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor("id", node.id), node }));
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
  offset: number;
  limit: number;
}

export function offsetWindow(args: Pick<ConnectionArgs, "first" | "after">): OffsetWindow {
  const limit = pageSize(args.first, "first");
  const offset = args.after != null ? decodeCursor(args.after, "offset", "after") + 1 : 0;
  return { offset, limit };
}

export function offsetConnection<TEdge extends object>(
  items: TEdge[],
  window: OffsetWindow,
  total: number,
): Connection<TEdge & { cursor: string }> {
  const edges = items.map((item, i) => ({ ...item, cursor: encodeCursor("offset", window.offset + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.offset + items.length < total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => total,
  };
}
