// bench/REPORT.md from the benchmarks' JSON results (see bench/run.ts).
import { cpus, totalmem } from "node:os";
import { execFileSync } from "node:child_process";
import { configLabel, type IngestConfig, type IngestRun } from "./ingest-runs.ts";

export interface NerResult {
  generatedAt?: string;
  articles: number;
  tokens: number;
  nerTokensPerSecond: number;
  compromiseTokensPerSecond: number;
  speedUp: number;
  extractionTokensPerSecond: number;
  extractionArticlesPerSecond: number;
}

export interface IngestResult {
  generatedAt?: string;
  corpus: string;
  copies: number;
  /** Runs of each configuration. */
  repeat: number;
  runs: IngestRun[];
  replicated: IngestRun | null;
}

interface Side {
  rps: number;
  p50: number;
  p99: number;
}

export interface GraphqlResult {
  generatedAt: string;
  settings: { duration: number; connections: number; runs: number; articles: number; searchMode?: string; sqlite?: { articles: number } };
  statementsPerOperation: Record<string, Record<string, number[]>>;
  summary: Record<string, { newsgraph?: Side; postgraphile?: Side; sqlite?: Side; ratio?: number }>;
  target: { mixRatio: number; met: boolean | null };
}

export interface ScaleMeasurement {
  backend: "postgresql" | "sqlite";
  factor: number;
  operation: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** The server's RSS right after the operation, MiB. */
  rssMiB: number;
}

export interface ScaleResult {
  factors: number[];
  backends: ScaleMeasurement["backend"][];
  operations: string[];
  measurements: ScaleMeasurement[];
  peakRssMiB: Record<string, number>;
}

/** The table as Markdown rows: p50 by size per backend and operation, x100/x1 (the last size over x1), and peak RSS. */
export function scaleTable(r: ScaleResult): string[] {
  const last = Math.max(...r.factors);
  const head = ["database", "operation", ...r.factors.map((f) => `p50 ms x${f}`), `x${last}/x1`, ...r.factors.map((f) => `req/s x${f}`)];
  const rows = [head, head.map(() => "---")];
  const p50 = (b: ScaleMeasurement["backend"], f: number, op: string) => r.measurements.find((m) => m.backend === b && m.factor === f && m.operation === op);
  for (const b of r.backends) {
    for (const op of r.operations) {
      const at = r.factors.map((f) => p50(b, f, op));
      const first = at[0]?.p50;
      const lastP50 = at[at.length - 1]?.p50;
      rows.push([b, op, ...at.map((m) => (m ? String(m.p50) : "-")),
        first && lastP50 !== undefined ? (lastP50 / first).toFixed(1) : "-", ...at.map((m) => (m ? m.rps.toFixed(m.rps < 10 ? 1 : 0) : "-"))]);
    }
    rows.push([b, "peak RSS MiB", ...r.factors.map((f) => (r.peakRssMiB[`${b} x${f}`] ?? NaN).toFixed(0)),
      (r.peakRssMiB[`${b} x${last}`]! / r.peakRssMiB[`${b} x1`]!).toFixed(2), ...r.factors.map(() => "")]);
  }
  return rows.map((cells) => `| ${cells.join(" | ")} |`);
}

export interface ScaleResultFile extends ScaleResult {
  generatedAt: string;
  settings: { duration: number; warmup: number; connections: number; articles: Record<string, number> };
}

export interface Results {
  ner?: NerResult;
  ingest?: IngestResult;
  graphql?: GraphqlResult;
  scale?: ScaleResultFile;
}

function machine(): string {
  const cpu = cpus();
  const postgres = (() => {
    try {
      return execFileSync("psql", ["--version"], { encoding: "utf8" }).trim();
    } catch {
      return "psql not found";
    }
  })();
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? "unknown"}`,
    `- Memory: ${Math.round(totalmem() / 1024 ** 3)} GiB`,
    `- Node.js ${process.version}; ${postgres} (server on 127.0.0.1); SQLite through better-sqlite3 12`,
  ].join("\n");
}

const when = (at: string | undefined) => (at ? `, ${at}` : "");
const num = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function nerSection(r: NerResult | undefined): string {
  if (!r) return "Not run (`npm run bench:ner -- --json bench/results/ner.json`).";
  return [
    `${num(r.articles)} real news articles, ${num(r.tokens)} tokens, on one thread (\`npm run bench:ner\`${when(r.generatedAt)}):`,
    "",
    "| | tokens/s |",
    "|---|---:|",
    `| newsgraph NER tagger | ${num(r.nerTokensPerSecond)} |`,
    `| compromise (people, places, organizations) | ${num(r.compromiseTokensPerSecond)} |`,
    `| newsgraph whole extraction (tagger, gazetteers, quotes, speakers, resolution) | ${num(r.extractionTokensPerSecond)} (${num(r.extractionArticlesPerSecond)} articles/s) |`,
    "",
    `The tagger is ${r.speedUp}× compromise's speed.`,
  ].join("\n");
}

/** The runs of each configuration, in the order they first ran, with the median run. */
function byConfig(runs: IngestRun[]): { config: IngestConfig; runs: IngestRun[]; median: IngestRun }[] {
  const groups = new Map<string, IngestRun[]>();
  for (const run of runs) {
    const key = configLabel(run);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((rs) => {
    const sorted = [...rs].sort((a, b) => a.articlesPerSecond - b.articlesPerSecond);
    return { config: rs[0]!, runs: rs, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
  });
}

function ingestSection(r: IngestResult | undefined): string {
  if (!r) return "Not run (`npm run bench:ingest`).";
  const groups = byConfig(r.runs);
  const how = (c: IngestConfig) =>
    c.mode === "seed" ? "`npm run seed`" : `\`seed --queue\`, then ${c.workers === 1 ? "one `npm run worker`" : `${c.workers} \`npm run worker\` processes at once`}`;
  const rows = groups.map(({ config: c, runs, median: m }) => {
    const all = runs.map((x) => x.articlesPerSecond.toFixed(1)).join(", ");
    const seconds = m.enqueueSeconds === undefined ? m.seconds.toFixed(1) : `${m.seconds.toFixed(1)} (enqueue ${m.enqueueSeconds.toFixed(1)})`;
    return `| ${c.backend} | ${how(c)} | ${c.threads * c.workers} | ${num(m.articles)} | ${seconds} | **${m.articlesPerSecond.toFixed(1)}** | ${all} | ${m.peakRssMb} |`;
  });
  const lines = [
    `The commands end to end (new processes, a fresh database, migrations included) over \`${r.corpus}\`, ` +
      `each configuration ${r.repeat} time${r.repeat === 1 ? "" : "s"}, the configurations taking turns; the row is the median run ` +
      `(\`npm run bench:ingest\`${when(r.generatedAt)}). The queue rows time enqueueing and the workers together; each worker has one analysis thread.`,
    "",
    "| database | how | analysis threads | files | seconds | articles/s | every run (articles/s) | peak memory (MB) |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ];
  if (r.replicated) {
    const x = r.replicated;
    const single = groups.find((g) => g.config.backend === "sqlite" && g.config.mode === "seed" && g.config.threads === x.threads)?.median;
    lines.push(
      "",
      `The corpus ×${r.copies} (titles changed per copy, so every copy is a new article), SQLite, ${x.threads} threads: ` +
        `${num(x.articles)} files in ${x.seconds.toFixed(1)} s, ${x.articlesPerSecond.toFixed(1)} articles/s, peak ${x.peakRssMb} MB ` +
        `(${single?.peakRssMb ?? "?"} MB for ×1).`,
      "",
      `Peak memory by tenth of that run (MB): ${x.rssByTenthMb.join(", ")}.`,
    );
  }
  return lines.join("\n");
}

function graphqlSection(r: GraphqlResult | undefined): string {
  if (!r) return "Not run (`npm run bench:graphql`).";
  const side = (s: Side | undefined) => (s ? `${num(s.rps)} | ${num(s.p50, 1)} | ${num(s.p99, 1)}` : "– | – | –");
  const statements = (op: string, server: string) => {
    const counts = r.statementsPerOperation[server]?.[op] ?? r.statementsPerOperation[op]?.[server];
    return counts ? [...new Set(counts)].join("/") : "–";
  };
  const sqlite = Object.values(r.summary).some((s) => s.sqlite);
  const rows = Object.entries(r.summary).map(
    ([op, s]) =>
      `| ${op} | ${side(s.newsgraph)} | ${statements(op, "newsgraph")} | ${side(s.postgraphile)} | ${statements(op, "postgraphile")} | ${s.ratio !== undefined ? `**${s.ratio.toFixed(2)}**` : "–"} |` +
      (sqlite ? ` ${side(s.sqlite)} | ${statements(op, "sqlite")} |` : ""),
  );
  return [
    `Both servers over the same PostgreSQL database (${num(r.settings.articles)} articles), each measured alone, ` +
      `${r.settings.connections} connections, ${r.settings.duration} s per operation, mean of ${r.settings.runs} runs (\`npm run bench:graphql\`, ${r.generatedAt}):`,
    "",
    "| operation | newsgraph req/s | p50 ms | p99 ms | SQL/op | PostGraphile req/s | p50 ms | p99 ms | SQL/op | ratio |" +
      (sqlite ? " newsgraph on SQLite req/s | p50 ms | p99 ms | SQL/op |" : ""),
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (sqlite ? "---:|---:|---:|---:|" : ""),
    ...rows,
    "",
    ...(sqlite ? [`Ours on SQLite (no peer there): the same corpus loaded into a SQLite file (${num(r.settings.sqlite?.articles ?? NaN)} articles), the same load, in the same run.`, ""] : []),
    `Target: newsgraph ≥ ${r.target.mixRatio} of PostGraphile's throughput on the mix: ${r.target.met === null ? "not measured" : r.target.met ? "met" : "not met"}.`,
  ].join("\n");
}

/** Which operations (the mix aside: its p50 mixes them) and peaks miss the target. */
function scaleVerdict(r: ScaleResult): string {
  const last = Math.max(...r.factors);
  const misses: string[] = [];
  for (const b of r.backends) {
    for (const op of r.operations.filter((o) => o !== "mix")) {
      const at = (f: number) => r.measurements.find((m) => m.backend === b && m.factor === f && m.operation === op)?.p50;
      const first = at(1);
      const end = at(last);
      if (first !== undefined && end !== undefined && end > 2 * first) misses.push(`${op} on ${b} (${(end / first).toFixed(0)}x)`);
    }
    const peak = (r.peakRssMiB[`${b} x${last}`] ?? NaN) / (r.peakRssMiB[`${b} x1`] ?? NaN);
    if (!(peak <= 1.25)) misses.push(`peak RSS on ${b} (${peak.toFixed(2)}x)`);
  }
  return misses.length ? `not met by ${misses.join(", ")}` : "met";
}

function scaleSection(r: ScaleResultFile | undefined): string {
  if (!r) return "Not run (`npm run bench:scale`).";
  const sizes = r.factors.map((f) => `x${f}: ${r.backends.map((b) => `${num(r.settings.articles[`${b} x${f}`] ?? NaN)} on ${b}`).join(", ")}`).join("; ");
  return [
    `Our server over the news corpus x1, x10 and x100 (articles: ${sizes}), the larger corpora generated from x1 by ` +
      "`bench/scale-corpus.ts` (copies of every article under distinct titles and hashes, mentioning the same people, " +
      "organizations and places: each entity has N times the articles, mentions and quotes). One server per size, each measured alone, " +
      `${r.settings.connections} connection(s), ${r.settings.duration} s per operation after ${r.settings.warmup} s of the mix ` +
      `(\`npm run bench:scale\`, ${r.generatedAt}). p50 in ms; peak RSS is the server's VmHWM over the whole run:`,
    "",
    ...scaleTable(r),
    "",
    `Target: p50 at x${Math.max(...r.factors)} within 2x of x1 for every operation, and peak memory flat: ${scaleVerdict(r)}.`,
  ].join("\n");
}

export function renderReport(results: Results): string {
  return [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (`bench/run.ts`) from `bench/results/*.json`, the last run of each benchmark.",
    "Benchmarks are not tests: nothing here passes or fails CI. The machine is a 2-core VM shared with other",
    "work: the same run varies by 20% or more from one hour to the next, so compare rows of one table, not tables. The machine:",
    "",
    machine(),
    "",
    "## Extraction",
    "",
    nerSection(results.ner),
    "",
    "## Ingest",
    "",
    ingestSection(results.ingest),
    "",
    "## GraphQL against PostGraphile",
    "",
    graphqlSection(results.graphql),
    "",
    "## As the corpus grows",
    "",
    scaleSection(results.scale),
    "",
  ].join("\n");
}
