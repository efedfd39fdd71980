// An Apollo Server plugin that counts GraphQL operations, their errors and their latency
// into src/metrics.ts, labelled by operation name.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from "@apollo/server";
import { getOperationAST, type GraphQLError } from "graphql";
import { graphqlDuration, graphqlErrors, graphqlRequests } from "../metrics.ts";

/**
 * Operation names come from clients, so a client could mint a new label series per
 * request; past this many distinct names the rest are counted as "other".
 */
export const MAX_OPERATION_LABELS = 200;
const MAX_NAME_LENGTH = 100;

export function metricsPlugin(): ApolloServerPlugin<BaseContext> {
  const known = new Set<string>();

  function label(name: string): string {
    if (known.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || known.size >= MAX_OPERATION_LABELS) return "other";
    known.add(name);
    return name;
  }

  /** The executed operation's name; for a document that failed validation, the one it asked for. */
  function operationOf(ctx: GraphQLRequestContext<BaseContext>): string {
    if (ctx.operationName) return label(ctx.operationName);
    if (ctx.operation) return "anonymous";
    if (!ctx.document) return "unparsed";
    const name = getOperationAST(ctx.document, ctx.request.operationName)?.name?.value;
    return name ? label(name) : "anonymous";
  }

  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors(ctx) {
          const operation = operationOf(ctx);
          for (const error of ctx.errors) if (!isPersistedQueryMiss(error)) graphqlErrors.inc({ operation, code: errorCode(error) });
        },
        async willSendResponse(ctx) {
          const operation = operationOf(ctx);
          const body = ctx.response.body;
          const errors = (body.kind === "single" ? body.singleResult.errors : body.initialResult.errors) ?? [];
          // A persisted query's first miss is the protocol's normal first step (the client sends the text next), not a failure.
          const status = errors.length === 0 ? "ok" : errors.every(isPersistedQueryMiss) ? "persisted_query_miss" : "error";
          graphqlRequests.inc({ operation, status });
          graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

const isPersistedQueryMiss = (error: { extensions?: Record<string, unknown> }) => error.extensions?.code === "PERSISTED_QUERY_NOT_FOUND";

/** The code clients see: errors without one are reported as INTERNAL_SERVER_ERROR. */
function errorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}
