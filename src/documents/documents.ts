// The documents under the paths a user gave, one by one: each file is a document, but a
// JSON Lines file is one document per line (streamed, see formats/jsonl.ts). The loader
// and `seed --queue` both read from here, so they name and split documents alike.
import { listNamedDocumentFiles } from "./files.ts";
import { countJsonLines, isJsonLinesFile, jsonLines } from "./formats/jsonl.ts";
import type { DocumentInput } from "./read.ts";

/** A document to read, or one that failed before (a line too long, a broken gzip stream). */
export type DocumentSource = { name: string; task: DocumentInput } | { name: string; failure: string };

/** The documents under `paths`, in walk order; a JSON Lines line is named `file.jsonl:LINE`. */
export async function* listDocuments(paths: string[], maxDocumentBytes: number): AsyncGenerator<DocumentSource> {
  for await (const { file, name } of listNamedDocumentFiles(paths)) {
    if (!isJsonLinesFile(name)) {
      yield { name, task: { file } };
      continue;
    }
    let last = 0;
    try {
      for await (const line of jsonLines(file, maxDocumentBytes)) {
        last = line.line;
        const lineName = `${name}:${line.line}`;
        if ("bytes" in line) yield { name: lineName, task: { bytes: line.bytes, format: "json" } };
        else yield { name: lineName, failure: `line too large: ${line.tooLarge} bytes, the limit is ${maxDocumentBytes} bytes (MAX_DOCUMENT_BYTES)` };
      }
    } catch (error) {
      // A truncated .gz or an unreadable file: the lines before it are loaded.
      yield { name: `${name}:${last + 1}`, failure: `cannot read on: ${(error as Error).message}` };
    }
  }
}

/** How many documents listDocuments yields at most (JSON Lines lines counted, blank ones too). */
export async function countDocuments(paths: string[]): Promise<number> {
  let total = 0;
  for await (const { file, name } of listNamedDocumentFiles(paths)) {
    total += isJsonLinesFile(name) ? await countJsonLines(file).catch(() => 1) : 1;
  }
  return total;
}
