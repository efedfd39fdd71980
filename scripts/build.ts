// npm run build (and postinstall): compiles src/ to JavaScript in dist/, one file per
// module with its source map, so that processes and analysis threads run plain JavaScript.
import { build, type Plugin } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCommand } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const HELP = `Usage: npm run build

Compiles every module of src/ with esbuild into dist/ (dist/cli/serve.js for
src/cli/serve.ts, with source maps), and copies the other files of src/ (the cities
table) beside them. dist/ mirrors src/, so a module finds what it reads relative to
itself (models/, prisma/, node_modules) in the same place. npm ci runs it; npm start,
seed, worker and db:migrate run dist/; npm run dev and the tests run src/ through tsx.
Types are checked by npm run typecheck, not here.

Options:
  -h, --help   show this help

Exit codes: 0 built, 1 the build failed, 2 usage error.`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
/** dist/ also holds the GraphiQL bundle (dist/web/graphiql), which this build leaves alone. */
export const DIST = join(ROOT, "dist");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Each module compiled on its own: a relative import stays an import, `./x.ts` becoming
 * `./x.js`, so dist/ has src/'s layout and every `import.meta.url` means what it does in src/.
 */
const relativeImportsStay: Plugin = {
  name: "relative-imports-stay",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, ({ path, kind }) => (kind === "entry-point" ? undefined : { path: path.replace(/\.ts$/, ".js"), external: true }));
  },
};

export async function buildDist(): Promise<{ modules: number; assets: number }> {
  const all = files(SRC);
  const modules = all.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const assets = all.filter((f) => !f.endsWith(".ts") && !f.endsWith(".md"));
  // What an earlier build wrote (a module since deleted or moved must not linger), not the GraphiQL bundle.
  for (const name of existsSync(DIST) ? readdirSync(DIST) : []) {
    if (name !== "web") rmSync(join(DIST, name), { recursive: true, force: true });
  }
  await build({
    entryPoints: modules,
    outbase: SRC,
    outdir: DIST,
    bundle: true,
    packages: "external",
    plugins: [relativeImportsStay],
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  });
  for (const file of assets) {
    const to = join(DIST, relative(SRC, file));
    mkdirSync(join(to, ".."), { recursive: true });
    cpSync(file, to);
  }
  return { modules: modules.length, assets: assets.length };
}

async function main(): Promise<number> {
  scriptArgs(HELP, {});
  const started = performance.now();
  const { modules, assets } = await buildDist();
  console.log(`dist/: ${modules} modules, ${assets} other files (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCommand("build", HELP, main);
