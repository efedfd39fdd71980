// JSON Lines files (`.jsonl`, `.jsonl.gz`): read as a stream of lines, one article each
// (formats/record.ts reads a line), so a file of any size is held a chunk and a line at a
// time. Lines are split on bytes rather than with node:readline so that one line over the
// document limit is skipped and reported instead of being buffered whole.
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

export const isJsonLinesFile = (name: string): boolean => /\.(?:jsonl|ndjson)(?:\.gz)?$/i.test(name);

export type JsonLine = { line: number; bytes: Uint8Array } | { line: number; tooLarge: number };

function open(file: string): Readable {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!/\.gz$/i.test(file)) return stream;
  const gunzip = createGunzip();
  stream.on("error", (error) => gunzip.destroy(error));
  return stream.pipe(gunzip);
}

/** The non-blank lines of a JSON Lines file, numbered from 1; a line over `maxBytes` comes as its size only. */
export async function* jsonLines(file: string, maxBytes: number): AsyncGenerator<JsonLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  let skipping = false;
  const finish = function* (): Generator<JsonLine> {
    line++;
    if (skipping) yield { line, tooLarge: size };
    else if (size > 0) {
      // A line of its own memory, never a view into the read chunk: a view posted to an
      // analysis thread carries its whole 1 MiB chunk along (structured cloning copies a
      // typed array's entire buffer), a copy per line and held in the thread's queue.
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      if (!isBlank(bytes)) yield { line, bytes };
    }
    parts = [];
    size = 0;
    skipping = false;
  };
  for await (const chunk of open(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); ; nl = chunk.indexOf(10, start)) {
      const end = nl === -1 ? chunk.length : nl;
      size += end - start;
      if (size > maxBytes) skipping = true;
      if (!skipping) parts.push(chunk.subarray(start, end));
      else parts = [];
      if (nl === -1) break;
      yield* finish();
      start = nl + 1;
    }
  }
  if (size > 0 || skipping) yield* finish();
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** Lines of a JSON Lines file, counted without parsing (for the progress bar). */
export async function countJsonLines(file: string): Promise<number> {
  let count = 0;
  let last = 10;
  for await (const chunk of open(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
    if (chunk.length) last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? count : count + 1;
}
