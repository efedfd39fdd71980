// npm run bench:ingest: `npm run seed` end to end over a real corpus into fresh databases,
// on SQLite and PostgreSQL with 1 and 2 analysis threads; then the corpus replicated to
// about 30,000 articles, to show that peak memory stays flat as the corpus grows.
// Each run is the seed command in its own process; its memory (all threads) is sampled
// from /proc. Writes bench/results/ingest.json for `npm run bench`. A bench, not a test.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { listDocumentFiles } from "../src/ingest/files.ts";
import { throwawayDatabase } from "./lib.ts";

const USAGE = `Usage: npm run bench:ingest [-- --corpus DIR] [--threads 1,2] [--backends sqlite,postgresql] [--copies N] [--out FILE]

Seeds fresh databases from --corpus (default ../shared/data/news) with each number of
--threads on each backend, then (unless --copies 0) loads the corpus replicated
--copies times (default 10, about 30,000 articles; each copy's titles carry the copy
number, so no copy is a duplicate) on SQLite with the most threads, and reports peak
memory for both sizes. PostgreSQL: BENCH_POSTGRES_URL or TEST_POSTGRES_URL or the local server.

Exit codes: 0 done, 1 a load failed, 2 usage error.`;

export interface IngestRun {
  backend: "sqlite" | "postgresql";
  threads: number;
  articles: number;
  loaded: number;
  duplicates: number;
  failed: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMb: number;
  /** Peak RSS by tenth of the run's duration: flat means memory does not grow with the corpus. */
  rssByTenthMb: number[];
}

/** Resident memory of a process and all its threads, in MB (Linux /proc). */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function seedRun(backend: "sqlite" | "postgresql", threads: number, corpus: string): Promise<IngestRun> {
  const db = await throwawayDatabase(backend);
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/seed.ts", "--threads", String(threads), corpus], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const samples: { t: number; mb: number }[] = [];
    const timer = setInterval(() => {
      const mb = child.pid ? rssMb(child.pid) : null;
      if (mb !== null) samples.push({ t: performance.now() - started, mb });
    }, 250);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    const m = /loaded (\d+), duplicates skipped (\d+), failed (\d+)/.exec(out);
    if (!m || (code !== 0 && code !== 1)) throw new Error(`seed exited with ${code}:\n${out.slice(-2000)}`);
    const [loaded, duplicates, failed] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const tenths = Array.from({ length: 10 }, (_, i) => {
      const inTenth = samples.filter((s) => s.t >= (i * seconds * 1000) / 10 && s.t < ((i + 1) * seconds * 1000) / 10);
      return Math.round(Math.max(0, ...inTenth.map((s) => s.mb)));
    });
    const articles = loaded + duplicates + failed;
    return {
      backend,
      threads,
      articles,
      loaded,
      duplicates,
      failed,
      seconds: Number(seconds.toFixed(1)),
      articlesPerSecond: Number((articles / seconds).toFixed(1)),
      peakRssMb: Math.round(Math.max(0, ...samples.map((s) => s.mb))),
      rssByTenthMb: tenths,
    };
  } finally {
    await db.dispose();
  }
}

/** The corpus `copies` times over in a temporary folder; copy k's titles end in ` (k)`. */
async function replicate(corpus: string, copies: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-replica-"));
  for await (const file of listDocumentFiles([corpus])) {
    const text = readFileSync(file, "utf8");
    const cut = text.indexOf("\n");
    for (let k = 1; k <= copies; k++) {
      const target = join(dir, String(k), relative(corpus, file));
      mkdirSync(join(target, ".."), { recursive: true });
      // The title line changes, so each copy has its own content hash, as a new article would.
      writeFileSync(target, cut < 0 ? `${text} (${k})` : `${text.slice(0, cut)} (${k})${text.slice(cut)}`);
    }
  }
  return dir;
}

function row(r: IngestRun): string {
  return `${r.backend.padEnd(10)} threads ${r.threads}  ${String(r.articles).padStart(6)} files  ${r.seconds.toFixed(1).padStart(6)} s  ` +
    `${r.articlesPerSecond.toFixed(1).padStart(6)} articles/s  peak ${r.peakRssMb} MB`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: "../shared/data/news" },
      threads: { type: "string", default: "1,2" },
      backends: { type: "string", default: "sqlite,postgresql" },
      copies: { type: "string", default: "10" },
      out: { type: "string", default: "bench/results/ingest.json" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const threads = values.threads.split(",").map(Number);
  const backends = values.backends.split(",") as ("sqlite" | "postgresql")[];
  const copies = Number(values.copies);
  if (threads.some((t) => !Number.isInteger(t) || t < 0) || backends.some((b) => b !== "sqlite" && b !== "postgresql") || !Number.isInteger(copies)) {
    console.error(USAGE);
    return 2;
  }
  const runs: IngestRun[] = [];
  for (const backend of backends) {
    for (const t of threads) {
      const r = await seedRun(backend, t, values.corpus);
      console.log(row(r));
      runs.push(r);
    }
  }
  let replicated: IngestRun | null = null;
  if (copies > 0) {
    const dir = await replicate(values.corpus, copies);
    try {
      replicated = await seedRun("sqlite", Math.max(...threads), dir);
      console.log(`${row(replicated)}  (corpus x${copies})`);
      console.log(`peak memory by tenth of the run (MB): ${replicated.rssByTenthMb.join(" ")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  mkdirSync(join(values.out, ".."), { recursive: true });
  writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), corpus: values.corpus, copies, runs, replicated }, null, 2) + "\n");
  console.log(`wrote ${values.out}`);
  return runs.some((r) => r.failed > 0) ? 1 : 0;
}

process.exitCode = await main();
