// Every setting the server reads from the environment, validated once at start.
import { z } from "zod";

/** DATABASE_URL when unset: the embedded SQLite database under ./data (src/store/database-url.ts reads it). */
export const DEFAULT_DATABASE_URL = "file:./data/newsgraph.db";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * CORS_ORIGINS: a comma list of origins (`scheme://host[:port]`), normalized as browsers
 * send them (lower-case host, no default port, no trailing slash); `*` alone allows any.
 */
const origins = z.string().transform((value, ctx) => {
  const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.includes("*")) {
    if (entries.length > 1) ctx.addIssue({ code: "custom", message: "`*` allows every origin and cannot be combined with a list" });
    return ["*"];
  }
  const normalized: string[] = [];
  for (const entry of entries) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: `"${entry}" is not an origin: expected scheme://host[:port], e.g. https://studio.apollographql.com` });
    } else normalized.push(url.origin);
  }
  return normalized;
});

const Env = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.string().default("development"),
  SEED_DIR: z.string().default("seeds"),
  /** Largest request body accepted, in bytes; default: room for a MAX_DOCUMENT_BYTES document as JSON (bodyBytesFor). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().optional(),
  /** Largest document the loader and ingestArticle accept, in bytes (5 MiB). */
  MAX_DOCUMENT_BYTES: positiveInt(5 * 1024 * 1024),
  /** Deepest field nesting of an operation. */
  MAX_QUERY_DEPTH: positiveInt(10),
  /** Largest cost: list page sizes multiplied through their nesting. */
  MAX_QUERY_COST: positiveInt(50_000),
  /** Operations costing this much or more count against their client's budget (MAX_EXPENSIVE_PER_CLIENT). */
  EXPENSIVE_QUERY_COST: positiveInt(10_000),
  /** Expensive operations one client (bearer token, else IP address) may run at a time. */
  MAX_EXPENSIVE_PER_CLIENT: positiveInt(2),
  /** Largest GraphQL document text, in bytes. */
  MAX_QUERY_BYTES: positiveInt(20_000),
  /** Most field aliases in one document. */
  MAX_ALIASES: positiveInt(30),
  /** Most operations in one batched HTTP request; 1 turns batching off. */
  MAX_BATCH_OPERATIONS: positiveInt(1),
  /** Longest an operation may run before it is answered with a TIMEOUT error. */
  EXECUTION_TIMEOUT_MS: positiveInt(10_000),
  /** Schema introspection; on by default outside production. */
  INTROSPECTION: flag.optional(),
  /** Origins whose browser pages may call /graphql (CORS); unset: none but our own. */
  CORS_ORIGINS: origins.default([]),
  /** Longest a client may take to send a request's headers (HTTP 408). */
  HEADERS_TIMEOUT_MS: positiveInt(10_000),
  /** Longest a client may take to send a whole request, headers and body (HTTP 408). */
  REQUEST_TIMEOUT_MS: positiveInt(30_000),
  /** An idle keep-alive connection is closed after this long. */
  KEEP_ALIVE_TIMEOUT_MS: positiveInt(5_000),
  /** A connection with no bytes in either direction for this long is closed. */
  SOCKET_TIMEOUT_MS: positiveInt(60_000),
  /** Most open connections; more are closed as they arrive. */
  MAX_CONNECTIONS: positiveInt(1_000),
  /** Bearer token for the mutations; unset turns writes off. */
  API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** SQLite: threads that run the API's reads, each with its own connection, so that no statement holds up the event loop; 0 reads on the main thread. */
  SQLITE_READ_THREADS: z.coerce.number().int().min(0).max(64).default(2),
  /** Jobs one `npm run worker` takes, and stores in one transaction, at a time (--batch-size overrides it). */
  WORKER_BATCH_SIZE: positiveInt(50),
  /** Analysis threads of one `npm run worker` (--threads overrides it); run one worker per machine with a thread per core, or a worker per core. */
  WORKER_THREADS: positiveInt(1),
  /**
   * Seconds a queued document may stay running before it counts as lost (its worker was
   * killed) and is retried by another worker. Stored with each job by `seed --queue`.
   */
  QUEUE_JOB_TIMEOUT_SECONDS: z.coerce.number().int().positive().max(86_399).default(300),
  /** Retries of a job whose worker died or hit an unexpected error; a bad document is never retried. Stored with each job. */
  QUEUE_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(3),
  /** How often workers look for lost (timed-out) jobs, in seconds; one worker does it per interval. */
  QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().positive().max(3600).default(30),
});

export type Config = Omit<z.infer<typeof Env>, "INTROSPECTION" | "MAX_BODY_BYTES"> & { production: boolean; INTROSPECTION: boolean; MAX_BODY_BYTES: number };

/**
 * The default body limit for a document limit: an ingestArticle request carries the
 * document as a JSON string, where escaping can double it (every newline and quote
 * becomes two characters), plus the query and the rest of the request.
 */
export const bodyBytesFor = (maxDocumentBytes: number) => Math.max(1_000_000, 2 * maxDocumentBytes + 64 * 1024);

/** A setting in the environment is invalid: a setup error (commands exit 2), not a failure of their work. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid environment: ${problems}`);
  }
  const { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, SOCKET_TIMEOUT_MS, EXECUTION_TIMEOUT_MS } = parsed.data;
  // Node refuses a headers timeout over the request timeout; a socket timeout under the
  // execution timeout would cut operations that are still allowed to run.
  if (HEADERS_TIMEOUT_MS > REQUEST_TIMEOUT_MS) throw new ConfigError(`invalid environment: HEADERS_TIMEOUT_MS (${HEADERS_TIMEOUT_MS}) must not exceed REQUEST_TIMEOUT_MS (${REQUEST_TIMEOUT_MS})`);
  if (SOCKET_TIMEOUT_MS <= EXECUTION_TIMEOUT_MS) throw new ConfigError(`invalid environment: SOCKET_TIMEOUT_MS (${SOCKET_TIMEOUT_MS}) must exceed EXECUTION_TIMEOUT_MS (${EXECUTION_TIMEOUT_MS})`);
  const production = parsed.data.NODE_ENV === "production";
  return {
    ...parsed.data,
    production,
    INTROSPECTION: parsed.data.INTROSPECTION ?? !production,
    MAX_BODY_BYTES: parsed.data.MAX_BODY_BYTES ?? bodyBytesFor(parsed.data.MAX_DOCUMENT_BYTES),
  };
}
