// Quotation marks → quote spans: which double marks open and close a quotation.
//
// Curly, straight, typewriter (`''`, ``` `` ```) and mismatched pairs (`"...”`) are paired
// within a paragraph; single quotes inside stay part of the quotation (they are too often
// apostrophes to pair). A quotation left open at the end of a paragraph continues when the
// next paragraph opens with a mark (news style for long quotations). Marks inside markup
// (`<tweet id="...">`) are not quotation marks.

import type { Token } from "../tokenize.ts";
import { doubleQuoteRole } from "../sentences.ts";

export interface QuotePair {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or -1 for a quotation left open at its paragraph's end. */
  close: number;
  /** Token index of the last token inside the marks. */
  lastInside: number;
  /** Opens a paragraph and continues the quotation left open at the end of the previous one. */
  continues: boolean;
}

const CURLY_OPENERS = new Set(["“", "„", "«", "``"]);
const GLUE_BEFORE_CLOSE = new Set([",", ".", "?", "!", "…", ";", ":", "-", "—", "–"]);
/** Longest markup tag (`<tweet id="..." author="..." datetime="...">`) in tokens. */
const MAX_TAG_TOKENS = 80;

/**
 * Tokens inside markup tags (`<tweet id="1" author="@x">`, `<tweet/>`): from a `<` glued
 * to a word or `/` to the next `>` in the same paragraph. Linear: each token is visited once
 * by the scan and at most once more as part of a tag.
 */
export function markupTokens(tokens: readonly Token[], paragraph: readonly number[]): boolean[] {
  const inTag = new Array<boolean>(tokens.length).fill(false);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.text === "<" && next && next.start === t.end && (next.kind === "word" || next.text === "/")) {
      let j = i + 1;
      while (j < tokens.length && j - i < MAX_TAG_TOKENS && paragraph[j] === paragraph[i] && (tokens[j] as Token).text !== ">") j++;
      if (j < tokens.length && (tokens[j] as Token).text === ">" && paragraph[j] === paragraph[i]) {
        for (let k = i; k <= j; k++) inTag[k] = true;
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return inTag;
}

/**
 * The role of token `i` while a quotation is or is not open: like `doubleQuoteRole`, but an
 * opening-shaped mark glued to the punctuation that ends the quoted words (`here,“ said`)
 * closes an open quotation, a straight mark after a digit closes one (`"99.9" percent`), and
 * a closing-shaped mark glued only to the word after it opens one (`”We`).
 */
function roleAt(tokens: readonly Token[], i: number, open: boolean): "open" | "close" | null {
  const t = tokens[i] as Token;
  if (t.kind !== "quote") return null;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const gluedBefore = prev !== undefined && prev.end === t.start && !t.lineBreakBefore;
  const gluedAfter = next !== undefined && next.start === t.end && !next.lineBreakBefore;
  const role = doubleQuoteRole(tokens, i);
  if (open) {
    if (role === null && t.text === '"') return "close";
    if (role === "open" && CURLY_OPENERS.has(t.text) && gluedBefore && !gluedAfter && prev && GLUE_BEFORE_CLOSE.has(prev.text)) {
      return "close";
    }
    return role;
  }
  if (role === "close" && t.text === "”" && gluedAfter && !gluedBefore && next && (next.kind === "word" || next.kind === "number")) {
    return "open";
  }
  return role;
}

/** Pairs double quotation marks; quotations never cross a paragraph break, but may continue. */
export function pairQuotes(tokens: readonly Token[], paragraph: readonly number[], markup: readonly boolean[]): QuotePair[] {
  const pairs: QuotePair[] = [];
  let open = -1;
  /** A quotation of the other style nested in the open one (`"... question: “As you know ...” ..."`). */
  let nested = -1;
  const closeAtParagraphEnd = (last: number): void => {
    if (open >= 0 && last > open) pairs.push({ open, close: -1, lastInside: last, continues: false });
    open = -1;
    nested = -1;
  };
  const straight = (i: number): boolean => !CURLY_OPENERS.has((tokens[i] as Token).text) && (tokens[i] as Token).text !== "”";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.lineBreakBefore && i > 0) closeAtParagraphEnd(i - 1);
    if (markup[i]) continue;
    const role = roleAt(tokens, i, open >= 0);
    if (role === null) continue;
    if (nested >= 0) {
      // Inside the nested quotation only its own style closes it.
      if (straight(i) === straight(nested) && role === "close") nested = -1;
      else if (straight(i) === straight(nested) && straight(i)) nested = -1;
      continue;
    }
    if (open >= 0 && role === "open" && straight(open) && !straight(i) && i > open + 1) {
      nested = i;
      continue;
    }
    if (open < 0) {
      if (role === "open") open = i;
    } else if (role === "close" || t.text === '"' || t.text === "''") {
      // Inside a quotation a straight mark can only close it (`"... idiocy."`).
      if (i > open + 1) pairs.push({ open, close: i, lastInside: i - 1, continues: false });
      open = -1;
    } else {
      // A second opening mark: the first one was never closed; start over from here.
      open = i;
    }
  }
  closeAtParagraphEnd(tokens.length - 1);
  // A pair opening its paragraph right after a quotation left open continues it.
  for (let k = 1; k < pairs.length; k++) {
    const prev = pairs[k - 1] as QuotePair;
    const cur = pairs[k] as QuotePair;
    if (prev.close >= 0) continue;
    const opener = tokens[cur.open] as Token;
    if (opener.lineBreakBefore && paragraph[cur.open] === (paragraph[prev.open] ?? 0) + 1) cur.continues = true;
  }
  return pairs;
}
