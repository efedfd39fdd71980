// Every query operation reads one snapshot of the database (src/store/snapshot.ts): the
// plugin opens it once the operation is known to be a query, points the context's store
// and loaders at it, and ends it when the response is sent (after a TIMEOUT answer, when
// the operation's last statement has returned). Mutations read the live database.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context.ts";
import { createLoaders } from "./loaders.ts";
import { openSnapshot, type Snapshot } from "../store/snapshot.ts";
import { logger } from "../logger.ts";

export function snapshotPlugin(timeoutMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let snapshot: Snapshot | undefined;
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== "query") return;
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
        },
        async willSendResponse() {
          await snapshot?.close();
          snapshot = undefined;
        },
      };
    },
  };
}
