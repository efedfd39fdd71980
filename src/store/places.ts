// Geography reads: places by key and by region (Place.country, Place.containedIn), the
// conditions of `places(filter: {near, countryCode, kind})`, and what "a place and its
// sub-places" means for `articles(filter: {placeId, includeSubplaces})`.
import { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";

/** Kilometres per degree of latitude (and of longitude at the equator): 6,371 km × π / 180. */
const KM_PER_DEGREE = 111.195;

export interface Near {
  latitude: number;
  longitude: number;
  km: number;
}

export type PlaceKindName = "COUNTRY" | "REGION" | "CITY" | "OTHER";

export interface PlaceGeoFilter {
  near?: Near | null;
  countryCode?: string | null;
  kind?: PlaceKindName | null;
}

export const hasGeoFilter = (f: PlaceGeoFilter): boolean => f.near != null || f.countryCode != null || f.kind != null;

/**
 * Conditions on the place `t`. `near`: within `km` of the point, by the equirectangular
 * distance (longitude degrees shrunk by the cosine of the point's latitude; within 1% of
 * the great-circle distance up to about 1,000 km), across the antimeridian too; a
 * bounding box on latitude first, which the (latitude, longitude) index serves.
 */
export function placeGeoSql(f: PlaceGeoFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.countryCode != null) where.push(Prisma.sql`t.country_code = ${f.countryCode.toUpperCase()}`);
  if (f.kind != null) where.push(Prisma.sql`CAST(t.kind AS TEXT) = ${f.kind}`);
  if (f.near != null) {
    const { latitude, longitude, km } = f.near;
    const degrees = km / KM_PER_DEGREE;
    const shrink = Math.max(Math.cos((latitude * Math.PI) / 180), 1e-6);
    const r2 = degrees * degrees;
    // Params typed by their use: PostgreSQL infers float8 from the columns.
    where.push(Prisma.sql`t.latitude BETWEEN ${latitude - degrees} AND ${latitude + degrees}`);
    where.push(Prisma.sql`(
      (t.latitude - ${latitude}) * (t.latitude - ${latitude}) + (ABS(t.longitude - ${longitude}) * ${shrink}) * (ABS(t.longitude - ${longitude}) * ${shrink}) <= ${r2}
      OR (t.latitude - ${latitude}) * (t.latitude - ${latitude}) + ((360 - ABS(t.longitude - ${longitude})) * ${shrink}) * ((360 - ABS(t.longitude - ${longitude})) * ${shrink}) <= ${r2})`);
  }
  return where;
}

/** Places by key (a country's Place from its code's key), one statement. */
export const placesByKey = (h: DbHandle, keys: readonly string[]) => h.db.place.findMany({ where: { key: { in: [...keys] } } });

/** REGION places by ISO 3166-2 code, most mentioned first, one statement. */
export const regionsByCode = (h: DbHandle, codes: readonly string[]) =>
  h.db.place.findMany({ where: { regionCode: { in: [...codes] }, kind: "REGION" }, orderBy: [{ mentionCount: "desc" }, { id: "asc" }] });

/**
 * Which places count as "the place and its sub-places": a country's are the places with
 * its country code; a region's, the places with its ISO 3166-2 code; anything else (a
 * city, a continent, a place without codes) is only itself.
 */
export interface PlaceScope {
  id: number;
  countryCode: string | null;
  regionCode: string | null;
}

export async function placeScope(h: DbHandle, placeId: number, includeSubplaces: boolean): Promise<PlaceScope> {
  if (!includeSubplaces) return { id: placeId, countryCode: null, regionCode: null };
  const place = await h.db.place.findUnique({ where: { id: placeId }, select: { kind: true, countryCode: true, regionCode: true } });
  if (place?.kind === "COUNTRY" && place.countryCode) return { id: placeId, countryCode: place.countryCode, regionCode: null };
  if (place?.kind === "REGION" && place.regionCode) return { id: placeId, countryCode: null, regionCode: place.regionCode };
  return { id: placeId, countryCode: null, regionCode: null };
}

/** The scope as a Prisma condition on a place. */
export function scopeWhere(s: PlaceScope): Prisma.PlaceWhereInput {
  if (s.countryCode) return { OR: [{ id: s.id }, { countryCode: s.countryCode }] };
  if (s.regionCode) return { OR: [{ id: s.id }, { regionCode: s.regionCode }] };
  return { id: s.id };
}

/** The scope as SQL on the place `p`. */
export function scopeSql(s: PlaceScope): Prisma.Sql {
  if (s.countryCode) return Prisma.sql`(p.id = ${s.id} OR p.country_code = ${s.countryCode})`;
  if (s.regionCode) return Prisma.sql`(p.id = ${s.id} OR p.region_code = ${s.regionCode})`;
  return Prisma.sql`p.id = ${s.id}`;
}
