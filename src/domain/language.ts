// Language tags as articles carry them: the formats read them (src/documents/formats), the
// API filters by them (src/graphql/types/query.ts).

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** A BCP 47 tag in its usual case (`en`, `en-GB`, `zh-Hant`), or null when it is not one. */
export function normalizeLanguage(value: string): string | null {
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag)) return null;
  return tag
    .split(/[-_]/)
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))
    .join("-");
}
