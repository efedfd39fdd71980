// Rows by primary key, many at once: what the per-request loaders batch into.
import type { DbHandle } from "./client.ts";

export const articlesById = (h: DbHandle, ids: readonly number[]) => h.db.article.findMany({ where: { id: { in: [...ids] } } });
export const peopleById = (h: DbHandle, ids: readonly number[]) => h.db.person.findMany({ where: { id: { in: [...ids] } } });
export const organizationsById = (h: DbHandle, ids: readonly number[]) => h.db.organization.findMany({ where: { id: { in: [...ids] } } });
export const placesById = (h: DbHandle, ids: readonly number[]) => h.db.place.findMany({ where: { id: { in: [...ids] } } });
export const quotesById = (h: DbHandle, ids: readonly number[]) => h.db.quote.findMany({ where: { id: { in: [...ids] } } });

export type AliasRow = { ownerId: number; alias: string };

/** Aliases of many entities of one type, in one statement. */
export async function aliasesOf(h: DbHandle, type: "PERSON" | "ORGANIZATION" | "PLACE", ids: readonly number[]): Promise<AliasRow[]> {
  const where = { in: [...ids] };
  switch (type) {
    case "PERSON":
      return (await h.db.personAlias.findMany({ where: { personId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.personId, alias: r.alias }));
    case "ORGANIZATION":
      return (await h.db.organizationAlias.findMany({ where: { organizationId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.organizationId, alias: r.alias }));
    case "PLACE":
      return (await h.db.placeAlias.findMany({ where: { placeId: where }, orderBy: { alias: "asc" } })).map((r) => ({ ownerId: r.placeId, alias: r.alias }));
  }
}
