// The error of a bad document, in a module of its own so that the formats (formats/*)
// and parse.ts, which reads front matter, both use it without a cycle.

/** A document that cannot become an article; `reason` is short and human readable. */
export class DocumentError extends Error {
  readonly fileName: string;
  readonly reason: string;

  constructor(fileName: string, reason: string) {
    super(`${fileName}: ${reason}`);
    this.name = "DocumentError";
    this.fileName = fileName;
    this.reason = reason;
  }
}
