import type { EntityType } from "../extract/types.ts";

export type PlaceKind = "COUNTRY" | "REGION" | "CITY" | "OTHER";

export interface Geo {
  kind: PlaceKind;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** ISO 3166-2 code of the first-level region a city lies in or a region is (`US-GA`), when known. */
  regionCode: string | null;
}

/** One canonical entity of an article, with every surface form it had there. */
export interface ResolvedEntity {
  type: EntityType;
  /** Normalized name: unique per type across the corpus; the store upserts on it. */
  key: string;
  /** Canonical display name (the fullest form seen). */
  name: string;
  /** Every surface form seen in this article, including `name`. */
  aliases: string[];
  mentionCount: number;
  firstOffset: number;
  /** Places only, when the gazetteer knows it. */
  geo?: Geo;
  /** Countries only: how often the article names it by demonym (`French officials`); not in mentionCount. */
  demonymCount?: number;
}

export interface ResolvedQuote {
  text: string;
  start: number;
  end: number;
  cue: string | null;
  speakerName: string | null;
  /** The canonical speaker, by type and key of one of the article's entities. */
  speaker: { type: "PERSON" | "ORGANIZATION"; key: string } | null;
}

export interface ResolvedArticle {
  entities: ResolvedEntity[];
  quotes: ResolvedQuote[];
}
