// Limits on what one request may ask of the server; each rejection is a GraphQL error
// with its own code (./errors.ts). Configured by environment (src/config.ts).
import { depthLimitRule } from "./depth.ts";
import { aliasLimitRule } from "./aliases.ts";
import { costLimitPlugin } from "./cost.ts";
import { ExpensiveBudget } from "./budget.ts";
import { bodyBytesFor } from "../../config.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../../documents/read.ts";

export interface Limits {
  /** MAX_QUERY_DEPTH */
  depth: number;
  /** MAX_QUERY_COST */
  cost: number;
  /** MAX_QUERY_BYTES */
  queryBytes: number;
  /** MAX_ALIASES */
  aliases: number;
  /** MAX_BATCH_OPERATIONS; 1 turns batching off. */
  batch: number;
  /** MAX_BODY_BYTES */
  bodyBytes: number;
  /** EXECUTION_TIMEOUT_MS */
  timeoutMs: number;
  /** EXPENSIVE_QUERY_COST: operations costing this much or more count against their client's budget. */
  expensiveCost: number;
  /** MAX_EXPENSIVE_PER_CLIENT: such operations one client may run at a time. */
  expensivePerClient: number;
}

export const DEFAULT_LIMITS: Limits = {
  depth: 10,
  cost: 50_000,
  queryBytes: 20_000,
  aliases: 30,
  batch: 1,
  bodyBytes: bodyBytesFor(DEFAULT_MAX_DOCUMENT_BYTES),
  timeoutMs: 10_000,
  expensiveCost: 10_000,
  expensivePerClient: 2,
};

export const limitValidationRules = (limits: Limits) => [depthLimitRule(limits.depth), aliasLimitRule(limits.aliases)];
/** One budget per server: its clients' expensive operations in flight. */
export const limitPlugins = (limits: Limits) => [
  costLimitPlugin(limits.cost, { budget: new ExpensiveBudget(limits.expensivePerClient), cost: limits.expensiveCost }),
];
export { clientKey, type BudgetContext } from "./budget.ts";
export { checkQuerySize } from "./query-size.ts";
export { checkQueryNesting } from "./nesting.ts";

export { LimitError, findLimitError } from "./errors.ts";
