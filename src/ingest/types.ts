/** One article as read from a document, before any analysis. */
export interface ParsedDocument {
  title: string;
  body: string;
  publishedAt: Date | null;
  /** The `Story Code`, when the document has one. */
  sourceId: string | null;
}
