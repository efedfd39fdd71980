// A `---` YAML block at the top of a plain-text document (as static-site generators
// and note tools write them): title, date, url, source, authors, language.
import { createRequire } from "node:module";
import { z } from "zod";
import { DocumentError } from "../document-error.ts";
import type { DocumentMeta } from "../../domain/document.ts";
import { authorsField, dateField, describeIssue, languageField, publisherField, urlField } from "./fields.ts";

/** The YAML parser, loaded on the first front matter: few documents have one, and every analysis thread reads this module. */
const load = createRequire(import.meta.url);
const parseYaml = (text: string, options: { maxAliasCount: number }): unknown => (load("yaml") as typeof import("yaml")).parse(text, options);

const frontMatterSchema = z.object({
  title: z.string().nullish(),
  date: dateField.nullish(),
  url: urlField.nullish(),
  source: publisherField.nullish(),
  publisher: publisherField.nullish(),
  authors: authorsField.nullish(),
  author: authorsField.nullish(),
  language: languageField.nullish(),
});

const OPEN = /^---[ \t]*\n/;
const CLOSE = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits off a front matter block: its fields and the text after it; no block, no fields. */
export function splitFrontMatter(text: string, fileName: string): { meta: DocumentMeta | null; rest: string } {
  if (!OPEN.test(text)) return { meta: null, rest: text };
  const close = CLOSE.exec(text.slice(3));
  if (!close) throw new DocumentError(fileName, "front matter: no closing --- line");
  const yamlText = text.slice(4, 3 + close.index);
  const rest = text.slice(3 + close.index + close[0].length);
  let value: unknown;
  try {
    value = parseYaml(yamlText, { maxAliasCount: 10 });
  } catch (error) {
    throw new DocumentError(fileName, `front matter: not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (value === null || value === undefined) return { meta: {}, rest };
  if (typeof value !== "object" || Array.isArray(value)) throw new DocumentError(fileName, "front matter: not a mapping of fields");
  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) throw new DocumentError(fileName, `front matter: ${describeIssue(parsed.error)}`);
  const f = parsed.data;
  const meta: DocumentMeta = {
    title: f.title?.replace(/\s+/g, " ").trim() || undefined,
    publishedAt: f.date ?? undefined,
    url: f.url ?? undefined,
    publisher: f.source ?? f.publisher ?? undefined,
    authors: f.authors ?? f.author ?? undefined,
    language: f.language ?? undefined,
  };
  return { meta, rest };
}
