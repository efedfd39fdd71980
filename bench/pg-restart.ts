// npm run bench:pg-restart: restarts the local PostgreSQL cluster while the server is
// under load, and shows that it recovers by itself: requests fail only during the
// outage, each with a clean GraphQL error (code SERVICE_UNAVAILABLE, no stack, no SQL).
// Uses a throwaway database; RESTARTS THE WHOLE CLUSTER (every database on it blips), so
// it is not part of npm test. Exit 1 when a request failed after the restart or an
// error was not clean.
import { scriptArgs } from "../scripts/args.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { corpusArticle } from "../test/helpers/corpus.ts";
import { API_TOKEN, INGEST, now, request, seedDatabase, startServerProcess, summarize, throwawayDatabase, type Outcome } from "./lib.ts";

const run = promisify(execFile);

const USAGE = `Usage: npm run bench:pg-restart [-- --clients N] [--before S] [--after S] [--restart "COMMAND"]

Loads a made-up corpus into a throwaway PostgreSQL database (BENCH_POSTGRES_URL or
TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres), serves it, and runs
--clients readers (default 10) and one writer; after --before seconds (default 5) runs
the restart command (default: pg_ctlcluster --skip-systemctl-redirect 15 main restart),
then goes on for --after seconds (default 10). Prints ok/failed requests before, during
and after the restart, and every distinct error.

Exit codes: 0 recovered with clean errors only during the outage, 1 otherwise, 2 usage error.`;

const QUERIES = [
  `{ articles(first: 5) { totalCount edges { node { title people(first: 5) { edges { node { name } } } } } } }`,
  `{ people(first: 10) { edges { node { name mentionCount related(first: 3) { totalCount } } } } }`,
  `{ quotes(first: 5, filter: { search: "plan" }) { totalCount edges { node { text } } } }`,
];

const CLEAN = /^SERVICE_UNAVAILABLE: database unavailable, retry$/;

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, { clients: { type: "string" }, before: { type: "string" }, after: { type: "string" }, restart: { type: "string" } });
  const clients = Number(values.clients ?? 10);
  const beforeS = Number(values.before ?? 5);
  const afterS = Number(values.after ?? 10);
  const restart = (values.restart ?? "pg_ctlcluster --skip-systemctl-redirect 15 main restart").split(/\s+/);

  const db = await throwawayDatabase("postgresql");
  try {
    await seedDatabase(db.url, 100);
    const server = await startServerProcess(db.url, { NODE_ENV: "production" });
    const outcomes: Outcome[] = [];
    const health: { at: number; status: number }[] = [];
    let stop = false;
    let restartStart = Infinity;
    let restartEnd = Infinity;
    try {
      const reader = async (c: number) => {
        for (let i = c; !stop; i += clients) {
          outcomes.push(await request(server.url, QUERIES[i % QUERIES.length]!));
          await sleep(20);
        }
      };
      const writer = async () => {
        for (let i = 2_000_000; !stop; i++) {
          outcomes.push(await request(server.url, INGEST, { text: corpusArticle(i), fileName: `restart-${i}.txt` }, { authorization: `Bearer ${API_TOKEN}` }));
          await sleep(50);
        }
      };
      const prober = async () => {
        while (!stop) {
          const at = now();
          const status = await fetch(server.url.replace(/graphql$/, "healthz")).then((r) => r.status, () => 0);
          health.push({ at, status });
          await sleep(250);
        }
      };
      const load = Promise.all([...Array.from({ length: clients }, (_, c) => reader(c)), writer(), prober()]);
      await sleep(beforeS * 1000);
      restartStart = now();
      console.log(`restarting PostgreSQL: ${restart.join(" ")}`);
      const { stdout, stderr } = await run(restart[0]!, restart.slice(1));
      restartEnd = now();
      if (stdout.trim() || stderr.trim()) console.log(`  ${(stdout + stderr).trim()}`);
      console.log(`  the restart command took ${((restartEnd - restartStart) / 1000).toFixed(1)} s`);
      await sleep(afterS * 1000);
      stop = true;
      await load;
    } finally {
      await server.stop();
    }

    // A request belongs to the phase it was answered in (one in flight when the restart
    // began is answered during it); "during" is from the restart command's start to its end.
    const phase = (o: Outcome) => {
      const answered = o.at + o.ms;
      return answered < restartStart ? "before" : answered < restartEnd ? "during" : "after";
    };
    const phases = { before: [] as Outcome[], during: [] as Outcome[], after: [] as Outcome[] };
    for (const o of outcomes) phases[phase(o)].push(o);
    console.log("\nphase    requests   ok  failed   p50 ms   p99 ms");
    for (const [name, list] of Object.entries(phases)) {
      const s = summarize(list);
      console.log(`${name.padEnd(8)} ${String(s.total).padStart(8)} ${String(s.ok).padStart(4)} ${String(s.failed).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)}`);
    }
    const lastFailure = Math.max(...outcomes.filter((o) => !o.ok).map((o) => o.at + o.ms), -Infinity);
    if (Number.isFinite(lastFailure)) {
      const delta = (lastFailure - restartEnd) / 1000;
      console.log(`last failed request answered ${Math.abs(delta).toFixed(2)} s ${delta < 0 ? "before" : "after"} the restart command ended`);
    }
    const unhealthy = health.filter((h) => h.status !== 200);
    console.log(`/healthz: ${health.length} probes, ${unhealthy.length} not 200 (${[...new Set(unhealthy.map((h) => h.status))].join(", ") || "-"})`);

    const reasons = summarize(outcomes).reasons;
    console.log("\nerrors returned:");
    if (!reasons.size) console.log("  none");
    for (const [reason, n] of reasons) console.log(`  x${n} ${reason.slice(0, 200)}`);
    const unclean = outcomes.filter((o) => !o.ok && (o.errors.length === 0 || o.errors.some((e) => !CLEAN.test(e)) || /stack|SELECT|INSERT|\/work|node_modules/i.test(o.body)));
    const afterFailures = phases.after.filter((o) => !o.ok);
    console.log(`\nevery error a clean SERVICE_UNAVAILABLE GraphQL error: ${unclean.length === 0 ? "yes" : `NO (${unclean.length})`}`);
    console.log(`no failure once the restart was over: ${afterFailures.length === 0 ? "yes" : `NO (${afterFailures.length})`}`);
    return unclean.length || afterFailures.length ? 1 : 0;
  } finally {
    await db.dispose().catch(async () => {
      // Right after a restart the server may refuse for a moment.
      await sleep(2000);
      await db.dispose();
    });
  }
}

process.exit(await main());
