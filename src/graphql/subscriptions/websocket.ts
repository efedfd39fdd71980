// GraphQL over WebSocket at /graphql, on the HTTP server's port: the graphql-ws protocol
// (`graphql-transport-ws`), which Apollo Client and GraphiQL speak. Subscriptions mostly;
// queries and mutations work too. The same rules as over HTTP: the query limits (size,
// nesting, depth, aliases, cost) are checked when an operation is subscribed; mutations
// need the bearer token, given as the connection's `authorization` parameter (or the
// upgrade request's header); browser pages of other origins only as CORS_ORIGINS allows.
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { createContext } from "../context.ts";
import { authorize } from "../auth.ts";
import { checkQueryNesting, checkQuerySize, findLimitError, limitValidationRules, type Limits } from "../limits/index.ts";
import { queryCost, tooCostlyError } from "../limits/cost.ts";
import type { DbHandle } from "../../store/client.ts";
import { openStoreEvents } from "../../store/events.ts";
import { logger } from "../../logger.ts";
import { graphqlSubscribersDisconnected } from "../../metrics.ts";
import type { AnalysisPool } from "../../analysis/runtime/pool.ts";

/** Operations one connection may have running at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
/** Close code of a subscriber that fell SUBSCRIBER_QUEUE_SIZE events behind (./stream.ts). */
export const CLOSE_TOO_SLOW = 4413;

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  store: DbHandle;
  limits: Limits;
  apiToken?: string;
  maxDocumentBytes?: number;
  analysis?: AnalysisPool;
  corsOrigins: readonly string[];
  production: boolean;
  /** How an error reaches the client (the HTTP path's policy). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/** A browser page may connect from our own origin or a listed one; other clients send no Origin. */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes("*") || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function serveWebSockets(options: WebSocketOptions): Promise<{ close(): Promise<void> }> {
  const { schema, limits, store } = options;
  const events = await openStoreEvents(store);
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    maxPayload: limits.bodyBytes,
    verifyClient: (info: { origin: string | undefined; req: { headers: { host?: string } } }, answer: (ok: boolean, status?: number, message?: string) => void) =>
      originAllowed(info.origin, info.req.headers.host, options.corsOrigins) ? answer(true) : answer(false, 403, "origin not allowed (CORS_ORIGINS)"),
  });
  const running = new WeakMap<object, number>();
  const rules = [...specifiedRules, ...limitValidationRules(limits)];
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  const disposable = useServer(
    {
      schema,
      isProd: options.production,
      onConnect(ctx) {
        const given = ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
        // A token that is wrong is refused at once (4403), not at the first mutation.
        return authorize(typeof given === "string" ? given : undefined, options.apiToken) !== "invalid";
      },
      onSubscribe(ctx, _id, payload) {
        const query = payload.query;
        const limit = checkQuerySize({ query }, "", limits.queryBytes) ?? checkQueryNesting({ query }, "", limits.depth);
        if (limit) return [limit];
        let document: DocumentNode;
        try {
          document = parse(query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => (findLimitError(e) ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })));
        const cost = queryCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
        if (cost !== undefined && cost > limits.cost) return [tooCostlyError(cost, limits.cost)];
        const count = running.get(ctx) ?? 0;
        if (count >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new GraphQLError(`a connection may run at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations at once; complete one first`, { extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } })];
        }
        running.set(ctx, count + 1);
        const given = ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
        const socket = ctx.extra.socket;
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: createContext(store, {
            auth: authorize(typeof given === "string" ? given : undefined, options.apiToken),
            maxDocumentBytes: options.maxDocumentBytes,
            analysis: options.analysis,
            live: {
              events,
              onOverflow: () => {
                logger.info({ code: CLOSE_TOO_SLOW }, "subscriber too slow, disconnected");
                graphqlSubscribersDisconnected.inc();
                socket.close(CLOSE_TOO_SLOW, "too slow: too many events waiting");
              },
            },
          }),
        };
      },
      onComplete(ctx) {
        running.set(ctx, Math.max(0, (running.get(ctx) ?? 1) - 1));
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: format(result.errors) };
      },
      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    wss,
  );
  return {
    close: async () => {
      await disposable.dispose();
      await events.close();
    },
  };
}
