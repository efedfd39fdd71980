// Places: geocoding and the choice between same-named places, from what the article says.
//
//  - `Washington` is the city (Washington, D.C.); `Washington state`, `Washington State`
//    and `the state of Washington` are the state (key `washington state`).
//  - `Paris, Texas` / `Hyderabad, Pakistan`: a country or US state right after a city's
//    name (after a comma) picks the namesake there.
//  - A name the curated gazetteer does not pin down (`Hyderabad`) goes to a namesake in a
//    US state or a country the article mentions, else to the most populous one.
// A place that is not the default namesake gets its own key (`paris texas`), so the
// store, which upserts on the key, keeps it apart from the default (`paris`) across
// the corpus.

import type { Mention } from "../extract/types.ts";
import type { Geo } from "./types.ts";
import { lookupCountry } from "../extract/lexicon/countries.ts";
import { cityCandidates, geocodeCity, isUsStateName, stateAbbreviationAt, usStateName, lookupCity, lookupRegion, type CityContext, type CityInfo } from "../extract/lexicon/places.ts";
import { normalizeName } from "./normalize.ts";

/** A place mention whose key, display name and geography the text decides. */
export interface PlaceChoice {
  key: string;
  name: string;
  geo: Geo;
  /** The key the mention has without the text's help (`paris` for `paris texas`). */
  baseKey: string;
  /** True when chosen by a qualifier right after the name (`Paris, Texas`). */
  qualified: boolean;
}

const NO_GEO: Geo = { kind: "OTHER", countryCode: null, latitude: null, longitude: null };

function cityGeo(city: CityInfo): Geo {
  return { kind: "CITY", countryCode: city.countryCode, latitude: city.latitude, longitude: city.longitude };
}

/**
 * The geography of a place name without context: a country, else a curated city, else a
 * region or US state, else the most populous city of that name, else OTHER.
 */
export function placeGeo(name: string): Geo {
  const country = lookupCountry(name);
  if (country) {
    return { kind: "COUNTRY", countryCode: country.code, latitude: country.latitude, longitude: country.longitude };
  }
  const curated = lookupCity(name);
  if (curated) return cityGeo(geocodeCity(name) ?? curated);
  const region = lookupRegion(name);
  if (region) return { kind: "REGION", countryCode: region.countryCode, latitude: null, longitude: null };
  const city = geocodeCity(name);
  if (city) return cityGeo(city);
  return { ...NO_GEO };
}

/**
 * `Washington state`, `Washington State`, `the state of Washington`: only for a state
 * whose bare name is a city (`Washington`, `New York`); `Ohio State` stays Ohio.
 */
function isStateMarked(m: Mention, text: string): boolean {
  if (!isUsStateName(m.text) || !lookupCity(m.text)) return false;
  return /^\s+state\b/iu.test(text.slice(m.end, m.end + 8)) || /\bstate\s+of\s+$/iu.test(text.slice(Math.max(0, m.start - 12), m.start));
}

function sameCity(a: CityInfo | undefined, b: CityInfo | undefined): boolean {
  return a?.countryCode === b?.countryCode && a?.admin1 === b?.admin1 && a?.name === b?.name;
}

/** The words that name where a namesake is (`Texas` for a US city, else its country). */
function whereName(city: CityInfo): string {
  const state = city.countryCode === "US" && city.admin1 ? usStateName(city.admin1) : undefined;
  return state ?? countryName(city.countryCode);
}

let regionNames: Intl.DisplayNames | null = null;

/** A country's display name from its ISO code (`PK` → `Pakistan`), as the gazetteer names it. */
function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
  const shown = regionNames.of(code) ?? code;
  const info = lookupCountry(shown);
  return info && info.code === code ? info.name : shown;
}

/** What a qualifier mention names: a country (`France`) or a coded region (`Texas`). */
function qualifierOf(q: Mention): CityContext["qualifier"] | undefined {
  const country = lookupCountry(q.text);
  if (country) return { countryCode: country.code };
  const region = lookupRegion(q.text);
  if (region?.countryCode) return region.admin1 ? { countryCode: region.countryCode, admin1: region.admin1 } : { countryCode: region.countryCode };
  return undefined;
}

/**
 * Decides, for each place mention of an article whose place the text changes, its key,
 * name and geography. Mentions absent from the result keep the default (their key from
 * normalizeName and placeGeo of their name).
 */
export function choosePlaces(mentions: readonly Mention[], text: string): Map<Mention, PlaceChoice> {
  const places = mentions.filter((m) => m.type === "PLACE").sort((a, b) => a.start - b.start);
  const countries = new Set<string>();
  const stateMarked = new Set<Mention>();
  for (const m of places) {
    const country = lookupCountry(m.text);
    if (country) countries.add(country.code);
    if (isStateMarked(m, text)) stateMarked.add(m);
  }
  const out = new Map<Mention, PlaceChoice>();
  for (let i = 0; i < places.length; i++) {
    const m = places[i] as Mention;
    const baseKey = normalizeName("PLACE", m.text);
    if (stateMarked.has(m)) {
      const region = lookupRegion(`${m.text} state`);
      if (region) {
        out.set(m, {
          key: `${baseKey} state`,
          name: region.name,
          geo: { kind: "REGION", countryCode: region.countryCode, latitude: null, longitude: null },
          baseKey,
          qualified: false,
        });
      }
      continue;
    }
    if (lookupCountry(m.text) || (!lookupCity(m.text) && lookupRegion(m.text))) continue;
    const fallback = geocodeCity(m.text);
    if (!fallback) continue;
    // `Paris, Texas` / `Paris, France` (a place mention after a comma), `Hollywood, Fla.`
    const next = places[i + 1];
    let qualifier = next && /^,\s*$/u.test(text.slice(m.end, next.start)) ? qualifierOf(next) : undefined;
    let where = qualifier && next ? next.text : undefined;
    const abbreviation = qualifier ? undefined : /^,\s*/u.exec(text.slice(m.end, m.end + 3));
    const state = abbreviation ? stateAbbreviationAt(text.slice(m.end + abbreviation[0].length)) : undefined;
    if (state) {
      qualifier = { countryCode: "US", admin1: state.admin1 };
      where = usStateName(state.admin1);
    }
    const city = qualifier ? geocodeCity(m.text, { qualifier }) : geocodeCity(m.text, { countries });
    const stated = qualifier?.admin1;
    if (stated && where && (city?.countryCode !== "US" || city.admin1 !== stated) && !(fallback.countryCode === "US" && fallback.admin1 === stated)) {
      // `Paris, Kentucky`: a town too small for the table, but the text says where it is.
      // (Only for a state: `Brussels, Germany and Italy` is a list, not a qualifier.)
      const geo: Geo = { kind: "CITY", countryCode: "US", latitude: null, longitude: null };
      out.set(m, { key: normalizeName("PLACE", `${m.text} ${where}`), name: `${m.text}, ${where}`, geo, baseKey, qualified: true });
      continue;
    }
    if (!city || sameCity(city, fallback)) continue;
    where ??= whereName(city);
    out.set(m, {
      key: normalizeName("PLACE", `${m.text} ${where}`),
      name: `${m.text}, ${where}`,
      geo: cityGeo(city),
      baseKey,
      qualified: qualifier !== undefined,
    });
  }
  return out;
}

/** The senses the gazetteer has for a name (`Georgia`: the country GE and the US state GA), for places:eval. */
export function ambiguousPlaceSenses(name: string): string[] {
  const senses: string[] = [];
  const country = lookupCountry(name);
  if (country) senses.push(`country ${country.code}`);
  const region = lookupRegion(name) ?? (isUsStateName(name) ? lookupRegion(`${name} state`) : undefined);
  if (region) senses.push(`region ${region.countryCode ?? "-"}${region.admin1 ? `-${region.admin1}` : ""}`);
  for (const c of cityCandidates(name)) senses.push(`city ${c.countryCode}${c.admin1 ? `-${c.admin1}` : ""} pop ${c.population ?? "?"}`);
  return senses;
}

/** Each place mention's key and why it got it, for places:eval. */
export function explainPlaceChoices(mentions: readonly Mention[], text: string): { key: string; reason: string }[] {
  const choices = choosePlaces(mentions, text);
  return mentions
    .filter((m) => m.type === "PLACE")
    .map((m) => {
      const c = choices.get(m);
      if (c) return { key: c.key, reason: c.qualified ? "qualifier after the name" : "namesake in a country the article names" };
      return { key: normalizeName("PLACE", m.text), reason: "default sense of the name" };
    });
}
