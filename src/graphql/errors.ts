import { GraphQLError } from "graphql";

/** A client mistake: reported with code BAD_USER_INPUT and a message that says what to fix. */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) } });
}
