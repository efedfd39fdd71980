// npm run bench:cost: calibrates the query cost model (src/graphql/limits/cost.ts). Runs
// probe operations, each dominated by one kind of field at its worst (the most mentioned
// entities come first), against the real server on SQLite and PostgreSQL, and prints each
// probe's cost, its median time and the milliseconds per 1,000 cost units; the worst of
// those times MAX_QUERY_COST is the time a query at the limit may take. Then the attack
// queries of issue 14, answered or rejected under the default limits. A bench, not a test.
import { parseArgs } from "node:util";
import { buildSchema } from "../src/graphql/schema.ts";
import { queryCost } from "../src/graphql/limits/cost.ts";
import { DEFAULT_LIMITS } from "../src/graphql/limits/index.ts";
import { parse } from "graphql";
import { request, seedDatabase, startServerProcess, throwawayDatabase } from "./lib.ts";

const USAGE = `Usage: npm run bench:cost [-- --seed FOLDER] [--sqlite URL] [--postgresql URL] [--runs N] [--backend sqlite|postgresql]

Loads --seed (default ../shared/data/news) into throwaway SQLite and PostgreSQL databases
(or uses the databases given, already loaded), then times every probe --runs times
(default 3) and prints the median.

Exit codes: 0 done, 1 a probe failed, 2 usage error.`;

const node = (inner: string) => `edges { node { ${inner} } }`;
const aliases = (n: number, inner: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${inner}`).join(" ")} }`;
/** Top-level fields go 30 to a request (MAX_ALIASES), so that their statements outweigh the request's own time. */
const PROBES: { name: string; query: string }[] = [
  { name: "30 x page of 0 articles", query: aliases(30, `articles(first: 0) { ${node("id")} }`) },
  { name: "30 x page of 100 articles", query: aliases(30, `articles(first: 100) { ${node("id title")} }`) },
  { name: "30 x page of 0 people", query: aliases(30, `people(first: 0) { ${node("id")} }`) },
  { name: "30 x articles totalCount", query: aliases(30, `articles(first: 0) { totalCount }`) },
  { name: "30 x people totalCount", query: aliases(30, `people(first: 0) { totalCount }`) },
  { name: "30 x articles search (first: 0)", query: aliases(30, `articles(first: 0, filter: { search: "said" }) { ${node("id")} }`) },
  { name: "30 x articles search count", query: aliases(30, `articles(first: 0, filter: { search: "said" }) { totalCount }`) },
  { name: "30 x people prefix search count", query: aliases(30, `people(first: 0, filter: { search: "a*" }) { totalCount }`) },
  { name: "30 x quotes search count", query: aliases(30, `quotes(first: 0, filter: { search: "we" }) { totalCount }`) },
  { name: "100 articles' 4 lists (first: 0)", query: `{ articles(first: 100) { ${node("people(first: 0) { totalCount } organizations(first: 0) { totalCount } places(first: 0) { totalCount } quotes(first: 0) { totalCount }")} } }` },
  { name: "100 articles' people (first: 100)", query: `{ articles(first: 100) { ${node(`people(first: 100) { ${node("name")} }`)} } }` },
  { name: "top 100 people's articles (first: 0)", query: `{ people(first: 100) { ${node("articles(first: 0) { totalCount }")} } }` },
  { name: "top 100 places' articles (first: 0)", query: `{ places(first: 100) { ${node("articles(first: 0) { totalCount }")} } }` },
  { name: "top 100 places' articles (first: 100)", query: `{ places(first: 100) { ${node(`articles(first: 100) { ${node("title")} }`)} } }` },
  { name: "top 100 people's quotes (first: 0)", query: `{ people(first: 100) { ${node("quotes(first: 0) { totalCount }")} } }` },
  { name: "top 100 people's related (first: 0)", query: `{ people(first: 100) { ${node("related(first: 0) { totalCount }")} } }` },
  { name: "top 100 places' related (first: 0)", query: `{ places(first: 100) { ${node("related(first: 0) { totalCount }")} } }` },
  { name: "top 100 organizations' related (first: 0)", query: `{ organizations(first: 100) { ${node("related(first: 0) { totalCount }")} } }` },
  // The reading fields: excerpts of long bodies, timelines of the most mentioned, the ranking of a range.
  { name: "100 articles of a search", query: `{ articles(first: 100, filter: { search: "said" }) { ${node("id")} } }` },
  { name: "100 articles of a search with snippets", query: `{ articles(first: 100, filter: { search: "said" }) { ${node("snippet { text }")} } }` },
  { name: "100 quotes of a search with highlights", query: `{ quotes(first: 100, filter: { search: "we" }) { ${node("highlight { text }")} } }` },
  { name: "top 100 people's mentionTimeline (MONTH, 24)", query: `{ people(first: 100) { ${node(`mentionTimeline(interval: MONTH, from: "2015-01-01T00:00:00Z", to: "2017-01-01T00:00:00Z") { mentionCount articleCount }`)} } }` },
  { name: "top 100 people's mentionTimeline (DAY, 1000)", query: `{ people(first: 100) { ${node(`mentionTimeline(interval: DAY, from: "2014-01-01T00:00:00Z", to: "2016-09-27T00:00:00Z") { mentionCount articleCount }`)} } }` },
  { name: "30 x topEntities of 2015-2016 (first: 100)", query: aliases(30, `topEntities(from: "2015-01-01T00:00:00Z", to: "2017-01-01T00:00:00Z", first: 100) { mentionCount entity { name } }`) },
  { name: "30 x topEntities of people, 2015-2016 (first: 100)", query: aliases(30, `topEntities(type: PERSON, from: "2015-01-01T00:00:00Z", to: "2017-01-01T00:00:00Z", first: 100) { mentionCount entity { name } }`) },
  { name: "30 x topEntities of all time (first: 100)", query: aliases(30, `topEntities(first: 100) { mentionCount entity { name } }`) },
];

/** Issue 14's attacks, and the largest queries of each shape under the default limit. */
export const ATTACKS: { name: string; query: string }[] = [
  { name: "places(100) related(0) totalCount", query: `{ places(first: 100) { ${node("related(first: 0) { totalCount }")} } }` },
  { name: "30 x people(100) related(0)+articles(0)", query: aliases(30, `people(first: 100) { ${node("related(first: 0) { totalCount } articles(first: 0) { totalCount }")} }`) },
  { name: "30 x articles(0) totalCount", query: aliases(30, `articles(first: 0) { totalCount }`) },
  { name: "30 x people(0, search) totalCount", query: aliases(30, `people(first: 0, filter: { search: "a*" }) { totalCount }`) },
  { name: "30 x places(100) articles(0)", query: aliases(30, `places(first: 100) { ${node("articles(first: 0) { totalCount }")} }`) },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const schema = buildSchema();
const costOf = (query: string) => queryCost(schema, parse(query)) ?? NaN;

async function timeProbe(url: string, query: string, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outcome = await request(url, query);
    if (!outcome.ok) throw new Error(`probe failed: ${outcome.errors.join("; ")}`);
    ms.push(outcome.ms);
  }
  return median(ms);
}

async function runBackend(name: "sqlite" | "postgresql", given: string | undefined, seed: string, runs: number) {
  const db = given ? { url: given, dispose: async () => {} } : await throwawayDatabase(name);
  try {
    if (!given) console.log(`\n== ${name}: ${await seedDatabase(db.url, 0, [seed])} articles loaded`);
    else console.log(`\n== ${name}: ${given}`);
    // Unlimited, to time every probe whatever its price.
    const server = await startServerProcess(db.url, { MAX_QUERY_COST: "100000000", EXECUTION_TIMEOUT_MS: "120000", SOCKET_TIMEOUT_MS: "180000", NODE_ENV: "production" });
    let worst = 0;
    try {
      await request(server.url, PROBES[0]!.query); // warm-up
      // What a request costs without the database: subtracted from every probe.
      const baseline = await timeProbe(server.url, "{ __typename }", runs * 3);
      console.log(`a request without database work: ${baseline.toFixed(0)} ms (subtracted below)`);
      console.log(`| probe | cost | median ms | ms per 1,000 |\n| --- | ---: | ---: | ---: |`);
      for (const probe of PROBES) {
        const cost = costOf(probe.query);
        const ms = await timeProbe(server.url, probe.query, runs);
        const per = (Math.max(0, ms - baseline) / cost) * 1000;
        worst = Math.max(worst, per);
        console.log(`| ${probe.name} | ${cost.toLocaleString("en")} | ${ms.toFixed(0)} | ${per.toFixed(1)} |`);
      }
      console.log(`worst ${worst.toFixed(1)} ms per 1,000 units: a query at MAX_QUERY_COST ${DEFAULT_LIMITS.cost.toLocaleString("en")} takes up to about ${((worst * DEFAULT_LIMITS.cost) / 1000 / 1000).toFixed(2)} s here`);
    } finally {
      await server.stop();
    }
    const limited = await startServerProcess(db.url, { NODE_ENV: "production" });
    try {
      console.log(`\nattacks under the default limits:`);
      for (const attack of ATTACKS) {
        const outcome = await request(limited.url, attack.query);
        const answer = outcome.ok ? "answered" : outcome.errors[0]!.split(":")[0];
        console.log(`  ${attack.name}: cost ${costOf(attack.query).toLocaleString("en")}, ${answer} in ${outcome.ms.toFixed(0)} ms`);
      }
    } finally {
      await limited.stop();
    }
  } finally {
    await db.dispose();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { seed: { type: "string", default: "../shared/data/news" }, sqlite: { type: "string" }, postgresql: { type: "string" }, runs: { type: "string", default: "3" }, backend: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) return console.log(USAGE);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive whole number\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.backend !== "postgresql") await runBackend("sqlite", values.sqlite, values.seed!, runs);
  if (values.backend !== "sqlite") await runBackend("postgresql", values.postgresql, values.seed!, runs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
