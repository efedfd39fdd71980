// npm run bench:ingest: real commands end to end over a real corpus into fresh databases.
// - `npm run seed` on SQLite and PostgreSQL with 1 and 2 analysis threads;
// - the distributed path on PostgreSQL: `npm run seed -- --queue`, then 1 and 2
//   `npm run worker -- --exit-when-idle` processes (one analysis thread each) at once;
// - the corpus replicated to about 30,000 articles, to show that peak memory stays flat;
// - the corpus as JSON Lines (scripts/news-to-jsonl.ts) through `npm run seed`, and a 1 GB
//   JSON Lines file read and parsed as the loader reads it, its memory sampled;
// - the near-duplicate check's cost: the fingerprint beside the whole analysis, per article.
// Every configuration runs --repeat times, the configurations taking turns, and the report
// gives the median run: the VM's speed drifts by 20% or more within minutes, and turns
// spread the drift over all of them. Memory (all threads of all processes of a run) is
// sampled from /proc. Writes bench/results/ingest.json for `npm run bench`. A bench, not a test.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { scriptArgs } from "../scripts/args.ts";
import { listDocumentFiles } from "../src/documents/files.ts";
import { listDocuments } from "../src/documents/documents.ts";
import { parseJsonRecord } from "../src/documents/formats/record.ts";
import { parseDocument } from "../src/documents/parse.ts";
import { fingerprint } from "../src/documents/near-duplicates.ts";
import { analyseArticle } from "../src/analysis/runtime/analyse.ts";
import { productCommand, throwawayDatabase } from "./lib.ts";
import { configLabel, type Backend, type IngestConfig, type IngestRun } from "./ingest-runs.ts";

const USAGE = `Usage: npm run bench:ingest [-- --corpus DIR] [--threads 1,2] [--workers 1,2]
       [--backends sqlite,postgresql] [--repeat N] [--copies N] [--out FILE]

Seeds fresh databases from --corpus (default ../shared/data/news) with each number of
--threads on each backend; on PostgreSQL also enqueues the corpus and drains the queue
with each number of --workers processes (0 to skip). Each configuration runs --repeat
times (default 5), taking turns; the report gives the median. Then (unless --copies 0)
loads the corpus replicated --copies times (default 10, about 30,000 articles; each
copy's titles carry the copy number, so no copy is a duplicate) on SQLite with the most
threads, and reports peak memory for both sizes. Also: the corpus converted to JSON Lines
(npm run news:jsonl) seeded on each backend with the most threads, --repeat times; a
JSON Lines file of each --jsonl-gb size in GB (default 0.1,1; 0 skips; generated in a
temporary folder, titles and ids numbered per repetition) read and parsed as the loader
reads it, with its peak memory per size and by tenth of the run; and the near-duplicate fingerprint's cost
per article beside the whole analysis.
PostgreSQL: BENCH_POSTGRES_URL or TEST_POSTGRES_URL or the local server.

Exit codes: 0 done, 1 a load failed, 2 usage error.`;

/** Resident memory of a process and all its threads, in MB (Linux /proc). */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Memory samples of the processes running now, summed, every 250 ms. */
class MemorySampler {
  private readonly pids = new Set<number>();
  private readonly samples: { t: number; mb: number }[] = [];
  private readonly started = performance.now();
  private readonly timer = setInterval(() => {
    const mbs = [...this.pids].map(rssMb).filter((mb): mb is number => mb !== null);
    if (mbs.length) this.samples.push({ t: performance.now() - this.started, mb: mbs.reduce((a, b) => a + b, 0) });
  }, 250);

  watch(pid: number | undefined, exited: Promise<unknown>): void {
    if (pid === undefined) return;
    this.pids.add(pid);
    void exited.then(() => this.pids.delete(pid));
  }

  stop(): { peakRssMb: number; rssByTenthMb: number[] } {
    clearInterval(this.timer);
    const ms = performance.now() - this.started;
    const tenth = (i: number) => this.samples.filter((s) => s.t >= (i * ms) / 10 && s.t < ((i + 1) * ms) / 10).map((s) => s.mb);
    return {
      peakRssMb: Math.round(Math.max(0, ...this.samples.map((s) => s.mb))),
      rssByTenthMb: Array.from({ length: 10 }, (_, i) => Math.round(Math.max(0, ...tenth(i)))),
    };
  }
}

/** A command of this project (`npm run <name>`) in its own process, its output kept. */
function command(name: "seed" | "worker" | "news:jsonl", args: string[], url: string, memory: MemorySampler): Promise<{ code: number | null; out: string }> {
  // news:jsonl is a script of the repository, run from its source, not a product command.
  const argv = name === "news:jsonl" ? ["--import", "tsx", "scripts/news-to-jsonl.ts"] : productCommand(name);
  const child = spawn(process.execPath, [...argv, ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  memory.watch(child.pid, exited);
  return exited;
}

function numbers(pattern: RegExp, out: string, what: string): number[] {
  const m = pattern.exec(out);
  if (!m) throw new Error(`${what}: no summary line in its output:\n${out.slice(-2000)}`);
  return m.slice(1).map(Number);
}

async function ingestRun(config: IngestConfig, corpus: string): Promise<IngestRun> {
  const db = await throwawayDatabase(config.backend);
  try {
    const memory = new MemorySampler();
    const started = performance.now();
    let counts: Pick<IngestRun, "loaded" | "duplicates" | "failed" | "copies">;
    let enqueueSeconds: number | undefined;
    if (config.mode === "seed") {
      const { code, out } = await command("seed", ["--threads", String(config.threads), corpus], db.url, memory);
      if (code !== 0 && code !== 1) throw new Error(`seed exited with ${code}:\n${out.slice(-2000)}`);
      const [loaded, duplicates, failed, copies] = numbers(/loaded (\d+), duplicates skipped (\d+), failed (\d+), copies recorded (\d+)/, out, "seed") as [number, number, number, number];
      counts = { loaded, duplicates, failed, copies };
    } else {
      const enqueued = await command("seed", ["--queue", corpus], db.url, memory);
      if (enqueued.code !== 0 && enqueued.code !== 1) throw new Error(`seed --queue exited with ${enqueued.code}:\n${enqueued.out.slice(-2000)}`);
      const [, alreadyQueued, notQueued] = numbers(/enqueued (\d+), already queued (\d+), failed (\d+)/, enqueued.out, "seed --queue") as [number, number, number];
      enqueueSeconds = (performance.now() - started) / 1000;
      const workers = await Promise.all(
        Array.from({ length: config.workers }, () => command("worker", ["--exit-when-idle", "--threads", String(config.threads)], db.url, memory)),
      );
      counts = { loaded: 0, duplicates: alreadyQueued, failed: notQueued, copies: 0 };
      for (const { code, out } of workers) {
        if (code !== 0 && code !== 1) throw new Error(`worker exited with ${code}:\n${out.slice(-2000)}`);
        const [loaded, duplicates, rejected, , copies] = numbers(/loaded (\d+), duplicates (\d+), rejected (\d+), errors (\d+) \(.*?\), copies recorded (\d+)/, out, "worker") as number[];
        counts.loaded += loaded!;
        counts.duplicates += duplicates!;
        counts.failed += rejected!;
        counts.copies! += copies!;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const articles = counts.loaded + counts.duplicates + counts.failed + (counts.copies ?? 0);
    return {
      ...config,
      articles,
      ...counts,
      seconds: Number(seconds.toFixed(1)),
      ...(enqueueSeconds === undefined ? {} : { enqueueSeconds: Number(enqueueSeconds.toFixed(1)) }),
      articlesPerSecond: Number((articles / seconds).toFixed(1)),
      ...memory.stop(),
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
      // The title line changes, so each copy has its own content hash, as a new article would;
      // and the body gets numbers of its own, or the near-duplicate check would (rightly) take
      // it for a copy of the first (numbers that differ make another report: MAX_NUMBER_CHANGES).
      const body = `\n\nEdition ${k}-${k}-${k}.\n`;
      writeFileSync(target, cut < 0 ? `${text} (${k})${body}` : `${text.slice(0, cut)} (${k})${text.slice(cut).trimEnd()}${body}`);
    }
  }
  return dir;
}

function row(r: IngestRun): string {
  return `${configLabel(r).padEnd(30)} ${String(r.articles).padStart(6)} files  ${r.seconds.toFixed(1).padStart(6)} s  ` +
    `${r.articlesPerSecond.toFixed(1).padStart(6)} articles/s  peak ${r.peakRssMb} MB` +
    (r.enqueueSeconds === undefined ? "" : `  (enqueue ${r.enqueueSeconds.toFixed(1)} s)`);
}

const list = (s: string) => s.split(",").filter(Boolean).map(Number);

/**
 * Writes a JSON Lines file of about `gigabytes` GB into a temporary folder (the corpus's
 * records over and over, each repetition's titles and ids numbered, so no two lines are
 * the same; nothing is kept) and reads it back as the loader does (listDocuments: a
 * stream of lines, each parsed and checked), sampling this process's memory: it must stay
 * flat, whatever the file's size. Called for several sizes, the peaks are compared.
 */
async function readBigJsonLines(corpus: string, gigabytes: number) {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-big-"));
  try {
    const records: { title: string; body: string }[] = [];
    for await (const file of listDocumentFiles([corpus])) {
      try {
        const doc = parseDocument(readFileSync(file, "utf8"), file);
        records.push({ title: doc.title, body: doc.body });
      } catch {
        // the corpus's READMEs
      }
    }
    const file = join(dir, "big.jsonl");
    const out = createWriteStream(file);
    let written = 0;
    for (let i = 0; written < gigabytes * 1e9; i++) {
      const { title, body } = records[i % records.length]!;
      const line = `${JSON.stringify({ id: `big-${i}`, title: `${title} (${Math.floor(i / records.length)})`, maintext: body, source_domain: "example.org" })}\n`;
      written += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, "drain");
    }
    out.end();
    await once(out, "close");
    const started = performance.now();
    const samples: { at: number; rss: number }[] = [];
    const timer = setInterval(() => samples.push({ at: performance.now() - started, rss: process.memoryUsage().rss }), 100);
    let lines = 0;
    let bad = 0;
    try {
      for await (const source of listDocuments([file], 5 * 1024 * 1024)) {
        lines++;
        if ("failure" in source || !("bytes" in source.task)) bad++;
        else parseJsonRecord(Buffer.from(source.task.bytes).toString("utf8"), source.name);
      }
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - started) / 1000;
    const tenths = Array.from({ length: 10 }, (_, t) => samples.filter((s) => Math.floor((s.at / 1000 / seconds) * 10) === t));
    const result = {
      bytes: written,
      lines,
      bad,
      seconds: Number(seconds.toFixed(1)),
      megabytesPerSecond: Number((written / 1e6 / seconds).toFixed(1)),
      linesPerSecond: Math.round(lines / seconds),
      peakRssMb: Math.round(Math.max(...samples.map((s) => s.rss)) / 1e6),
      rssByTenthMb: tenths.map((t) => Math.round(Math.max(0, ...t.map((s) => s.rss)) / 1e6)),
    };
    console.log(
      `JSON Lines, ${(written / 1e9).toFixed(2)} GB read and parsed: ${lines} lines in ${result.seconds} s (${result.megabytesPerSecond} MB/s, ${result.linesPerSecond} lines/s), ` +
        `peak ${result.peakRssMb} MB; by tenth: ${result.rssByTenthMb.join(" ")}`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The near-duplicate fingerprint's cost per article, beside the whole analysis (both on this thread). */
async function nearDuplicateCost(corpus: string) {
  const bodies: string[] = [];
  for await (const file of listDocumentFiles([corpus])) {
    try {
      bodies.push(parseDocument(readFileSync(file, "utf8"), file).body);
    } catch {
      // the corpus's READMEs
    }
  }
  analyseArticle(bodies[0]!); // loads the model
  let started = performance.now();
  for (const body of bodies) fingerprint(body);
  const fingerprintMs = (performance.now() - started) / bodies.length;
  started = performance.now();
  for (const body of bodies) analyseArticle(body);
  const analysisMs = (performance.now() - started) / bodies.length;
  return {
    articles: bodies.length,
    fingerprintMs: Number(fingerprintMs.toFixed(3)),
    analysisMs: Number(analysisMs.toFixed(2)),
    sharePercent: Number(((100 * fingerprintMs) / analysisMs).toFixed(1)),
  };
}

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, {
    corpus: { type: "string", default: "../shared/data/news" },
    threads: { type: "string", default: "1,2" },
    workers: { type: "string", default: "1,2" },
    backends: { type: "string", default: "sqlite,postgresql" },
    repeat: { type: "string", default: "5" },
    copies: { type: "string", default: "10" },
    "jsonl-gb": { type: "string", default: "0.1,1" },
    out: { type: "string", default: "bench/results/ingest.json" },
  });
  const threads = list(values.threads);
  const workers = list(values.workers).filter((w) => w !== 0);
  const backends = values.backends.split(",") as Backend[];
  const [repeat, copies] = [Number(values.repeat), Number(values.copies)];
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!threads.every((t) => whole(t, 0)) || !workers.every((w) => whole(w, 1)) || backends.some((b) => b !== "sqlite" && b !== "postgresql") || !whole(repeat, 1) || !whole(copies, 0)) {
    console.error(USAGE);
    return 2;
  }
  const configs: IngestConfig[] = backends.flatMap((backend) => [
    ...threads.map((t): IngestConfig => ({ backend, mode: "seed", threads: t, workers: 1 })),
    ...(backend === "postgresql" ? workers.map((w): IngestConfig => ({ backend, mode: "queue", threads: 1, workers: w })) : []),
  ]);
  const runs: IngestRun[] = [];
  for (let round = 1; round <= repeat; round++) {
    for (const config of configs) {
      const r = await ingestRun(config, values.corpus);
      console.log(`${row(r)}  [run ${round}/${repeat}]`);
      runs.push(r);
    }
  }
  // The corpus as JSON Lines through seed, on each backend with the most threads, in turns.
  const jsonlDir = mkdtempSync(join(tmpdir(), "newsgraph-jsonl-"));
  const jsonl: IngestRun[] = [];
  try {
    const conversion = new MemorySampler();
    const converted = await command("news:jsonl", ["--data", values.corpus, "--out", jsonlDir], "", conversion);
    conversion.stop();
    if (converted.code !== 0) throw new Error(`news-to-jsonl failed:\n${converted.out}`);
    for (let round = 1; round <= repeat; round++) {
      for (const backend of backends) {
        const r = await ingestRun({ backend, mode: "seed", threads: Math.max(...threads), workers: 1 }, jsonlDir);
        console.log(`${row(r)}  JSON Lines  [run ${round}/${repeat}]`);
        jsonl.push(r);
      }
    }
  } finally {
    rmSync(jsonlDir, { recursive: true, force: true });
  }
  // Two sizes, ten times apart: flat memory is the same peak for both.
  const sizes = values["jsonl-gb"].split(",").map(Number).filter((gb) => gb > 0);
  const bigJsonlRuns = [];
  for (const gigabytes of sizes) bigJsonlRuns.push(await readBigJsonLines(values.corpus, gigabytes));
  const bigJsonl = bigJsonlRuns.at(-1) ?? null;
  if (bigJsonlRuns.length > 1) console.log(`JSON Lines peak memory by file size: ${bigJsonlRuns.map((r) => `${(r.bytes / 1e9).toFixed(2)} GB: ${r.peakRssMb} MB`).join(", ")}`);
  const nearDuplicates = await nearDuplicateCost(values.corpus);
  console.log(
    `near-duplicate check: fingerprint ${nearDuplicates.fingerprintMs} ms/article, the whole analysis ${nearDuplicates.analysisMs} ms/article ` +
      `(${nearDuplicates.sharePercent}% of it), over ${nearDuplicates.articles} articles`,
  );
  let replicated: IngestRun | null = null;
  if (copies > 0) {
    const dir = await replicate(values.corpus, copies);
    try {
      replicated = await ingestRun({ backend: "sqlite", mode: "seed", threads: Math.max(...threads), workers: 1 }, dir);
      console.log(`${row(replicated)}  (corpus x${copies})`);
      console.log(`peak memory by tenth of the run (MB): ${replicated.rssByTenthMb.join(" ")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  mkdirSync(join(values.out, ".."), { recursive: true });
  writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), corpus: values.corpus, copies, repeat, runs, replicated, jsonl, bigJsonl, bigJsonlRuns, nearDuplicates }, null, 2) + "\n");
  console.log(`wrote ${values.out}`);
  return runs.some((r) => r.failed > 0) ? 1 : 0;
}

process.exitCode = await main();
