// Every query operation reads one snapshot of the database (src/store/snapshot.ts): the
// plugin opens it once the operation is known to be a query, points the context's store
// and loaders at it, and ends it when the response is sent (after a TIMEOUT answer, when
// the operation's last statement has returned). Mutations read the live database.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context.ts";
import { createLoaders } from "./loaders.ts";
import { openSnapshot, type Snapshot } from "../store/snapshot.ts";
import { logger } from "../logger.ts";
import { readsInOneStatement } from "./plan.ts";
import type { DocumentNode, FragmentDefinitionNode } from "graphql";

/** A document's fragments by name, kept per document (Apollo hands the same parsed document for the same query text). */
function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = fragmentCache.get(document);
  if (!fragments) {
    fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])));
    fragmentCache.set(document, fragments);
  }
  return fragments;
}
const fragmentCache = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

/**
 * Operations costing this much or more read on the SQLite reader threads (DbHandle.heavy):
 * about 60 ms of statements. Each statement sent to a thread waits for its answer behind the
 * event loop's backlog, so an operation of a few statements pays that wait a few times: at
 * 2,000 the search page of bench:load (2,420) went to the threads and, under 50 clients at
 * load average 29, answered in 6.7 s at p50 (other reads 1.3 s) and timed out.
 */
export const HEAVY_READ_COST = 3_000;

/**
 * SQLite: expensive operations read through the reader threads, so that their statements
 * do not hold up the event loop; cheap ones on the main thread's connection, where a
 * statement costs no hand-over between threads (a third of the throughput under load).
 */
export function heavyReadsPlugin(threshold = HEAVY_READ_COST): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          const heavy = contextValue.store.heavy;
          if (operation?.operation !== "query" || !heavy || (contextValue.cost ?? 0) < threshold) return;
          contextValue.store = { ...contextValue.store, db: heavy };
          contextValue.loaders = createLoaders(contextValue.store, contextValue.signal);
        },
      };
    },
  };
}

export function snapshotPlugin(timeoutMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let snapshot: Snapshot | undefined;
      /** Opens the snapshot and points the context's store and loaders at it (none where the database needs none). */
      const open = async (contextValue: Context) => {
        try {
          snapshot = await openSnapshot(contextValue.store, timeoutMs);
        } catch (error) {
          // Apollo does not turn an error of this hook into a GraphQL error: the
          // operation's own statements then fail with it (a database away is
          // SERVICE_UNAVAILABLE), or, if the database is back, read without a snapshot.
          logger.warn({ reason: error instanceof Error ? error.message.trim().slice(0, 300) : String(error) }, "no snapshot for the operation");
          return;
        }
        if (!snapshot) return;
        contextValue.store = snapshot.store;
        contextValue.loaders = createLoaders(snapshot.store, contextValue.signal);
      };
      return {
        async executionDidStart({ operation, contextValue, schema, document, request }) {
          if (operation?.operation !== "query") return;
          // One statement sees one committed state: a query read whole by its first tick's needs
          // no snapshot (./plan.ts), unless a resolver finds it must read on (`beyondPlan`).
          const fragments = fragmentsOf(document);
          if (readsInOneStatement(schema, fragments, operation, request.variables ?? {})) {
            let opening: Promise<void> | undefined;
            contextValue.beyondPlan = () => (opening ??= open(contextValue));
            return;
          }
          await open(contextValue);
        },
        async willSendResponse() {
          // Not awaited: the response does not wait for COMMIT's round trip (the operation's
          // statements have all returned; the connection goes back to the pool after it).
          void snapshot?.close();
          snapshot = undefined;
        },
      };
    },
  };
}
