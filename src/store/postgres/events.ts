// Events between processes on PostgreSQL (../events.ts): NOTIFY on the writer, and one
// connection of its own that LISTENs (outside the pool, which it would hold forever),
// reconnecting after a loss; events sent while it was away are lost, as LISTEN/NOTIFY keeps none.
import pg from "pg";
import type { DbHandle } from "../dialect.ts";
import { logger } from "../../logger.ts";

/** Reconnection delay of the listener after it lost its connection. */
const RELISTEN_MS = 1000;

export async function notify(store: DbHandle, channel: string, payload: string): Promise<void> {
  await store.writer.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

export async function listen(store: DbHandle, channel: string, onPayload: (payload: string | undefined) => void): Promise<{ close(): Promise<void> }> {
  // A snapshot's handle has no pool of its own to take the connection's settings from.
  if (!store.readPool) return { close: async () => {} };
  const config = store.readPool.options;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: config.connectionString, ...(config.host ? { host: config.host } : {}) });
    next.on("notification", (message) => {
      if (message.channel === channel) onPayload(message.payload);
    });
    next.on("error", (error) => {
      logger.warn({ err: error }, "store event listener lost its connection");
      if (client === next) client = undefined;
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect().catch(reconnectLater), RELISTEN_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      next.removeAllListeners("error").on("error", () => {});
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) return void (await next.end());
    client = next;
  };
  const reconnectLater = (error: unknown) => {
    logger.warn({ err: error }, "store event listener could not connect, retrying");
    if (!closed) retry = setTimeout(() => void connect().catch(reconnectLater), RELISTEN_MS);
  };
  // The server starts with its database away too (/healthz says so); listening follows when it is back.
  await connect().catch(reconnectLater);
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}
