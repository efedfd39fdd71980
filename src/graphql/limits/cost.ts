// Query cost limit: every list field costs its page size (`first` or `last`, else the
// default page size) times the page sizes of the lists it is nested in, so
//   articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 100) ... } } } } } }
// costs 100 + 100·100 + 100·100·100 = 1,010,100. Other fields cost nothing: the
// depth and alias limits bound those.
//
// graphql-query-complexity walks the operation (fragments, inline fragments on unions,
// @skip/@include) with our estimator. It runs once the operation is resolved, not as a
// validation rule, because a page size is often a variable, and validation rules do not
// see variable values; its node limit bounds the walk of a fragment bomb.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { getComplexity } from "graphql-query-complexity";
import { GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { DEFAULT_PAGE_SIZE } from "../pagination.ts";
import { LimitError } from "./errors.ts";

/** Most selections (fragments expanded) the cost walk visits before it gives up. */
const MAX_COST_NODES = 10_000;

function pageSizeEstimator({ args, field, childComplexity }: ComplexityEstimatorArgs): number {
  const paged = field.args.some((a) => a.name === "first" || a.name === "last");
  if (!paged) return childComplexity;
  const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : DEFAULT_PAGE_SIZE;
  return Math.max(0, size) * (1 + childComplexity);
}

/** The operation's cost, or undefined when its variables do not coerce (execution reports that). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number | undefined {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [pageSizeEstimator], maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    if (error instanceof GraphQLError && /^Variable "\$/.test(error.message)) return undefined;
    throw error;
  }
}

export function costLimitPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost === undefined || cost <= maxCost) return;
          const found = Number.isFinite(cost) ? cost : undefined;
          const what = found === undefined ? `expands to more than ${MAX_COST_NODES} selections` : `costs ${found.toLocaleString("en")}`;
          throw new LimitError(
            "QUERY_TOO_COSTLY",
            `the operation ${what}; the limit is ${maxCost.toLocaleString("en")} (MAX_QUERY_COST: each list's first/last, default ${DEFAULT_PAGE_SIZE}, times the lists it is nested in); ask for smaller pages`,
            { limit: maxCost, found },
          );
        },
      };
    },
  };
}
