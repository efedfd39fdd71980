// Places: which real place each place mention of an article names, from what the article says.
//
// Every name is looked up in the gazetteer (src/lexicon: countries, the curated
// cities news means by default, regions.tsv and cities.tsv) as a list of senses: `Georgia`
// is a country and a US state, `Wilmington` five US cities, `Calif.` and `CALIFORNIA`
// California. Each sense has a prior (a country, a curated city or a well-known region
// first, then US states, then cities by population, then other divisions), and the
// article adds evidence, in this order of weight:
//  1. a qualifier right after the name: `Paris, Texas`, `Hollywood, Fla.`, `Paris, France`;
//  2. the state or region of a city named elsewhere in the article (`Wilmington` in an
//     article naming Delaware), for names the curated list does not pin down;
//  3. the other places of the article: other states of the same country (`Georgia` next
//     to Iowa and South Carolina is the US state), places inside a country (`Georgia`
//     next to Tbilisi is the country), a namesake's country being named;
//  4. the words around the name: `Georgia's governor`, `the Georgia primary`, `Gov.`;
//  5. the article's country focus (the country most of its unambiguous places are in);
// and population breaks what is left. A bare `Carolina` or `Dakota` in an article that
// names North or South Carolina is that state. Each choice carries its reason, which
// `npm run places:eval` prints.
//
// Keys: the sense a name has without context keeps the name's plain key (`paris`); any
// other sense gets its own (`paris texas`, `georgia state`), so the store, which upserts
// on the key, keeps it apart across the corpus. Display names come from the gazetteer
// (`TALLAHASSEE` and `Tallahassee` are one node named `Tallahassee`).
//
// A name no gazetteer knows is kept as a place (kind OTHER) only when a place word says
// so (`Mahoning Valley`, `Plaza Hotel`) or a qualifier does (`Osage, Iowa`); otherwise it
// is not a place (`Hypovereinsbank`, `Mondaymorning`, a player in a team list).

import type { Mention } from "../domain/extraction.ts";
import type { Geo, ResolvedEntity } from "../domain/resolved.ts";
import { countryOfDemonym, lookupCountry, type CountryInfo } from "../lexicon/countries.ts";
import {
  cityCandidates,
  geocodeCity,
  hasPlaceWord,
  isUsStateName,
  lookupCity,
  lookupRegion,
  placeAlias,
  regionCandidates,
  stateAbbreviationAt,
  stateDisplayName,
  stateOfAbbreviation,
  usStateName,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  type CityInfo,
  type RegionInfo,
} from "../lexicon/places.ts";
import { normalizeName } from "./normalize.ts";
import { isSportsReport } from "../lexicon/sports.ts";

/** A place mention whose key, display name and geography the text decides. */
export interface PlaceChoice {
  /** "" when the mention is not a place after all. */
  key: string;
  name: string;
  geo: Geo;
  /** The key the mention has without the text's help (`paris` for `paris texas`). */
  baseKey: string;
  /** True when chosen by a qualifier right after the name (`Paris, Texas`). */
  qualified: boolean;
  /** Why this sense (places:eval prints it). */
  reason: string;
}

interface Sense {
  kind: "COUNTRY" | "REGION" | "CITY";
  name: string;
  countryCode: string | null;
  /** ISO 3166-2 suffix of the first-level region it is or lies in (`GA`, `ENG`). */
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  prior: number;
  usState: boolean;
  /** The sense's key when it is not the name's default. */
  ownKey: string;
  ownName: string;
  /** A country sense's key is the country's whatever the name (`U.S.` → `united states`). */
  fixedKey?: string;
  /** A city's population, when the table gives it. */
  population?: number;
}

const PRIOR = { country: 3.2, pinnedCity: 3.0, knownRegion: 3.0, usState: 2.5, division: 1.2 } as const;

/** A city's prior from its population: 5,000 people 1.06, a million 1.71, ten million 2. */
const cityPrior = (population: number | undefined): number => (2 * Math.log10(Math.max(population ?? 5000, 10))) / 7;

let regionNames: Intl.DisplayNames | null = null;

/** A country's display name from its ISO code (`PK` → `Pakistan`), as the gazetteer names it. */
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
  let shown = code;
  try {
    shown = regionNames.of(code) ?? code;
  } catch {
    // Not a valid region code: keep the code.
  }
  const info = lookupCountry(shown);
  return info && info.code === code ? info.name : shown;
}

/** The country's own key (`united states`), the key of its Place node. */
export function countryKey(code: string): string {
  return normalizeName("PLACE", countryName(code));
}

/** The words that name where a namesake is (`Texas` for a US city, else its country). */
function whereName(countryCode: string | null, admin1: string | null): string {
  const state = countryCode === "US" && admin1 ? usStateName(admin1) : undefined;
  return state ?? (countryCode ? countryName(countryCode) : "");
}

/** The name as the gazetteer knows it: `Calif.` → California, `D.C.` → Washington D.C., `the Gulf` → Gulf, `Granite State` → New Hampshire. */
export function lookupName(text: string): string {
  const bare = text.replace(/^the\s+/iu, "").replace(/['’]s$/u, "").trim();
  return stateOfAbbreviation(bare) ?? placeAlias(bare) ?? bare;
}

function countrySense(c: CountryInfo): Sense {
  const key = normalizeName("PLACE", c.name);
  return { kind: "COUNTRY", name: c.name, countryCode: c.code, admin1: null, latitude: c.latitude, longitude: c.longitude, prior: PRIOR.country, usState: false, ownKey: key, ownName: c.name, fixedKey: key };
}

function citySense(c: CityInfo, prior: number, base: string): Sense {
  const where = whereName(c.countryCode, c.admin1 ?? null);
  return {
    kind: "CITY", name: c.name, countryCode: c.countryCode, admin1: c.admin1 ?? null, latitude: c.latitude, longitude: c.longitude, prior, usState: false,
    ownKey: normalizeName("PLACE", `${base} ${where}`), ownName: `${c.name}, ${where}`,
    ...(c.population === undefined ? {} : { population: c.population }),
  };
}

function regionSense(r: RegionInfo, prior: number, base: string): Sense {
  const usState = r.countryCode === "US" && r.admin1 !== null && isUsStateName(r.name.replace(/ State$/u, ""));
  const where = r.countryCode ? countryName(r.countryCode) : "";
  return {
    kind: "REGION", name: r.name, countryCode: r.countryCode, admin1: r.admin1, latitude: r.latitude ?? null, longitude: r.longitude ?? null, prior, usState,
    ownKey: usState ? `${normalizeName("PLACE", base)} state` : normalizeName("PLACE", `${base} ${where}`),
    ownName: usState ? stateDisplayName(r.name.replace(/ State$/u, "")) : `${r.name}, ${where}`,
  };
}

const same = (a: Sense, b: { countryCode: string | null; admin1?: string | null | undefined }): boolean => a.countryCode === b.countryCode && a.admin1 === (b.admin1 ?? null);

const senseCache = new Map<string, Sense[]>();

/** Every sense of a name, the default (highest prior) first. */
export function sensesOf(text: string): Sense[] {
  const name = lookupName(text);
  const cached = senseCache.get(name);
  if (cached) return cached;
  const base = name;
  const out: Sense[] = [];
  const country = lookupCountry(name) ?? lookupCountry(name.replace(/^the\s+/iu, ""));
  if (country) out.push(countrySense(country));
  const pinned = lookupCity(name);
  if (pinned) out.push(citySense(geocodeCity(name) ?? pinned, PRIOR.pinnedCity, base));
  const known = lookupRegion(name) ?? lookupRegion(`${name} state`);
  if (known) {
    const s = regionSense(known, known.countryCode === "US" && known.admin1 ? PRIOR.usState : PRIOR.knownRegion, base);
    // `Washington State`, `Georgia (U.S. state)`: named apart from the city or country the bare name means.
    if (s.usState) s.name = s.ownName = stateDisplayName(known.name.replace(/ State$/u, ""));
    out.push(s);
  }
  // `South`, `Centre`: divisions named by a bare compass word (Cameroon's South) are never what news means.
  for (const r of /^(?:north|south|east|west|centre|center|central|north-east|north-west|south-east|south-west)$/iu.test(name) ? [] : regionCandidates(name)) {
    if (out.some((s) => s.kind !== "CITY" && same(s, r))) continue;
    if (country && r.countryCode === country.code && r.admin1 === null) continue;
    // A venue, landmark or region of the hand-kept list in one country (`Hyde Park`, `Old
    // Trafford`, `Westchester`) is what news means by its name.
    const handKept = r.admin1 === null && r.countryCode !== null && /^(?:venue|landmark|region)$/u.test(r.type ?? "");
    out.push(regionSense(r, handKept ? PRIOR.knownRegion : PRIOR.division, base));
  }
  for (const c of cityCandidates(name)) {
    // The same city twice: the curated row and its table row (one of them without a region), or one region's namesakes close together.
    if (out.some((s) => s.kind === "CITY" && s.countryCode === c.countryCode && (s.admin1 === (c.admin1 ?? null) || ((s.admin1 === null || c.admin1 === undefined) && near(s, c))))) continue;
    out.push(citySense(c, cityPrior(c.population), base));
  }
  out.sort((a, b) => b.prior - a.prior);
  if (senseCache.size > 20_000) senseCache.clear();
  senseCache.set(name, out);
  return out;
}

function near(s: Sense, c: CityInfo): boolean {
  return s.latitude !== null && s.longitude !== null && Math.abs(s.latitude - c.latitude) < 0.5 && Math.abs(s.longitude - c.longitude) < 0.5;
}

/** What a qualifier names: a country (`France`), a state or region (`Texas`, `Fla.`). */
interface Qualifier {
  countryCode: string;
  admin1: string | null;
  text: string;
}

function qualifierAfter(m: Mention, next: Mention | undefined, text: string): Qualifier | undefined {
  // `RHB, Malaysia's third-biggest lender`: an apposition, not a qualifier.
  if (next && /^,\s*$/u.test(text.slice(m.end, next.start)) && !/^['’]s\b/u.test(text.slice(next.end, next.end + 3))) {
    const top = sensesOf(next.text)[0];
    if (top && top.countryCode && top.kind !== "CITY") return { countryCode: top.countryCode, admin1: top.kind === "REGION" ? top.admin1 : null, text: top.name };
  }
  const comma = /^,\s*/u.exec(text.slice(m.end, m.end + 3));
  const state = comma ? stateAbbreviationAt(text.slice(m.end + comma[0].length)) : undefined;
  if (state) return { countryCode: "US", admin1: state.admin1, text: usStateName(state.admin1) ?? state.admin1 };
  return undefined;
}

/** Words around a name that say it is a US state (`Georgia's governor`, `the Georgia primary`, `Gov. ... of Georgia`). */
// `(?![\p{L}\p{N}])` ends the words, not `\b`: after `Rep.` a space follows, where `\b` fails.
const STATE_WORDS_AFTER = /^(?:['’]s)?\s+(?:governor|gov\.|rep\.|sen\.|congressman|congresswoman|legislature|lawmakers|primary|primaries|caucus(?:es)?|delegates|delegation|voters|republicans|democrats|gop|senate|senator|house|attorney general|secretary of state|state|county|counties|national guard|electorate|supreme court)(?![\p{L}\p{N}])/iu;
const STATE_WORDS_BEFORE = /\b(?:gov\.|governor of|state of|sen\.|senator from|rep\.|primary in|caucuses in|counties in|county,)\s+$/iu;
/** Words that say a country: `the Republic of Georgia`, `Georgia's president`, `Georgia's prime minister`. */
const COUNTRY_WORDS_AFTER = /^(?:['’]s)?\s+(?:president|prime minister|parliament|government|army|military|troops|ambassador|embassy|capital|foreign minister|defence|defense ministry)\b/iu;
const COUNTRY_WORDS_BEFORE = /\b(?:republic of|embassy in|invasion of|ambassador to|president of|war in)\s+$/iu;

/** Directions that open a state's name whose bare tail an article may use (`Carolina`, `Dakota`). */
const DIRECTION = /^(?:North|South|East|West)\s+/u;

interface Evidence {
  /** Countries of the article's clear places, with how many names are in each. */
  countries: Map<string, number>;
  /** `US-DE`: regions named (or holding a named city) by clear places. */
  regions: Map<string, Set<string>>;
  /** US-state-like regions named, per country: `US` → {GA, IA}. */
  divisions: Map<string, Set<string>>;
  focus: string | null;
  /** The clear names per country. */
  names: Map<string, Set<string>>;
  /** `GB` when the article is written in British English (`£`, `Mr Straw`, `Labour`, `programme`): a hint of where its places are. */
  locale: string | null;
}

/** British usage: the pound sign, `Mr`/`Mrs` without a full stop, British spellings and institutions. */
const BRITISH_USAGE = /£|\bMrs? \p{Lu}|\b(?:Labour|Tory|Tories|MPs?|Whitehall|NHS|organisation|programme|centre|colour|favour|whilst|council tax)\b/gu;

function britishEnglish(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(BRITISH_USAGE)) if (++n >= 3) return true;
  return false;
}

function gatherEvidence(byName: Map<string, Mention[]>, text: string): Evidence {
  const countries = new Map<string, number>();
  const regions = new Map<string, Set<string>>();
  const divisions = new Map<string, Set<string>>();
  const names = new Map<string, Set<string>>();
  for (const [name, ms] of byName) {
    const senses = sensesOf(name);
    const top = senses[0];
    if (!top || !top.countryCode) continue;
    // Clear: one sense, or a default well ahead of the rest.
    if (senses.length > 1 && top.prior - (senses[1]?.prior ?? 0) < 0.5) continue;
    countries.set(top.countryCode, (countries.get(top.countryCode) ?? 0) + ms.length);
    names.set(top.countryCode, (names.get(top.countryCode) ?? new Set()).add(name));
    if (top.admin1) {
      const id = `${top.countryCode}-${top.admin1}`;
      regions.set(id, (regions.get(id) ?? new Set()).add(name));
      if (top.kind === "REGION") divisions.set(top.countryCode, (divisions.get(top.countryCode) ?? new Set()).add(top.admin1));
    }
  }
  let focus: string | null = null;
  let best = 0;
  for (const [code, n] of [...countries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > best) {
      best = n;
      focus = code;
    }
  }
  return { countries, regions, divisions, focus, names, locale: britishEnglish(text) ? "GB" : null };
}

interface Scored {
  sense: Sense;
  score: number;
  why: string[];
}

function scoreSenses(name: string, senses: Sense[], ms: readonly Mention[], text: string, ev: Evidence, qualifiers: Qualifier[], allNames: Map<string, Mention[]>): Scored[] {
  const pinned = lookupCity(lookupName(name)) !== undefined;
  const ownSense = senses[0];
  // The name's own contribution to the evidence is taken out again.
  const ownCountry = ownSense?.countryCode ?? null;
  const ownAdmin = ownSense?.admin1 ?? null;
  const stateWords = ms.some((m) => STATE_WORDS_AFTER.test(text.slice(m.end, m.end + 40)) || STATE_WORDS_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start)));
  const countryWords = ms.some((m) => COUNTRY_WORDS_AFTER.test(text.slice(m.end, m.end + 40)) || COUNTRY_WORDS_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start)));
  // Against a country sense (`Georgia`), a region or city needs evidence of its own region
  // (sibling states, state words, a qualifier): its country being named is not enough.
  const rivalCountry = senses.some((x) => x.kind === "COUNTRY");
  return senses.map((sense) => {
    let score = sense.prior;
    const why: string[] = [];
    const add = (points: number, reason: string) => {
      score += points;
      why.push(reason);
    };
    for (const q of qualifiers) {
      if (sense.countryCode === q.countryCode && (q.admin1 === null || sense.admin1 === q.admin1 || (sense.kind === "COUNTRY" && false))) add(10, `qualified as in ${q.text}`);
    }
    if (sense.kind !== "COUNTRY" && sense.countryCode) {
      const id = `${sense.countryCode}-${sense.admin1}`;
      const others = [...(ev.regions.get(id) ?? [])].filter((n) => n !== name);
      if (!pinned && senses[0]?.kind === "CITY" && sense.kind === "CITY" && sense.admin1 && others.length > 0) add(3, `its region is named (${others.slice(0, 2).join(", ")})`);
      const countryCount = (ev.countries.get(sense.countryCode) ?? 0) - (ownCountry === sense.countryCode ? ms.length : 0);
      if (countryCount > 0 && !rivalCountry) add(sense.kind === "CITY" ? 0.4 : 0.8, `its country is named (${countryName(sense.countryCode)})`);
      if (sense.kind === "REGION" && sense.admin1) {
        const siblings = [...(ev.divisions.get(sense.countryCode) ?? [])].filter((a) => a !== sense.admin1 && !(ownCountry === sense.countryCode && ownAdmin === a && ownSense?.kind === "REGION"));
        if (siblings.length > 0) add(Math.min(3, 0.6 * siblings.length), `${siblings.length} other region(s) of ${countryName(sense.countryCode)} named`);
      }
      if (sense.usState && stateWords) add(2, "state words around it");
      if (sense.kind === "REGION" && sense.admin1) {
        // `Georgia` beside Atlanta: cities inside the region are named.
        const cities = [...(ev.regions.get(id) ?? [])].filter((n) => n !== name && sensesOf(n)[0]?.kind === "CITY");
        if (cities.length > 0) add(Math.min(3, 1.5 * cities.length), `cities inside it are named (${cities.slice(0, 2).join(", ")})`);
      }
    }
    if (sense.kind === "COUNTRY" && sense.countryCode) {
      let inside = 0;
      for (const [other, oms] of allNames) {
        if (other === name) continue;
        const top = sensesOf(other)[0];
        if (top && top.kind !== "COUNTRY" && top.countryCode === sense.countryCode) inside += oms.length;
      }
      if (inside > 0) add(Math.min(3, 1.5 * inside), `places inside it are named`);
      if (countryWords) add(1, "country words around it");
    }
    if (ev.focus && sense.countryCode === ev.focus && ev.focus !== ownCountry && !(rivalCountry && sense.kind !== "COUNTRY")) add(0.5, `the article's focus is ${countryName(ev.focus)}`);
    // `Norfolk farmer` in a report in British English: the English county, not the Virginian city.
    if (ev.locale && sense.countryCode === ev.locale && sense.kind !== "COUNTRY" && !rivalCountry && !pinned) add(0.4, "the article is written in British English");
    // `Trump told a crowd in Georgia`: a US state against a country namesake, in an article
    // about the United States (at least two other names there) that names nothing inside
    // the country: the state.
    if (rivalCountry && sense.usState && ev.focus === "US" && focusNames(ev, name) >= 2 && !namesInside(senses, name, allNames)) add(1, "the article's focus is the United States and nothing inside the country namesake is named");
    return { sense, score, why };
  });
}

/**
 * How many of the article's clear place names, other than `name`, are in its focus country;
 * 0 unless they outnumber those of all other countries together (a list of countries,
 * `Albania, Cyprus, Georgia, India`, is about no one country).
 */
function focusNames(ev: Evidence, name: string): number {
  if (!ev.focus) return 0;
  const inFocus = [...(ev.names.get(ev.focus) ?? [])].filter((n) => n !== name).length;
  let elsewhere = 0;
  for (const [code, names] of ev.names) if (code !== ev.focus) elsewhere += [...names].filter((n) => n !== name).length;
  return inFocus > elsewhere ? inFocus : 0;
}

/** True when the article names a place inside the country sense of `name` (`Tbilisi` for Georgia). */
function namesInside(senses: readonly Sense[], name: string, allNames: Map<string, Mention[]>): boolean {
  const country = senses.find((x) => x.kind === "COUNTRY");
  if (!country) return false;
  for (const other of allNames.keys()) {
    if (other === name) continue;
    const top = sensesOf(other)[0];
    if (top && top.kind !== "COUNTRY" && top.countryCode === country.countryCode) return true;
  }
  return false;
}

const NO_GEO: Geo = { kind: "OTHER", countryCode: null, latitude: null, longitude: null, regionCode: null };

function geoOf(s: Sense): Geo {
  return { kind: s.kind, countryCode: s.countryCode, latitude: s.latitude, longitude: s.longitude, regionCode: s.countryCode && s.admin1 ? `${s.countryCode}-${s.admin1}` : null };
}


/**
 * Decides, for each place mention of an article, its key, name and geography (key ""
 * when it is not a place). Mentions of one name share their sense, except one qualified
 * right after it (`Paris, Texas`), which the resolver then joins to the bare name.
 */
export function choosePlaces(mentions: readonly Mention[], text: string): Map<Mention, PlaceChoice> {
  const places = mentions.filter((m) => m.type === "PLACE").sort((a, b) => a.start - b.start);
  const byName = new Map<string, Mention[]>();
  for (const m of places) {
    const name = lookupName(m.text);
    byName.set(name, [...(byName.get(name) ?? []), m]);
  }
  const ev = gatherEvidence(byName, text);
  const otherTyped = new Set(mentions.filter((o) => o.type !== "PLACE").map((o) => lookupName(o.text)));
  const out = new Map<Mention, PlaceChoice>();
  const qualifierOf = new Map<Mention, Qualifier>();
  for (let i = 0; i < places.length; i++) {
    // A qualifier follows a city (`Paris, Texas`) or a name no gazetteer knows (`Osage, Iowa`);
    // after a state or country, a comma lists (`Florida, Ohio and Iowa`).
    const top = sensesOf(places[i]!.text)[0];
    if (top && top.kind !== "CITY") continue;
    const q = qualifierAfter(places[i]!, places[i + 1], text);
    if (q) qualifierOf.set(places[i]!, q);
  }
  const sports = isSportsReport(text);
  /** A name the gazetteer does not know here: kept as a place only on the text's word. */
  const asUnknown = (name: string, ms: readonly Mention[], baseKey: string): void => {
    // The same words typed a person or organization elsewhere in the article: not a place here either.
    const otherwise = otherTyped.has(name);
    const located = !otherwise && ms.some((m) => {
      const before = text.slice(Math.max(0, m.start - 14), m.start);
      return LOCATIVE_BEFORE.test(before) || (sports && VENUE_BEFORE.test(before)) || PLACE_NOUN_AFTER.test(text.slice(m.end, m.end + 24));
    });
    for (const m of ms) out.set(m, unknownPlace(m, name, baseKey, qualifierOf.get(m), located, otherwise));
  };
  for (const [written, ms] of byName) {
    const name = compassRegion(written, ms, text, ev) ?? written;
    const baseKey = normalizeName("PLACE", name);
    const county = countyOf(name, ms, text);
    if (county) {
      for (const m of ms) out.set(m, county(baseKey));
      continue;
    }
    const senses = sensesOf(name);
    if (senses.length === 0) {
      asUnknown(name, ms, baseKey);
      continue;
    }
    const tail = tailState(name, senses, byName);
    // The article-level sense (qualifiers of any of its mentions count for all).
    const qualifiers = ms.map((m) => qualifierOf.get(m)).filter((q): q is Qualifier => q !== undefined);
    const scored = scoreSenses(name, senses, ms, text, ev, qualifiers, byName);
    // A curated city's name (`New York`, `Washington`) is the city unless the words at that
    // very mention say the state (`the New York primary`): both may be meant in one article.
    const pinnedCity = senses[0]?.kind === "CITY" && lookupCity(name) !== undefined;
    for (const m of ms) {
      const q = qualifierOf.get(m);
      let best: Scored;
      if (pinnedCity && !q && qualifiers.length === 0) {
        const state = senses.find((x) => x.usState);
        const words = STATE_WORDS_AFTER.test(text.slice(m.end, m.end + 40)) || STATE_WORDS_BEFORE.test(text.slice(Math.max(0, m.start - 25), m.start));
        best = state && words ? { sense: state, score: 0, why: ["state words at this mention"] } : { sense: senses[0]!, score: 0, why: ["the city this name means unless the words at it say the state"] };
      } else if (tail) best = { sense: tail.sense, score: 0, why: [`the bare tail of ${tail.full}, named in the article`] };
      else if (q) best = pick(scoreSenses(name, senses, [m], text, ev, [q], byName));
      else best = pick(scored);
      if (!q && qualifiers.length === 0 && weakForeignTown(best, name, ms, ev, text)) {
        // Only the population table speaks for a town of a country the article does not
        // name (`Pompey's box` in a Chelsea report, `MP for Kensington` beside London):
        // the name is read as one the gazetteer does not know.
        asUnknown(name, ms, baseKey);
        break;
      }
      if (q && !(best.sense.countryCode === q.countryCode && (q.admin1 === null || best.sense.admin1 === q.admin1))) {
        if (q.admin1 && q.countryCode === "US") {
          // `Paris, Kentucky`: a town too small for the table, but the text says where it is.
          out.set(m, { key: normalizeName("PLACE", `${name} ${q.text}`), name: `${name}, ${q.text}`, geo: { ...NO_GEO, kind: "CITY", countryCode: "US", regionCode: `US-${q.admin1}` }, baseKey, qualified: true, reason: `qualified as in ${q.text}, not in the gazetteer` });
          continue;
        }
        if (!q.admin1 && lookupCity(name) === undefined) {
          // `Salinas, Mexico`: no namesake in that country in the table; the text still says the
          // country. (A curated city before a country is a list: `Paris, Brussels, Germany and Italy`.)
          out.set(m, { key: normalizeName("PLACE", `${name} ${q.text}`), name: `${name}, ${q.text}`, geo: { ...NO_GEO, kind: "CITY", countryCode: q.countryCode }, baseKey, qualified: true, reason: `qualified as in ${q.text}, not in the gazetteer` });
          continue;
        }
      }
      const isDefault = best.sense === senses[0];
      const key = best.sense.fixedKey ?? (tail ? tail.key : isDefault ? baseKey : best.sense.ownKey);
      const display = best.sense.fixedKey ? best.sense.name : tail ? tail.sense.name : isDefault ? best.sense.name : best.sense.ownName;
      out.set(m, { key, name: display, geo: geoOf(best.sense), baseKey, qualified: q !== undefined && !isDefault, reason: best.why.length ? best.why.join("; ") : isDefault ? "the default sense (prior)" : "prior" });
    }
  }
  return out;
}

/**
 * True when a town (under 150,000 people) was chosen by its population alone (no
 * qualifier, region or word spoke for it) in a country the article names neither by a
 * place nor by a demonym, while the article's places are in another country.
 */
function weakForeignTown(best: Scored, name: string, ms: readonly Mention[], ev: Evidence, text: string): boolean {
  const s = best.sense;
  if (s.kind !== "CITY" || !s.countryCode || lookupCity(name) !== undefined || best.why.length > 0) return false;
  // A city of its own weight (`San Jose` in a tennis report) stays.
  if ((s.population ?? 0) >= 150_000) return false;
  // The article's places without this name: none in the town's country, some elsewhere.
  const own = ev.names.get(s.countryCode);
  const others = own ? [...own].filter((n) => n !== name).length : 0;
  const elsewhere = [...ev.names].some(([code, names]) => code !== s.countryCode && names.size > 0);
  // `the Norwegian town of Lillehammer`: a demonym names the country too.
  return others === 0 && elsewhere && ms.length > 0 && ![...findDemonyms(text, []).values()].some((d) => d.geo.countryCode === s.countryCode);
}

/**
 * `the South` in an article about the United States (`her run of victories in the South`):
 * the Southern United States. Elsewhere a bare compass word names no one place.
 */
function compassRegion(name: string, ms: readonly Mention[], text: string, ev: Evidence): string | undefined {
  if (name !== "South" || ev.focus !== "US") return undefined;
  return ms.every((m) => /\bthe\s+$/iu.test(text.slice(Math.max(0, m.start - 5), m.start))) ? "Southern United States" : undefined;
}

/** `Iowa's Scott and Polk counties`, `the county of Brevard`: a county, whatever towns share its name. */
const COUNTY_AFTER = /^(?:\s+and\s+\p{Lu}[\p{L}'’-]+)?\s+counties\b/u;
const COUNTY_BEFORE = /\bcounty of\s+$|\p{Lu}[\p{L}'’-]+\s+and\s+$/u;
const STATE_POSSESSIVE = /(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)['’]s\s+(?:\p{Lu}[\p{L}'’-]+\s+and\s+)?$/u;

/** The county a name is in its text, as a choice keyed apart from the towns of that name. */
function countyOf(name: string, ms: readonly Mention[], text: string): ((baseKey: string) => PlaceChoice) | undefined {
  const m = ms.find((x) => COUNTY_AFTER.test(text.slice(x.end, x.end + 40)) || (/\bcounty of\s+$/iu.test(text.slice(Math.max(0, x.start - 12), x.start))));
  if (!m || /\bcount(?:y|ies)$/iu.test(name)) return undefined;
  // `Iowa`, `Georgia`, `Washington`: a state, country or major city named next to counties is itself.
  if (lookupCity(name) || sensesOf(name).some((x) => x.kind === "COUNTRY" || x.usState || (x.kind === "REGION" && x.prior >= PRIOR.knownRegion))) return undefined;
  if (!COUNTY_AFTER.test(text.slice(m.end, m.end + 40)) && !COUNTY_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) return undefined;
  const state = STATE_POSSESSIVE.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1];
  const admin1 = state && isUsStateName(state) ? lookupRegion(state)?.admin1 ?? null : null;
  const display = `${name} County${admin1 && state ? `, ${state}` : ""}`;
  return (baseKey) => ({
    key: normalizeName("PLACE", display),
    name: display,
    geo: { ...NO_GEO, countryCode: admin1 ? "US" : null, regionCode: admin1 ? `US-${admin1}` : null },
    baseKey,
    qualified: false,
    reason: "a county: `counties` or `county of` at the name",
  });
}

function pick(scored: Scored[]): Scored {
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score + 1e-9) best = s;
  return best;
}

/** `Carolina` in an article naming South Carolina: that state (the one named most when both are). */
function tailState(name: string, senses: Sense[], byName: Map<string, Mention[]>): { sense: Sense; key: string; full: string } | undefined {
  if (senses.some((s) => s.kind === "COUNTRY" || s.usState)) return undefined;
  let found: { sense: Sense; key: string; full: string; n: number } | undefined;
  for (const [other, ms] of byName) {
    if (!DIRECTION.test(other) || other.replace(DIRECTION, "") !== name) continue;
    const top = sensesOf(other)[0];
    if (!top || !top.usState) continue;
    if (!found || ms.length > found.n) found = { sense: top, key: normalizeName("PLACE", other), full: other, n: ms.length };
  }
  return found;
}

/** Words before a name that say it is somewhere (`in Tavildara`, `near Arbil`). */
const LOCATIVE_BEFORE = /\b(?:in|near|outside|around)\s+(?:the\s+)?$/u;
/** `at Headingley`: in a sports report, `at` names a venue (elsewhere it names employers: `at Goldman`). */
const VENUE_BEFORE = /\bat\s+(?:the\s+)?$/u;
/** A place noun right after a name (`the Tavildara region`, `Gaydon village`). */
const PLACE_NOUN_AFTER = /^\s+(?:region|area|district|province|valley|town|city|village|county|state|island|border|mountains|airport|port)\b/u;

/** One word that only says what kind of place (`the Mountain`, `the Valley`): a title's word or a common noun, not a name. */
const isGenericPlaceWord = (name: string): boolean => !/\s/u.test(name) && (PLACE_SUFFIXES.has(name.toLowerCase()) || PLACE_PREFIXES.has(name.toLowerCase()));

function unknownPlace(m: Mention, name: string, baseKey: string, q: Qualifier | undefined, located: boolean, otherwiseTyped: boolean): PlaceChoice {
  if (isGenericPlaceWord(name)) return { key: "", name: m.text, geo: { ...NO_GEO }, baseKey, qualified: false, reason: "not a place: a bare place word (`Mountain`)" };
  if (q) {
    const geo: Geo = { ...NO_GEO, kind: q.admin1 ? "CITY" : "OTHER", countryCode: q.countryCode, regionCode: q.admin1 ? `${q.countryCode}-${q.admin1}` : null };
    return { key: normalizeName("PLACE", `${name} ${q.text}`), name: `${name}, ${q.text}`, geo, baseKey, qualified: true, reason: `qualified as in ${q.text}, not in the gazetteer` };
  }
  if (hasPlaceWord(name) && !otherwiseTyped) return { key: baseKey, name: m.text, geo: { ...NO_GEO }, baseKey, qualified: false, reason: "not in the gazetteer; a place word says it is a place" };
  // An initialism no gazetteer knows (`M.I.T.`, `W.T.O.`, `MMORPGs`) is an organization's or a thing's name, wherever it is.
  if (located && !/^(?:\p{Lu}\.?){2,}s?$/u.test(name)) return { key: baseKey, name: m.text, geo: { ...NO_GEO }, baseKey, qualified: false, reason: "not in the gazetteer; a locative word (`in`, `near`) before it" };
  return { key: "", name: m.text, geo: { ...NO_GEO }, baseKey, qualified: false, reason: "not a place: no gazetteer entry, qualifier, place word or locative word" };
}

/** The geography of a place name without context (the default sense), else OTHER. */
export function placeGeo(name: string): Geo {
  const top = sensesOf(name)[0];
  return top ? geoOf(top) : { ...NO_GEO };
}

/** The senses the gazetteer has for a name (`Georgia`: the country GE and the US state GA), for places:eval. */
export function ambiguousPlaceSenses(name: string): string[] {
  return sensesOf(name).map((s) => `${s.kind.toLowerCase()} ${s.countryCode ?? "-"}${s.admin1 ? `-${s.admin1}` : ""} ${s.name} (prior ${s.prior.toFixed(2)})`);
}

/** Each place mention's key and why it got it, for places:eval. */
export function explainPlaceChoices(mentions: readonly Mention[], text: string): { key: string; reason: string }[] {
  return [...choosePlaces(mentions, text).values()].map((c) => ({ key: c.key, reason: c.reason }));
}

/** A capitalised word (`French`, `Russians`, `Saudi`), the shape a demonym has in running text. */
const CAPITALISED_WORD = /\b(?:(?:North|South|East|West|New|Latin|Middle)\s+)?\p{Lu}\p{Ll}+\b/gu;

/**
 * The countries an article names by demonym outside its entity mentions (`French
 * officials`, `Russian air cover`), with how often and where first. A demonym inside a
 * mention (`French Open`, `Russian Foreign Ministry`) belongs to that mention.
 */
export function findDemonyms(text: string, mentions: readonly Mention[]): Map<string, { name: string; count: number; firstOffset: number; geo: Geo }> {
  const spans = [...mentions].sort((a, b) => a.start - b.start);
  const out = new Map<string, { name: string; count: number; firstOffset: number; geo: Geo }>();
  let s = 0;
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    const start = m.index;
    while (s < spans.length && spans[s]!.end <= start) s++;
    if (s < spans.length && spans[s]!.start <= start) continue;
    const place = placeOfDemonym(m[0]) ?? placeOfDemonym(m[0].replace(/^\S+\s+/u, ""));
    if (!place) continue;
    const key = normalizeName("PLACE", place);
    const top = sensesOf(place)[0];
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { name: top?.name ?? place, count: 1, firstOffset: start, geo: placeGeo(place) });
  }
  return out;
}

/** Demonyms of continents, regions and peoples the country table lacks (`European`, `Kurdish`). */
const DEMONYM_PLACES: Record<string, string> = {
  european: "Europe", europeans: "Europe", african: "Africa", africans: "Africa", asian: "Asia", asians: "Asia",
  "latin american": "Latin America", "middle eastern": "Middle East", "south korean": "South Korea", "south koreans": "South Korea",
  "north korean": "North Korea", "north koreans": "North Korea", "south african": "South Africa", "south africans": "South Africa",
  "new zealander": "New Zealand", "new zealanders": "New Zealand", kurdish: "Kurdistan", kurds: "Kurdistan", chechen: "Chechnya", chechens: "Chechnya",
  bosnian: "Bosnia and Herzegovina", bosnians: "Bosnia and Herzegovina", serb: "Serbia", serbs: "Serbia", serbian: "Serbia",
  croat: "Croatia", croats: "Croatia", tajik: "Tajikistan", tajiks: "Tajikistan", philippine: "Philippines", filipino: "Philippines",
  yugoslav: "Yugoslavia", soviet: "Soviet Union", palestinian: "Palestine", catalan: "Catalonia", basque: "Basque Country",
  scandinavian: "Scandinavia", caribbean: "Caribbean", balkan: "Balkans", arctic: "Arctic",
};

/** The place a demonym names: a country (`French` → France), a continent or region (`European` → Europe). */
export function placeOfDemonym(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/\s+/gu, " ");
  return DEMONYM_PLACES[lower] ?? countryOfDemonym(lower)?.name;
}

/**
 * Adds the article's demonyms to its place entities: `demonymCount` on the country's
 * entity, or a country entity of its own with no mention (mentionCount 0) when the
 * article names it by demonym only. The store keeps them apart from mentions.
 */
export function attachDemonyms(entities: ResolvedEntity[], mentions: readonly Mention[], text: string): void {
  for (const [key, d] of findDemonyms(text, mentions)) {
    const entity = entities.find((e) => e.type === "PLACE" && e.key === key);
    if (entity) {
      entity.demonymCount = d.count;
      continue;
    }
    entities.push({ type: "PLACE", key, name: d.name, aliases: [d.name], mentionCount: 0, firstOffset: d.firstOffset, geo: d.geo, demonymCount: d.count });
  }
}
