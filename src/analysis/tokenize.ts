// A news tokenizer with character offsets: the first stage of the extraction pipeline.
//
// A hand-written scanner (no backtracking regexes), linear in the text length. It keeps
// together what the later stages want whole (`U.S.`, `Mr.`, `al-Assad`, `O’Malley`,
// `1.13bn`) and splits off what must never stick to a name: punctuation, quotation
// marks and clitics such as the possessive `’s`.

export type TokenKind =
  /** Letters, with inner hyphens/apostrophes and abbreviation dots (`al-Assad`, `U.S.`). */
  | "word"
  /** Starts with a digit: `2016`, `1.13bn`, `04:21`, `76%` is `76` + `%`. */
  | "number"
  /** A clitic split off a word: possessive or contracted `’s`, `'re`, `’ll`, `'ve`, `’m`, `'d`. */
  | "clitic"
  /** Any quotation mark or a lone apostrophe: `“ ” " ‘ ’ ' « » „`, or a doubled `''`. */
  | "quote"
  /** Any other single non-space character, or a dash run (`--`). */
  | "punct";

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** True when a line break lies between this token and the previous one (or text start). */
  lineBreakBefore: boolean;
}

const APOSTROPHES = new Set(["'", "’", "ʼ"]);
const QUOTE_CHARS = new Set(['"', "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "‚", "‛", "`", "′", "″"]);
const CLITICS = new Set(["s", "re", "ll", "ve", "m", "d"]);
/** Words whose trailing period is part of them (titles, months, corporate suffixes). */
const DOTTED_ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
  "cmdr", "adm", "maj", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "govt", "dept",
  "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "mt", "ft", "no", "vol", "est", "approx", "pres", "supt", "messrs", "fig", "bros",
]);

// Character classes. ASCII is decided by char code; the rest by Unicode property,
// which is only consulted for non-ASCII characters.
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

export function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch) || MARK.test(ch);
}

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(ch);
}

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(ch) || c === 0x200b || c === 0xfeff;
}

function isWordChar(ch: string): boolean {
  return isLetter(ch) || isDigit(ch);
}

/** The code point at `i` as a string (one or two UTF-16 units). */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return text.slice(i, i + 2);
  }
  return text.charAt(i);
}

/** Length of the run of letters starting at `i` (0 when none). */
function letterRun(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLetter(charAt(text, j))) j += charAt(text, j).length;
  return j - i;
}

/**
 * Scans a word starting at `start` (a letter). Returns its end offset.
 * Inner hyphens and apostrophes followed by a letter stay inside (`al-Assad`, `O’Malley`),
 * except an apostrophe that begins a clitic (`Kerry’s` stops before `’s`).
 */
function scanWord(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < text.length && isWordChar(charAt(text, i))) i += charAt(text, i).length;
    const ch = text.charAt(i);
    const next = i + 1 < text.length ? charAt(text, i + 1) : "";
    if ((ch === "-" || ch === "‑") && next !== "" && isWordChar(next)) {
      i += 1;
      continue;
    }
    if (APOSTROPHES.has(ch) && next !== "" && isLetter(next)) {
      const run = letterRun(text, i + 1);
      const tail = text.slice(i + 1, i + 1 + run).toLowerCase();
      // `’s`, `’re`, ... become their own token; `can’t`/`O’Malley` stay whole.
      if (CLITICS.has(tail)) return i;
      i += 1;
      continue;
    }
    return i;
  }
}

/**
 * After a word ending at `end`, decides whether a following period belongs to it:
 * initialisms (`U.S.`, `a.m.`), single-letter initials (`George W.`) and known
 * abbreviations (`Mr.`, `Govt.`). Returns the new end.
 */
function extendAbbreviation(text: string, start: number, end: number): number {
  if (text.charAt(end) !== ".") return end;
  const word = text.slice(start, end);
  // Initialism: single letters separated by periods, e.g. U.S. / U.S.A. / a.m. / e.g.
  if (word.length === 1 && /^[A-Za-z]$/.test(word)) {
    let j = end;
    let groups = 1;
    while (text.charAt(j) === "." && isLetter(text.charAt(j + 1)) && letterRun(text, j + 1) === 1) {
      j += 2;
      groups++;
    }
    if (groups > 1) return text.charAt(j) === "." ? j + 1 : j;
    // A single capital letter with a period is an initial (`George W. Bush`).
    if (word >= "A" && word <= "Z") return end + 1;
  }
  if (DOTTED_ABBREVIATIONS.has(word.toLowerCase())) {
    // `No.` only counts as an abbreviation before a number (`No. 10`).
    if (word.toLowerCase() === "no" && !isDigit(text.charAt(end + 2)) && !isDigit(text.charAt(end + 1))) {
      return end;
    }
    return end + 1;
  }
  return end;
}

/** Scans a number starting at a digit: inner `.,:/-` between digits and letter suffixes. */
function scanNumber(text: string, start: number): number {
  let i = start;
  for (;;) {
    // Code points, not code units: some scripts have digits outside the BMP.
    while (i < text.length && isDigit(charAt(text, i))) i += charAt(text, i).length;
    const ch = text.charAt(i);
    if ((ch === "." || ch === "," || ch === ":" || ch === "/" || ch === "-") && i + 1 < text.length && isDigit(charAt(text, i + 1))) {
      i++;
      continue;
    }
    break;
  }
  // Unit or ordinal suffixes: 1.13bn, 3rd, 1990s.
  while (i < text.length && isLetter(charAt(text, i))) i += charAt(text, i).length;
  return i;
}

/**
 * Splits `text` into tokens with offsets; whitespace is dropped. Every token satisfies
 * `text.slice(t.start, t.end) === t.text`, and tokens are in increasing, non-overlapping order.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let lineBreak = true;
  const push = (start: number, end: number, kind: TokenKind): void => {
    tokens.push({ text: text.slice(start, end), start, end, kind, lineBreakBefore: lineBreak });
    lineBreak = false;
  };
  while (i < text.length) {
    const ch = charAt(text, i);
    if (isSpace(ch)) {
      if (ch === "\n" || ch === "\u2028" || ch === "\u2029") lineBreak = true;
      i += ch.length;
      continue;
    }
    // Both scanners consume at least the character that selected them; the Math.max
    // guards keep the loop advancing even if a character class check ever disagreed.
    if (isLetter(ch)) {
      const end = Math.max(i + ch.length, extendAbbreviation(text, i, scanWord(text, i)));
      push(i, end, "word");
      i = end;
      continue;
    }
    if (isDigit(ch)) {
      const end = Math.max(i + ch.length, scanNumber(text, i));
      push(i, end, "number");
      i = end;
      continue;
    }
    if (APOSTROPHES.has(ch) && tokens.length > 0 && tokens[tokens.length - 1]?.end === i) {
      // Clitic glued to the previous word: `’s`, `'re`, `’ll` ... (not followed by a letter).
      const run = letterRun(text, i + 1);
      const tail = text.slice(i + 1, i + 1 + run).toLowerCase();
      if (run > 0 && CLITICS.has(tail)) {
        push(i, i + 1 + run, "clitic");
        i += 1 + run;
        continue;
      }
    }
    if ((ch === "'" || ch === "`" || ch === "’" || ch === "‘") && text.charAt(i + 1) === ch) {
      // `''` and ```` ``: typewriter double quotes, as some newspapers' archives write them.
      push(i, i + 2, "quote");
      i += 2;
      continue;
    }
    if (QUOTE_CHARS.has(ch)) {
      push(i, i + ch.length, "quote");
      i += ch.length;
      continue;
    }
    if (ch === "-" && text.charAt(i + 1) === "-") {
      let j = i;
      while (text.charAt(j) === "-") j++;
      push(i, j, "punct");
      i = j;
      continue;
    }
    push(i, i + ch.length, "punct");
    i += ch.length;
  }
  return tokens;
}
