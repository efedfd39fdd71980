// Alias limit, as a graphql-js validation rule: aliases let one request ask for the same
// expensive field many times (`a1: articles ... a99: articles`). Counted per operation
// with fragments expanded, so aliases inside a fragment spread ten times count ten times.
// (A small rule of our own: the counting is ./selections.ts, shared with the depth rule.)
import type { ValidationContext, ASTVisitor } from "graphql";
import { LimitError } from "./errors.ts";
import { measureOperation, operationLabel } from "./selections.ts";

export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const aliases = measureOperation(context, operation, {
        field: (node, inner) => (node.alias ? 1 : 0) + inner,
        combine: (a, b) => a + b,
      });
      if (aliases > maxAliases) {
        context.reportError(
          new LimitError("TOO_MANY_ALIASES", `${operationLabel(operation)} uses ${aliases} aliases; the limit is ${maxAliases} (MAX_ALIASES)`, {
            nodes: [operation],
            limit: maxAliases,
            found: aliases,
          }),
        );
      }
      return false;
    },
  });
}
