// Load with autocannon, and the CPU time of each server and its database backends.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import autocannon, { type Result } from "autocannon";
import { bodies, type Operation } from "./operations.ts";
import { LABEL, type RunningProcess, type ServerName } from "./servers.ts";

export interface Measurement {
  run: number;
  server: ServerName;
  operation: string;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and answers with GraphQL errors. */
  failed: number;
  /** CPU time per request of the server process and of its PostgreSQL backends, in ms. */
  serverCpuMs: number;
  dbCpuMs: number;
}

// ---- CPU time: less noisy than req/s on shared cores (the others' load slows both servers
// alike but bills neither). From /proc (Linux); NaN elsewhere.

export const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  } catch {
    return 10;
  }
})();

/** user + system CPU ms of a process (and its threads), or 0 when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of each PostgreSQL backend connected to the database, by pid. */
export function backendsCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  if (!existsSync("/proc")) return out;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      // "postgres: [cluster: ]user database host(port) state"
      if (/^postgres: (?:\S+: )?\S+ (\S+) /.exec(cmdline)?.[1] === database) out.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface CpuMark {
  server: number;
  backends: Map<number, number>;
}
export const cpuMark = (pid: number, database: string): CpuMark => ({ server: cpuMs(pid), backends: backendsCpu(database) });
export function cpuSince(mark: CpuMark, pid: number, database: string) {
  let db = 0;
  for (const [backend, ms] of backendsCpu(database)) db += ms - (mark.backends.get(backend) ?? 0);
  return { server: cpuMs(pid) - mark.server, db };
}

export const MIX = "mix";

export async function load(url: string, bodyLists: string[][], connections: number, seconds: number): Promise<Result> {
  // One request per operation in turn (each cycling through its inputs), on every connection.
  const counters = bodyLists.map(() => 0);
  const requests = bodyLists.map((list, k) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    setupRequest: (request: object) => ({ ...request, body: list[counters[k]!++ % list.length] }),
  }));
  return autocannon({ url, connections, duration: seconds, timeout: 30, requests, verifyBody: (body) => !body.includes('"errors"') });
}

export function measurement(run: number, server: ServerName, operation: string, r: Result, cpu: { server: number; db: number }): Measurement {
  const requests = r.requests.total;
  return {
    run, server, operation, seconds: r.duration, requests,
    rps: requests / r.duration,
    p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99,
    failed: r.errors + r.timeouts + r.non2xx + r.mismatches,
    serverCpuMs: cpu.server / Math.max(1, requests),
    dbCpuMs: cpu.db / Math.max(1, requests),
  };
}

export const line = (m: Measurement) =>
  `  ${LABEL[m.server].padEnd(12)} ${m.operation.padEnd(12)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ` +
  `CPU/req: server ${m.serverCpuMs.toFixed(2)} ms, PostgreSQL ${m.dbCpuMs.toFixed(2)} ms${m.failed ? `  FAILED ${m.failed}` : ""}`;

/** A server under load: its own operations (fixtures) when its database is another (ours on SQLite). */
export interface LoadedServer {
  name: ServerName;
  proc: RunningProcess;
  ops?: Operation[];
}

/**
 * One run: both servers up (fresh processes), each warmed up alone, then every operation
 * and the mix measured on one server, then on the other, before the next operation, so
 * the others' load on the machine drifts over both alike; which server goes first
 * alternates between operations and runs. Only one server is under load at any time.
 */
export async function measureRun(
  run: number, servers: LoadedServer[], ops: Operation[],
  o: { duration: number; warmup: number; connections: number; opNames: Set<string>; database: string },
): Promise<Measurement[]> {
  const lists = new Map(servers.map(({ name, ops: own }) => [name, (own ?? ops).map((op) => bodies(op, name, 50))]));
  const out: Measurement[] = [];
  const measure = async (server: ServerName, proc: RunningProcess, name: string, bodyLists: string[][]) => {
    const pid = proc.child.pid!;
    // Ours on SQLite has no database backends: its database is in the process.
    const database = server === "sqlite" ? "" : o.database;
    const mark = cpuMark(pid, database);
    const result = await load(proc.url, bodyLists, o.connections, o.duration);
    const m = measurement(run, server, name, result, cpuSince(mark, pid, database));
    console.log(line(m));
    out.push(m);
  };
  if (o.warmup > 0) for (const { name, proc } of servers) await load(proc.url, lists.get(name)!, o.connections, o.warmup);
  const steps: { name: string; pick: (all: string[][]) => string[][] }[] = [
    ...ops.flatMap((op, k) => (o.opNames.has(op.name) ? [{ name: op.name, pick: (all: string[][]) => [all[k]!] }] : [])),
    ...(o.opNames.has(MIX) ? [{ name: MIX, pick: (all: string[][]) => all }] : []),
  ];
  for (const [i, step] of steps.entries()) {
    const order = (run + i) % 2 === 1 ? servers : [...servers].reverse();
    for (const { name, proc } of order) await measure(name, proc, step.name, step.pick(lists.get(name)!));
  }
  return out;
}
