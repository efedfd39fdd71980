// Ids of entities merged away (corpus-resolution.ts writes them): `node(id:)` of such an
// id answers the entity it was merged into.
import type { DbHandle } from "./client.ts";

/** The id that `id` of a person or organization was merged into, or null. */
export async function redirectOf(h: DbHandle, type: "PERSON" | "ORGANIZATION", id: number): Promise<number | null> {
  const rows = await h.db.$queryRaw<{ to_id: number | bigint }[]>`SELECT to_id FROM entity_redirect WHERE type = ${type} AND from_id = ${id}`;
  return rows[0] ? Number(rows[0].to_id) : null;
}
