// The normalized key of an entity name. The store upserts entities on (type, key), so
// this function decides which surface forms are one entity across the whole corpus:
// it must be deterministic and conservative (merging two people is worse than keeping
// one person twice).

import type { EntityType } from "../extract/types.ts";
import { isDemonym, lookupCountry } from "../extract/lexicon/countries.ts";
import { TITLE_HEADS, TITLE_MODIFIERS } from "../extract/lexicon/words.ts";

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
};

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
  return TITLE_HEADS.has(w) || TITLE_HEADS.has(`${w}.`) || TITLE_MODIFIERS.has(w);
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
  const folded = dropPossessive(fold(name).trim());
  if (type === "PLACE") {
    const country = lookupCountry(folded) ?? lookupCountry(folded.replace(/^the\s+/, ""));
    if (country) return stripPunctuation(fold(country.name));
  }
  const bare = type === "PERSON" ? dropArabicArticles(folded) : folded;
  const words = dropLeading(stripPunctuation(bare).split(" ").filter((w) => w !== ""), type);
  if (type === "PERSON") {
    const mapped = dropMiddleInitials(words).map((w) => PERSON_VARIANTS[w] ?? w);
    return mapped.join(" ");
  }
  const joined = words.join(" ");
  if (type === "PLACE") return PLACE_VARIANTS[joined] ?? joined;
  return ORGANIZATION_VARIANTS[joined] ?? joined;
}
