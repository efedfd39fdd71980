// npm run build:graphiql (and postinstall): bundles GraphiQL into dist/web/graphiql for /graphiql.
import { relative } from "node:path";
import { buildGraphiql, ensureGraphiql, GRAPHIQL_DIST } from "../src/server/graphiql/build.ts";
import { runCommand } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const HELP = `Usage: npm run build:graphiql [-- --force]

Bundles GraphiQL, its explorer plugin, React and Monaco from node_modules with esbuild
into dist/web/graphiql, which the server serves at /graphiql (no CDN, no internet).
npm ci runs it; the server also builds on first use when the bundle is missing or stale.

Options:
  --force      rebuild even when the bundle is up to date
  -h, --help   show this help

Exit codes: 0 built (or up to date), 1 the build failed, 2 usage error.`;

async function main(): Promise<number> {
  const { values } = scriptArgs(HELP, { force: { type: "boolean" } });
  const started = performance.now();
  const manifest = values.force ? await buildGraphiql() : await ensureGraphiql();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${relative(process.cwd(), GRAPHIQL_DIST)}: ${manifest.files.length} files, stamp ${manifest.stamp} (${seconds} s)`);
  return 0;
}

runCommand("build-graphiql", HELP, main);
