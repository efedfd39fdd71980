// Bundles GraphiQL (web/graphiql: GraphiQL, the explorer plugin, React, Monaco and its
// workers, all from npm) with esbuild into dist/web/graphiql, so /graphiql loads nothing from
// a CDN. `npm ci` builds it (postinstall); the server builds it on first use when it is
// missing or stale, so a checkout that skipped install scripts still works offline.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const WEB_DIR = join(ROOT, "web", "graphiql");
/** The default tab's operation, bundled as text. */
const DEFAULT_OPERATION = join(ROOT, "examples", "operations", "article-page.graphql");
export const GRAPHIQL_DIST = join(ROOT, "dist", "web", "graphiql");
const MANIFEST = "manifest.json";
/** Bump when the build options change, so existing bundles are rebuilt. */
const BUILD_FORMAT = 1;

const require = createRequire(import.meta.url);
// Monaco and monaco-graphql are GraphiQL's dependencies, not ours: resolve them as it does.
const requireFromGraphiql = createRequire(require.resolve("@graphiql/react/package.json"));

const BUNDLED_PACKAGES: [string, NodeJS.Require][] = [
  ["graphiql", require],
  ["@graphiql/react", require],
  ["@graphiql/plugin-explorer", require],
  ["react", require],
  ["react-dom", require],
  ["esbuild", require],
  ["graphql-ws", require],
  ["monaco-editor", requireFromGraphiql],
  ["monaco-graphql", requireFromGraphiql],
];

export interface GraphiqlManifest {
  /** Identifies the sources and package versions the bundle was built from. */
  stamp: string;
  /** Asset file names in GRAPHIQL_DIST (without the .gz companions). */
  files: string[];
}

/** A hash of everything the bundle is made of: our sources and the bundled packages' versions. */
export function sourceStamp(): string {
  const hash = createHash("sha256").update(`format ${BUILD_FORMAT}\n`);
  for (const name of readdirSync(WEB_DIR).sort()) hash.update(`${name}\n`).update(readFileSync(join(WEB_DIR, name)));
  hash.update(readFileSync(DEFAULT_OPERATION));
  for (const [name, req] of BUNDLED_PACKAGES) {
    const { version } = JSON.parse(readFileSync(req.resolve(`${name}/package.json`), "utf8")) as { version: string };
    hash.update(`${name}@${version}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

export function readManifest(dir = GRAPHIQL_DIST): GraphiqlManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as GraphiqlManifest;
  } catch {
    return undefined;
  }
}

/** Builds into a scratch folder and moves it into place, so a reader never sees half a bundle. */
export async function buildGraphiql(outDir = GRAPHIQL_DIST): Promise<GraphiqlManifest> {
  const { build } = await import("esbuild");
  const stamp = sourceStamp();
  const scratch = `${outDir}.build-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    await build({
      entryPoints: {
        graphiql: join(WEB_DIR, "main.tsx"),
        "editor.worker": requireFromGraphiql.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
        "json.worker": requireFromGraphiql.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
        "graphql.worker": requireFromGraphiql.resolve("monaco-graphql/esm/graphql.worker.js"),
      },
      outdir: scratch,
      bundle: true,
      minify: true,
      // Classic scripts: the page and `new Worker(url)` load them without module workers.
      format: "iife",
      target: "es2022",
      jsx: "automatic",
      tsconfig: join(ROOT, "web", "tsconfig.json"),
      define: { "process.env.NODE_ENV": '"production"' },
      loader: { ".graphql": "text", ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "file", ".png": "file" },
      assetNames: "[name]-[hash]",
      logLevel: "error",
    });
    const files = readdirSync(scratch).sort();
    for (const file of files) {
      if (/\.(js|css)$/.test(file)) writeFileSync(join(scratch, `${file}.gz`), gzipSync(readFileSync(join(scratch, file)), { level: 9 }));
    }
    const manifest: GraphiqlManifest = { stamp, files };
    writeFileSync(join(scratch, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    mkdirSync(join(outDir, ".."), { recursive: true });
    rmSync(outDir, { recursive: true, force: true });
    try {
      renameSync(scratch, outDir);
    } catch (error) {
      // Another process finished the same build first: theirs is as good as ours.
      if (readManifest(outDir)?.stamp !== stamp) throw error;
    }
    return manifest;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The current bundle, built first when missing or made from other sources. */
export async function ensureGraphiql(outDir = GRAPHIQL_DIST): Promise<GraphiqlManifest> {
  const manifest = existsSync(outDir) ? readManifest(outDir) : undefined;
  if (manifest && manifest.stamp === sourceStamp()) return manifest;
  return buildGraphiql(outDir);
}
