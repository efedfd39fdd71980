// The analysis threads' code (prepare-worker.ts and everything it imports) as one plain
// JavaScript module, built with esbuild when a process first starts a pool. Loaded through
// tsx instead, each thread would boot tsx and its module hooks (about half a second per
// pool, and a hooks thread each), and Piscina's require() of a TypeScript entry would get
// tsx's CommonJS translation, about a sixth slower. The build takes about 0.1 s; the file is
// named by its content, so processes share it and a changed source makes a new one.
import { build, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTRY = fileURLToPath(new URL("./prepare-worker.ts", import.meta.url));

/**
 * Every module keeps its own `import.meta.url`, so that what it reads beside itself (the
 * NER model, the gazetteers, npm data through createRequire) is found from the bundle.
 */
const ownImportMetaUrl: Plugin = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
      loader: "ts",
    }));
  },
};

async function buildBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    plugins: [ownImportMetaUrl],
    // CommonJS dependencies (linkedom's, rss-parser's) require Node's built-ins, which an ES module has no `require` for.
    banner: { js: 'import { createRequire as __newsgraphRequire } from "node:module"; const require = __newsgraphRequire(import.meta.url);' },
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const dir = join(tmpdir(), `newsgraph-${userInfo().uid}`);
  const file = join(dir, `analysis-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed: a process starting at the same time never loads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return pathToFileURL(file).href;
}

let bundle: Promise<string> | undefined;

/** The file URL of the analysis threads' module, built once per process. */
export function analysisBundle(): Promise<string> {
  bundle ??= buildBundle();
  return bundle;
}
