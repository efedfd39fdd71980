// The metadata fields every format shares (dates, URLs, authors, publishers, language
// tags), read with zod: news-please's and NewsAPI's names, front matter's, feeds'. A field
// that cannot be read is an error naming it; the caller names the file and line.
import { z } from "zod";
import { normalizeLanguage } from "../../domain/language.ts";

/** `2016-03-04 12:30:00` (news-please, no zone) is UTC, as are dates without a time. */
const NAIVE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** A date from ISO 8601, news-please's `YYYY-MM-DD HH:MM:SS` (UTC), RFC 2822 (feeds), or epoch seconds/milliseconds. */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value);
  if (typeof value !== "string" || value.trim() === "") return null;
  const text = value.trim();
  const date = new Date(NAIVE.test(text) ? `${text.replace(" ", "T")}${text.length === 10 ? "T00:00:00" : ""}Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const dateField = z.union([z.string(), z.number(), z.date()]).transform((value, ctx) => {
  const date = parseDate(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: `not a date: ${JSON.stringify(String(value)).slice(0, 60)}` });
    return z.NEVER;
  }
  return date;
});

/** An absolute http(s) URL without its fragment. */
export function normalizeUrl(value: string, base?: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

export const urlField = z.string().transform((value, ctx) => {
  const url = normalizeUrl(value);
  if (!url) {
    ctx.addIssue({ code: "custom", message: `not an http(s) URL: ${JSON.stringify(value).slice(0, 80)}` });
    return z.NEVER;
  }
  return url;
});

const BY = /^\s*(?:by|byline:)\s+/i;

/** Names from a byline string (`By Ann Lee and Bo Chen`, `Lee, Ann; Chen, Bo` stays whole per `;`). */
export function splitAuthors(text: string): string[] {
  const cleaned = text.replace(BY, "").replace(/\.\s*$/, "").trim();
  if (cleaned === "") return [];
  const parts = cleaned.includes(";") ? cleaned.split(/\s*;\s*/) : cleaned.split(/\s*(?:,|\band\b|&)\s*/i);
  return [...new Set(parts.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p !== "" && p.length <= 120))];
}

/** One name, several in a string, a list, or news-please/JSON-LD objects with `name`. */
export const authorsField = z
  .union([z.string(), z.array(z.union([z.string(), z.object({ name: z.string() }).loose()])), z.object({ name: z.string() }).loose()])
  .transform((value) => {
    const list = Array.isArray(value) ? value : [value];
    return [...new Set(list.flatMap((a) => (typeof a === "string" ? splitAuthors(a) : splitAuthors(a.name))))];
  });

export const languageField = z.string().transform((value, ctx) => {
  const tag = normalizeLanguage(value);
  if (!tag) {
    ctx.addIssue({ code: "custom", message: `not a language tag: ${JSON.stringify(value).slice(0, 40)}` });
    return z.NEVER;
  }
  return tag;
});

/** A publisher's name: NewsAPI's `source` object or a plain name or domain. */
export const publisherField = z.union([z.string(), z.object({ name: z.string().nullish(), id: z.string().nullish() }).loose()]).transform((value) => {
  const name = typeof value === "string" ? value : (value.name ?? value.id ?? "");
  return name.replace(/\s+/g, " ").trim() || null;
});

/** zod's first issue as `field: message`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.length ? issue.path.join(".") : "record";
  return `field ${field}: ${issue.message}`;
}
