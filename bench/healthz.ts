// npm run bench:healthz: /healthz stays quick while 4 clients run the heaviest legal
// queries (each just under MAX_QUERY_COST) back to back, on SQLite and on PostgreSQL
// loaded with the news corpus. Prints the heavy queries' latency and /healthz's
// p50/p99/max; exit 1 when /healthz's p99 is 100 ms or more, or a request failed. A bench,
// not a test: not run by npm test.
import { parseArgs } from "node:util";
import { parse } from "graphql";
import { buildSchema } from "../src/graphql/schema.ts";
import { queryCost } from "../src/graphql/limits/cost.ts";
import { DEFAULT_LIMITS } from "../src/graphql/limits/index.ts";
import { now, percentile, request, seedDatabase, startServerProcess, summarize, throwawayDatabase, type Outcome } from "./lib.ts";

const USAGE = `Usage: npm run bench:healthz [-- --duration S] [--clients N] [--seed FOLDER] [--sqlite URL] [--postgresql URL] [--backend sqlite|postgresql] [--only TEXT]

Loads --seed (default ../shared/data/news) into throwaway SQLite and PostgreSQL databases
(or uses the loaded databases given), starts the server on each, and for --duration
seconds (default 30) runs --clients (default 4) clients sending the heaviest legal
queries (--only: those whose name contains TEXT) while /healthz is probed every 50 ms.

Exit codes: 0 /healthz p99 under 100 ms and no failure, 1 otherwise, 2 usage error.`;

const node = (inner: string) => `edges { node { ${inner} } }`;
const aliased = (n: number, inner: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${inner}`).join(" ")} }`;
/** The slowest shapes per cost unit in `npm run bench:cost`, each sized just under the limit. */
export const HEAVY = [
  { name: "places(80) related(5)", query: `{ places(first: 80) { ${node(`name related(first: 5) { totalCount ${node("... on Place { name } ... on Person { name } ... on Organization { name }")} }`)} } }` },
  { name: "30 x articles(95)", query: aliased(30, `articles(first: 95) { totalCount ${node("id title")} }`) },
  { name: "people(77) related(0) articles(0)", query: `{ people(first: 77) { ${node("related(first: 0) { totalCount } articles(first: 0) { totalCount }")} } }` },
  { name: "30 x article search count", query: aliased(30, `articles(first: 0, filter: { search: "said" }) { totalCount }`) },
];

/** The server's event-loop delay (prom-client's histogram, restarted at each read of /metrics), in ms. */
async function eventLoopDelay(metrics: string): Promise<{ p50: number; p99: number; max: number }> {
  const text = await (await fetch(metrics)).text();
  const seconds = (name: string) => Number(new RegExp(`^nodejs_eventloop_lag_${name}_seconds (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return { p50: seconds("p50") * 1000, p99: seconds("p99") * 1000, max: seconds("max") * 1000 };
}

async function runBackend(name: "sqlite" | "postgresql", given: string | undefined, options: { seed: string; duration: number; clients: number; heavy: typeof HEAVY }) {
  const db = given ? { url: given, dispose: async () => {} } : await throwawayDatabase(name);
  try {
    if (!given) console.log(`\n== ${name}: ${await seedDatabase(db.url, 0, [options.seed])} articles loaded`);
    else console.log(`\n== ${name}: ${given}`);
    const server = await startServerProcess(db.url, { NODE_ENV: "production" });
    const health = server.url.replace(/\/graphql$/, "/healthz");
    const metrics = server.url.replace(/\/graphql$/, "/metrics");
    try {
      // Reads (and so restarts) the server's event-loop delay histogram: the next read covers the run only.
      await eventLoopDelay(metrics);
      const end = performance.now() + options.duration * 1000;
      const heavy: Outcome[] = [];
      const client = async (c: number) => {
        // Each client its own token: the per-client budget is not what this measures.
        const headers = { authorization: `Bearer heavy-client-${c}` };
        for (let i = c; performance.now() < end; i++) heavy.push(await request(server.url, options.heavy[i % options.heavy.length]!.query, {}, headers));
      };
      const probes: { ms: number; ok: boolean }[] = [];
      const probe = async () => {
        while (performance.now() < end) {
          const at = now();
          const ok = await fetch(health, { signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false);
          probes.push({ ms: now() - at, ok });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await Promise.all([probe(), ...Array.from({ length: options.clients }, (_, c) => client(c))]);
      const h = summarize(heavy);
      const ms = probes.map((p) => p.ms).sort((a, b) => a - b);
      const failedProbes = probes.filter((p) => !p.ok).length;
      console.log(`heavy queries: ${h.total} (${h.failed} failed), p50 ${h.p50.toFixed(0)} ms, p99 ${h.p99.toFixed(0)} ms, max ${h.max.toFixed(0)} ms`);
      for (const [reason, n] of h.reasons) console.log(`  ${n} x ${reason.slice(0, 200)}`);
      console.log(`/healthz: ${probes.length} probes (${failedProbes} failed), p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`);
      const lag = await eventLoopDelay(metrics);
      console.log(`server event loop delay: p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms`);
      return percentile(ms, 99) < 100 && failedProbes === 0 && h.failed === 0;
    } finally {
      await server.stop();
    }
  } finally {
    await db.dispose();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: "string", default: "../shared/data/news" }, sqlite: { type: "string" }, postgresql: { type: "string" }, backend: { type: "string" },
      duration: { type: "string", default: "30" }, clients: { type: "string", default: "4" }, only: { type: "string" }, help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const duration = Number(values.duration);
  const clients = Number(values.clients);
  if (!(duration > 0) || !Number.isInteger(clients) || clients < 1) {
    console.error(`--duration and --clients must be positive numbers\n\n${USAGE}`);
    return 2;
  }
  const heavy = HEAVY.filter((q) => !values.only || q.name.includes(values.only));
  const schema = buildSchema();
  for (const q of HEAVY) console.log(`${q.name}: cost ${queryCost(schema, parse(q.query))!.toLocaleString("en")} of ${DEFAULT_LIMITS.cost.toLocaleString("en")}`);
  let ok = true;
  if (values.backend !== "postgresql") ok = (await runBackend("sqlite", values.sqlite, { seed: values.seed!, duration, clients, heavy })) && ok;
  if (values.backend !== "sqlite") ok = (await runBackend("postgresql", values.postgresql, { seed: values.seed!, duration, clients, heavy })) && ok;
  return ok ? 0 : 1;
}

process.exit(await main());
