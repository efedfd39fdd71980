import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";

/** A client mistake: reported with code BAD_USER_INPUT and a message that says what to fix. */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
}

/**
 * graphql-js's "Did you mean ...?" suggestions name schema members. Apollo removes them
 * from validation errors only (hideSchemaDetailsFromClientErrors); variable values are
 * coerced later and keep theirs (`Field "fileNam" is not defined by type ... Did you mean
 * "fileName"?`, enum values alike). The same pattern as Apollo's.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, "");
}

/**
 * The code of a client mistake that Apollo answers with a 4xx status but no code of its
 * own (so it would count as INTERNAL_SERVER_ERROR); undefined for anything else.
 */
export function clientMistakeCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  // Apollo's automatic persisted queries: the query text does not hash to the given sha256.
  if (error.message === "provided sha does not match query") return "PERSISTED_QUERY_HASH_MISMATCH";
  return "BAD_REQUEST";
}

/** Subscriptions are served over WebSocket (src/graphql/subscriptions/websocket.ts), not HTTP. */
export function noSubscriptionsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError("subscriptions are served over WebSocket at /graphql (the graphql-ws protocol), not over HTTP", {
            extensions: { code: "SUBSCRIPTIONS_NOT_SUPPORTED", http: { status: 400 } },
          });
        },
      };
    },
  };
}
