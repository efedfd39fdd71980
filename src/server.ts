// The HTTP server: Apollo Server 5 on node:http. GraphQL is served at /graphql (and at
// `/`, where browsers get Apollo's landing page outside production); GraphiQL at
// /graphiql (outside production), health at /healthz and Prometheus metrics at /metrics.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from "@apollo/server/plugin/landingPage/default";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { buildSchema } from "./graphql/schema.ts";
import { createContext, type Context } from "./graphql/context.ts";
import type { DbHandle } from "./store/client.ts";
import { logger } from "./logger.ts";
import { metricsPlugin } from "./graphql/metrics-plugin.ts";
import { collectProcessMetrics, renderMetrics } from "./metrics.ts";
import { sendHealth } from "./health.ts";
import { graphiqlRoutes, isGraphiqlPath } from "./graphiql/serve.ts";

export interface ServerOptions {
  store: DbHandle;
  production?: boolean;
  maxBodyBytes?: number;
}

export interface RunningServer {
  httpServer: Server;
  url: string;
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function createApollo(production: boolean) {
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    plugins: [
      production ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      metricsPlugin(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, production),
  });
}

/** Unexpected errors are logged in full and reach the client without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== "INTERNAL_SERVER_ERROR") return formatted;
  logger.error({ err: unwrapResolverError(error), path: formatted.path }, "resolver failed");
  return production ? { ...formatted, message: "Internal server error" } : formatted;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function parseBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
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
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const apollo = createApollo(production);
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
    const body = await parseBody(req, maxBodyBytes);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers: headerMap(req), search: url.search, body },
      context: async () => createContext(options.store),
    });
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
      if (error instanceof HttpError) return sendJsonError(res, error.status, error.message, "BAD_REQUEST");
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

