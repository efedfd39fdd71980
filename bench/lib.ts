// Shared by the benches: a throwaway database with a made-up corpus, the real server
// (`src/cli/serve.ts`) in a child process, and a GraphQL client that records latency.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpus } from "../test/helpers/corpus.ts";
import { createTempDatabase, POSTGRES_SERVER_URL } from "../test/helpers/postgres.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";

export const API_TOKEN = "bench-token-0123456789abcdef";

export interface BenchDatabase {
  name: "sqlite" | "postgresql";
  url: string;
  dispose(): Promise<void>;
}

export async function throwawayDatabase(name: "sqlite" | "postgresql"): Promise<BenchDatabase> {
  if (name === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
    return { name, url: `file:${join(dir, "bench.db")}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const db = await createTempDatabase({ prefix: "newsgraph_bench", serverUrl: process.env.BENCH_POSTGRES_URL || POSTGRES_SERVER_URL });
  return { name, url: db.url, dispose: () => db.drop() };
}

/** Migrates and loads `articles` made-up articles (or the folders given) into the database. */
export async function seedDatabase(url: string, articles: number, folders: string[] = []): Promise<number> {
  await migrateDatabase(url);
  const corpus = folders.length ? null : writeCorpus(articles);
  const store = await openDb(url);
  try {
    const summary = await loadDocuments(store, corpus ? [corpus] : folders);
    return summary.loaded + summary.duplicates;
  } finally {
    await store.close();
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  }
}

/**
 * Node's arguments for a command of the product as package.json runs it (`npm start`,
 * `seed`, `worker`): the built JavaScript in dist/, which the bench scripts build first.
 */
export function productCommand(name: "serve" | "seed" | "worker"): string[] {
  return ["--enable-source-maps", `dist/cli/${name}.js`];
}

const SCRIPT_OF = { serve: "start", seed: "seed", worker: "worker" } as const;

/**
 * The environment package.json's script sets for the command (`NAME=${NAME:-value}` before
 * `node`, e.g. the server's MALLOC_ARENA_MAX), each as the caller's environment overrides it:
 * a bench measures the process as `npm start` runs it.
 */
export function productEnv(name: "serve" | "seed" | "worker"): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  const env: Record<string, string> = {};
  for (const [, key, value] of scripts[SCRIPT_OF[name]]!.matchAll(/(\w+)=\$\{\1:-([^}]*)\}/g)) env[key!] = process.env[key!] ?? value!;
  return env;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs(): string;
  stop(): Promise<void>;
}

/** `npm start` on the database, on a free port; resolves once it serves. */
export async function startServerProcess(url: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  // BENCH_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...productCommand("serve")], {
    env: { ...process.env, ...productEnv("serve"), DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", API_TOKEN, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stderr!.on("data", (d) => (logs += d));
  const serving = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      logs += d;
      const match = /serving (http:\/\/\S+)/.exec(logs);
      if (match) resolve(match[1]!.replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}:\n${logs}`)));
  });
  return {
    url: serving,
    child,
    logs: () => logs,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

export interface Outcome {
  ok: boolean;
  ms: number;
  /** When the request was sent, ms since the bench started. */
  at: number;
  status: number;
  /** `CODE: message` of each error, or the transport failure. */
  errors: string[];
  body: string;
  /** The Retry-After header's seconds, when the server sent one (a 503). */
  retryAfter?: number;
}

const started = performance.now();
export const now = () => performance.now() - started;

/** One GraphQL request; never throws: a transport failure is an outcome too. */
export async function request(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Outcome> {
  const at = now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    let errors: string[] = [];
    try {
      const json = JSON.parse(body) as { errors?: { message: string; extensions?: { code?: string } }[] };
      errors = (json.errors ?? []).map((e) => `${e.extensions?.code ?? "NO_CODE"}: ${e.message}`);
    } catch {
      errors = [`NOT_JSON: ${body.slice(0, 200)}`];
    }
    const retryAfter = Number(response.headers.get("retry-after")) || undefined;
    return { ok: response.status === 200 && errors.length === 0, ms: now() - at, at, status: response.status, errors, body, ...(retryAfter ? { retryAfter } : {}) };
  } catch (error) {
    return { ok: false, ms: now() - at, at, status: 0, errors: [`TRANSPORT: ${(error as Error).message}`], body: "" };
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(outcomes: Outcome[]) {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const failed = outcomes.filter((o) => !o.ok);
  const reasons = new Map<string, number>();
  for (const o of failed) for (const e of o.errors.length ? o.errors : [`HTTP ${o.status}`]) reasons.set(e, (reasons.get(e) ?? 0) + 1);
  return { total: outcomes.length, ok: outcomes.length - failed.length, failed: failed.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN, reasons };
}

export const INGEST = `mutation Ingest($text: String!, $fileName: String!) { ingestArticle(input: { text: $text, fileName: $fileName }) { created article { id } } }`;
