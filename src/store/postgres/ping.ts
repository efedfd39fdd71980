// The health check's own connection, outside the pool: /healthz asks whether the database
// answers, and behind the pool's queue (every connection held by long reads) it would
// measure that queue instead. One connection per store, opened on the first ping, and
// dropped (to be opened again by the next ping) when it fails, times out or the server
// ends it.
import pg from "pg";
import { within } from "../ping.ts";

export class PingConnection {
  private client: Promise<pg.Client> | undefined;
  private closed = false;

  constructor(private readonly url: string) {}

  /** Resolves when `SELECT 1` answers within `timeoutMs` (connecting included); rejects otherwise. */
  async ping(timeoutMs: number): Promise<void> {
    if (this.closed) throw new Error("the store is closed");
    const connecting = (this.client ??= this.connect(timeoutMs));
    try {
      await within(connecting.then((client) => client.query("SELECT 1")), timeoutMs);
    } catch (error) {
      // A connection that failed or timed out once is not trusted again: the next ping opens another.
      this.drop(connecting);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    // Bounded: a server that does not answer must not hold up the store's close.
    if (client) await within(client.then((c) => c.end()), 2_000).catch(() => undefined);
  }

  private connect(timeoutMs: number): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: timeoutMs, application_name: "newsgraph health check" });
    // The server ending the idle connection (a restart, an administrator) must not crash the process.
    client.on("error", () => this.drop(connecting));
    const connecting: Promise<pg.Client> = client.connect().then(() => client);
    return connecting;
  }

  private drop(connecting: Promise<pg.Client>): void {
    if (this.client !== connecting) return;
    this.client = undefined;
    // Not awaited: a server that does not answer may not answer the goodbye either.
    connecting.then((c) => c.end(), () => undefined).catch(() => undefined);
  }
}
