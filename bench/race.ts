// npm run bench:race: reads racing deletes on PostgreSQL. For --duration seconds
// (default 60), --readers clients (default 8) run queries that cross non-null relations
// (a quote's article, an article's quotes and people and theirs), while one writer deletes
// articles and ingests them again, and another ingests the same texts at the same time
// (an idempotent ingest racing the delete). Every answer must be complete: any error
// (e.g. "quote N has no article M", or an ingest that cannot read back what it stored)
// counts. Prints the requests and errors of each; exit 1 on any error. A bench, not a test.
import { parseArgs } from "node:util";
import { API_TOKEN, request, seedDatabase, startServerProcess, summarize, throwawayDatabase, type Outcome } from "./lib.ts";

const USAGE = `Usage: npm run bench:race [-- --duration S] [--readers N] [--articles N] [--backend postgresql|sqlite]

Exit codes: 0 no error, 1 some request failed, 2 usage error.`;

const READS = [
  `{ quotes(first: 50) { edges { node { text article { id title wordCount } speaker { ... on Person { name } ... on Organization { name } } } } } }`,
  `{ articles(first: 20) { totalCount edges { node { id title quotes(first: 5) { totalCount edges { node { text article { title } } } }
      people(first: 5) { edges { mentionCount node { name articles(first: 3) { edges { node { title } } } } } } } } } }`,
  `{ people(first: 20) { edges { node { name quotes(first: 5) { edges { node { text article { title publishedAt } } } } related(first: 3) { edges { node { ... on Person { name } ... on Place { name } ... on Organization { name } } } } } } } }`,
];
const ARTICLE = `query($id: ID!) { node(id: $id) { ... on Article { title body } } }`;
const PAGE = `query($after: String) { articles(first: 50, after: $after, orderBy: TITLE_ASC) { edges { cursor node { id } } } }`;
const INGEST = `mutation($text: String!, $fileName: String!) { ingestArticle(input: { text: $text, fileName: $fileName }) { status article { id title quotes(first: 3) { edges { node { article { id } } } } } } }`;
const DELETE = `mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "60" }, readers: { type: "string", default: "8" }, articles: { type: "string", default: "200" },
      backend: { type: "string", default: "postgresql" }, help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const duration = Number(values.duration);
  const readers = Number(values.readers);
  const articles = Number(values.articles);
  if (!(duration > 0) || !(readers >= 1) || !(articles >= 10) || (values.backend !== "postgresql" && values.backend !== "sqlite")) {
    console.error(USAGE);
    return 2;
  }
  const db = await throwawayDatabase(values.backend);
  try {
    await seedDatabase(db.url, articles);
    const server = await startServerProcess(db.url, { NODE_ENV: "production" });
    try {
      const auth = { authorization: `Bearer ${API_TOKEN}` };
      // The texts to delete and ingest again, read once.
      const ids: string[] = [];
      for (let after: string | null = null; ;) {
        const edges = JSON.parse((await request(server.url, PAGE, { after })).body).data.articles.edges as { cursor: string; node: { id: string } }[];
        ids.push(...edges.map((e) => e.node.id));
        if (edges.length < 50) break;
        after = edges.at(-1)!.cursor;
      }
      const texts: string[] = [];
      for (const id of ids) {
        const a = JSON.parse((await request(server.url, ARTICLE, { id })).body).data.node as { title: string; body: string };
        texts.push(`${a.title}\n\n${a.body}`);
      }
      const end = performance.now() + duration * 1000;
      const reads: Outcome[] = [];
      const writes: Outcome[] = [];
      const ingests: Outcome[] = [];
      const reader = async (c: number) => {
        // A token each: the per-client budget of expensive operations is not what this measures.
        for (let i = c; performance.now() < end; i++) reads.push(await request(server.url, READS[i % READS.length]!, {}, { authorization: `Bearer race-reader-${c}` }));
      };
      const current = [...ids];
      const deleter = async () => {
        for (let i = 0; performance.now() < end; i++) {
          const k = i % texts.length;
          const deleted = await request(server.url, DELETE, { id: current[k] }, auth);
          writes.push(deleted);
          const ingested = await request(server.url, INGEST, { text: texts[k], fileName: `race-${k}.txt` }, auth);
          writes.push(ingested);
          const id = ingested.ok ? JSON.parse(ingested.body).data.ingestArticle.article?.id : undefined;
          if (id) current[k] = id;
        }
      };
      // The same texts as the deleter, a step behind: its ingests race the deletes.
      const ingester = async () => {
        for (let i = 0; performance.now() < end; i++) ingests.push(await request(server.url, INGEST, { text: texts[i % texts.length], fileName: `again-${i}.txt` }, auth));
      };
      await Promise.all([...Array.from({ length: readers }, (_, c) => reader(c)), deleter(), ingester()]);
      let failed = 0;
      for (const [name, outcomes] of [["reads", reads], ["deletes and ingests", writes], ["racing ingests", ingests]] as const) {
        const s = summarize(outcomes);
        failed += s.failed;
        console.log(`${values.backend} ${name}: ${s.total} requests, ${s.failed} errors, p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms`);
        for (const [reason, n] of s.reasons) console.log(`  ${n} x ${reason.slice(0, 200)}`);
      }
      return failed === 0 ? 0 : 1;
    } finally {
      await server.stop();
    }
  } finally {
    await db.dispose();
  }
}

process.exit(await main());
