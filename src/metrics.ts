// The Prometheus metrics this process exposes at /metrics. One registry per process, as
// Prometheus scrapes a process: the server's GraphQL plugin and the ingest paths of the
// same process count into it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();

export const graphqlRequests = new Counter({
  name: "graphql_requests_total",
  help: "GraphQL operations answered, by operation name and status (ok: no error; error: any error in the response; persisted_query_miss: an automatic persisted query's hash not known yet, which the client answers with the query text).",
  labelNames: ["operation", "status"] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: "graphql_request_duration_seconds",
  help: "Time from receiving a GraphQL operation to sending its response.",
  labelNames: ["operation"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: "graphql_errors_total",
  help: "Errors in GraphQL responses, by operation name and error code (extensions.code).",
  labelNames: ["operation", "code"] as const,
  registers: [registry],
});

export const ingestArticles = new Counter({
  name: "ingest_articles_total",
  help: "Documents the loader handled: loaded (new article), duplicate (already stored) or failed (bad file).",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

let processMetricsOn = false;

/**
 * Starts prom-client's process metrics (CPU, memory, event loop, GC). Called by the server
 * rather than at import, so commands that only load documents start no collectors.
 */
export function collectProcessMetrics(): void {
  if (processMetricsOn) return;
  processMetricsOn = true;
  collectDefaultMetrics({ register: registry });
}

// Every outcome is exported from the start (at 0), so a rate() over it is defined before the first load.
for (const outcome of ["loaded", "copy", "duplicate", "failed"] as const) ingestArticles.inc({ outcome }, 0);

/** The Prometheus text exposition of every metric. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

export const httpConnectionsDropped = new Counter({
  name: "http_connections_dropped_total",
  help: "Connections closed as they arrived because MAX_CONNECTIONS were open.",
  registers: [registry],
});

export const graphqlSubscriptions = new Gauge({
  name: "graphql_subscriptions",
  help: "Subscriptions open on this server's WebSocket connections",
  registers: [registry],
});

export const graphqlSubscribersDisconnected = new Counter({
  name: "graphql_subscribers_disconnected_total",
  help: "WebSocket connections closed because a subscriber fell too many events behind (close code 4413)",
  registers: [registry],
});
