// The HTTP server: Apollo Server 5 on node:http. GraphQL is served at /graphql (and at
// `/`, where browsers get Apollo's landing page outside production); GraphiQL at
// /graphiql (outside production), health at /healthz and Prometheus metrics at /metrics.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { buildSchema } from "./graphql/schema.ts";
import { createContext, type Context } from "./graphql/context.ts";
import type { DbHandle } from "./store/client.ts";
import type { AnalysisPool } from "./ingest/pool.ts";
import { logger } from "./logger.ts";
import { metricsPlugin } from "./graphql/metrics-plugin.ts";
import { heavyReadsPlugin, snapshotPlugin } from "./graphql/snapshot-plugin.ts";
import { collectProcessMetrics, renderMetrics } from "./metrics.ts";
import { sendHealth } from "./health.ts";
import { graphiqlRoutes, isGraphiqlPath } from "./graphiql/serve.ts";
import { checkQuerySize, clientKey, DEFAULT_LIMITS, findLimitError, limitPlugins, limitValidationRules, type Limits } from "./graphql/limits/index.ts";
import { authorize } from "./graphql/auth.ts";
import { isDatabaseUnavailable } from "./store/errors.ts";
import type { Config } from "./config.ts";

export interface ServerOptions {
  store: DbHandle;
  production?: boolean;
  /** @deprecated use limits.bodyBytes */
  maxBodyBytes?: number;
  /** Schema introspection; default: on outside production. */
  introspection?: boolean;
  /** Request limits; the defaults are src/graphql/limits's DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** The bearer token the mutations need; none turns them off. */
  apiToken?: string;
  /** Largest text ingestArticle accepts, in bytes. */
  maxDocumentBytes?: number;
  /** Analyses ingestArticle's documents off the event loop (see src/ingest/pool.ts). */
  analysis?: AnalysisPool;
}

/** The server's settings from the environment (src/config.ts). */
export function serverSettings(config: Config): Omit<ServerOptions, "store"> {
  return {
    production: config.production,
    introspection: config.INTROSPECTION,
    apiToken: config.API_TOKEN,
    maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
    limits: {
      depth: config.MAX_QUERY_DEPTH,
      cost: config.MAX_QUERY_COST,
      queryBytes: config.MAX_QUERY_BYTES,
      aliases: config.MAX_ALIASES,
      batch: config.MAX_BATCH_OPERATIONS,
      bodyBytes: config.MAX_BODY_BYTES,
      timeoutMs: config.EXECUTION_TIMEOUT_MS,
      expensiveCost: config.EXPENSIVE_QUERY_COST,
      expensivePerClient: config.MAX_EXPENSIVE_PER_CLIENT,
    },
  };
}

export interface RunningServer {
  httpServer: Server;
  url: string;
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = "BAD_REQUEST") {
    super(message);
  }
}

export interface ApolloSettings {
  production: boolean;
  introspection: boolean;
  limits: Limits;
}

export function createApollo(settings: ApolloSettings | boolean) {
  const { production, introspection, limits } =
    typeof settings === "boolean" ? { production: settings, introspection: !settings, limits: DEFAULT_LIMITS } : settings;
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection,
    // "Did you mean ...?" suggestions reveal the schema that introspection would.
    hideSchemaDetailsFromClientErrors: !introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: limits.batch > 1,
    // Counts selections with fragments expanded before our rules run (they then run as
    // Apollo's "later" rules, on documents that passed graphql-js's own validation).
    maxRecursiveSelections: true,
    validationRules: limitValidationRules(limits),
    plugins: [
      production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // The schema sets no cache hints, so every response was `no-store` (set in handle()
      // now); Apollo's cache-control plugin would otherwise wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(),
      ...limitPlugins(limits),
      snapshotPlugin(limits.timeoutMs),
      heavyReadsPlugin(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, production),
  });
}

/**
 * What a client sees of an error: limits keep their own code, an unreachable database
 * is SERVICE_UNAVAILABLE, unexpected errors are logged in full and reach the client
 * without internals (in production, as "Internal server error" only).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const limit = findLimitError(error);
  if (limit) return { ...formatted, extensions: { ...formatted.extensions, code: limit.code } };
  const code = formatted.extensions?.code;
  if (code !== "INTERNAL_SERVER_ERROR") return formatted;
  const original = unwrapResolverError(error);
  const where = { ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
  if (isDatabaseUnavailable(original)) {
    // The reason only: during an outage every request fails the same way.
    logger.warn({ reason: original instanceof Error ? original.message.trim().slice(0, 300) : String(original), path: formatted.path }, "database unavailable");
    return { message: "database unavailable, retry", ...where, extensions: { code: "SERVICE_UNAVAILABLE" } };
  }
  logger.error({ err: original, path: formatted.path }, "resolver failed");
  return production ? { message: "Internal server error", ...where, extensions: { code } } : formatted;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body exceeds ${limit} bytes (MAX_BODY_BYTES)`, "PAYLOAD_TOO_LARGE");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function parseBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `request body exceeds ${limit} bytes (MAX_BODY_BYTES)`, "PAYLOAD_TOO_LARGE");
  const text = await readBody(req, limit);
  if (!(req.headers["content-type"] ?? "").includes("application/json")) return text;
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

async function sendMetrics(res: ServerResponse, head: boolean) {
  const { contentType, body } = await renderMetrics();
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
  res.end(head ? undefined : body);
}

function sendJsonError(res: ServerResponse, status: number, message: string, code: string) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const production = options.production ?? false;
  const limits: Limits = { ...DEFAULT_LIMITS, ...(options.maxBodyBytes ? { bodyBytes: options.maxBodyBytes } : {}), ...options.limits };
  const apollo = createApollo({ production, introspection: options.introspection ?? !production, limits });
  await apollo.start();
  collectProcessMetrics();
  const graphiql = graphiqlRoutes();

  /** Routes other than GraphQL's; true when one answered. */
  async function handleOther(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const head = req.method === "HEAD";
    const readOnly = req.method === "GET" || head;
    if ((pathname === "/healthz" || pathname === "/metrics") && !readOnly) {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
      return true;
    }
    if (pathname === "/healthz") await sendHealth(res, options.store, head);
    else if (pathname === "/metrics") await sendMetrics(res, head);
    // Like Apollo's local landing page, the IDE is for development: production has no introspection.
    else if (isGraphiqlPath(pathname) && !production) await graphiql.handle(req, res, pathname);
    else return false;
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/graphql" && url.pathname !== "/") {
      if (await handleOther(req, res, url.pathname)) return;
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: GraphQL is served at /graphql\n");
      return;
    }
    const body = await parseBody(req, limits.bodyBytes);
    if (Array.isArray(body) && (limits.batch <= 1 || body.length > limits.batch)) {
      const message = limits.batch <= 1
        ? "batched operations are turned off (MAX_BATCH_OPERATIONS=1): send one operation per request"
        : `a request may batch at most ${limits.batch} operations (MAX_BATCH_OPERATIONS), got ${body.length}`;
      throw new HttpError(400, message, "TOO_MANY_OPERATIONS");
    }
    const tooLarge = checkQuerySize(body, url.search, limits.queryBytes);
    if (tooLarge) throw new HttpError(413, tooLarge.message, tooLarge.code);
    const auth = authorize(req.headers.authorization, options.apiToken);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
    const timedOut = new Promise<"timeout">((resolve) => deadline.signal.addEventListener("abort", () => resolve("timeout"), { once: true }));
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers: headerMap(req), search: url.search, body },
      context: async () => createContext(options.store, {
        auth, signal: deadline.signal, maxDocumentBytes: options.maxDocumentBytes, analysis: options.analysis, client: clientKey(req.headers.authorization, req.socket.remoteAddress), timeoutMs: limits.timeoutMs,
      }),
    });
    const response = await Promise.race([execution, timedOut]).finally(() => clearTimeout(timer));
    if (response === "timeout") {
      // The operation goes on in the background until its statement in flight returns;
      // its loaders start no new one (the signal is aborted).
      execution.catch(() => undefined);
      throw new HttpError(504, `the operation did not finish within ${limits.timeoutMs} ms (EXECUTION_TIMEOUT_MS)`, "TIMEOUT");
    }
    res.setHeader("cache-control", "no-store");
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJsonError(res, error.status, error.message, error.code);
      logger.error({ err: error }, "request failed");
      if (!res.headersSent) sendJsonError(res, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    httpServer,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}

