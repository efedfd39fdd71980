// npm run bench:scale: bench:graphql's operations on our server over the news corpus x1,
// x10 and x100 (about 300k articles), on PostgreSQL and SQLite: p50 per operation and the
// server's peak memory at each size. The larger corpora are generated from x1 at the
// database level (bench/scale-corpus.ts). Results: bench/results/scale.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { runCommand, UsageError } from "../src/cli/exit.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { scriptArgs } from "../scripts/args.ts";
import { dropDatabase, scaleCorpus, type ScaleBackend } from "./scale-corpus.ts";
import { articleCount } from "./sql.ts";
import { operations, bodies } from "./graphql/operations.ts";
import { createPostgresDatabase, loadWhenEmpty, pickFixtures, prepareSqlite, redact } from "./graphql/database.ts";
import { load, MIX } from "./graphql/load.ts";
import { ROOT, startNewsgraph, type RunningProcess } from "./graphql/servers.ts";
import { scaleTable, type ScaleMeasurement } from "./report.ts";

const USAGE = `Usage: npm run bench:scale [-- options]

Generates the news corpus x10 and x100 from x1 (loaded once with npm run seed) at the
database level, on PostgreSQL and SQLite, then measures bench:graphql's operations on our
server (npm start, NODE_ENV=production) over each size: one server per size, all up, each
measured alone, the sizes of an operation one after the other (their order alternating),
with autocannon. Prints p50 per operation and size, x100/x1, and each server's peak RSS
(VmHWM: startup, warm-up and every operation); writes them as JSON.

What a copy is (the same people, places and organizations, N times their articles):
bench/scale-corpus.ts.

Options:
  --factors LIST     corpus sizes (default 1,10,100)
  --backends LIST    postgresql,sqlite (default both)
  --corpus DIR       loaded into x1 when it is missing (default ../shared/data/news)
  --postgres URL     PostgreSQL server; databases scale_x<N> (default postgresql://postgres@127.0.0.1:5432)
  --sqlite-dir DIR   SQLite files x<N>.db (default .cache/scale)
  --regenerate       generate the larger corpora again even when present
  --generate-only    generate, do not measure
  --drop             drop the generated corpora (not x1) when done
  --duration S       seconds per operation and size (default 10)
  --warmup S         seconds of the mix on each server first (default 5)
  --connections N    concurrent autocannon connections (default 1: latency alone)
  --ops LIST         operations (default: all of bench:graphql's)
  --out FILE         default bench/results/scale.json
  -h, --help

Exit codes: 0 measured, 1 requests failed, 2 usage or setup error.`;

/** The process's resident memory now and its peak (VmRSS, VmHWM), MiB. */
function memory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

function urlOf(backend: ScaleBackend, factor: number, o: { postgres: string; sqliteDir: string }): string {
  if (backend === "sqlite") return `file:${join(o.sqliteDir, `x${factor}.db`)}`;
  const u = new URL(o.postgres);
  u.pathname = `/scale_x${factor}`;
  return u.toString();
}

/** x1: the corpus loaded with npm run seed when the database is missing or empty. */
async function loadBase(url: string, corpus: string): Promise<number> {
  if (url.startsWith("file:")) return prepareSqlite(url, corpus, false);
  await createPostgresDatabase(url, false);
  await migrateDatabase(url);
  return loadWhenEmpty(url, corpus);
}

async function main(): Promise<number> {
  const { values, number } = scriptArgs(USAGE, {
    factors: { type: "string", default: "1,10,100" },
    backends: { type: "string", default: "postgresql,sqlite" },
    corpus: { type: "string", default: join(ROOT, "..", "shared", "data", "news") },
    postgres: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
    "sqlite-dir": { type: "string", default: join(ROOT, ".cache", "scale") },
    regenerate: { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    drop: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "1" },
    ops: { type: "string" },
    out: { type: "string", default: join(ROOT, "bench", "results", "scale.json") },
  });
  const factors = values.factors.split(",").map((f) => number(f.trim(), "--factors", 1, 1000));
  if (!factors.includes(1)) factors.unshift(1);
  const backends = values.backends.split(",").map((b) => b.trim());
  for (const b of backends) if (b !== "postgresql" && b !== "sqlite") throw new UsageError(`--backends: postgresql or sqlite, not "${b}"`);
  const duration = number(values.duration, "--duration", 1, 3600);
  const warmup = number(values.warmup, "--warmup", 0, 3600);
  const connections = number(values.connections, "--connections", 1, 100);
  const where = { postgres: values.postgres, sqliteDir: resolve(values["sqlite-dir"]) };

  // The corpora.
  const articles: Record<string, number> = {};
  for (const backend of backends as ScaleBackend[]) {
    const base = urlOf(backend, 1, where);
    const n = await loadBase(base, resolve(values.corpus));
    articles[`${backend} x1`] = n;
    for (const factor of factors.filter((f) => f > 1)) {
      const url = urlOf(backend, factor, where);
      const have = await articleCount(url);
      if (have !== n * factor || values.regenerate) {
        console.log(`generating ${backend} x${factor} (${n * factor} articles) into ${redact(url)} ...`);
        await scaleCorpus(base, url, factor, (m) => console.log(m));
      }
      // What npm start would apply, before measuring rather than in the servers' startup.
      await migrateDatabase(url);
      articles[`${backend} x${factor}`] = await articleCount(url);
      console.log(`${backend} x${factor}: ${articles[`${backend} x${factor}`]} articles`);
    }
  }
  if (values["generate-only"]) return 0;

  // The load.
  console.log(`${connections} connection(s), ${duration} s per operation and size after ${warmup} s of the mix; ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const measurements: ScaleMeasurement[] = [];
  const peaks: Record<string, number> = {};
  let opNames: string[] = [];
  for (const backend of backends as ScaleBackend[]) {
    const servers: { factor: number; proc: RunningProcess; lists: string[][]; names: string[] }[] = [];
    try {
      for (const factor of factors) {
        const url = urlOf(backend, factor, where);
        const ops = operations(await pickFixtures(url), "fulltext");
        const chosen = values.ops ? ops.filter((o) => values.ops!.split(",").map((s) => s.trim()).includes(o.name)) : ops;
        if (!chosen.length) throw new UsageError(`--ops: none of "${values.ops}" (${ops.map((o) => o.name).join(", ")})`);
        servers.push({ factor, proc: await startNewsgraph(url, process.execPath), lists: chosen.map((op) => bodies(op, "newsgraph", 50)), names: chosen.map((o) => o.name) });
      }
      opNames = [...servers[0]!.names, MIX];
      for (const s of servers) if (warmup > 0) await load(s.proc.url, s.lists, connections, warmup);
      for (const [i, operation] of opNames.entries()) {
        const order = i % 2 === 0 ? servers : [...servers].reverse();
        for (const s of order) {
          const k = s.names.indexOf(operation);
          const r = await load(s.proc.url, k < 0 ? s.lists : [s.lists[k]!], connections, duration);
          const m: ScaleMeasurement = {
            backend, factor: s.factor, operation, requests: r.requests.total, rps: r.requests.total / r.duration,
            p50: r.latency.p50, p99: r.latency.p99, failed: r.errors + r.timeouts + r.non2xx + r.mismatches, rssMiB: memory(s.proc.child.pid!).rss,
          };
          measurements.push(m);
          console.log(`  ${backend.padEnd(10)} x${String(s.factor).padEnd(4)} ${operation.padEnd(12)} ${m.rps.toFixed(0).padStart(5)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  RSS ${m.rssMiB.toFixed(0)} MiB${m.failed ? `  FAILED ${m.failed}` : ""}`);
        }
      }
      for (const s of servers) peaks[`${backend} x${s.factor}`] = memory(s.proc.child.pid!).peak;
    } finally {
      for (const s of servers) await s.proc.stop();
    }
  }

  console.log("");
  for (const line of scaleTable({ factors, backends: backends as ScaleBackend[], operations: opNames, measurements, peakRssMiB: peaks })) console.log(line);
  const failed = measurements.filter((m) => m.failed > 0);
  for (const m of failed) console.log(`FAILED: ${m.failed} of ${m.requests} requests, ${m.backend} x${m.factor} ${m.operation}`);

  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify({
    bench: "scale",
    generatedAt: new Date().toISOString(),
    settings: { factors, backends, duration, warmup, connections, articles, postgres: redact(where.postgres) },
    environment: { node: process.version, cpus: cpus().length, loadavg: loadavg() },
    factors,
    backends,
    operations: opNames,
    peakRssMiB: peaks,
    measurements,
  }, null, 2) + "\n");
  console.log(`wrote ${values.out}`);
  if (values.drop) for (const backend of backends as ScaleBackend[]) for (const f of factors.filter((x) => x > 1)) await dropDatabase(urlOf(backend, f, where));
  return failed.length ? 1 : 0;
}

runCommand("bench:scale", USAGE, main);
