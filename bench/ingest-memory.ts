// npm run bench:ingest-memory: server memory for large ingestArticle documents. Starts
// the server on a throwaway SQLite database (or PostgreSQL, --backend), sends one made-up
// document of --mb megabytes (default 5), then, on a fresh server, --parallel (default 10)
// different ones at once; polls `ingestion(contentHash:)` for those answered ACCEPTED until
// stored (sending again after Retry-After a document refused with 503), and prints each answer, the time to store them all, and the server's resident
// memory at start and at its peak (VmRSS in /proc, every 20 ms), and the difference. A
// bench, not a test: exit 1 when a document was not stored.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { corpusArticle } from "../test/helpers/corpus.ts";
import { API_TOKEN, request, seedDatabase, startServerProcess, throwawayDatabase, type ServerProcess } from "./lib.ts";

const USAGE = `Usage: npm run bench:ingest-memory [-- --mb N] [--parallel N] [--backend sqlite|postgresql]

Exit codes: 0 every document stored, 1 otherwise, 2 usage error.`;

const INGEST = `mutation Ingest($text: String!, $fileName: String!) { ingestArticle(input: { text: $text, fileName: $fileName }) { status contentHash article { id wordCount } } }`;
const INGESTION = `query Ingestion($hash: String!) { ingestion(contentHash: $hash) { state reason article { id wordCount } } }`;

/** A made-up news document of about `bytes` bytes: a title and paragraphs of invented stories. */
export function largeDocument(bytes: number, seed: number): string {
  const parts = [`Digest ${seed}: the week's talks`, ""];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const story = corpusArticle(seed * 100_000 + i).split("\n").slice(2).join("\n");
    parts.push(story, "");
    size += Buffer.byteLength(story) + 1;
  }
  return parts.join("\n");
}

/** The process's resident memory in MB; 0 once it has exited. */
function rssMb(pid: number): number {
  try {
    const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return found ? Number(found[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function run(server: ServerProcess, docs: string[]) {
  const pid = server.child.pid!;
  const start = rssMb(pid);
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const t0 = performance.now();
  const headers = { authorization: `Bearer ${API_TOKEN}` };
  // A document refused for now (503: the server holds as many large bodies as it takes)
  // is sent again after the Retry-After seconds, as a client should.
  let refused = 0;
  const send = async (text: string, fileName: string) => {
    for (;;) {
      const answer = await request(server.url, INGEST, { text, fileName }, headers);
      if (answer.status !== 503 || !answer.retryAfter || server.child.exitCode !== null) return answer;
      refused++;
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfter! * 1000));
    }
  };
  const answers = await Promise.all(docs.map((text, i) => send(text, `large-${i}.txt`)));
  const answered = performance.now() - t0;
  let stored = 0;
  const statuses: string[] = [];
  const pollFailures: string[] = [];
  for (const a of answers) {
    if (!a.ok) {
      statuses.push(a.errors[0] ?? `HTTP ${a.status}`);
      continue;
    }
    const payload = JSON.parse(a.body).data.ingestArticle as { status: string; contentHash: string };
    statuses.push(payload.status);
    let state = payload.status === "ACCEPTED" ? "PENDING" : "STORED";
    while (state === "PENDING") {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const poll = await request(server.url, INGESTION, { hash: payload.contentHash });
      // A poll that failed (the server busy past the request's 30 s) is counted and repeated.
      if (poll.ok) state = JSON.parse(poll.body).data.ingestion.state;
      else pollFailures.push(poll.errors[0] ?? `HTTP ${poll.status}`);
      if (server.child.exitCode !== null) break;
    }
    if (state === "STORED") stored++;
    else statuses.push(`then ${state}`);
  }
  const done = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  return { start, peak, statuses, stored, answered, done, pollFailures, refused };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { mb: { type: "string", default: "5" }, parallel: { type: "string", default: "10" }, backend: { type: "string", default: "sqlite" }, help: { type: "boolean" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const mb = Number(values.mb);
  const parallel = Number(values.parallel);
  if (!(mb > 0) || !Number.isInteger(parallel) || parallel < 1 || (values.backend !== "sqlite" && values.backend !== "postgresql")) {
    console.error(USAGE);
    return 2;
  }
  const bytes = Math.min(mb * 1_000_000, 5 * 1024 * 1024 - 1024);
  let ok = true;
  for (const count of [1, parallel]) {
    const db = await throwawayDatabase(values.backend);
    try {
      await seedDatabase(db.url, 20);
      const server = await startServerProcess(db.url);
      try {
        const docs = Array.from({ length: count }, (_, i) => largeDocument(bytes, count * 1000 + i));
        const r = await run(server, docs);
        console.log(`${count} x ${(Buffer.byteLength(docs[0]!) / 1e6).toFixed(1)} MB on ${values.backend}: answered in ${(r.answered / 1000).toFixed(1)} s (${r.statuses.join(", ")}), ${r.stored} stored in ${(r.done / 1000).toFixed(1)} s; RSS ${r.start.toFixed(0)} MB at start, peak ${r.peak.toFixed(0)} MB: ${(r.peak - r.start).toFixed(0)} MB extra`);
        if (r.refused) console.log(`  ${r.refused} answers were 503 with Retry-After (a large body refused for now), each document sent again after it`);
        if (r.pollFailures.length) console.log(`  ${r.pollFailures.length} polls of ingestion(contentHash:) failed: ${[...new Set(r.pollFailures)].join("; ").slice(0, 300)}`);
        ok &&= r.stored === count;
        if (server.child.exitCode !== null) {
          console.log(`the server exited (${server.child.exitCode}):\n${server.logs().slice(-2000)}`);
          ok = false;
        }
      } finally {
        await server.stop();
      }
    } finally {
      await db.dispose();
    }
  }
  return ok ? 0 : 1;
}

process.exit(await main());
