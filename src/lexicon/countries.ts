// Country gazetteer: names, common aliases, ISO alpha-2 codes, centroids and demonyms.
//
// The bulk comes from the `world-countries` npm package (ODbL), loaded lazily on first
// use. If the package is missing the extractor still works, only without country
// knowledge beyond the few aliases below, which news writing uses but the package
// lacks (`U.S.`, `Britain`, `America`).

import { createRequire } from "node:module";
import { memoize } from "../domain/memoize.ts";
import type { Countries } from "world-countries";

export interface CountryInfo {
  /** Common English name, used as the canonical display name. */
  name: string;
  /** ISO 3166-1 alpha-2. */
  code: string;
  latitude: number | null;
  longitude: number | null;
}

/** Aliases the package does not list, keyed by lowercase alias, valued by alpha-2 code. */
const EXTRA_ALIASES: Record<string, string> = {
  "u.s.": "US", "u.s": "US", "u.s.a.": "US", "usa": "US", "us": "US", "america": "US",
  "united states": "US", "united states of america": "US",
  "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
  "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
  "russian federation": "RU", "uae": "AE", "u.a.e.": "AE", "emirates": "AE",
  "dprk": "KP", "korea": "KR", "burma": "MM", "holland": "NL", "the netherlands": "NL",
  "czech republic": "CZ", "ivory coast": "CI", "drc": "CD", "congo": "CG",
  "vatican": "VA", "palestinian territories": "PS", "east timor": "TL", "swaziland": "SZ",
  "turkey": "TR", "republic of turkey": "TR", "macedonia": "MK", "cape verde": "CV", "the gambia": "GM", "the bahamas": "BS",
  bosnia: "BA", zaire: "CD", "south korea": "KR", "north korea": "KP", "czechia": "CZ", "kosovo": "XK",
};

/** English display names where the package's common name differs from news usage. */
const DISPLAY_NAMES: Record<string, string> = { TR: "Turkey" };

/** England/Scotland/Wales are countries in their own right in news usage; keep their own names. */
const OWN_NAMES: Record<string, { name: string; lat: number; lon: number }> = {
  england: { name: "England", lat: 52.5, lon: -1.5 },
  scotland: { name: "Scotland", lat: 56.5, lon: -4.2 },
  wales: { name: "Wales", lat: 52.3, lon: -3.8 },
  "northern ireland": { name: "Northern Ireland", lat: 54.6, lon: -6.7 },
};

/** Demonyms the package lacks, or plural/collective forms that are never entities. */
const EXTRA_DEMONYMS = [
  "american", "americans", "british", "briton", "britons", "english", "scottish", "scots", "welsh",
  "irish", "arab", "arabs", "arabian", "emirati", "kurd", "kurds", "kurdish", "persian",
  "european", "europeans", "african", "africans", "asian", "asians", "latino", "latinos",
  "hispanic", "western", "eastern", "northern", "southern", "soviet", "sunni", "sunnis",
  "shia", "shiite", "shiites", "alawite", "muslim", "muslims", "christian", "christians",
  "jewish", "jews", "catholic", "catholics", "islamic", "islamist", "islamists", "jihadist",
  "jihadists", "republican", "republicans", "democrat", "democrats", "democratic",
  "conservative", "conservatives", "liberal", "liberals", "tory", "tories",
  "palestinians", "israelis", "saudi", "saudis", "yankee", "pakistanis", "afghans",
];

/** Demonyms of the countries news names apart from their package entry (`English` → England). */
const EXTRA_DEMONYM_COUNTRIES: Record<string, string> = {
  american: "united states", americans: "united states", british: "uk", briton: "uk", britons: "uk",
  english: "england", scottish: "scotland", scots: "scotland", welsh: "wales", irish: "ireland",
  emirati: "uae", emiratis: "uae", saudi: "saudi arabia", saudis: "saudi arabia",
  palestinians: "palestine", israelis: "israel", pakistanis: "pakistan", afghans: "afghanistan",
};

interface CountryTables {
  byAlias: Map<string, CountryInfo>;
  demonyms: Set<string>;
  /** Nationality word → its country (`french` → France); collective words (`arabs`) have none. */
  demonymCountry: Map<string, CountryInfo>;
}

let tables: CountryTables | null = null;

function loadPackage(): Countries {
  try {
    const require = createRequire(import.meta.url);
    return require("world-countries") as Countries;
  } catch {
    return [];
  }
}

function build(): CountryTables {
  const byAlias = new Map<string, CountryInfo>();
  const byCode = new Map<string, CountryInfo>();
  const demonyms = new Set<string>(EXTRA_DEMONYMS);
  const demonymCountry = new Map<string, CountryInfo>();
  for (const c of loadPackage()) {
    const info: CountryInfo = {
      name: DISPLAY_NAMES[c.cca2] ?? c.name.common,
      code: c.cca2,
      latitude: c.latlng[0] ?? null,
      longitude: c.latlng[1] ?? null,
    };
    byCode.set(c.cca2, info);
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    for (const n of names) {
      // altSpellings hold the bare codes ("US", "GB") and native-script names; the codes
      // are handled by EXTRA_ALIASES where news uses them, and only Latin names help here.
      if (n.length <= 3 && n === n.toUpperCase()) continue;
      if (!/^[\p{Script=Latin}\s.'’(),-]+$/u.test(n)) continue;
      if (n.includes(",")) continue; // "Korea, Republic of": catalogue order, not prose
      const key = n.toLowerCase();
      if (!byAlias.has(key)) byAlias.set(key, info);
    }
    const eng = c.demonyms["eng"];
    if (eng) {
      for (const d of [eng.m, eng.f]) {
        const lower = d.toLowerCase();
        demonyms.add(lower);
        // Shared demonyms (`French`, `Dutch`) go to the UN member, not its territories.
        const main = c.unMember;
        if (!demonymCountry.has(lower) || main) demonymCountry.set(lower, info);
        // "Syrians", "Russians": the plural is as little an entity as the adjective.
        if (!lower.endsWith("s") && !lower.endsWith("sh") && !lower.endsWith("ese")) {
          demonyms.add(`${lower}s`);
          if (!demonymCountry.has(`${lower}s`) || main) demonymCountry.set(`${lower}s`, info);
        }
      }
    }
  }
  for (const [alias, code] of Object.entries(EXTRA_ALIASES)) {
    const own = OWN_NAMES[alias];
    const base = byCode.get(code);
    if (own) byAlias.set(alias, { name: own.name, code, latitude: own.lat, longitude: own.lon });
    else if (base) byAlias.set(alias, base);
  }
  // A demonym that is also a country name ("Vatican") stays a country.
  for (const alias of byAlias.keys()) demonyms.delete(alias);
  for (const alias of byAlias.keys()) demonymCountry.delete(alias);
  for (const [word, alias] of Object.entries(EXTRA_DEMONYM_COUNTRIES)) {
    const info = byAlias.get(alias);
    if (info) demonymCountry.set(word, info);
  }
  return { byAlias, demonyms, demonymCountry };
}

function getTables(): CountryTables {
  tables ??= build();
  return tables;
}

/** The country named by `name` (any case; `U.S.`, `UK`, `Russian Federation` ...), if any. */
export const lookupCountry = memoize((name: string): CountryInfo | undefined => getTables().byAlias.get(name.trim().replace(/\s+/g, " ").replace(/’/g, "'").toLowerCase()));

/** True for nationality words (`Syrian`, `Russians`, `American`) that name no entity. */
export function isDemonym(word: string): boolean {
  return getTables().demonyms.has(word.toLowerCase());
}

/** The country a nationality word names (`French`, `Russians` → France, Russia), if one. */
export function countryOfDemonym(word: string): CountryInfo | undefined {
  return getTables().demonymCountry.get(word.trim().toLowerCase());
}
