// The tagger's view of a token: typographic variants as the ASCII forms of its training
// data (CoNLL-2003), for features only; the token's text and offsets stay as written.

/** Map typographic variants to the ASCII forms of the training data (used for features only). */
export function normalizeToken(t: string): string {
  switch (t) {
    case "\u201c":
    case "\u201d":
    case "\u201e":
    case "``":
    case "''":
    case "\u00ab":
    case "\u00bb":
      return '"';
    case "\u2018":
    case "\u2019":
      return "'";
    case "\u2014":
    case "\u2013":
    case "\u2012":
    case "\u2015":
      return "--";
    case "\u2026":
      return "...";
  }
  if (t.length >= 2 && t.charCodeAt(0) === 0x2019) return "'" + t.slice(1); // ’s -> 's
  if (t.indexOf("\u2019") >= 0) return t.replace(/\u2019/g, "'");
  return t;
}
