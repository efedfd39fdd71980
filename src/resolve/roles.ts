// The office a person is named with (`President Bush`, `former Gov. Jeb Bush`, `Vice
// President Joe Biden`): evidence for which full name a bare surname is, across
// articles (src/resolve/corpus.ts). Honorifics are not offices: they give a gender.

import { TITLE_HEADS, TITLE_MODIFIERS } from "../lexicon/words.ts";
import { honorificGender } from "./normalize.ts";

/** Title heads that are styles rather than an office, beside the honorifics that give a gender (`Mr`, `Lady`). */
const STYLES = new Set(["dr", "prof", "professor", "rev", "reverend", "father"]);
const isHonorific = (w: string) => honorificGender(w) !== null || STYLES.has(w);
/** Abbreviated heads, by the office they stand for. */
const ABBREVIATED: Record<string, string> = {
  gov: "governor",
  sen: "senator",
  rep: "representative",
  gen: "general",
  col: "colonel",
  lt: "lieutenant",
  maj: "major",
  capt: "captain",
  sgt: "sergeant",
  adm: "admiral",
  chair: "chairman",
  chairwoman: "chairman",
};
/** Modifiers that say when, not which office: `former President` held the president's. */
const WHEN = new Set(["former", "late", "then", "acting", "interim"]);

/** How far before a mention its title may start. */
const REACH = 48;

const bare = (w: string) => w.toLowerCase().replace(/\.$/u, "");

/**
 * The office a mention names its person with, from the title run right before its name
 * (the words before it and its own leading title, `Governor Bush`): the run's last title
 * head with the modifiers right before it (`vice president`, `foreign secretary`),
 * abbreviations spelled out; null for an honorific (`Mr`) or none.
 */
export function roleOf(text: string, start: number, mention: string): string | null {
  // Singular titles only (unlike normalize.ts's): in `Police Officers spokesman` the office is the spokesman's.
  const isTitleWord = (w: string) => TITLE_HEADS.has(w.toLowerCase()) || TITLE_MODIFIERS.has(w.toLowerCase());
  const own = mention.split(/\s+/u).filter((w) => w !== "");
  const leading = own.slice(0, own.findIndex((w) => !isTitleWord(w)));
  // Whole words only: the reach may cut the first one.
  const before = text.slice(Math.max(0, start - REACH), start).split(/\s+/u).slice(start > REACH ? 1 : 0).filter((w) => w !== "");
  const words = [...before, ...leading];
  let from = words.length;
  while (from > 0 && isTitleWord(words[from - 1] as string)) from--;
  const run = words.slice(from);
  let head = run.length - 1;
  while (head >= 0 && !TITLE_HEADS.has((run[head] as string).toLowerCase())) head--;
  if (head < 0) return null;
  const word = bare(run[head] as string);
  if (isHonorific(word)) return null;
  const parts = [ABBREVIATED[word] ?? word];
  for (let i = head - 1; i >= 0 && !TITLE_HEADS.has((run[i] as string).toLowerCase()) && !WHEN.has(bare(run[i] as string)); i--) parts.unshift(bare(run[i] as string));
  return parts.join(" ");
}
