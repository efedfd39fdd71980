// The normalized key of an entity name. The store upserts entities on (type, key), so
// this function decides which surface forms are one entity across the whole corpus:
// it must be deterministic and conservative (merging two people is worse than keeping
// one person twice).

import type { EntityType } from "../extract/types.ts";
import { lookupCountry } from "../extract/lexicon/countries.ts";
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

/** Leading words that are titles, honorifics or articles, never part of the key. */
function dropLeading(words: string[], type: EntityType): string[] {
  let i = 0;
  while (i < words.length - 1) {
    const w = words[i] as string;
    const isTitle = type === "PERSON" && (TITLE_HEADS.has(w) || TITLE_HEADS.has(`${w}.`) || TITLE_MODIFIERS.has(w));
    if (w === "the" || isTitle) i++;
    else break;
  }
  return words.slice(i);
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
  const words = dropLeading(stripPunctuation(folded).split(" ").filter((w) => w !== ""), type);
  if (type === "PERSON") {
    const mapped = words.map((w) => PERSON_VARIANTS[w] ?? w);
    return mapped.join(" ");
  }
  const joined = words.join(" ");
  if (type === "PLACE") return PLACE_VARIANTS[joined] ?? joined;
  return joined;
}
