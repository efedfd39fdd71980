// npm run bench:load: 50 concurrent clients send mixed queries for 60 s while one writer
// ingests new articles through the ingestArticle mutation, against the real server
// (npm start) on SQLite (WAL) and on PostgreSQL, each a throwaway database loaded with
// a made-up corpus (or with --seed FOLDER). Prints requests, failures and p50/p99
// latency; exit 1 when any request failed. A bench, not a test: not run by npm test.
import { scriptArgs } from "../scripts/args.ts";
import { corpusArticle } from "../test/helpers/corpus.ts";
import { API_TOKEN, INGEST, request, seedDatabase, startServerProcess, summarize, throwawayDatabase, type Outcome } from "./lib.ts";

const USAGE = `Usage: npm run bench:load [-- --duration S] [--clients N] [--articles N] [--seed FOLDER] [--backend sqlite|postgresql]

Starts the server on a throwaway database (SQLite, then PostgreSQL on BENCH_POSTGRES_URL
or TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres) loaded with
--articles made-up articles (default 300) or the documents under --seed, then runs
--clients readers (default 50) for --duration seconds (default 60) and one writer.

Exit codes: 0 no request failed, 1 some failed, 2 usage error.`;

const READS: { name: string; query: string; variables: (ids: Ids, i: number) => Record<string, unknown> }[] = [
  {
    name: "article page",
    query: `query ArticlePage { articles(first: 10) { totalCount edges { node { id title publishedAt
      people(first: 10) { edges { mentionCount node { name } } } places(first: 5) { edges { node { name } } }
      organizations(first: 5) { edges { node { name } } } quotes(first: 5) { edges { node { text speaker { ... on Person { name } } } } } } } } }`,
    variables: () => ({}),
  },
  {
    name: "person",
    query: `query Person($id: ID!) { node(id: $id) { ... on Person { name aliases mentionCount articleCount
      articles(first: 5) { totalCount edges { node { title } } } quotes(first: 5) { edges { node { text } } }
      related(first: 5) { edges { sharedArticles node { ... on Person { name } ... on Place { name } ... on Organization { name } } } } } } }`,
    variables: (ids, i) => ({ id: ids.people[i % ids.people.length] }),
  },
  {
    name: "search",
    query: `query Search($q: String) { people(first: 10, filter: { search: $q }) { totalCount edges { node { name } } }
      quotes(first: 10, filter: { search: "plan" }) { totalCount edges { node { text } } } }`,
    variables: (_ids, i) => ({ q: ["lopez", "chen", "an", "berg"][i % 4] }),
  },
  {
    name: "articles of a person",
    query: `query ByPerson($id: ID) { articles(first: 20, filter: { personId: $id }, orderBy: TITLE_ASC) { totalCount edges { cursor node { title wordCount } } } }`,
    variables: (ids, i) => ({ id: ids.people[(i * 7) % ids.people.length] }),
  },
  {
    name: "top entities",
    query: `query Top { people(first: 20) { edges { node { name mentionCount } } } places(first: 20, orderBy: ARTICLE_COUNT_DESC) { edges { node { name articleCount } } }
      organizations(first: 20) { edges { node { name } } } }`,
    variables: () => ({}),
  },
];

interface Ids {
  people: string[];
}

async function runBackend(name: "sqlite" | "postgresql", options: { duration: number; clients: number; articles: number; seed: string[] }) {
  const db = await throwawayDatabase(name);
  try {
    const t0 = performance.now();
    const loaded = await seedDatabase(db.url, options.articles, options.seed);
    console.log(`\n== ${name}: ${loaded} articles loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const server = await startServerProcess(db.url, { NODE_ENV: "production" });
    try {
      const top = await request(server.url, `{ people(first: 100) { edges { node { id } } } }`);
      const ids: Ids = { people: JSON.parse(top.body).data.people.edges.map((e: { node: { id: string } }) => e.node.id) };
      const end = performance.now() + options.duration * 1000;
      const reads: Outcome[] = [];
      const byName = new Map<string, Outcome[]>();
      const reader = async (client: number) => {
        for (let i = client; performance.now() < end; i += options.clients) {
          const op = READS[i % READS.length]!;
          const outcome = await request(server.url, op.query, op.variables(ids, i));
          reads.push(outcome);
          byName.set(op.name, [...(byName.get(op.name) ?? []), outcome]);
        }
      };
      const writes: Outcome[] = [];
      let created = 0;
      const writer = async () => {
        for (let i = 1_000_000; performance.now() < end; i++) {
          const outcome = await request(server.url, INGEST, { text: corpusArticle(i), fileName: `bench-${i}.txt` }, { authorization: `Bearer ${API_TOKEN}` });
          writes.push(outcome);
          if (outcome.ok && JSON.parse(outcome.body).data.ingestArticle.created) created++;
        }
      };
      const started = performance.now();
      await Promise.all([...Array.from({ length: options.clients }, (_, c) => reader(c)), writer()]);
      const seconds = (performance.now() - started) / 1000;
      const r = summarize(reads);
      const w = summarize(writes);
      console.log(`readers: ${options.clients} clients, ${r.total} requests in ${seconds.toFixed(1)} s (${(r.total / seconds).toFixed(0)}/s), failed ${r.failed}`);
      console.log(`  latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
      for (const [op, outcomes] of byName) {
        const s = summarize(outcomes);
        console.log(`  ${op.padEnd(22)} ${String(s.total).padStart(6)} req  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms  failed ${s.failed}`);
      }
      console.log(`writer: ${w.total} ingests (${created} created), failed ${w.failed}, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms`);
      for (const [reason, n] of [...r.reasons, ...w.reasons]) console.log(`  failure x${n}: ${reason.slice(0, 200)}`);
      const failed = r.failed + w.failed;
      console.log(failed === 0 ? `zero failed requests: yes` : `zero failed requests: NO (${failed} failed)`);
      return failed;
    } finally {
      await server.stop();
    }
  } finally {
    await db.dispose();
  }
}

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, {
    duration: { type: "string" }, clients: { type: "string" }, articles: { type: "string" },
    seed: { type: "string", multiple: true }, backend: { type: "string" },
  });
  const options = { duration: Number(values.duration ?? 60), clients: Number(values.clients ?? 50), articles: Number(values.articles ?? 300), seed: values.seed ?? [] };
  const chosen = values.backend ? [values.backend] : ["sqlite", "postgresql"];
  if (!(options.duration > 0) || !Number.isInteger(options.clients) || options.clients < 1 || chosen.some((b) => b !== "sqlite" && b !== "postgresql")) {
    console.error(`bench:load: invalid option\n\n${USAGE}`);
    return 2;
  }
  let failed = 0;
  for (const backend of chosen as ("sqlite" | "postgresql")[]) failed += await runBackend(backend, options);
  return failed ? 1 : 0;
}

process.exit(await main());
