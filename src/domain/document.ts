/** One article as read from a document, before any analysis. */
export interface ParsedDocument {
  title: string;
  body: string;
  publishedAt: Date | null;
  /** The `Story Code`, when the document has one. */
  sourceId: string | null;
  /** Where the article is published (canonical when the page names one). */
  url: string | null;
  /** The outlet, as the source names it (`nytimes.com`, `The Washington Post`). */
  publisher: string | null;
  /** Bylines' names, in the source's order. */
  authors: string[];
  /** BCP 47 language tag, as the source gives it. */
  language: string | null;
}

/** What a format can say about an article besides its text: fills or overrides a parse's fields. */
export type DocumentMeta = Partial<Pick<ParsedDocument, "title" | "publishedAt" | "url" | "publisher" | "authors" | "language">>;

/** The fields no layout of its own carries. */
export const NO_META = { url: null, publisher: null, authors: [], language: null } as const satisfies Partial<ParsedDocument>;

/** `meta`'s fields over the document's: the caller knows better (a feed item's link, the mutation's input). */
export function withMeta(doc: ParsedDocument, meta: DocumentMeta | undefined): ParsedDocument {
  if (!meta) return doc;
  const given = Object.fromEntries(Object.entries(meta).filter(([k, v]) => v !== undefined && v !== null && !(k === "authors" && (v as string[]).length === 0)));
  return { ...doc, ...given };
}

/** `meta`'s fields where the document has none. */
export function withFallback(doc: ParsedDocument, meta: DocumentMeta | undefined): ParsedDocument {
  if (!meta) return doc;
  const missing = Object.entries(meta).filter(([k, v]) => {
    const own = doc[k as keyof ParsedDocument];
    return v !== undefined && v !== null && (own === null || (Array.isArray(own) && own.length === 0));
  });
  return missing.length ? { ...doc, ...Object.fromEntries(missing) } : doc;
}
