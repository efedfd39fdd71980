// Query depth limit, as a graphql-js validation rule: the deepest chain of nested fields,
// top-level fields at depth 1, fragments expanded. Introspection (`__schema`, `__type`)
// is not counted: GraphiQL's introspection query is deeper than any data query needs.
//
// Written here rather than taken from graphql-depth-limit: that package (last released
// 2018) reports no error code, and it expands fragments recursively before graphql-js has
// rejected fragment cycles; this rule is a dozen lines over ./selections.ts.
import type { ValidationContext, ASTVisitor } from "graphql";
import { LimitError } from "./errors.ts";
import { measureOperation, operationLabel } from "./selections.ts";

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = measureOperation(context, operation, {
        field: (node, inner) => (node.name.value.startsWith("__") && node.name.value !== "__typename" ? 0 : 1 + inner),
        combine: Math.max,
      });
      if (depth > maxDepth) {
        context.reportError(
          new LimitError("QUERY_TOO_DEEP", `${operationLabel(operation)} is ${depth} fields deep; the limit is ${maxDepth} (MAX_QUERY_DEPTH)`, {
            nodes: [operation],
            limit: maxDepth,
            found: depth,
          }),
        );
      }
      return false;
    },
  });
}
