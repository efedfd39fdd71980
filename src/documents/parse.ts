// Turning the bytes of one news document into a ParsedDocument.
// Pure: no I/O here, so the same code serves files, uploads and tests.
//
// Two layouts are understood:
//  - the seed layout (an id line, a date line, the title, `Story Code : N`, the title
//    again, the body, a trailing `Comment` line), as in seeds/000_*.txt;
//  - the plain layout (title line, blank line, body), as in most news corpora.
// Either may open with a `---` YAML front matter block (formats/front-matter.ts), and a
// first line `BYLINE: Ann Lee.` or `By Ann Lee` names the authors, not the title.
// JSON Lines, HTML pages and feeds have modules of their own in formats/.

import { NO_META, withMeta, type ParsedDocument } from "../domain/document.ts";
import { splitFrontMatter } from "./formats/front-matter.ts";
import { DocumentError } from "./document-error.ts";
import { splitAuthors } from "./formats/fields.ts";


/** Control characters other than tab, LF, CR and form feed. */
function isOddControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
}

/** Above this share of odd control characters a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes a document's bytes as strict UTF-8 and normalizes line endings.
 * Rejects empty, binary and non-UTF-8 input with a DocumentError.
 */
export function decodeDocument(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) throw new DocumentError(fileName, "empty document");
  // NUL bytes never occur in text; checking bytes first gives a clearer reason than
  // whatever the UTF-8 decoder would make of a binary file.
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0) throw new DocumentError(fileName, "binary file (contains NUL bytes)");
    if (isOddControl(b)) control++;
  }
  if (control / bytes.length > MAX_CONTROL_SHARE) {
    throw new DocumentError(fileName, "binary file (too many control characters)");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DocumentError(fileName, "not valid UTF-8");
  }
  // TextDecoder strips a leading BOM by default; a second one (or one kept by a
  // caller that decoded elsewhere) is removed here too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = normalizeNewlines(text);
  if (text.trim() === "") throw new DocumentError(fileName, "empty document (only whitespace)");
  return text;
}

/** CRLF and lone CR become LF, so every later step only knows `\n`. */
export function normalizeNewlines(text: string): string {
  return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
}

/** Number of whitespace-separated words that contain a letter or digit. */
export function countWords(body: string): number {
  let count = 0;
  // One linear pass with a non-backtracking pattern; fine for multi-megabyte bodies.
  const word = /\S+/g;
  const alnum = /[\p{L}\p{N}]/u;
  for (let m = word.exec(body); m !== null; m = word.exec(body)) {
    if (alnum.test(m[0])) count++;
  }
  return count;
}

// ---- layout detection --------------------------------------------------------------

const ID_LINE = /^\d{1,20}$/;
const STORY_CODE = /^Story\s*Code\s*:\s*(\d+)\s*$/i;
const MONTHS: Record<string, number> = {
  january: 0, february: 1, march: 2, april: 3, may: 4, june: 5,
  july: 6, august: 7, september: 8, october: 9, november: 10, december: 11,
};
// `Saturday 3 December 2016 - 04:21` (weekday optional, time optional).
const DATE_LINE =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})(?:\s*[-–—,]?\s*(\d{1,2}):(\d{2}))?$/i;

/** Parses a seed-layout date line as UTC, or returns null when the line is not one. */
export function parseDateLine(line: string): Date | null {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return null;
  const month = MONTHS[(m[2] ?? "").toLowerCase()];
  if (month === undefined) return null;
  const day = Number(m[1]);
  const year = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = new Date(Date.UTC(year, month, day, hour, minute));
  // Date.UTC rolls 31 February over into March; such a line is not a real date.
  if (date.getUTCDate() !== day) return null;
  return date;
}

const HTML_START = /^\s*<(?:!doctype\s+html|html[\s>])/i;

/** Lines that hold only whitespace (including no-break spaces) separate paragraphs. */
function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Collapses whitespace runs inside a title, which must be one line. */
function cleanTitle(line: string): string {
  return line.trim().replace(/\s+/g, " ");
}

/**
 * Joins body lines into paragraphs: whitespace-only lines separate paragraphs, each
 * paragraph is trimmed, and paragraphs are joined with exactly one blank line.
 * Lines inside a paragraph keep their own single newlines.
 */
export function normalizeBody(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) {
      const text = current.join("\n").trim();
      if (text !== "") paragraphs.push(text);
      current = [];
    }
  };
  for (const line of lines) {
    if (isBlank(line)) flush();
    else current.push(line.trimEnd());
  }
  flush();
  return paragraphs.join("\n\n");
}

/** The seed layout's closing `Comment` line (a site widget label, not article text). */
const TRAILING_COMMENT = /(?:^|\n)[ \t\u00a0]*Comments?[ \t\u00a0]*$/;
/** The same label glued to the last sentence without a line break (`said.Comment`). */
const GLUED_COMMENT = /([.!?"”’])Comments?$/;

function parseSeedLayout(lines: string[], fileName: string): ParsedDocument {
  // lines[0] is the numeric id; everything else is located by content, not position,
  // so a missing date line or story code does not shift the rest.
  let i = 1;
  const skipBlank = (): void => {
    while (i < lines.length && isBlank(lines[i] as string)) i++;
  };
  skipBlank();
  let publishedAt: Date | null = null;
  if (i < lines.length) {
    const date = parseDateLine(lines[i] as string);
    if (date) {
      publishedAt = date;
      i++;
      skipBlank();
    }
  }
  if (i >= lines.length) throw new DocumentError(fileName, "no title");
  const title = cleanTitle(lines[i] as string);
  i++;
  skipBlank();
  let sourceId: string | null = null;
  const code = i < lines.length ? STORY_CODE.exec((lines[i] as string).trim()) : null;
  if (code) {
    sourceId = code[1] ?? null;
    i++;
    skipBlank();
  }
  // The title is repeated above the body; drop that copy only.
  if (i < lines.length && cleanTitle(lines[i] as string) === title) i++;
  const body = normalizeBody(lines.slice(i)).replace(TRAILING_COMMENT, "").replace(GLUED_COMMENT, "$1").trim();
  if (body === "") throw new DocumentError(fileName, "no body");
  return { title, body, publishedAt, sourceId, ...NO_META };
}

function parsePlainLayout(lines: string[], fileName: string): ParsedDocument {
  let i = 0;
  while (i < lines.length && isBlank(lines[i] as string)) i++;
  if (i >= lines.length) throw new DocumentError(fileName, "empty document (only whitespace)");
  const title = cleanTitle(lines[i] as string);
  const body = normalizeBody(lines.slice(i + 1));
  if (body === "") throw new DocumentError(fileName, "no body");
  return { title, body, publishedAt: null, sourceId: null, ...NO_META };
}

/** True when the text follows the seed layout: an id line then a date or title. */
function looksLikeSeedLayout(lines: readonly string[]): boolean {
  const first = lines[0]?.trim() ?? "";
  if (!ID_LINE.test(first)) return false;
  // A plain article whose title is a bare number is conceivable; demand a second
  // seed marker (date line, story code, repeated title or closing `Comment` label) so
  // such a title is not mistaken for an id.
  const head = lines.slice(1, 12).map((l) => l.trim());
  if (head.some((l) => parseDateLine(l) !== null || STORY_CODE.test(l))) return true;
  const nonBlank = head.filter((l) => l !== "");
  if (nonBlank.length >= 2 && nonBlank[0] === nonBlank[1]) return true;
  return TRAILING_COMMENT.test(lines.join("\n").trimEnd());
}

/**
 * Parses decoded document text (see decodeDocument) into title, body, date and story
 * code. Throws a DocumentError when there is nothing that reads like an article.
 */
export function parseDocument(content: string, fileName: string): ParsedDocument {
  let text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  text = normalizeNewlines(text);
  if (text.trim() === "") throw new DocumentError(fileName, "empty document (only whitespace)");
  if (HTML_START.test(text.slice(0, 512))) {
    throw new DocumentError(fileName, "looks like HTML, not a text article");
  }
  const { meta, rest } = splitFrontMatter(text, fileName);
  const lines = rest.split("\n");
  const authors = takeByline(lines);
  let doc: ParsedDocument;
  if (meta?.title) {
    // The front matter's title: every line is body, but for a repeat of the title.
    const first = lines.findIndex((l) => !isBlank(l));
    const body = normalizeBody(first >= 0 && cleanTitle(lines[first]!) === meta.title ? lines.slice(first + 1) : lines);
    if (body === "") throw new DocumentError(fileName, "no body");
    doc = { title: meta.title, body, publishedAt: null, sourceId: null, ...NO_META };
  } else {
    doc = looksLikeSeedLayout(lines) ? parseSeedLayout(lines, fileName) : parsePlainLayout(lines, fileName);
  }
  return withMeta(doc, { ...meta, authors: meta?.authors?.length ? meta.authors : authors });
}

/** `BYLINE: Amber Phillips.` (news databases) or `By Ann Lee and Bo Chen`. */
const BYLINE = /^\s*BYLINE:\s*(\S.{0,200})$/i;
/** `By` then capitalised names only, so a title like `By the numbers: ...` stays a title. */
const BY_NAMES = /^\s*By\s+(\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*,\s*)(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|del|la|le|bin|al))*)\s*$/u;

/** Removes a byline first line from `lines` and returns its names (none: nothing removed). */
function takeByline(lines: string[]): string[] {
  const first = lines.findIndex((l) => !isBlank(l));
  if (first < 0) return [];
  const line = lines[first]!;
  const match = BYLINE.exec(line) ?? (line.trim().split(/\s+/).length <= 9 ? BY_NAMES.exec(line) : null);
  if (!match) return [];
  const authors = splitAuthors(match[1]!);
  if (authors.length === 0) return [];
  lines.splice(0, first + 1);
  return authors;
}
