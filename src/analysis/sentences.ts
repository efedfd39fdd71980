// Sentence and paragraph structure over tokens, shared by the mention finder (which
// must know whether a capitalised word is capitalised only because it opens a
// sentence) and the quote finder (which looks for attributions within a sentence).

import type { Token } from "./tokenize.ts";

const SENTENCE_END = new Set([".", "!", "?", "…", ":"]);
const OPENING = new Set(["“", "„", "«", "‘", "(", "[", "{", '"', "'", "''", "``", "—", "–", "-", "•", "*"]);

/** True for tokens made only of letters in upper case (`ISIS`, `US`, `U.S.`). */
export function isAllCaps(word: string): boolean {
  let letters = 0;
  for (const ch of word) {
    if (ch.toLowerCase() !== ch) letters++;
    else if (ch.toUpperCase() !== ch) return false;
  }
  return letters > 0;
}

/** Marks that open a double quotation. */
const DOUBLE_OPENERS = new Set(["“", "„", "«", "``"]);
/** Marks that close one. */
const DOUBLE_CLOSERS = new Set(["”", "»", "‟"]);
/** Marks that may do either; position decides. */
const DOUBLE_AMBIGUOUS = new Set(['"', "''", "″"]);

/**
 * Whether the straight quote at `i` opens rather than closes: glued to the word after
 * it and not glued to the token before it (`said "We`, not `idiocy."`).
 */
export function opensStraightQuote(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const gluedAfter = next !== undefined && next.start === t.end && !t.lineBreakBefore;
  const gluedBefore = prev !== undefined && prev.end === t.start && !OPENING.has(prev.text);
  if (gluedAfter && !gluedBefore) return true;
  if (gluedBefore && !gluedAfter) return false;
  // Both or neither: `word"word` or ` " ` — guess opening only at a line start.
  return prev === undefined || t.lineBreakBefore;
}

/**
 * The role of token `i` as a double quotation mark: `open`, `close`, or null when it is
 * not one (single quotes and apostrophes are left alone: they are too often
 * possessives). Straight marks are decided by what they are glued to; a straight mark
 * right after a digit is an inch sign, not a quote.
 */
export function doubleQuoteRole(tokens: readonly Token[], i: number): "open" | "close" | null {
  const t = tokens[i] as Token;
  if (t.kind !== "quote") return null;
  if (DOUBLE_OPENERS.has(t.text)) return "open";
  if (DOUBLE_CLOSERS.has(t.text)) return "close";
  if (!DOUBLE_AMBIGUOUS.has(t.text)) return null;
  const prev = tokens[i - 1];
  if (t.text === '"' && prev !== undefined && prev.end === t.start && prev.kind === "number") return null;
  return opensStraightQuote(tokens, i) ? "open" : "close";
}

/**
 * For each token, whether it opens a sentence: first token, first after a line break,
 * first after `. ! ? … :` (skipping closing quotes/brackets), or first inside an
 * opening quote or bracket at such a place.
 */
export function sentenceStarts(tokens: readonly Token[]): boolean[] {
  const starts = new Array<boolean>(tokens.length).fill(false);
  let atStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.lineBreakBefore) atStart = true;
    starts[i] = atStart;
    if (t.kind === "punct" && SENTENCE_END.has(t.text)) {
      atStart = true;
    } else if ((t.kind === "quote" || t.kind === "punct") && OPENING.has(t.text)) {
      // An opening mark keeps "start of sentence" for the word it opens (`“We will`,
      // `, “This`): quoted speech begins its own sentence.
      atStart = atStart || doubleQuoteRole(tokens, i) === "open";
    } else if (t.kind === "quote" || t.text === ")" || t.text === "]") {
      // Closing marks after a full stop (`.”`) leave the next word sentence-initial.
    } else {
      atStart = false;
    }
  }
  return starts;
}

/** Paragraph number of each token: a line break starts a new paragraph. */
export function paragraphIndexes(tokens: readonly Token[]): number[] {
  const out = new Array<number>(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (tokens[i] as Token).lineBreakBefore) p++;
    out[i] = p;
  }
  return out;
}

/**
 * The tokens as sentences, for the tagger: a line break or sentence-final punctuation
 * (with its closing quotes) before a capital, digit or opening mark ends one.
 */
export function splitSentences<T extends Pick<Token, "text" | "start" | "end">>(text: string, tokens: readonly T[]): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (cur.length > 0) {
      const prev = cur[cur.length - 1]!;
      if (text.slice(prev.end, t.start).includes("\n")) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push(t);
    const s = t.text;
    if (s === "." || s === "!" || s === "?" || s === "..." || s === "\u2026") {
      // absorb closing quotes / brackets
      while (k + 1 < tokens.length && /^(?:["'”’)\]]|'')$/.test(tokens[k + 1]!.text) && tokens[k + 1]!.start === cur[cur.length - 1]!.end) {
        cur.push(tokens[++k]!);
      }
      const nx = tokens[k + 1];
      if (!nx || /^[A-Z0-9"“‘'(\[]/.test(nx.text) || /[\p{Lu}]/u.test(nx.text[0]!)) {
        out.push(cur);
        cur = [];
      }
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
