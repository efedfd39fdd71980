// The normalized key of an entity name. The store upserts entities on (type, key), so
// this function decides which surface forms are one entity across the whole corpus:
// it must be deterministic and conservative (merging two people is worse than keeping
// one person twice).

import type { EntityType } from "../domain/entity-types.ts";
import { memoize } from "../domain/memoize.ts";
import { isDemonym, lookupCountry } from "../lexicon/countries.ts";
import { TITLE_HEADS, TITLE_MODIFIERS } from "../lexicon/words.ts";

/**
 * Spelling variants of given names from transliteration (`Sergei`/`Sergey`), mapped to
 * one form. Only variants that never name different people are listed.
 */
const PERSON_VARIANTS: Record<string, string> = {
  sergei: "sergey", sergej: "sergey", yuri: "yury", yuriy: "yury", iurii: "yury",
  dmitri: "dmitry", dmitriy: "dmitry", alexei: "alexey", aleksei: "alexey", aleksey: "alexey",
  andrei: "andrey", nikolay: "nikolai", mikhael: "mikhail", vitali: "vitaly", vitaliy: "vitaly",
  evgeni: "evgeny", yevgeny: "evgeny", yevgeniy: "evgeny", anatoli: "anatoly", arkadi: "arkady",
  valeri: "valery", valeriy: "valery", gennadi: "gennady", gennadiy: "gennady",
  muhammad: "mohammed", mohammad: "mohammed", mohamed: "mohammed", muhammed: "mohammed",
  qaddafi: "gaddafi", gadhafi: "gaddafi", kadhafi: "gaddafi", qadhafi: "gaddafi",
  zelenskiy: "zelensky", zelenskyy: "zelensky",
  // Short forms of given names that name the same person (`Steve`/`Steven Gerrard`,
  // `Bill`/`William Clinton`); only forms that stand for one full name.
  steve: "steven", bill: "william", billy: "william", bob: "robert", bobby: "robert", jim: "james", jimmy: "james",
  mike: "michael", dave: "david", tom: "thomas", tommy: "thomas", tony: "anthony", joe: "joseph", ben: "benjamin",
  dan: "daniel", danny: "daniel", andy: "andrew", matt: "matthew", ted: "edward", nick: "nicholas", tim: "timothy",
  dick: "richard", rick: "richard", ron: "ronald", ken: "kenneth", larry: "lawrence", jerry: "gerald",
};

/** Place spellings that name the same place (`Kyiv`/`Kiev`, `Saint Petersburg`). */
const PLACE_VARIANTS: Record<string, string> = {
  kyiv: "kiev", "saint petersburg": "st petersburg", "washington dc": "washington",
  "washington d c": "washington", "new york city": "new york", bombay: "mumbai",
};

/**
 * Names and acronyms of one organization across articles (`ISIS` = `ISIL` = `Daesh` =
 * `Islamic State`), mapped to one key. An article that states the acronym merges it
 * anyway; these merge it in articles that use only one of the forms. Only forms that
 * name nothing else are listed: renamed groups (`Al-Nusra Front`) merge only on a
 * statement in the text.
 */
const ORGANIZATION_VARIANTS: Record<string, string> = {
  isis: "islamic state", isil: "islamic state", is: "islamic state", daesh: "islamic state",
  "islamic state group": "islamic state", "islamic state of iraq and syria": "islamic state",
  "islamic state of iraq and the levant": "islamic state", "al qaida": "al qaeda",
  un: "united nations", nato: "north atlantic treaty organization", eu: "european union",
  fbi: "federal bureau of investigation", cia: "central intelligence agency",
  imf: "international monetary fund", who: "world health organization",
  // Parties under their short and long names (what the UK and US press call them).
  "lib dems": "liberal democrats", "lib dem": "liberal democrats", "liberal democrat": "liberal democrats",
  libdems: "liberal democrats", tories: "conservative party", tory: "conservative party", conservatives: "conservative party",
  "tory party": "conservative party", "conservative and unionist party": "conservative party",
  labour: "labour party", "new labour": "labour party", gop: "republican party", "grand old party": "republican party",
  republicans: "republican party", democrats: "democratic party", "democratic national party": "democratic party",
  ukip: "uk independence party", "u k independence party": "uk independence party", "united kingdom independence party": "uk independence party",
  snp: "scottish national party", dup: "democratic unionist party",
  hp: "hewlett packard", "hewlett packard co": "hewlett packard", nba: "national basketball association",
  nfl: "national football league", fifa: "federation internationale de football association",
  fed: "federal reserve", "federal reserve board": "federal reserve", "federal reserve system": "federal reserve",
  "us federal reserve": "federal reserve", "inter milan": "internazionale", "internazionale milan": "internazionale",
  "un security council": "security council", "united nations security council": "security council",
  // The department called by its own name alone (`the Treasury`, `U.S. Treasury`).
  "department of treasury": "treasury",
  // Major-league baseball clubs by the nickname news calls them, where no other body goes
  // by it (not `Giants`, `Tigers`, `Rangers`, `Cardinals`, `Pirates`): their place then
  // joins them to the club a results table names by its city (corpus.ts).
  yankees: "new york yankees", mets: "new york mets", "red sox": "boston red sox", "white sox": "chicago white sox",
  "blue jays": "toronto blue jays", orioles: "baltimore orioles", phillies: "philadelphia phillies",
  dodgers: "los angeles dodgers", brewers: "milwaukee brewers", braves: "atlanta braves", astros: "houston astros",
  padres: "san diego padres", mariners: "seattle mariners", expos: "montreal expos",
};

/** British and American spellings of words in organization names. */
const ORGANIZATION_SPELLINGS: Record<string, string> = { organisation: "organization", organisations: "organizations", defence: "defense" };

/** Lowercase, without diacritics, curly quotes made straight. */
function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ`´]/g, "'")
    .toLowerCase();
}

/** Drops punctuation: periods and apostrophes vanish (`U.S.` → `us`), other marks split words. */
function stripPunctuation(name: string): string {
  return name
    .replace(/['.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function dropPossessive(name: string): string {
  return name.replace(/'s$/u, "").replace(/s'$/u, "s");
}

/** Words that may follow `of` in a title (`Secretary of State`, `Minister of Foreign Affairs`). */
const TITLE_OF_WORDS = new Set([
  "the", "state", "defense", "defence", "foreign", "affairs", "staff", "commerce", "agriculture", "transportation",
  "homeland", "security", "war", "energy", "health", "education", "labor", "labour", "treasury", "justice",
  "interior", "finance", "trade", "economy", "information", "culture",
]);

function isTitleWord(w: string): boolean {
  if (TITLE_HEADS.has(w) || TITLE_HEADS.has(`${w}.`) || TITLE_MODIFIERS.has(w)) return true;
  // `Senators Rubio and Cruz`, `Govs.`: a plural title.
  return w.length > 3 && w.endsWith("s") && TITLE_HEADS.has(w.slice(0, -1));
}

/**
 * Leading words that are titles, honorifics or articles, never part of the key; for a
 * person also a title's `of` phrase (`Secretary of State`) and a country or nationality
 * before a title (`U.S. Secretary of State`, `Russian Foreign Minister`).
 */
function dropLeading(words: string[], type: EntityType): string[] {
  let i = 0;
  while (i < words.length - 1) {
    const w = words[i] as string;
    const next = words[i + 1] as string;
    if (w === "the") {
      i++;
      continue;
    }
    if (type !== "PERSON") break;
    // `Prince Charles`, `Pope Francis`: a royal or papal style before one name is how the
    // person is named; without it `charles` would be any Charles.
    if (ROYAL_STYLES.has(w) && i === words.length - 2) break;
    if (isTitleWord(w)) {
      i++;
      // `Secretary of State`, `Minister of Foreign Affairs`: the `of` phrase is the title's.
      if (words[i] === "of" && TITLE_OF_WORDS.has(words[i + 1] ?? "")) {
        i++;
        while (i < words.length - 1 && TITLE_OF_WORDS.has(words[i] as string)) i++;
      }
      continue;
    }
    // `US Secretary`, `Russian Foreign Minister`: a country only counts before a title.
    if ((lookupCountry(w) || isDemonym(w)) && isTitleWord(next) && i < words.length - 2) {
      i++;
      continue;
    }
    break;
  }
  return words.slice(i);
}

/** Styles that stay part of a one-word name (`Prince Charles`, `Pope Francis`, `King Abdullah`). */
export const ROYAL_STYLES = new Set(["king", "queen", "prince", "princess", "pope", "emperor", "empress", "sultan", "emir"]);

/** Generational suffixes: part of the name (`Donald Trump Jr.` is the son). */
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/**
 * The key of a full name without its generational suffix (`joseph biden jr` →
 * `joseph biden`), or null when it has none; a one-word name with a numeral is a
 * monarch's (`richard iii`) and has none. Whether the two keys are one person is
 * decided from the corpus (corpus.ts, linkSuffixed).
 */
export function keyWithoutSuffix(key: string): string | null {
  const words = key.split(" ");
  return words.length > 2 && SUFFIXES.has(words[words.length - 1] as string) ? words.slice(0, -1).join(" ") : null;
}

/**
 * `Hillary Rodham Clinton` → `hillary clinton`: middle names are used or left out by
 * outlet and never tell two people apart here; particles before the surname (`van der`),
 * a generational suffix and a name of initials stay.
 */
function dropMiddleNames(words: string[]): string[] {
  const suffix = words.length > 2 && SUFFIXES.has(words[words.length - 1] as string) ? 1 : 0;
  const core = words.slice(0, words.length - suffix);
  if (core.length < 3 || (core[0] as string).length === 1) return words;
  let surnameStart = core.length - 1;
  while (surnameStart > 1 && PARTICLE_WORDS.has(core[surnameStart - 1] as string)) surnameStart--;
  // `Abdel Fattah`: an Arabic compound given name is one name.
  const givenEnd = COMPOUND_GIVEN.has(core[0] as string) ? 2 : 1;
  if (surnameStart <= givenEnd) return words;
  const middle = core.slice(givenEnd, surnameStart);
  // Initials that distinguish people (`George W. Bush`) were kept on purpose.
  if (middle.some((w) => w.length === 1)) return words;
  return [...core.slice(0, givenEnd), ...core.slice(surnameStart), ...words.slice(core.length)];
}

const COMPOUND_GIVEN = new Set(["abd", "abdel", "abdul", "abdal", "abdullah", "abu", "ould"]);

const PARTICLE_WORDS = new Set(["van", "von", "de", "der", "den", "du", "da", "di", "le", "la", "del", "della", "dos", "das", "bin", "ibn", "abu", "al", "el", "ter"]);

/**
 * Full names whose middle initials tell apart different people (`George W. Bush` and
 * `George H. W. Bush`): for these the initials stay in the key.
 */
const INITIALS_DISTINGUISH = new Set(["george bush"]);

/** `Donald J. Trump` → `donald trump`: single-letter middle words dropped (first and last kept). */
function dropMiddleInitials(words: string[]): string[] {
  // `J. K. Rowling`: a name of initials keeps them all.
  if (words.length < 3 || (words[0] as string).length === 1) return words;
  const kept = words.filter((w, i) => i === 0 || i === words.length - 1 || w.length > 1);
  return INITIALS_DISTINGUISH.has(kept.join(" ")) ? words : kept;
}

/**
 * `Bashar al-Assad` → `Bashar Assad`: the Arabic article written with a hyphen (`al-`,
 * `el-`) is kept or left out by outlet and never tells two people apart. Without the
 * hyphen `Al` is a given name (`Al Gore`) and stays.
 */
function dropArabicArticles(name: string): string {
  return name.replace(/(^|[\s'])(al|el)-(?=\p{L})/gu, "$1");
}

/**
 * The key of `name` as an entity of `type`: lowercase, no diacritics, no titles or
 * honorifics (`President`, `Mr.`), no possessive, no punctuation, single spaces, known
 * spelling variants unified, and countries under one name (`US` = `U.S.` = `United States`).
 * Returns "" when nothing is left.
 */
export function normalizeName(type: EntityType, name: string): string {
  return normalizeNameOf[type](name);
}

const normalizeNameOf = {
  PERSON: memoize((name) => computeNormalizedName("PERSON", name)),
  ORGANIZATION: memoize((name) => computeNormalizedName("ORGANIZATION", name)),
  PLACE: memoize((name) => computeNormalizedName("PLACE", name)),
} satisfies Record<EntityType, (name: string) => string>;

function computeNormalizedName(type: EntityType, name: string): string {
  const folded = dropPossessive(fold(name).trim());
  if (type === "PLACE") {
    const country = lookupCountry(folded) ?? lookupCountry(folded.replace(/^the\s+/, ""));
    if (country) return stripPunctuation(fold(country.name));
  }
  const bare = type === "PERSON" ? dropArabicArticles(folded) : folded;
  if (type === "PERSON") {
    // Words as written, a hyphenated one kept whole (`Kilroy-Silk` is one surname) until the end.
    const tokens = bare.split(/\s+/u).map((w) => stripPunctuation(w).replace(/ /g, "-")).filter((w) => w !== "");
    const words = dropLeading(tokens, type);
    if (words.length === 2 && ROYAL_STYLES.has(words[0] as string)) return words.join(" ");
    return dropMiddleNames(dropMiddleInitials(words))
      .map((w) => PERSON_VARIANTS[w] ?? w)
      .join(" ")
      .replace(/-/g, " ");
  }
  const words = dropLeading(stripPunctuation(bare).split(" ").filter((w) => w !== ""), type);
  if (type === "PLACE") {
    const joined = words.join(" ");
    return PLACE_VARIANTS[joined] ?? joined;
  }
  const joined = departmentOrder(words.map((w) => ORGANIZATION_SPELLINGS[w] ?? w)).join(" ");
  return ORGANIZATION_VARIANTS[joined] ?? withCountry(joined);
}

/** Heads of a government body's name that may come first (`Department of Justice`) or last (`Justice Department`). */
const DEPARTMENT_HEADS = new Set(["department", "ministry"]);

/**
 * `Justice Department` → `department of justice`, `Finance Ministry` → `ministry of
 * finance`, `Department of the Treasury` → `department of treasury`: one order for a
 * department's name (the one its acronym follows, `DOJ`), a country or nationality before it
 * kept (`us department of treasury`, `russian ministry of foreign`).
 */
function departmentOrder(words: string[]): string[] {
  const at = words.findIndex((w) => DEPARTMENT_HEADS.has(w));
  if (at < 0) return words;
  const head = words[at] as string;
  if (words[at + 1] === "of") {
    const rest = words.slice(at + 2);
    return [...words.slice(0, at), head, "of", ...(rest[0] === "the" ? rest.slice(1) : rest)];
  }
  if (at !== words.length - 1 || at === 0) return words;
  // A country opening the name stays before the head (`us treasury department` → `us department of treasury`).
  const country = isCountryWord(words[0] as string) && at > 1 ? 1 : 0;
  return [...words.slice(0, country), head, "of", ...words.slice(country, at)];
}

const isCountryWord = (w: string) => Boolean(lookupCountry(w) || isDemonym(w));

/** A variant after a country that opens the name (`us department of treasury` → `us treasury`). */
function withCountry(joined: string): string {
  const space = joined.indexOf(" ");
  if (space < 0 || !isCountryWord(joined.slice(0, space))) return joined;
  const variant = ORGANIZATION_VARIANTS[joined.slice(space + 1)];
  return variant ? `${joined.slice(0, space)} ${variant}` : joined;
}

/** Normalized words of a person's name as written, hyphenated words kept whole. */
function personTokens(name: string): { written: string[]; words: string[] } {
  const written = name.trim().split(/\s+/u).filter((w) => stripPunctuation(fold(w)) !== "");
  const words = written.map((w) => stripPunctuation(dropArabicArticles(dropPossessive(fold(w)))).replace(/ /g, "-"));
  return { written, words };
}

/**
 * A person's name as it should be displayed: without leading titles or honorifics
 * (`Senator Rubio` → `Rubio`, `Mr Blair` → `Blair`; a royal style stays: `Prince
 * Charles`) and without a possessive (`Trump's` → `Trump`).
 */
export const personDisplayName = memoize((name: string): string => {
  const { written, words } = personTokens(name);
  if (written.length === 0) return name;
  const kept = words.length === 2 && ROYAL_STYLES.has(words[0] as string) ? words : dropLeading(words, "PERSON");
  const out = written.slice(words.length - kept.length).join(" ");
  return out.replace(/['’]s$/u, "").replace(/s['’]$/u, "s");
});

/** The honorific a person's name opens with, as a gender: `Mr` → m, `Mrs`/`Ms`/`Miss` → f. */
export function honorificGender(name: string): "m" | "f" | null {
  const first = fold(name.trim().split(/\s+/u)[0] ?? "").replace(/\.$/, "");
  if (["mr", "mister", "sir", "lord"].includes(first)) return "m";
  if (["mrs", "ms", "miss", "madam", "dame", "lady"].includes(first)) return "f";
  return null;
}

/**
 * Given name and surname of a person's name (normalized, variants folded), or null parts
 * for a one-word name: `Robert Kilroy-Silk` → given `robert`, surname `kilroy silk`;
 * `Edwin van der Sar` → `edwin`, `van der sar`; `Mr Blair` → one word, `blair`.
 */
export const personNameParts = memoize((name: string): Readonly<{ words: number; given: string | null; surname: string }> => {
  const { words: all } = personTokens(name);
  const words = all.length === 2 && ROYAL_STYLES.has(all[0] as string) ? all : dropLeading(all, "PERSON");
  const core = words.length > 2 && SUFFIXES.has(words[words.length - 1] as string) ? words.slice(0, -1) : words;
  let start = core.length - 1;
  while (start > 1 && PARTICLE_WORDS.has(core[start - 1] as string)) start--;
  const variant = (w: string) => PERSON_VARIANTS[w] ?? w;
  const surname = core.slice(Math.max(0, start)).map(variant).join(" ").replace(/-/g, " ");
  if (core.length < 2 || ROYAL_STYLES.has(core[0] as string)) return Object.freeze({ words: core.length, given: null, surname });
  return Object.freeze({ words: core.length, given: variant(core[0] as string), surname });
});
