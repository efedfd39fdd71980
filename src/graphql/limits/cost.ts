// Query cost limit: an operation is priced by the work its fields cost the database,
// in units of about one row read (COSTS below, calibrated by `npm run bench:cost`). A list
// field costs, once per parent,
//   its statement's floor (even `first: 0` runs its SQL) + its page size · (1 + each row's children)
// plus, on a top-level list, its count when `totalCount` is selected (a nested list's
// total comes with its page, from the same window function). So
//   articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 100) ... } } } } } }
// costs 1 + 100·(1 + 4 + 100·(1 + 8 + 100)), and a page of 100 places each with
// `related(first: 0)` costs 1 + 100·(1 + 250): the co-occurrence join runs per parent,
// whatever page of it is asked for. Scalar fields cost nothing: the depth and alias
// limits bound those.
//
// graphql-query-complexity walks the operation (fragments, inline fragments on unions,
// @skip/@include) with our estimator. It runs once the operation is resolved, not as a
// validation rule, because a page size is often a variable, and validation rules do not
// see variable values; its node limit bounds the walk of a fragment bomb.
import type { ApolloServerPlugin } from "@apollo/server";
import type { ComplexityEstimatorArgs } from "graphql-query-complexity";
import { getComplexity } from "graphql-query-complexity";
import {
  GraphQLError, Kind, getNamedType, getOperationAST, isObjectType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../pagination.ts";
import { LimitError } from "./errors.ts";
import type { BudgetContext, ExpensiveBudget } from "./budget.ts";
import { MAX_TIMELINE_BUCKETS } from "../types/timeline.ts";
import { bucketStarts, type TimelineInterval } from "../../store/timelines.ts";

/** Most selections (fragments expanded) the cost walk visits before it gives up. */
const MAX_COST_NODES = 10_000;

/**
 * What each kind of field costs, once per parent, in rows' worth of database work. From
 * `npm run bench:cost` on the news corpus (3,000 articles): the worst parents (the most
 * mentioned entities) on SQLite and PostgreSQL, rounded up; the README's table quotes it.
 */
export const COSTS = {
  /** Each row of a page (its own columns; its children are priced on their own). */
  row: 1,
  /** Each row of a top-level page of articles: read with its body. */
  articleRow: 10,
  /** Floor of a top-level page without search: a keyset index scan. */
  page: 200,
  /** Floor of a top-level page of articles without search (SQLite sorts undated articles last without the index). */
  articlePage: 600,
  /** A top-level page with `filter.search`: the full-text match, ranked. */
  searchPage: 600,
  /** `totalCount` of a top-level list: a count over the table (or its filter). */
  count: 100,
  /** `totalCount` of a top-level list with `filter.search`: every match counted. */
  searchCount: 600,
  /** An article's people, organizations, places or quotes: a window over its few dozen mentions. */
  articleChildren: 20,
  /**
   * An article's `mentions`: a window over every mention of the article (a few times its
   * entities; hundreds in a long one), priced like an entity's list rather than measured.
   */
  articleMentions: 40,
  /** An entity's articles or quotes: a window over all of them, ordered (thousands for the most mentioned). */
  entityChildren: 40,
  /** `related`: the co-occurrence join over every article of the entity. */
  related: 600,
  /**
   * An article's `copies`, an unpaged list: its statement's floor plus this many rows, a
   * generous guess at a wire story's re-publications (most articles have none).
   */
  copies: 20,
  /** `Article.snippet`: FTS5's snippet() or ts_headline parsing the article's body (PostgreSQL: a few milliseconds per article). */
  snippet: 30,
  /** `Quote.highlight`: the same over a quote's text. */
  highlight: 2,
  /** `mentionTimeline` (floor, per entity): its dated articles grouped by bucket; plus a row per bucket. */
  timeline: 40,
  /** `topEntities` with `from` or `to` (floor, per type asked for): the mentions of every article in the range, grouped. */
  topEntitiesRange: 1000,
} as const;

/** Lists that run the statement of a top-level list (nested ones are windows over their parents, ../../store/edges.ts). */
const TOP_LEVEL_LIKE = new Set(["Query"]);

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Whether a selection set selects `name` directly (through fragments; @skip/@include ignored, so priced when in doubt). */
function selects(set: SelectionSetNode | undefined, name: string, fragments: Fragments, seen = new Set<string>()): boolean {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD && s.name.value === name) return true;
    if (s.kind === Kind.INLINE_FRAGMENT && selects(s.selectionSet, name, fragments, seen)) return true;
    if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      seen.add(s.name.value);
      if (selects(fragments.get(s.name.value)?.selectionSet, name, fragments, seen)) return true;
    }
  }
  return false;
}

function hasSearch(args: Record<string, unknown>): boolean {
  const filter = args.filter as { search?: unknown } | null | undefined;
  return typeof filter?.search === "string";
}

/** The floor of one list field's statement, per parent. */
function floorOf(parent: string, field: string, args: Record<string, unknown>): number {
  if (TOP_LEVEL_LIKE.has(parent)) return hasSearch(args) ? COSTS.searchPage : field === "articles" ? COSTS.articlePage : COSTS.page;
  if (field === "related") return COSTS.related;
  if (parent === "Article" && field === "mentions") return COSTS.articleMentions;
  return parent === "Article" ? COSTS.articleChildren : COSTS.entityChildren;
}

/** The reading fields (./types/snippet.ts, ./types/timeline.ts), which are no connections; undefined for any other field. */
function readingCost(type: string, field: string, args: Record<string, unknown>, childComplexity: number): number | undefined {
  if (type === "Article" && field === "snippet") return COSTS.snippet;
  if (type === "Quote" && field === "highlight") return COSTS.highlight;
  if (field === "mentionTimeline") {
    const { interval, from, to } = args as { interval?: TimelineInterval; from?: unknown; to?: unknown };
    const buckets = interval && from instanceof Date && to instanceof Date ? bucketStarts(interval, from, to, MAX_TIMELINE_BUCKETS).length : 0;
    return COSTS.timeline + buckets * COSTS.row;
  }
  if (type === "Query" && field === "topEntities") {
    const first = typeof args.first === "number" ? Math.max(0, args.first) : DEFAULT_PAGE_SIZE;
    const ranged = args.from != null || args.to != null;
    const types = args.type == null ? 3 : 1;
    return (ranged ? COSTS.topEntitiesRange * types : COSTS.page) + first * (COSTS.row + childComplexity);
  }
  return undefined;
}

function estimator(fragments: Fragments) {
  return ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const named = getNamedType(field.type);
    if (type.name === "Article" && field.name === "copies") return COSTS.articleChildren + COSTS.copies * (COSTS.row + childComplexity);
    // `nodes(ids:)`: each id a row by id (batched per type) with what is selected of it.
    if (type.name === "Query" && field.name === "nodes") return (Array.isArray(args.ids) ? args.ids.length : 1) * (COSTS.row + childComplexity);
    const reading = readingCost(type.name, field.name, args, childComplexity);
    if (reading !== undefined) return reading;
    const paged = field.args.some((a) => a.name === "first" || a.name === "last");
    if (!paged || !isObjectType(named) || !named.name.endsWith("Connection")) return childComplexity;
    const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : DEFAULT_PAGE_SIZE;
    // A connection's children are edges/pageInfo (priced per row) and totalCount (free
    // here, counted below once per page, not per row).
    const topLevel = TOP_LEVEL_LIKE.has(type.name);
    const row = topLevel && named.name === "ArticleConnection" ? COSTS.articleRow : COSTS.row;
    let cost = floorOf(type.name, field.name, args) + Math.max(0, size) * (row + childComplexity);
    if (topLevel && selects(node.selectionSet, "totalCount", fragments)) cost += hasSearch(args) ? COSTS.searchCount : COSTS.count;
    return cost;
  };
}

/** The operation's cost, or undefined when its variables do not coerce (execution reports that). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number | undefined {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator(fragments)], maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    if (error instanceof GraphQLError && /^Variable "\$/.test(error.message)) return undefined;
    throw error;
  }
}

export interface ExpensiveLimit {
  budget: ExpensiveBudget;
  /** Operations costing this much or more count against their client's budget. */
  cost: number;
}

/** Costs kept per parsed document (Apollo hands the same DocumentNode for the same query text). */
const COSTS_PER_DOCUMENT = 64;
/** Variables longer than this as JSON are not a cache key. */
const MAX_CACHED_VARIABLES = 4096;
const costCache = new WeakMap<DocumentNode, Map<string, number | undefined>>();

/**
 * queryCost, remembered per document, operation and variables: a client repeating a large
 * query (a dashboard's, or the same heavy query in a loop) is priced once, not each time on
 * the event loop (a query near MAX_QUERY_COST takes a few ms to price, more on a busy core).
 */
export function cachedQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number | undefined {
  // Queries only: a mutation's variables may be a whole document (ingestArticle's text).
  if (getOperationAST(document, operationName)?.operation !== "query") return queryCost(schema, document, variables, operationName);
  let key: string;
  try {
    key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}`;
  } catch {
    // Variables nested too deep to write out (RangeError): priced, and refused, as they are.
    return queryCost(schema, document, variables, operationName);
  }
  if (key.length > MAX_CACHED_VARIABLES) return queryCost(schema, document, variables, operationName);
  let costs = costCache.get(document);
  if (costs?.has(key)) return costs.get(key);
  const cost = queryCost(schema, document, variables, operationName);
  if (!costs) costCache.set(document, (costs = new Map()));
  if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
  costs.set(key, cost);
  return cost;
}

export function costLimitPlugin(maxCost: number, expensive?: ExpensiveLimit): ApolloServerPlugin<BudgetContext> {
  return {
    async requestDidStart() {
      let held: string | undefined;
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const cost = cachedQueryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost === undefined) return;
          contextValue.cost = cost;
          if (cost <= maxCost) {
            if (!expensive || cost < expensive.cost) return;
            const client = contextValue.client ?? "unknown";
            if (!expensive.budget.take(client)) {
              throw new LimitError(
                "TOO_MANY_EXPENSIVE_OPERATIONS",
                `this client already runs ${expensive.budget.perClient} operations costing ${expensive.cost.toLocaleString("en")} or more (MAX_EXPENSIVE_PER_CLIENT, EXPENSIVE_QUERY_COST); retry when one has finished, or ask for less`,
                { limit: expensive.budget.perClient, found: cost, status: 429 },
              );
            }
            held = client;
            return;
          }
          throw tooCostlyError(cost, maxCost);
        },
        // Always called, also after a TIMEOUT answer, once the operation's last statement returned.
        async willSendResponse() {
          if (held !== undefined) expensive!.budget.release(held);
          held = undefined;
        },
      };
    },
  };
}

/** The one QUERY_TOO_COSTLY error, for HTTP operations and WebSocket subscriptions alike. */
export function tooCostlyError(cost: number, maxCost: number): LimitError {
  const found = Number.isFinite(cost) ? cost : undefined;
  const what = found === undefined ? `expands to more than ${MAX_COST_NODES} selections` : `costs ${found.toLocaleString("en")}`;
  return new LimitError(
    "QUERY_TOO_COSTLY",
    `the operation ${what}; the limit is ${maxCost.toLocaleString("en")} (MAX_QUERY_COST: each list's statement plus its page size, default ${DEFAULT_PAGE_SIZE}, times the lists it is nested in; related, search and totalCount cost extra, see the README); ask for smaller pages or fewer fields`,
    { limit: maxCost, found },
  );
}
