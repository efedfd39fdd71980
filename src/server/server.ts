// The HTTP server: Express 5 with Apollo Server 5's integration (@as-integrations/express5).
// GraphQL is served at /graphql (and at `/`, where browsers get Apollo's landing page
// outside production), to other origins' pages as CORS_ORIGINS allows; GraphiQL at
// /graphiql (outside production), health at /healthz and Prometheus metrics at /metrics.
// Timeouts and a connection cap protect it from slow or too many clients.
import { createServer, type Server, type ServerResponse } from "node:http";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import cors from "cors";
import compression from "compression";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { buildSchema } from "../graphql/schema.ts";
import { createContext, type Context } from "../graphql/context.ts";
import type { DbHandle } from "../store/client.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import { logger } from "../logger.ts";
import { metricsPlugin } from "../graphql/metrics-plugin.ts";
import { httpCachePlugin } from "../graphql/http-cache-plugin.ts";
import { heavyReadsPlugin, snapshotPlugin } from "../graphql/snapshot-plugin.ts";
import { collectProcessMetrics, httpConnectionsDropped, renderMetrics } from "../metrics.ts";
import { sendHealth } from "./health.ts";
import { graphiqlRoutes, isGraphiqlPath } from "./graphiql/serve.ts";
import { checkQueryNesting, checkQuerySize, clientKey, DEFAULT_LIMITS, findLimitError, LimitError, limitPlugins, limitValidationRules, type Limits } from "../graphql/limits/index.ts";
import { authorize } from "../graphql/auth.ts";
import { clientMistakeCode, noSubscriptionsPlugin, withoutSuggestions } from "../graphql/errors.ts";
import { isDatabaseUnavailable } from "../store/errors.ts";
import type { Config } from "../config.ts";
import { serveWebSockets } from "../graphql/subscriptions/websocket.ts";
import { BodyBudget, HeldBody } from "./large-bodies.ts";

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
  /** Analyses ingestArticle's documents off the event loop (see src/analysis/runtime/pool.ts). */
  analysis?: AnalysisPool;
  /** Origins whose browser pages may call the API (CORS_ORIGINS); `*` any; default none. */
  corsOrigins?: readonly string[];
  /** Timeouts and the connection cap; the defaults are DEFAULT_HTTP. */
  http?: Partial<HttpSettings>;
}

export interface HttpSettings {
  /** HEADERS_TIMEOUT_MS */
  headersTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS */
  requestTimeoutMs: number;
  /** KEEP_ALIVE_TIMEOUT_MS */
  keepAliveTimeoutMs: number;
  /** SOCKET_TIMEOUT_MS */
  socketTimeoutMs: number;
  /** MAX_CONNECTIONS */
  maxConnections: number;
}

export const DEFAULT_HTTP: HttpSettings = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 60_000,
  maxConnections: 1_000,
};

/** The server's settings from the environment (src/config.ts). */
export function serverSettings(config: Config): Omit<ServerOptions, "store"> {
  return {
    production: config.production,
    introspection: config.INTROSPECTION,
    apiToken: config.API_TOKEN,
    maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
    corsOrigins: config.CORS_ORIGINS,
    http: {
      headersTimeoutMs: config.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
      socketTimeoutMs: config.SOCKET_TIMEOUT_MS,
      maxConnections: config.MAX_CONNECTIONS,
    },
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

export interface ApolloSettings {
  production: boolean;
  introspection: boolean;
  limits: Limits;
}

/** `plugins` come after ours (startServer adds the HTTP server's drain). */
export function createApollo(settings: ApolloSettings | boolean, plugins: ApolloServerPlugin<Context>[] = []) {
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
    // `npm start` stops the server itself on SIGTERM/SIGINT (src/cli/serve.ts).
    stopOnTerminationSignals: false,
    // Counts selections with fragments expanded before our rules run (they then run as
    // Apollo's "later" rules, on documents that passed graphql-js's own validation).
    maxRecursiveSelections: true,
    validationRules: limitValidationRules(limits),
    plugins: [
      production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // Cache hints are the schema's own (graphql/cache-hints.ts, applied by httpCachePlugin);
      // Apollo's cache-control plugin would wrap every field's resolver to find none.
      ApolloServerPluginCacheControlDisabled(),
      httpCachePlugin(),
      metricsPlugin(),
      noSubscriptionsPlugin(),
      ...limitPlugins(limits),
      ...plugins,
      snapshotPlugin(limits.timeoutMs),
      heavyReadsPlugin(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, { production, hideSuggestions: !introspection }),
  });
}

export interface ErrorPolicy {
  /** Unexpected errors reach the client as "Internal server error" only. */
  production: boolean;
  /** No "Did you mean ...?" in any message (with introspection off). */
  hideSuggestions: boolean;
}

/**
 * What a client sees of an error: limits keep their own code, client mistakes that Apollo
 * leaves without a code get one, an unreachable database is SERVICE_UNAVAILABLE,
 * unexpected errors are logged in full and reach the client without internals (in
 * production, as "Internal server error" only). Client mistakes are logged at debug
 * level, without their message (it may quote the request).
 */
export function formatError(given: GraphQLFormattedError, error: unknown, policy: ErrorPolicy): GraphQLFormattedError {
  const formatted = policy.hideSuggestions ? { ...given, message: withoutSuggestions(given.message) } : given;
  const limit = findLimitError(error);
  const code = limit?.code ?? clientMistakeCode(error) ?? formatted.extensions?.code;
  if (code !== "INTERNAL_SERVER_ERROR") {
    logger.debug({ code, path: formatted.path }, "graphql error");
    return code === formatted.extensions?.code ? formatted : { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  const original = unwrapResolverError(error);
  const where = { ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
  if (isDatabaseUnavailable(original)) {
    // The reason only: during an outage every request fails the same way.
    logger.warn({ reason: original instanceof Error ? original.message.trim().slice(0, 300) : String(original), path: formatted.path }, "database unavailable");
    return { message: "database unavailable, retry", ...where, extensions: { code: "SERVICE_UNAVAILABLE" } };
  }
  logger.error({ err: original, path: formatted.path }, "resolver failed");
  return policy.production ? { message: "Internal server error", ...where, extensions: { code } } : formatted;
}

// ---- HTTP

/** Request headers Apollo's clients and IDEs send: CSRF prevention's, client awareness's, the bearer token. */
export const CORS_ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
];
/** How long a browser may reuse a preflight's answer: Chromium's cap (Firefox allows a day). */
export const CORS_MAX_AGE_SECONDS = 7200;
/** Answers smaller than this go uncompressed: below about a kilobyte gzip saves too little to pay for itself. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/**
 * `compress` for requests that accept some encoding. One that names none is answered as it
 * is anyway (identity), but `compression` would still wrap the response's write, end and
 * header hooks and negotiate: a few per cent of a small answer's CPU time. The answer
 * still says `Vary: Accept-Encoding`, as `compression`'s answers do.
 */
function compressionIfAccepted(compress: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.headers["accept-encoding"] !== undefined) return compress(req, res, next);
    res.vary("Accept-Encoding");
    next();
  };
}

/** How often Node checks the headers and request timeouts (its default, 30 s, would let them overrun by as much). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * Cross-origin access to the API. Without a listed origin no page of another origin may
 * read an answer (its preflight gets no Access-Control-Allow-Origin). Never credentials:
 * the API's only credential is the Authorization header, which a page sends itself, so
 * cookies are never needed and `*` stays safe.
 */
function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "POST"],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: CORS_MAX_AGE_SECONDS,
    credentials: false,
  });
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = "BAD_REQUEST") {
    super(message);
  }
}

const bodyTooLarge = (limit: number) => new HttpError(413, `request body exceeds ${limit} bytes (MAX_BODY_BYTES)`, "PAYLOAD_TOO_LARGE");

/** What the client did wrong in HTTP terms, from our errors and body-parser's; undefined for a server fault. */
function asHttpError(error: unknown, bodyBytes: number): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof LimitError) {
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    return new HttpError(status, error.message, error.code);
  }
  // body-parser's errors (http-errors) carry a `type` and a status.
  const { type, status, expose, message } = error as { type?: unknown; status?: unknown; expose?: unknown; message?: unknown };
  if (type === "entity.too.large") return bodyTooLarge(bodyBytes);
  if (type === "entity.parse.failed") return new HttpError(400, "request body is not valid JSON");
  if (typeof status === "number" && status >= 400 && status < 500 && expose === true && typeof message === "string") {
    return new HttpError(status, message, status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "BAD_REQUEST");
  }
  return undefined;
}

function sendJsonError(res: ServerResponse, status: number, message: string, code: string) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

async function sendMetrics(res: ServerResponse, head: boolean) {
  const { contentType, body } = await renderMetrics();
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
  res.end(head ? undefined : body);
}

const methodNotAllowed: RequestHandler = (_req, res) => {
  res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
};

/** The operation's deadline: aborted when it runs out of time, after the 504 has gone out. */
const deadlineOf = (res: express.Response) => res.locals.deadline as AbortSignal;

/** The request's place in the large-body budget, if its body is large (src/large-bodies.ts). */
const heldBodyOf = (res: express.Response) => res.locals.heldBody as HeldBody | undefined;

/** Limits checked on the HTTP request, before Apollo parses anything. */
function requestLimits(limits: Limits, largeBodies: BodyBudget): RequestHandler[] {
  return [
    // A declared length over the limit is refused before a byte of the body is read.
    (req, _res, next) => {
      const declared = Number(req.headers["content-length"]);
      next(Number.isFinite(declared) && declared > limits.bodyBytes ? bodyTooLarge(limits.bodyBytes) : undefined);
    },
    // So is a large body when the large bodies in hand fill the budget.
    (req, res, next) => {
      const declared = Number(req.headers["content-length"]);
      if (!largeBodies.counts(declared)) return next();
      const release = largeBodies.take(declared);
      if (!release) {
        res.setHeader("retry-after", String(Math.ceil(limits.timeoutMs / 1000)));
        return next(new HttpError(503, `the server holds as many large documents as it takes at once (${largeBodies.bytes} bytes); nothing was done, send it again after the Retry-After seconds`, "SERVICE_UNAVAILABLE"));
      }
      const held = new HeldBody(release);
      res.locals.heldBody = held;
      res.once("close", () => held.closed());
      next();
    },
    express.json({ limit: limits.bodyBytes, type: "application/json", strict: false }),
    // Any other body reaches Apollo as text, which answers what is wrong with it (CSRF
    // prevention, a content type it does not take).
    express.text({ limit: limits.bodyBytes, type: () => true }),
    (req, _res, next) => {
      const body: unknown = req.body;
      if (Array.isArray(body) && (limits.batch <= 1 || body.length > limits.batch)) {
        const message = limits.batch <= 1
          ? "batched operations are turned off (MAX_BATCH_OPERATIONS=1): send one operation per request"
          : `a request may batch at most ${limits.batch} operations (MAX_BATCH_OPERATIONS), got ${body.length}`;
        throw new HttpError(400, message, "TOO_MANY_OPERATIONS");
      }
      const search = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      next(checkQuerySize(body, search, limits.queryBytes) ?? checkQueryNesting(body, search, limits.depth));
    },
    (_req, res, next) => {
      const deadline = new AbortController();
      res.locals.deadline = deadline.signal;
      const timer = setTimeout(() => {
        // The operation goes on in the background until its statement in flight returns;
        // its loaders start no new one (the signal is aborted).
        deadline.abort();
        if (!res.headersSent) sendJsonError(res, 504, `the operation did not finish within ${limits.timeoutMs} ms (EXECUTION_TIMEOUT_MS)`, "TIMEOUT");
      }, limits.timeoutMs);
      res.once("close", () => clearTimeout(timer));
      next();
    },
  ];
}

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const production = options.production ?? false;
  const limits: Limits = { ...DEFAULT_LIMITS, ...(options.maxBodyBytes ? { bodyBytes: options.maxBodyBytes } : {}), ...options.limits };
  const http: HttpSettings = { ...DEFAULT_HTTP, ...options.http };
  const largeBodies = new BodyBudget(limits.bodyBytes);

  const app = express();
  app.disable("x-powered-by");
  // Most GraphQL answers are no-store; hashing each one for an ETag would be wasted. Persisted
  // GET queries get theirs from graphql/http-cache-plugin.ts (res.send still answers 304).
  app.set("etag", false);
  // brotli or gzip, as the client's Accept-Encoding prefers, for answers over the threshold
  // (GraphiQL's bundle is served gzipped already and passes through).
  app.use(compressionIfAccepted(compression({ threshold: COMPRESSION_THRESHOLD_BYTES })));
  const httpServer = createServer(
    { headersTimeout: http.headersTimeoutMs, requestTimeout: http.requestTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    app,
  );
  httpServer.keepAliveTimeout = http.keepAliveTimeoutMs;
  httpServer.maxConnections = http.maxConnections;
  // Without a 'timeout' listener Node destroys a socket idle this long.
  httpServer.setTimeout(http.socketTimeoutMs);
  httpServer.on("drop", () => httpConnectionsDropped.inc());

  let live: { close(): Promise<void> } | undefined;
  const apollo = createApollo({ production, introspection: options.introspection ?? !production, limits }, [
    // Subscriptions end with the server (their sockets are not the drain's connections).
    { serverWillStart: async () => ({ drainServer: async () => live?.close() }) },
    // stop(): no new connections, idle ones closed, requests in flight answered (at the
    // latest with their TIMEOUT), then whatever is left is closed.
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: limits.timeoutMs + 1000 }),
  ]);
  await apollo.start();
  collectProcessMetrics();
  live = await serveWebSockets({
    httpServer,
    schema: buildSchema(),
    store: options.store,
    limits,
    apiToken: options.apiToken,
    maxDocumentBytes: options.maxDocumentBytes,
    analysis: options.analysis,
    corsOrigins: options.corsOrigins ?? [],
    production,
    formatError: (formatted, error) => formatError(formatted, error, { production, hideSuggestions: !(options.introspection ?? !production) }),
  });

  app.route("/healthz").get((req, res) => sendHealth(res, options.store, req.method === "HEAD")).all(methodNotAllowed);
  app.route("/metrics").get((req, res) => sendMetrics(res, req.method === "HEAD")).all(methodNotAllowed);
  // Like Apollo's local landing page, the IDE is for development: production has no introspection.
  if (!production) {
    const graphiql = graphiqlRoutes();
    app.use((req, res, next) => (isGraphiqlPath(req.path) ? graphiql.handle(req, res, req.path) : next()));
  }

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createContext(options.store, {
        auth: authorize(req.headers.authorization, options.apiToken),
        signal: deadlineOf(res),
        maxDocumentBytes: options.maxDocumentBytes,
        analysis: options.analysis,
        client: clientKey(req.headers.authorization, req.socket.remoteAddress),
        timeoutMs: limits.timeoutMs,
        keepBody: () => heldBodyOf(res)?.keep() ?? (() => {}),
      }),
  });
  app.all(
    ["/graphql", "/"],
    corsFor(options.corsOrigins ?? []),
    // Until graphql/http-cache-plugin.ts finds an anonymous GET it may relax.
    (_req, res, next) => {
      res.setHeader("cache-control", "no-store");
      next();
    },
    ...requestLimits(limits, largeBodies),
    async (req, res, next) => {
      try {
        await graphql(req, res, next);
      } catch (error) {
        // An answer after its TIMEOUT went out has nowhere to go.
        if (!(deadlineOf(res).aborted && res.headersSent)) next(error);
      }
    },
  );

  app.use((_req, res) => {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found: GraphQL is served at /graphql\n");
  });
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const mistake = asHttpError(error, limits.bodyBytes);
    if (mistake) {
      logger.debug({ code: mistake.code, status: mistake.status }, "request refused");
      if (!res.headersSent) sendJsonError(res, mistake.status, mistake.message, mistake.code);
      return;
    }
    logger.error({ err: error }, "request failed");
    if (!res.headersSent) sendJsonError(res, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
    else res.end();
  };
  app.use(onError);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    httpServer,
    url: `http://localhost:${port}/graphql`,
    stop: () => apollo.stop(),
  };
}
