// Ids of entities merged away (corpus-resolution.ts writes them): `node(id:)` / `nodes(ids:)` of such
// an id answer the entity it was merged into.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";

/** Where each of `ids` was merged into, for those merged away: one statement for all. */
export async function redirectsOf(h: DbHandle, type: "PERSON" | "ORGANIZATION", ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await h.db.$queryRaw<{ from_id: number | bigint; to_id: number | bigint }[]>`
    SELECT from_id, to_id FROM entity_redirect WHERE type = ${type} AND from_id IN (${Prisma.join([...ids])})`;
  return new Map(rows.map((r) => [Number(r.from_id), Number(r.to_id)]));
}
