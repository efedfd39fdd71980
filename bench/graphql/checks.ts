// Before load: both servers return the same rows, and the SQL statements per operation.
import { isDeepStrictEqual } from "node:util";
import { onStatement, openDb } from "../../src/store/client.ts";
import { startServer } from "../../src/server/server.ts";
import { bodies, type Operation } from "./operations.ts";
import { post } from "./servers.ts";

export interface Check {
  compared: number;
  equal: boolean;
  difference?: string;
}

export async function checkEquivalence(ops: Operation[], ours: string, postgraphile: string): Promise<Record<string, Check>> {
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
export async function countOurStatements(url: string, ops: Operation[]): Promise<Record<string, number[]>> {
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
export async function countPostgraphileStatements(url: string, ops: Operation[]): Promise<Record<string, number[]>> {
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
