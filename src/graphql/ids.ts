// Relay global ids: base64 of `Type:rowId`, so node(id) can find any object.
import { badInput } from "./errors.ts";
import { MAX_ROW_ID } from "../store/ranges.ts";

export const NODE_TYPES = ["Article", "Person", "Organization", "Place", "Quote", "Publisher"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeType, id: number): string {
  // `Type:digits` is ASCII, which btoa encodes as Buffer's base64 would, at half its cost
  // (no Buffer per id: an article page writes about forty ids).
  return btoa(`${type}:${id}`);
}

export interface GlobalId {
  type: NodeType;
  id: number;
}

export function fromGlobalId(globalId: string, field = "id"): GlobalId {
  const decoded = Buffer.from(globalId, "base64").toString("utf8");
  const match = /^([A-Za-z]+):(\d{1,15})$/.exec(decoded);
  const type = match?.[1] as NodeType | undefined;
  // Past the column's range no row can exist: not an id this server gave out.
  if (!match || !type || !NODE_TYPES.includes(type) || Number(match[2]) > MAX_ROW_ID || toGlobalId(type, Number(match[2])) !== globalId) {
    throw badInput(`${field}: "${truncate(globalId)}" is not a valid id`, field);
  }
  return { type, id: Number(match[2]) };
}

/** Decodes an id that must be of one of `types` (a filter's personId must name a Person). */
export function idOfType<T extends NodeType>(globalId: string, types: readonly T[], field: string): GlobalId & { type: T } {
  const parsed = fromGlobalId(globalId, field);
  if (!(types as readonly NodeType[]).includes(parsed.type)) {
    throw badInput(`${field}: expected the id of ${types.map(withArticle).join(" or ")}, got the id of ${withArticle(parsed.type)}`, field);
  }
  return parsed as GlobalId & { type: T };
}

/** "a Person", "an Article", "an Organization". */
const withArticle = (type: string) => `${/^[AEIOU]/.test(type) ? "an" : "a"} ${type}`;

const truncate = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
