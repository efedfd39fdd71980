// Finding the document files to ingest under the paths a user gave.
// A generator, so a folder of a million files is walked without listing it all first.

import { opendir, stat } from "node:fs/promises";
import path from "node:path";

/** Files worth reading: `.txt` or no extension, HTML pages, JSON Lines; not hidden or documentation. */
export function isDocumentFileName(name: string): boolean {
  if (name.startsWith(".")) return false;
  const lower = name.toLowerCase();
  if (lower === "readme" || lower.endsWith(".md")) return false;
  if (/\.(?:jsonl|ndjson)(?:\.gz)?$/.test(lower)) return true;
  const ext = path.extname(lower);
  return ext === "" || ext === ".txt" || ext === ".html" || ext === ".htm";
}

async function statOrExplain(p: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new Error(`path does not exist: ${p}`);
    throw new Error(`cannot read path ${p}: ${(err as Error).message}`);
  }
}

/** Yields the document files of one folder, depth first, names in code-point order. */
async function* walkFolder(dir: string): AsyncGenerator<string> {
  // Names of one folder are sorted for a stable order; only one folder's names are
  // held at a time, never the whole tree.
  const entries: { name: string; isDir: boolean; isFile: boolean }[] = [];
  const handle = await opendir(dir);
  for await (const entry of handle) {
    if (entry.name.startsWith(".")) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files and folders alike, as a user listing them would expect.
      const target = await stat(path.join(dir, entry.name)).catch(() => null);
      if (!target) continue;
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    entries.push({ name: entry.name, isDir, isFile });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDir) yield* walkFolder(full);
    else if (entry.isFile && isDocumentFileName(entry.name)) yield full;
  }
}

/**
 * Walks the given files and folders (recursively, sorted) and yields the document files
 * (`.txt` or no extension, `.html`, `.jsonl`; skipping dotfiles and Markdown). A file named explicitly is
 * yielded whatever its name. Throws an Error naming any path that does not exist.
 */
export async function* listDocumentFiles(paths: string[]): AsyncGenerator<string> {
  for await (const { file } of listNamedDocumentFiles(paths)) yield file;
}

/**
 * Like listDocumentFiles, with the name each file is stored under: its path relative to
 * the folder it was found in (`bbc/tech-001.txt` for `seed data/news`), or its own name
 * when named explicitly. Never the loading machine's path, and never `..`.
 */
export async function* listNamedDocumentFiles(paths: string[]): AsyncGenerator<{ file: string; name: string }> {
  for (const p of paths) {
    const info = await statOrExplain(p);
    if (info.isDirectory()) {
      for await (const file of walkFolder(p)) yield { file, name: path.relative(p, file).split(path.sep).join("/") };
    } else if (info.isFile()) yield { file: p, name: path.basename(p) };
    else throw new Error(`not a file or folder: ${p}`);
  }
}
