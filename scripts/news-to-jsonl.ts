// npm run news:jsonl -- [--data DIR] [--out DIR] [--gzip]
//
// Converts the shared news corpus (../shared/data/news: bbc/ and polnear-2016/, plain text
// one article a file) into one JSON Lines file in news-please's field names, outside the
// repository (default: a fresh folder under the system's temp dir): the PolNeAR file names
// `<outlet>_<YYYY-MM-DD>_<slug>.txt` give `source_domain` and `date_publish`; BBC files
// (no date in the release) get the BBC's domain. Title, text and bylines are read by the
// loader's own plain-text parser, so a `BYLINE:` line becomes `authors`.
import { createWriteStream } from "node:fs";
import { mkdtemp, mkdir, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { parseDocument } from "../src/documents/parse.ts";
import { parseCommandLine, runCommand } from "../src/cli/exit.ts";

const USAGE = `Usage: npm run news:jsonl -- [--data DIR] [--out DIR] [--gzip]

Writes DIR/news.jsonl (news.jsonl.gz with --gzip) from the corpus in --data (default
../shared/data/news) and prints its path. --out defaults to a new folder under ${tmpdir()};
never point it into the repository (the articles are not ours to commit).

Exit codes: 0 written, 1 the corpus could not be read or the file written, 2 usage error.`;

/** PolNeAR's outlets by file-name prefix: the domains news-please would give. */
const POLNEAR_OUTLETS: Record<string, string> = {
  breitbart: "breitbart.com",
  "huff-post": "huffingtonpost.com",
  nyt: "nytimes.com",
  politico: "politico.com",
  "usa-today": "usatoday.com",
  "wash-post": "washingtonpost.com",
  "west-journal": "westernjournalism.com",
};

const POLNEAR_NAME = /^([a-z-]+)_(\d{4}-\d{2}-\d{2})_.+\.txt$/;

async function main(): Promise<number> {
  const { values } = parseCommandLine({ options: { help: { type: "boolean" }, data: { type: "string" }, out: { type: "string" }, gzip: { type: "boolean" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const data = values.data ?? path.resolve("..", "shared", "data", "news");
  const out = values.out ?? (await mkdtemp(path.join(tmpdir(), "newsgraph-news-")));
  await mkdir(out, { recursive: true });
  const file = path.join(out, values.gzip ? "news.jsonl.gz" : "news.jsonl");
  const sink = createWriteStream(file);
  const gzip = values.gzip ? createGzip() : null;
  gzip?.pipe(sink);
  const write = async (line: string) => {
    const target = gzip ?? sink;
    if (!target.write(line)) await once(target, "drain");
  };
  let count = 0;
  for (const folder of (await readdir(data, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of (await readdir(path.join(data, folder))).filter((n) => n.endsWith(".txt")).sort()) {
      const doc = parseDocument(await readFile(path.join(data, folder, name), "utf8"), name);
      const polnear = POLNEAR_NAME.exec(name);
      const outlet = polnear ? POLNEAR_OUTLETS[polnear[1]!] : folder === "bbc" ? "bbc.co.uk" : undefined;
      const record = {
        title: doc.title,
        maintext: doc.body,
        date_publish: polnear ? `${polnear[2]} 00:00:00` : null,
        source_domain: outlet ?? null,
        authors: doc.authors,
        language: "en",
        filename: `${folder}/${name}`,
      };
      await write(`${JSON.stringify(record)}\n`);
      count++;
    }
  }
  gzip?.end();
  if (!gzip) sink.end();
  await once(sink, "close");
  console.log(`${count} articles -> ${file}`);
  return 0;
}

runCommand("news-to-jsonl", USAGE, main);
