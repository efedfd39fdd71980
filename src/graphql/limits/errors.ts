// The error every limit rejects with: a GraphQL error whose code says which limit.
import { GraphQLError, type ASTNode } from "graphql";

export type LimitCode =
  | "QUERY_TOO_DEEP"
  | "QUERY_TOO_COSTLY"
  | "TOO_MANY_ALIASES"
  | "QUERY_TOO_LARGE"
  | "TOO_MANY_OPERATIONS"
  | "PAYLOAD_TOO_LARGE"
  | "TIMEOUT"
  | "TOO_MANY_EXPENSIVE_OPERATIONS";

export class LimitError extends GraphQLError {
  readonly code: LimitCode;

  constructor(code: LimitCode, message: string, options: { nodes?: readonly ASTNode[]; limit: number; found?: number; status?: number }) {
    super(message, {
      nodes: options.nodes,
      extensions: {
        code,
        limit: options.limit,
        ...(options.found !== undefined ? { found: options.found } : {}),
        // Apollo reads the HTTP status from here and strips it from the response.
        http: { status: options.status ?? 400 },
      },
    });
    this.name = "LimitError";
    this.code = code;
  }
}

/**
 * Apollo wraps a validation rule's error in its own, with code GRAPHQL_VALIDATION_FAILED;
 * the limit's error is the original one.
 */
export function findLimitError(error: unknown): LimitError | undefined {
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { originalError?: unknown }).originalError, i++) {
    if (e instanceof LimitError) return e;
  }
  return undefined;
}
