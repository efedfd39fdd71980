// Within-article entity resolution: groups an extraction's mentions into canonical
// entities and points each quote at its speaker's entity. Pure.
//
// Grouping is by normalized key (normalize.ts), then a few conservative merges that
// are only safe inside one article:
//  - a bare surname joins the one full name in the article that ends with it
//    (`Lavrov` → `Sergey Lavrov`); with two candidates (`Bill`/`Hillary Clinton`) it
//    stays on its own;
//  - full names with the same first and last word join (`Hillary Rodham Clinton`);
//  - an organization's last word or acronym joins its full name (`Post`, `SEC`);
//  - the text's own aliases: `A (formerly B)`, `A, also known as B`, `A (previously
//    known as B)` make B an alias of A, and so does an acronym in parentheses right
//    after a name that starts with the name's initial (`Islamic State (ISIS)`), even
//    when the rest of its letters differ.

import type { Extraction, Mention } from "../domain/extraction.ts";
import type { EntityType } from "../domain/entity-types.ts";
import type { Evidence, ResolvedArticle, ResolvedEntity, ResolvedMention, ResolvedQuote } from "../domain/resolved.ts";
import { honorificGender, keyWithoutSuffix, normalizeName, personDisplayName, personNameParts } from "./normalize.ts";
import { givenNameGender } from "../lexicon/names.ts";
import { lookupCountry } from "../lexicon/countries.ts";
import { cityCandidates, lookupCity, isUsStateName } from "../lexicon/places.ts";
import { hasOrgKeyword, isKnownOrganization, isMediaName } from "../lexicon/organizations.ts";
import { COMPASS_WORDS, NON_ENTITY_TAILS, NON_NAME_WORDS } from "../lexicon/words.ts";
import { attachDemonyms, choosePlaces, placeGeo, type PlaceChoice } from "./places.ts";
import { sportOf } from "../lexicon/sports.ts";
import { roleOf } from "./roles.ts";

export { normalizeName } from "./normalize.ts";

interface Group {
  type: EntityType;
  key: string;
  mentions: Mention[];
  /** The group's own mentions (before merges): the display name comes from these. */
  own: Mention[];
  /** For a place whose key, name and geography the text decided (places.ts). */
  place?: PlaceChoice;
  /** Set when this group was merged into another. */
  mergedInto: Group | null;
  /** People: the gender its honorifics give (`Mr`, `Mrs`); a bare surname's groups are split by it. */
  cue: "m" | "f" | null;
  /** A name with a generational suffix (`Donald Trump Jr.`) that its article tells apart from another generation. */
  generation?: boolean;
  /** A club named by its town alone in a report of this sport: its entity key says the sport (`northampton (soccer)`). */
  sport?: string;
}

/** A bare surname said with a gendered honorific keeps its own group: `Mr. Clinton` and `Mrs. Clinton` are two people. */
const CUE_SUFFIX = / \((?:m|f)\)$/u;

/** The key without its honorific's gender (`clinton (f)` → `clinton`). */
function baseKey(key: string): string {
  return key.replace(CUE_SUFFIX, "");
}

/** The gender of a person group: its honorifics, else its full name's given name. */
function groupGender(g: Group, mentions: readonly Mention[] = g.own): "m" | "f" | null {
  if (g.cue) return g.cue;
  const votes = { m: 0, f: 0 };
  for (const m of mentions) {
    const h = honorificGender(m.text);
    if (h) votes[h]++;
  }
  if (votes.m !== votes.f) return votes.m > votes.f ? "m" : "f";
  const first = g.key.split(" ")[0] ?? "";
  return g.key.includes(" ") ? givenNameGender(first) : null;
}

const compatible = (a: "m" | "f" | null, b: "m" | "f" | null) => a === null || b === null || a === b;

/** Words that do not count toward an acronym (`Bank of England` → `BE`). */
const ACRONYM_SKIP = new Set(["of", "the", "and", "for", "&", "de", "la", "al"]);

function groupId(type: EntityType, key: string): string {
  return `${type}\u0000${key}`;
}

function root(g: Group): Group {
  let r = g;
  while (r.mergedInto) r = r.mergedInto;
  return r;
}

function lastWord(key: string): string {
  const words = baseKey(key).split(" ");
  return words[words.length - 1] ?? "";
}

function firstWord(key: string): string {
  return key.split(" ")[0] ?? "";
}

function merge(from: Group, into: Group): void {
  const a = root(from);
  const b = root(into);
  if (a !== b) a.mergedInto = b;
}

/** Particles that may open a bare surname (`al-Assad` → key `al assad`). */
const PARTICLES = new Set(["al", "el", "bin", "ibn", "van", "von", "de", "der", "du", "da", "di", "le", "la", "abu"]);

/** A key that is only a family name: one word, or particles and one word. */
function isSurnameOnly(key: string): boolean {
  const words = baseKey(key).split(" ");
  return words.slice(0, -1).every((w) => PARTICLES.has(w));
}

/** A person group named by one name only: `Obama`, `al-Assad`, `Mr Kilroy-Silk`. */
function isOneName(g: Group): boolean {
  return isSurnameOnly(g.key) || g.own.every((m) => personNameParts(m.text).words === 1);
}

/** Merges `from` into the only distinct target, if there is exactly one. */
function mergeIfUnique(from: Group, candidates: Iterable<Group>): void {
  // Already joined to a name (`Sun Alliance (SA)`): no second, guessed, target.
  if (from.mergedInto) return;
  const targets = new Set<Group>();
  for (const c of candidates) targets.add(root(c));
  targets.delete(root(from));
  if (targets.size === 1) merge(from, [...targets][0] as Group);
}

/** Multimap helper: key → groups, for merge look-ups without pairwise scans. */
function indexBy(groups: readonly Group[], keysOf: (g: Group) => string[]): Map<string, Group[]> {
  const index = new Map<string, Group[]>();
  for (const g of groups) {
    for (const k of keysOf(g)) {
      const list = index.get(k);
      if (list) list.push(g);
      else index.set(k, [g]);
    }
  }
  return index;
}

/**
 * `Hillary Clinton` joins `Hillary Rodham Clinton` (same first and last word, only one
 * longer form); then a bare surname joins the only full name ending with it.
 */
function mergePeople(groups: Group[], groupOf: Map<Mention, Group>, text: string): void {
  mergeGenerations(groups, text);
  const full = groups.filter((g) => g.type === "PERSON" && !isOneName(g));
  const longByEnds = indexBy(
    full.filter((g) => g.key.split(" ").length > 2),
    (g) => [`${firstWord(g.key)} ${lastWord(g.key)}`],
  );
  for (const g of full) {
    if (g.key.split(" ").length === 2) mergeIfUnique(g, longByEnds.get(g.key) ?? []);
  }
  // A suffixed name (`Donald Trump Jr.`) is no bare surname's target here: `Mr. Trump` beside
  // it is as often the father; corpus resolution links the surname.
  const byLast = indexBy(full, (g) => [lastWord(g.key)]);
  const alone: Group[] = [];
  for (const g of groups) {
    if (g.type !== "PERSON" || !isOneName(g)) continue;
    const key = baseKey(g.key);
    let candidates = byLast.get(lastWord(key)) ?? [];
    // `al assad` must end the full name as a whole; a bare `assad` only its last word.
    if (key.includes(" ")) candidates = candidates.filter((f) => f.key.endsWith(` ${key}`));
    // `Mr. Clinton` is not Hillary Clinton: an honorific's gender must fit the full name's.
    if (g.cue) candidates = candidates.filter((f) => compatible(g.cue, groupGender(f)));
    mergeIfUnique(g, candidates);
    // `Mr. Khan` beside Khizr, Ghazala and Humayun Khan: only names known to be of its gender;
    // `Mr Blair` beside Tony Blair and `Vote Blair` (no known gender): the one of its gender.
    const gendered = g.cue ? candidates.filter((f) => groupGender(f) === g.cue) : candidates;
    if (g.cue) mergeIfUnique(g, gendered);
    if (!g.mergedInto) splitByAntecedent(g, gendered, groupOf, text);
    if (candidates.length === 0) alone.push(g);
  }
  // `Mr. Putin ... Putin` with no full name: one person when only one gender is named
  // (the bare group keeps the key; a woman's keeps hers, `clinton (f)`).
  const aloneByBase = indexBy(alone, (g) => [baseKey(g.key)]);
  for (const [base, list] of aloneByBase) {
    const bare = list.find((g) => g.key === base);
    const cued = list.filter((g) => g.key !== base);
    if (!bare || cued.length !== 1) continue;
    const other = cued[0] as Group;
    if (other.cue === "m") merge(other, bare);
    else merge(bare, other);
  }
  // `D. Gough` beside `Darren Gough`: an initial and a surname join the only full name they fit.
  for (const g of full) {
    if (!/^\p{L} \S+$/u.test(g.key)) continue;
    const fitting = (byLast.get(lastWord(g.key)) ?? []).filter((f) => f !== g && !/^\p{L} /u.test(f.key) && f.key.startsWith(g.key.charAt(0)));
    mergeIfUnique(g, fitting);
  }
  // `Steven` beside `Steven Gerrard`: a lone given name joins the only full name it opens.
  const byFirst = indexBy(full, (g) => [firstWord(g.key)]);
  for (const g of groups) {
    if (g.type !== "PERSON" || g.mergedInto || g.key.includes(" ")) continue;
    mergeIfUnique(g, byFirst.get(g.key) ?? []);
  }
}

/** Words by which an article says that two people share a name: a parent and a child. */
const KINSHIP = /\b(?:son|sons|father|dad|junior|senior|namesake|grandson|grandfather|elder|younger)\b/iu;

/**
 * `Joseph R. Biden Jr.` and `Joe Biden` in one article are one person: the plain name
 * joins the suffixed one. The article tells two generations apart when it names two
 * suffixes (`Douglas Fairbanks Sr.` and `Jr.`), or the plain name beside the suffixed
 * one and says they are kin (`Donald Trump Jr., the president's son`); those names are
 * then marked, and corpus resolution keeps their key apart from the plain one everywhere.
 */
function mergeGenerations(groups: readonly Group[], text: string): void {
  const people = new Map(groups.filter((g) => g.type === "PERSON").map((g) => [g.key, g]));
  const suffixed = indexBy([...people.values()].filter((g) => keyWithoutSuffix(g.key) !== null), (g) => [keyWithoutSuffix(g.key) as string]);
  for (const [plainKey, named] of suffixed) {
    const plain = people.get(plainKey);
    if (named.length > 1 || (plain && KINSHIP.test(text))) for (const g of named) g.generation = true;
    else if (plain) merge(plain, named[0] as Group);
  }
}

/**
 * `Clinton` in an article naming Bill and Hillary Clinton: each mention goes to the
 * candidate full name last named before it, as a reader takes it (a mention before any
 * of them, to the first named after it), unless another candidate is named in that
 * name's sentence (`Martin and Helen Quandt run it. Quandt declined.`): then it stays.
 * The mentions moved are aliases of that person, never its display name; the group
 * keeps none when all moved.
 */
function splitByAntecedent(g: Group, candidates: readonly Group[], groupOf: Map<Mention, Group>, text: string): void {
  const targets = new Set(candidates.map(root));
  targets.delete(root(g));
  if (targets.size < 2) return;
  const named: { start: number; end: number; group: Group }[] = [];
  for (const c of candidates) if (root(c) !== root(g)) for (const m of c.own) named.push({ start: m.start, end: m.end, group: root(c) });
  named.sort((a, b) => a.start - b.start);
  const sameSentence = (a: { end: number }, b: { start: number }) => !SENTENCE_END.test(text.slice(a.end, b.start));
  const antecedent = (m: Mention, pool: typeof named): Group | null => {
    const before = pool.filter((n) => n.start < m.start);
    const ordered = before.length > 0 ? before.reverse() : pool.filter((n) => n.start > m.start);
    const first = ordered[0];
    if (!first) return null;
    const rival = ordered.find((n) => n.group !== first.group);
    if (rival && (rival.start < first.start ? sameSentence(rival, first) : sameSentence(first, rival))) return null;
    return first.group;
  };
  // A pronoun after a mention in its sentence gives its gender (`Yeltsin, 65, ... since
  // he was elected`); when every such pronoun agrees, the whole group is of that gender.
  const cues = new Map<Mention, "m" | "f">();
  for (const m of g.mentions) {
    const cue = pronounGender(text, m.end);
    if (cue) cues.set(m, cue);
  }
  const genders = new Set(cues.values());
  const groupCue = genders.size === 1 ? ([...genders][0] as "m" | "f") : null;
  const kept: Mention[] = [];
  for (const m of g.mentions) {
    const cue = cues.get(m) ?? groupCue;
    const fitting = cue ? named.filter((n) => groupGender(n.group) === cue) : named;
    const to = antecedent(m, new Set(fitting.map((n) => n.group)).size > 0 ? fitting : named);
    if (!to) {
      kept.push(m);
      continue;
    }
    to.mentions.push(m);
    groupOf.set(m, to);
  }
  g.mentions = kept;
  g.own = g.own.filter((m) => kept.includes(m));
}

/**
 * The gender of the first `he`, `his`, `him` or `she` after `from` in its sentence
 * (`her` is left out: it is as often someone else, the object).
 */
function pronounGender(text: string, from: number): "m" | "f" | null {
  const rest = text.slice(from, from + 200);
  const end = rest.search(SENTENCE_END);
  const match = /\b(he|his|him|she)\b/iu.exec(end < 0 ? rest : rest.slice(0, end));
  if (!match) return null;
  return (match[1] as string).toLowerCase() === "she" ? "f" : "m";
}

/** A sentence ends in the text between two mentions. */
const SENTENCE_END = /[.!?]["”’')]*\s/u;

/**
 * `Paris, Texas ... Paris`: a bare name joins the one place the article qualified it as
 * (with two, `Paris, Texas` and `Paris, Kentucky`, it stays the default).
 */
function mergeQualifiedPlaces(groups: readonly Group[], byId: ReadonlyMap<string, Group>): void {
  const qualified = new Map<string, Group[]>();
  for (const g of groups) {
    if (!g.place?.qualified) continue;
    const list = qualified.get(g.place.baseKey);
    if (list) list.push(g);
    else qualified.set(g.place.baseKey, [g]);
  }
  for (const [baseKey, list] of qualified) {
    const bare = byId.get(groupId("PLACE", baseKey));
    if (bare && !bare.place && list.length === 1) merge(bare, list[0] as Group);
  }
}

/** Words between two mentions that make the second an alias of the first. */
const ALIAS_BETWEEN =
  /^\s*(?:\(\s*|,\s*|\s)(?:formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|also\s+known\s+as|also\s+called|a\.?k\.?a\.?|once\s+known\s+as|renamed\s+from)\s+(?:the\s+)?$/iu;

/** The first letter of a name's first significant word (`the Islamic State` → `I`). */
function initialOf(name: string): string {
  const words = name.split(/[\s-]+/u).filter((w) => w !== "" && !ACRONYM_SKIP.has(w.toLowerCase()));
  return (words[0] ?? "").charAt(0).toUpperCase();
}

/** An acronym as written: capitals (and dots), 2 to 8 letters (`ISIS`, `U.N.`, `ISIL`). */
const ACRONYM = /^(?:\p{Lu}\.?){2,8}$/u;

/**
 * Merges aliases the text states: `Jabhat Fatah al-Sham (formerly Al-Nusra Front)`,
 * `Daesh, also known as Islamic State`, and `Islamic State (ISIS)`. The first name is
 * the entity; the second joins it. Only for mentions of one type next to each other.
 */
function mergeStatedAliases(mentions: readonly Mention[], groupOf: ReadonlyMap<Mention, Group>, text: string): void {
  const sorted = [...mentions].filter((m) => groupOf.has(m)).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as Mention;
    const b = sorted[i + 1] as Mention;
    if (a.type !== b.type || a.type === "PLACE" || b.start < a.end) continue;
    const between = text.slice(a.end, b.start);
    const stated = ALIAS_BETWEEN.test(between);
    const acronym =
      a.type === "ORGANIZATION" &&
      /^\s*\(\s*$/u.test(between) &&
      /^\s*\)/u.test(text.slice(b.end, b.end + 3)) &&
      ACRONYM.test(b.text) &&
      /\s/u.test(a.text.trim()) &&
      initialOf(a.text) === b.text.charAt(0);
    if (!stated && !acronym) continue;
    // No chains: an alias already given to one name (`T Delport (SA)`, `V Matfield (SA)`)
    // is not a bridge that joins that name to the next.
    const from = groupOf.get(b) as Group;
    if (root(from) !== from && root(from) !== root(groupOf.get(a) as Group)) continue;
    merge(from, groupOf.get(a) as Group);
  }
}

function acronymOf(key: string): string {
  return key
    .split(" ")
    .filter((w) => !ACRONYM_SKIP.has(w))
    .map((w) => w.charAt(0))
    .join("");
}

/**
 * `Post` → `Washington Post`, `SEC` → `Securities Exchange Commission`, `TimeWarner` →
 * `Time Warner`, each only when exactly one organization of the article fits.
 */
function mergeOrganizations(groups: Group[]): void {
  const full = groups.filter((g) => g.type === "ORGANIZATION" && g.key.includes(" "));
  const index = indexBy(full, (g) => {
    // An acronym may leave out a leading place (`US Securities Exchange Commission`).
    const words = g.key.split(" ");
    const rest = words.slice(1).join(" ");
    const keys = [`solid:${g.key.replace(/ /g, "")}`, `acr:${acronymOf(g.key)}`];
    // `East Stirling` is another place's club than `Stirling`: a compass word makes a new name.
    if (!words.slice(0, -1).every((w) => COMPASS_WORDS.has(w))) keys.push(`last:${lastWord(g.key)}`);
    if (rest.includes(" ")) keys.push(`acr:${acronymOf(rest)}`);
    return keys;
  });
  for (const g of groups) {
    if (g.type !== "ORGANIZATION" || g.key.includes(" ")) continue;
    // An acronym that ends a longer name is that body's parent, not its short form (`SVP`, `Junge SVP`).
    const acronym = g.own.every((m) => ACRONYM.test(m.text));
    const candidates = new Set<Group>([...(acronym ? [] : (index.get(`last:${g.key}`) ?? [])), ...(index.get(`solid:${g.key}`) ?? [])]);
    if (g.key.length >= 2) for (const c of index.get(`acr:${g.key}`) ?? []) candidates.add(c);
    mergeIfUnique(g, candidates);
  }
  // `White Sox` → `Chicago White Sox`, `Security Council` → `UN Security Council`: a
  // name of several words that ends the only longer organization name of the article.
  const byTail = indexBy(full, (g) => {
    const words = g.key.split(" ");
    const tails: string[] = [];
    // Not past a function word: `Hewlett-Packard` is not `Reinvention of Hewlett-Packard`.
    for (let i = 1; i < words.length - 1 && !ACRONYM_SKIP.has(words[i - 1] as string); i++) tails.push(words.slice(i).join(" "));
    return tails;
  });
  for (const g of full) mergeIfUnique(g, byTail.get(g.key) ?? []);
}

/** Words of an organization's name after its place that still make it a sports club (`Norwich City FC`). */
const CLUB_WORDS = new Set(["fc", "afc", "rfc", "club", "cf", "sc"]);

/**
 * The city or US state a sports club's name opens with (`chicago white sox` →
 * `chicago`, `norwich city` → `norwich`), or null: the rest must not be an outlet,
 * office or other kind of body (`Chicago Tribune`, `New York Stock Exchange`,
 * `Washington Post`).
 */
export function clubPlace(key: string): string | null {
  if (isPlaceName(key)) return null;
  const words = key.split(" ");
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const place = words.slice(0, n).join(" ");
    if (!isPlaceName(place)) continue;
    const rest = words.slice(n).filter((w) => !CLUB_WORDS.has(w));
    if (rest.length === 0 || hasOrgKeyword(rest) || isMediaName(rest.join(" "))) return null;
    return place;
  }
  return null;
}

/** Cities of at least this many people count as a club's place. */
const CLUB_CITY_POPULATION = 100_000;

/** A city or a US state (`chicago`, `kansas city`, `california`). */
function isPlaceName(key: string): boolean {
  if (lookupCity(key) !== undefined || isUsStateName(key.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()))) return true;
  return cityCandidates(key).some((c) => (c.population ?? 0) >= CLUB_CITY_POPULATION);
}

/**
 * Organizations named by a city or state alone (`CHICAGO 72 64 .529`), in an article
 * naming at least TABLE_CLUBS of them: clubs in a results table or standings, which
 * corpus resolution may join to the club whose name opens with that place.
 */
const TABLE_CLUBS = 3;

/** Last words that make a place's name a football or rugby club's on their own (`Norwich City`). */
const CLUB_SUFFIXES = new Set(["city", "united", "town", "rovers", "athletic", "albion", "wanderers", "fc", "afc", "rfc"]);

/** Other clubs that name their place (`Chicago White Sox`) count only in an article naming this many. */
const NAMED_CLUBS = 2;

/**
 * A club's role in its article: `table`, named by its place alone where that place is a
 * club's (in a table, or before a player's position); `named`, named with its place among
 * other clubs; `home`, named by its nickname alone in a game report set in its place.
 */
type ClubRole = { role: "table" } | { role: "named" } | { role: "home"; place: string } | null;

/** Positions and posts after which a place's name is a club's (`Norwich striker Keith O'Neill`). */
const CLUB_POSITION_AFTER =
  /^\s+(?:striker|forward|midfielder|defender|goalkeeper|keeper|winger|full-?back|centre-?back|center-?back|sweeper|playmaker|fly-half|scrum-half|flanker|hooker|lock|prop|batsman|bowler|all-rounder|wicketkeeper|pitcher|catcher|shortstop|outfielder|quarterback|manager|coach|captain|skipper)\b/iu;

/** A game report's opening place (`In Detroit, ...`, `At California, ...`): the home club's. */
const HOME_PLACE_BEFORE = /^(?:In|At)\s+$/u;

function clubRoles(groups: readonly Group[], text: string): Map<Group, ClubRole> {
  const roles = new Map<Group, ClubRole>();
  const orgs = groups.filter((g) => g.type === "ORGANIZATION" && !g.mergedInto);
  const table = orgs.filter((g) => isPlaceName(g.key));
  const positioned = table.filter((g) => g.own.some((m) => CLUB_POSITION_AFTER.test(text.slice(m.end, m.end + 24))));
  for (const g of table.length >= TABLE_CLUBS ? table : positioned) roles.set(g, { role: "table" });
  const named = orgs.filter((g) => !roles.has(g) && clubPlace(g.key) !== null);
  for (const g of named) if (named.length >= NAMED_CLUBS || CLUB_SUFFIXES.has(lastWord(g.key))) roles.set(g, { role: "named" });
  if (roles.size > 0) for (const [g, place] of homeClubs(orgs, roles, groups, text)) roles.set(g, { role: "home", place });
  return roles;
}

/** Sports played by sides: a town's or country's name in their reports may name a club or a national side. */
const TEAM_SPORTS = new Set(["soccer", "rugby union", "rugby league", "cricket", "baseball", "basketball", "ice hockey", "american football"]);
/** Team competitions of a sport played by individuals: a country is a side in their reports. */
const TEAM_EVENTS = /\b(?:fed cup|davis cup|ryder cup|walker cup|solheim cup)\b/iu;

/** The sport of a sports report whose town or country names may be sides (a team sport, or a team event of another), else null. */
function teamSportOf(text: string): string | null {
  const sport = sportOf(text);
  return sport && (TEAM_SPORTS.has(sport) || TEAM_EVENTS.test(text)) ? sport : null;
}

/**
 * Words before a country's name that make it the place (`in Moldova`, `tour of
 * Australia`), a place it qualifies (`BIRMINGHAM , England`) or a nationality in
 * parentheses (`Dinamo ( Russia )`); after any other words a country in a team sport's
 * report is its side (`England beat Pakistan`, `lost to England`, and `Spain at
 * Belgium`: one is in a country, not at it, so `at` names the host side).
 */
const COUNTRY_AS_PLACE_BEFORE = /(?:\b(?:in|near|from|of|across|around|outside|inside|within|into|throughout|toured?|visited)\s+(?:the\s+)?|\p{Lu}[\p{L}.'-]*\s*,\s*|\(\s*)$/iu;

/**
 * The sport of the national side a mention names, or null: in a report of a team sport,
 * a country's name (`England`, `Belgium`) not in a place's context names the country's
 * side in that sport, a body that differs by sport (England's cricket and football sides).
 */
function nationalSides(text: string): (m: Mention) => string | null {
  let sport: string | null | undefined;
  return (m) => {
    if (m.type === "PERSON" || !lookupCountry(m.text)) return null;
    if (sport === undefined) sport = teamSportOf(text);
    if (!sport || COUNTRY_AS_PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))) return null;
    return sport;
  };
}

/**
 * `Northampton` as a club in a soccer report and in a rugby report are two clubs (the
 * town's football and rugby clubs): an organization named by its town alone, in a report
 * of a team sport, is keyed with the sport. Its town still links it to the club named
 * with it (evidenceOf keeps the plain place).
 */
function markTownClubs(groups: readonly Group[], text: string): void {
  // The sport first: it is remembered for the text, and most reports have none.
  const sport = groups.some((g) => g.type === "ORGANIZATION") ? teamSportOf(text) : null;
  if (!sport) return;
  for (const g of groups) if (g.type === "ORGANIZATION" && !g.mergedInto && isPlaceName(g.key)) g.sport = sport;
}

/**
 * `In Detroit, Todd Van Poppel pitched a five-hitter as the Tigers blanked the Kansas City
 * Royals`: in an article about clubs, a sentence that opens with a place and names one
 * club by a one-word nickname (its others named with their places) names the home club,
 * whose place that is. A nickname placed twice differently keeps none.
 */
function homeClubs(orgs: readonly Group[], roles: ReadonlyMap<Group, ClubRole>, groups: readonly Group[], text: string): Map<Group, string> {
  // The place as a table would name its club (`DETROIT` → `detroit`).
  const places = groups.flatMap((g) => (g.type === "PLACE" ? g.own.map((m) => ({ m, key: normalizeName("ORGANIZATION", m.text) })) : []));
  // A nickname is a plural after `the` (`the Tigers`), never a place or an acronym.
  const isNickname = (g: Group) =>
    !roles.has(g) && !g.key.includes(" ") && g.key.endsWith("s") && !isPlaceName(g.key) && g.own.every((m) => !ACRONYM.test(m.text) && /\bthe\s+$/iu.test(text.slice(Math.max(0, m.start - 5), m.start)));
  const nicknames = orgs.filter(isNickname);
  const found = new Map<Group, Set<string>>();
  for (const { m, key } of places) {
    const lineStart = sentenceStart(text, m.start);
    if (!HOME_PLACE_BEFORE.test(text.slice(lineStart, m.start)) || !/^\s*,/u.test(text.slice(m.end)) || !isPlaceName(key)) continue;
    const end = sentenceEnd(text, m.end);
    const inSentence = orgs.filter((g) => g.own.some((o) => o.start > m.end && o.start < end));
    const unplaced = inSentence.filter((g) => clubPlace(g.key) === null);
    const [home] = unplaced;
    if (unplaced.length !== 1 || !home || !nicknames.includes(home)) continue;
    found.set(home, (found.get(home) ?? new Set()).add(key));
  }
  const out = new Map<Group, string>();
  for (const [g, keys] of found) if (keys.size === 1) out.set(g, [...keys][0] as string);
  return out;
}

/** Where the sentence holding `at` starts: after the last sentence end or line break before it. */
function sentenceStart(text: string, at: number): number {
  let start = text.lastIndexOf("\n", at - 1) + 1;
  const before = text.slice(start, at);
  const ends = [...before.matchAll(/[.!?]["”’')]*\s/gu)];
  const last = ends[ends.length - 1];
  if (last) start += (last.index ?? 0) + last[0].length;
  return start;
}

/** Where the sentence holding `at` ends (its end mark, a line break, or the text's end). */
function sentenceEnd(text: string, at: number): number {
  const rest = text.slice(at);
  const m = /[.!?]["”’')]*(?:\s|$)|\n/u.exec(rest);
  return m ? at + m.index : text.length;
}

function wordCount(s: string): number {
  return s.trim().split(/\s+/).length;
}

/**
 * The display name: for a country its gazetteer name; otherwise the fullest surface
 * form (most words, then longest), then the most frequent, then the first seen.
 */
function canonicalName(type: EntityType, mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  // A person's forms without titles and possessives (`Senator Rubio` → `Rubio`).
  const form = (m: Mention) => (type === "PERSON" ? personDisplayName(m.text) : m.text);
  for (const m of mentions) counts.set(form(m), (counts.get(form(m)) ?? 0) + 1);
  let best = mentions[0] ? form(mentions[0]) : "";
  for (const [form, n] of counts) {
    const dw = wordCount(form) - wordCount(best);
    const dl = form.replace(/\./g, "").length - best.replace(/\./g, "").length;
    const dn = n - (counts.get(best) ?? 0);
    if (dw > 0 || (dw === 0 && (dl > 0 || (dl === 0 && dn > 0)))) best = form;
  }
  if (type === "PLACE") {
    for (const m of mentions) {
      const country = lookupCountry(m.text);
      if (country) return country.name;
    }
  }
  return best;
}

function buildEntity(g: Group, text: string, club: ClubRole = null): ResolvedEntity {
  const mentions = [...g.mentions].sort((a, b) => a.start - b.start);
  // The name comes from the group's own forms: what joined it (a surname, an acronym,
  // a former name) is an alias, never the display name.
  const name = g.place?.name ?? canonicalName(g.type, g.own.length > 0 ? [...g.own].sort((a, b) => a.start - b.start) : mentions);
  const aliases = [name];
  for (const m of mentions) if (!aliases.includes(m.text)) aliases.push(m.text);
  const entity: ResolvedEntity = {
    type: g.type,
    key: g.sport ? `${g.key} (${g.sport})` : g.key,
    name,
    aliases,
    mentionCount: mentions.length,
    firstOffset: mentions[0]?.start ?? 0,
  };
  if (g.type === "PLACE") entity.geo = g.place?.geo ?? placeGeo(name);
  else entity.evidence = evidenceOf(g, mentions, club, text);
  return entity;
}

/** What corpus resolution needs to know about a person's or organization's cluster. */
function evidenceOf(g: Group, mentions: readonly Mention[], club: ClubRole, text: string): Evidence {
  const forms: Record<string, number> = {};
  for (const m of mentions) forms[m.text] = (forms[m.text] ?? 0) + 1;
  if (g.type === "PERSON") {
    const roles = [...new Set(mentions.map((m) => roleOf(text, m.start, m.text)).filter((r): r is string => r !== null))].sort();
    const parts = personNameParts(g.own[0]?.text ?? mentions[0]?.text ?? "");
    // `D. Gough`: an initial and a surname are a partial name that keeps its initial.
    const initial = /^\p{L} \S+$/u.test(g.key) ? g.key.charAt(0) : null;
    // `Joseph R. Biden Jr.`: partial, to be joined to `joseph biden` unless some article tells them apart.
    const plain = g.generation ? null : keyWithoutSuffix(g.key);
    if (plain) return { forms, partial: true, surname: plain, given: null, gender: groupGender(g, mentions), acronym: null, roles };
    const full = !isOneName(g) && !initial;
    const surname = full || initial ? parts.surname : baseKey(g.key);
    return { forms, partial: !full, surname, given: full ? parts.given : initial, gender: groupGender(g, mentions), acronym: null, roles };
  }
  // The acronym an article states for its organization (`National Basketball Association (NBA)`).
  const acronyms = Object.keys(forms).filter((f) => ACRONYM.test(f)).map((f) => f.replace(/\./g, "").toLowerCase()).sort();
  const stated = acronyms.filter((a) => abbreviates(a, g.key));
  // Organizations keep in `surname` the place a club is named by: the place a table
  // names it by (`CHICAGO`, partial), or a club's own place (`chicago` for `Chicago
  // White Sox`) in an article naming several clubs.
  if (club?.role === "table") return { forms, partial: true, surname: g.key, given: null, gender: null, acronym: null, roles: [] };
  const partial = !g.key.includes(" ") && acronyms.includes(g.key);
  const place = partial ? null : club?.role === "named" ? clubPlace(g.key) : club?.role === "home" ? club.place : null;
  return { forms, partial, surname: place, given: null, gender: null, acronym: partial ? g.key : stated[0] ?? null, roles: [] };
}

/**
 * True when `acronym` can stand for the name `key`: not one of its words (`CNN` in `All
 * CNN`), the same first letter, and its letters in order among the name's
 * (`nba` in `national basketball association`, `isis` in `islamic state`).
 */
function abbreviates(acronym: string, key: string): boolean {
  const words = key.split(" ");
  if (words.length < 2 || words.includes(acronym)) return false;
  const significant = words.filter((w) => !ACRONYM_SKIP.has(w));
  if (acronym.charAt(0) !== (significant[0] ?? "").charAt(0)) return false;
  const letters = words.join("");
  let i = 0;
  for (const ch of letters) if (ch === acronym[i]) i++;
  return i === acronym.length;
}

/**
 * Groups the mentions of one article into canonical entities (ordered by first
 * mention) and resolves each quote's speaker to one of them.
 */
export function resolveArticle(extraction: Extraction, text: string): ResolvedArticle {
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  const groupOf = new Map<Mention, Group>();
  const byOffsets = new Map<string, Group>();
  // Offsets that do not point at the mention's text belong to some other text.
  // A country is a place, never an organization (`the UK`, `US` tagged ORG): the same
  // mention object keeps its identity for the quotes that point at it.
  const spans = extraction.mentions.filter((m) => text.slice(m.start, m.end) === m.text);
  const kept = spans.filter((m) => !namesNoBody(m));
  const typeOf = bareNameTypes(kept, text);
  const sideOf = nationalSides(text);
  const sides = new Map<Mention, string>();
  const valid = kept.map((m) => {
    const sport = sideOf(m);
    if (sport) {
      const side = m.type === "ORGANIZATION" ? m : retype(m, "ORGANIZATION");
      sides.set(side, sport);
      return side;
    }
    if (m.type === "ORGANIZATION" && lookupCountry(m.text)) return retype(m, "PLACE");
    const type = typeOf(m);
    return type === m.type ? m : retype(m, type);
  });
  const placeChoices = choosePlaces(valid, text);
  for (const m of valid) {
    const choice = placeChoices.get(m);
    const side = sides.get(m);
    // A national side is keyed by its country and sport (`england (cricket)`), never merged with a body named after the country.
    let key = side ? `${normalizeName("PLACE", m.text)} (${side})` : (choice?.key ?? normalizeName(m.type, m.text));
    if (key === "") continue;
    const cue = m.type === "PERSON" && (isSurnameOnly(key) || personNameParts(m.text).words === 1) ? honorificGender(m.text) : null;
    if (cue) key = `${key} (${cue})`;
    const id = groupId(m.type, key);
    let g = byId.get(id);
    if (!g) {
      g = { type: m.type, key, mentions: [], own: [], mergedInto: null, cue };
      if (choice) g.place = choice;
      byId.set(id, g);
      groups.push(g);
    }
    g.mentions.push(m);
    g.own.push(m);
    groupOf.set(m, g);
    byOffsets.set(offsetKey(m), g);
  }
  mergeQualifiedPlaces(groups, byId);
  mergeStatedAliases(valid, groupOf, text);
  mergePeople(groups, groupOf, text);
  mergeOrganizations(groups);
  for (const g of groups) {
    const r = root(g);
    if (r !== g) {
      r.mentions.push(...g.mentions);
      g.mentions = [];
    }
  }
  const entityOf = new Map<Group, ResolvedEntity>();
  const entities: ResolvedEntity[] = [];
  const clubs = clubRoles(groups, text);
  markTownClubs(groups, text);
  const resolvedMentions: ResolvedMention[] = [];
  for (const g of groups) {
    if (g.mergedInto || g.mentions.length === 0) continue;
    const e = buildEntity(g, text, clubs.get(g) ?? null);
    entityOf.set(g, e);
    entities.push(e);
    for (const m of g.mentions) resolvedMentions.push({ type: g.type, key: e.key, start: m.start, end: m.end });
  }
  resolvedMentions.sort((a, b) => a.start - b.start);
  // A name that is no entity (`French Open`) still holds no demonym.
  attachDemonyms(entities, spans, text);
  entities.sort((a, b) => a.firstOffset - b.firstOffset);

  const quotes: ResolvedQuote[] = extraction.quotes.map((q) => {
    const mention = q.speaker?.mention ?? null;
    const group = mention ? findGroup(groupOf, byOffsets, mention) : null;
    const entity = group ? entityOf.get(root(group)) : undefined;
    // The speaker as the text names them (`he`, `the Post`), even when no entity is found.
    const speakerName = q.speaker?.text ?? null;
    const speaker =
      entity && (entity.type === "PERSON" || entity.type === "ORGANIZATION") ? { type: entity.type, key: entity.key } : null;
    return { text: q.text, start: q.start, end: q.end, cue: q.cue, speakerName, speaker };
  });
  return { entities, quotes, mentions: resolvedMentions };
}

/** A name of one capitalised word as written, without title or honorific (`Fox`, `Trump's`). */
const BARE_NAME = /^\p{Lu}[\p{L}’'-]*$/u;

/**
 * The type a one-word name gets from the rest of its article, when the tagger's is
 * contradicted there:
 *  - the surname of a person the article names in full, tagged a person more often than
 *    an organization when written alone, is that person everywhere in it (`Carson said
 *    ... Carson's campaign` with one `Carson` tagged ORG), unless the name is a known
 *    organization or outlet or a word of an organization's name in the article (`Trump`
 *    beside `Trump Tower`); a name tagged an organization as often stays one (`Bosch`
 *    beside `Robert Bosch`) unless it is listed with a person (`Kenteris and Thanou`);
 *  - a known outlet or organization is not a person (`Fox's prime-time audience`) unless
 *    the article names a person with that surname (`Liam Fox`).
 */
function bareNameTypes(mentions: readonly Mention[], text: string): (m: Mention) => EntityType {
  const surnames = new Set<string>();
  const orgWords = new Set<string>();
  const votes = new Map<string, { person: number; org: number }>();
  const wordOf = (m: Mention) => normalizeName("PERSON", m.text);
  for (const m of mentions) {
    if (m.type === "PERSON" && personNameParts(m.text).words >= 2) surnames.add(personNameParts(m.text).surname);
    if (m.type === "ORGANIZATION" && /\s/u.test(m.text.trim())) for (const w of normalizeName("ORGANIZATION", m.text).split(" ")) orgWords.add(w);
    if (m.type === "PLACE" || !BARE_NAME.test(m.text)) continue;
    const v = votes.get(wordOf(m)) ?? { person: 0, org: 0 };
    if (m.type === "PERSON") v.person++;
    else v.org++;
    votes.set(wordOf(m), v);
  }
  const paired = coordinatedWithPerson(mentions, text);
  return (m) => {
    if (m.type === "PLACE" || !BARE_NAME.test(m.text) || ACRONYM.test(m.text)) return m.type;
    const name = m.text.replace(/['’]s$/u, "");
    const known = isKnownOrganization(name) || isMediaName(name);
    const word = wordOf(m);
    const vote = votes.get(word) ?? { person: 0, org: 0 };
    if (m.type === "ORGANIZATION" && surnames.has(word) && (vote.person > vote.org || paired(m)) && !known && !orgWords.has(word) && !isPlaceName(word)) return "PERSON";
    if (m.type === "PERSON" && known && !surnames.has(word)) return "ORGANIZATION";
    return m.type;
  };
}

/** The words that join two names of a list (`Kenteris and Thanou`, `Cruz, Rubio`). */
const COORDINATION = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$/u;

/**
 * Whether a mention is coordinated with a person's (`Kenteris and Thanou`, `Manafort and
 * Trump`): a list's members are of one kind, so a surname tagged an organization there is
 * its person's, as much as when it is tagged a person more often.
 */
function coordinatedWithPerson(mentions: readonly Mention[], text: string): (m: Mention) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const index = new Map(sorted.map((m, i) => [m, i]));
  const joined = (a: Mention | undefined, b: Mention | undefined) => a !== undefined && b !== undefined && b.start >= a.end && COORDINATION.test(text.slice(a.end, b.start));
  return (m) => {
    const i = index.get(m);
    if (i === undefined) return false;
    const [before, after] = [sorted[i - 1], sorted[i + 1]];
    return (before?.type === "PERSON" && joined(before, m)) || (after?.type === "PERSON" && joined(m, after));
  };
}

/** Last words of names that are events, shows or laws rather than a body (`Consumer Electronics Show`). */
const EVENT_TAILS = new Set([...NON_ENTITY_TAILS, "show", "shows", "expo", "budget"].filter((w) => w !== "report"));
/** Awards the tagger takes for a person's first name (`Oscar nominations`). */
const AWARDS = new Set(["oscar", "oscars", "grammy", "grammys", "emmy", "emmys", "bafta", "baftas"]);

/**
 * A person or organization mention that names no one: a law, event or show
 * (`Affordable Care Act`, `Consumer Electronics Show`, the `Budget`; not a known
 * organization or outlet), an award (`Oscar`) or a word that is never a name (`God`).
 */
function namesNoBody(m: Mention): boolean {
  if (m.type === "PLACE") return false;
  const words = m.text.toLowerCase().split(/\s+/u);
  const last = (words[words.length - 1] ?? "").replace(/['’]s?$/u, "");
  if (words.length === 1 && (NON_NAME_WORDS.has(last) || (m.type === "PERSON" && AWARDS.has(last)))) return true;
  // Organizations only: a person may be named so (`Doris Day`, `Bill`).
  return m.type === "ORGANIZATION" && EVENT_TAILS.has(last) && !isKnownOrganization(m.text) && !isMediaName(m.text);
}

const retyped = new WeakMap<Mention, Mention>();

function retype(m: Mention, type: EntityType): Mention {
  const copy = { ...m, type };
  retyped.set(m, copy);
  return copy;
}

/** The group of a speaker mention: by identity, or by offsets when it was copied. */
function findGroup(groupOf: ReadonlyMap<Mention, Group>, byOffsets: ReadonlyMap<string, Group>, mention: Mention): Group | null {
  const m = retyped.get(mention) ?? mention;
  return groupOf.get(m) ?? byOffsets.get(offsetKey(m)) ?? null;
}

function offsetKey(m: Mention): string {
  return `${m.type}:${m.start}:${m.end}`;
}
