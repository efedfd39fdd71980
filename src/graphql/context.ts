import type { DbHandle } from "../store/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import type { Auth } from "./auth.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../documents/read.ts";
import type { AnalysisPool } from "../analysis/runtime/pool.ts";
import type { StoreEvents } from "../store/events.ts";

export interface Context {
  store: DbHandle;
  loaders: Loaders;
  /** Whether the request may write (see ./auth.ts). */
  auth: Auth;
  /** Aborted when the request runs out of time: no further statement is started. */
  signal: AbortSignal;
  /** Largest text ingestArticle accepts, in bytes. */
  maxDocumentBytes: number;
  /** Threads that analyse ingestArticle's documents; without it, the request's thread does. */
  analysis?: AnalysisPool;
  /** Who sent the request, for the budget of expensive operations (limits/budget.ts's clientKey). */
  client?: string;
  /** The operation's cost (limits/cost.ts), once resolved. */
  cost?: number;
  /** When the operation runs out of time (EXECUTION_TIMEOUT_MS), in ms since the epoch; Infinity without a limit. */
  deadline: number;
  /** Keeps the request's large body counted (src/large-bodies.ts) past its answer; the returned function gives it back. */
  keepBody: () => () => void;
  /**
   * Set when the query runs without a snapshot because its first statement was planned to
   * answer it whole (./plan.ts): a resolver that must read more (a merged-away id's redirect)
   * calls it first, and the rest of the operation reads in a snapshot opened then.
   */
  beyondPlan?: () => Promise<void>;
  /** Subscriptions (WebSocket only): the store's events, and what to do with a subscriber too slow to keep up. */
  live?: { events: StoreEvents; onOverflow(): void };
}

export interface ContextOptions {
  auth?: Auth;
  signal?: AbortSignal;
  maxDocumentBytes?: number;
  analysis?: AnalysisPool;
  client?: string;
  /** EXECUTION_TIMEOUT_MS, from now. */
  timeoutMs?: number;
  live?: Context["live"];
  keepBody?: Context["keepBody"];
}

export function createContext(store: DbHandle, options: ContextOptions = {}): Context {
  const signal = options.signal ?? new AbortController().signal;
  return {
    store,
    loaders: createLoaders(store, signal),
    auth: options.auth ?? "disabled",
    signal,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    analysis: options.analysis,
    client: options.client,
    deadline: options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs,
    live: options.live,
    keepBody: options.keepBody ?? (() => () => {}),
  };
}
