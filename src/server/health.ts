// GET /healthz for load balancers and orchestrators: 200 when the database answers, 503 when not.
import type { ServerResponse } from "node:http";
import type { DbHandle } from "../store/client.ts";
import { pingDatabase } from "../store/ping.ts";
import { logger } from "../logger.ts";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(store: DbHandle): Promise<Health> {
  try {
    await pingDatabase(store);
    return { status: "ok", database: "ok" };
  } catch (error) {
    // The reason only: a probe every few seconds during an outage would repeat the same stack.
    logger.warn({ reason: error instanceof Error ? error.message.trim() : String(error) }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable" };
  }
}

export async function sendHealth(res: ServerResponse, store: DbHandle, head = false): Promise<void> {
  const health = await checkHealth(store);
  res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(head ? undefined : JSON.stringify(health));
}
