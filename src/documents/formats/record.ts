// One article as a JSON object: a line of a JSON Lines file, the way crawlers and news
// APIs hand them out. news-please (`maintext`, `date_publish`, `source_domain`), NewsAPI
// (`content`, `publishedAt`, `source.name`, `author`), Trafilatura and GDELT-style lists
// (`text`, `date`, `hostname`) all read; the first field present of each group is used.
import { z } from "zod";
import { normalizeBody } from "../parse.ts";
import { DocumentError } from "../document-error.ts";
import type { DocumentMeta, ParsedDocument } from "../../domain/document.ts";
import { authorsField, dateField, describeIssue, languageField, publisherField, urlField } from "./fields.ts";

/** The names accepted for each field, in order of preference. */
export const RECORD_FIELDS = {
  title: ["title", "headline"],
  body: ["maintext", "text", "content", "body", "raw_text"],
  date: ["date_publish", "publishedAt", "published_at", "date", "pubDate", "datePublished"],
  url: ["url", "link", "source_url"],
  publisher: ["source_domain", "source", "publisher", "sitename", "hostname", "site_name"],
  authors: ["authors", "author", "byline"],
  language: ["language", "lang"],
} as const;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

const recordSchema = z.object({
  title: z.string(),
  body: z.string(),
  date: optional(dateField),
  url: optional(urlField),
  publisher: optional(publisherField),
  authors: optional(authorsField),
  language: optional(languageField),
});

/** The first field of the group that the object has (not null), under its own name for error messages. */
function pick(object: Record<string, unknown>, names: readonly string[]): [string, unknown] | undefined {
  for (const name of names) if (object[name] !== undefined && object[name] !== null) return [name, object[name]];
  return undefined;
}

/** A JSON value as an article; throws a DocumentError naming the field that is missing or wrong. */
export function recordToDocument(value: unknown, fileName: string): ParsedDocument {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new DocumentError(fileName, "not a JSON object");
  const object = value as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  for (const [field, candidates] of Object.entries(RECORD_FIELDS)) {
    const found = pick(object, candidates);
    if (found) [names[field], picked[field]] = found;
  }
  if (picked.body === undefined) throw new DocumentError(fileName, `no text: none of the fields ${RECORD_FIELDS.body.join(", ")}`);
  if (picked.title === undefined) throw new DocumentError(fileName, `no title: none of the fields ${RECORD_FIELDS.title.join(", ")}`);
  const parsed = recordSchema.safeParse(picked);
  if (!parsed.success) {
    // Name the field as the record spelled it.
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "");
    const rest = issue.path.slice(1).join(".");
    throw new DocumentError(fileName, describeIssue(new z.ZodError([{ ...issue, path: [`${names[field] ?? field}${rest ? `.${rest}` : ""}`] }])));
  }
  const r = parsed.data;
  const title = r.title.replace(/\s+/g, " ").trim();
  const body = normalizeBody(r.body.replace(/\r\n?/g, "\n").split("\n"));
  if (title === "") throw new DocumentError(fileName, `no title: field ${names.title} is empty`);
  if (body === "") throw new DocumentError(fileName, `no text: field ${names.body} is empty`);
  return {
    title,
    body,
    publishedAt: r.date ?? null,
    sourceId: null,
    url: r.url ?? null,
    publisher: r.publisher ?? null,
    authors: r.authors ?? [],
    language: r.language ?? null,
  };
}

const metaSchema = recordSchema.partial();

/** Metadata fields given apart from a document (the ingestArticle input), checked like a record's. */
export function metaFromFields(fields: { title?: string | null; url?: string | null; publisher?: string | null; authors?: string[] | null; date?: unknown; language?: string | null }): DocumentMeta {
  const parsed = metaSchema.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)));
  if (!parsed.success) throw new DocumentError("input", describeIssue(parsed.error));
  const m = parsed.data;
  return {
    title: m.title?.replace(/\s+/g, " ").trim() || undefined,
    publishedAt: m.date ?? undefined,
    url: m.url ?? undefined,
    publisher: m.publisher ?? undefined,
    authors: m.authors ?? undefined,
    language: m.language ?? undefined,
  };
}

/** One JSON Lines line's bytes as an article; bad JSON or fields are a DocumentError. */
export function parseJsonRecord(text: string, fileName: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DocumentError(fileName, `not valid JSON: ${(error as Error).message}`);
  }
  return recordToDocument(value, fileName);
}
