import type { EntityType } from "./entity-types.ts";

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
  /** People and organizations: what corpus resolution (./corpus.ts) decides from. */
  evidence?: Evidence;
  /** Countries only: how often the article names it by demonym (`French officials`); not in mentionCount. */
  demonymCount?: number;
}

/**
 * An article's local cluster of one person or organization as corpus resolution sees it;
 * stored with the article, so that the corpus entities are a function of it alone.
 */
export interface Evidence {
  /** Every surface form with its count in the article. */
  forms: Record<string, number>;
  /** A one-word name (`Obama`, `Hillary`, `NBA`, a table's `CHICAGO`) that corpus resolution may join to a full name. */
  partial: boolean;
  /** People: the normalized surname (`kilroy silk`), or a suffixed name's plain key (`joseph biden` for `Joseph R. Biden Jr.`); organizations: the place a club is named by (`chicago`), else null. */
  surname: string | null;
  /** People with a full name: the normalized given name (`william` for `Bill`). */
  given: string | null;
  /** People: from honorifics (`Mr`, `Mrs`), else a full name's given name. */
  gender: "m" | "f" | null;
  /** Organizations: the acronym the article states for the full name (`nba`), or the acronym a one-word name is. */
  acronym: string | null;
  /** People: the offices the article names them with (`president`, `vice president`), sorted; organizations: none. */
  roles: string[];
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

/** One mention in the text and the entity of the article it belongs to (by type and key). */
export interface ResolvedMention {
  type: EntityType;
  /** The key of its entity in `entities`: for people and organizations the article's cluster key. */
  key: string;
  /** `text.slice(start, end)` is the mention as written. */
  start: number;
  end: number;
}

export interface ResolvedArticle {
  entities: ResolvedEntity[];
  quotes: ResolvedQuote[];
  /** Every mention of `entities`, by start (demonyms are not mentions). */
  mentions: ResolvedMention[];
}
