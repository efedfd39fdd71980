// What makes two spellings of an outlet one publisher: the formats read names, the store
// keys its publishers by this (src/store/save-article.ts).

/** The key that makes spellings of one outlet the same publisher: lower case, no `www.`. */
export function publisherKey(name: string): string {
  return name.toLowerCase().replace(/^www\./, "").replace(/\s+/g, " ").trim();
}
