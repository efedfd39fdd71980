// The summary of the runs and the table printed at the end.
import { LABEL, type ServerName } from "./servers.ts";
import { MIX, type Measurement } from "./load.ts";

const SERVERS = ["newsgraph", "postgraphile", "sqlite"] as const;

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
export const range = (xs: number[]) => (xs.length ? (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}-${Math.max(...xs)}`) : "-");

export interface ServerSummary {
  rps: number;
  p50: number;
  p99: number;
  /** req/s of each run. */
  runs: number[];
  /** Mean CPU ms per request: the server's, its PostgreSQL backends', and both. */
  serverCpuMs: number;
  dbCpuMs: number;
  cpuMs: number;
}
export type Summary = Record<string, Partial<Record<ServerName, ServerSummary>> & {
  /** Our req/s over PostGraphile's. */
  ratio?: number;
  /** PostGraphile's CPU per request (server + PostgreSQL) over ours: above 1, ours is cheaper. */
  cpuRatio?: number;
}>;

export function summarize(ms: Measurement[], names: string[]): Summary {
  const summary: Summary = {};
  for (const name of names) {
    const entry: Summary[string] = {};
    for (const server of SERVERS) {
      const mine = ms.filter((m) => m.operation === name && m.server === server);
      if (!mine.length) continue;
      const serverCpuMs = mean(mine.map((m) => m.serverCpuMs));
      const dbCpuMs = mean(mine.map((m) => m.dbCpuMs));
      entry[server] = {
        rps: mean(mine.map((m) => m.rps)), p50: mean(mine.map((m) => m.p50)), p99: mean(mine.map((m) => m.p99)),
        runs: mine.map((m) => Math.round(m.rps)), serverCpuMs, dbCpuMs, cpuMs: serverCpuMs + dbCpuMs,
      };
    }
    if (entry.newsgraph && entry.postgraphile) {
      entry.ratio = entry.newsgraph.rps / entry.postgraphile.rps;
      entry.cpuRatio = entry.postgraphile.cpuMs / entry.newsgraph.cpuMs;
    }
    summary[name] = entry;
  }
  return summary;
}

export function printTable(summary: Summary, statements: Partial<Record<ServerName, Record<string, number[]>>>) {
  const rows = [["operation", "server", "req/s", "runs", "p50 ms", "p99 ms", "CPU ms/req (srv+PG)", "SQL/op", "ours/PG req/s", "PG/ours CPU"]];
  for (const [name, entry] of Object.entries(summary)) {
    for (const server of SERVERS) {
      const s = entry[server];
      if (!s) continue;
      const last = server === "postgraphile";
      rows.push([
        server === "newsgraph" || !entry.newsgraph ? name : "",
        LABEL[server], s.rps.toFixed(0), s.runs.join(" / "), s.p50.toFixed(1), s.p99.toFixed(1),
        `${s.cpuMs.toFixed(1)} (${s.serverCpuMs.toFixed(1)}+${s.dbCpuMs.toFixed(1)})`,
        name === MIX ? "" : range(statements[server]?.[name] ?? []),
        last && entry.ratio !== undefined ? entry.ratio.toFixed(2) : "",
        last && entry.cpuRatio !== undefined ? entry.cpuRatio.toFixed(2) : "",
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
