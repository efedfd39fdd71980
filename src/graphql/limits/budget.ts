// Per-client budget for expensive operations: a client (its bearer token, else its IP
// address) may run at most `perClient` operations costing `expensiveCost` or more at a
// time; one more is refused at once with TOO_MANY_EXPENSIVE_OPERATIONS (HTTP 429) rather
// than queued, so that a few clients cannot hold every database connection (or reader
// thread) with heavy queries. Hand-written: the limiters on npm count requests per time
// window, and what loads the database is the heavy operations in flight, whatever their rate.
import { createHash } from "node:crypto";

export interface BudgetContext {
  /** Who sent the request: `token:<sha256 prefix>` or `ip:<address>`. */
  client?: string;
  /** The operation's cost, once known (../cost.ts). */
  cost?: number;
}

/** The budget key of a request: its bearer token (hashed, never kept in clear) or its address. */
export function clientKey(authorization: string | undefined, address: string | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (token) return `token:${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;
  return `ip:${address ?? "unknown"}`;
}

export class ExpensiveBudget {
  private readonly running = new Map<string, number>();

  constructor(readonly perClient: number) {}

  /** Takes a slot for the client; false when it already runs `perClient` expensive operations. */
  take(client: string): boolean {
    const n = this.running.get(client) ?? 0;
    if (n >= this.perClient) return false;
    this.running.set(client, n + 1);
    return true;
  }

  release(client: string): void {
    const n = (this.running.get(client) ?? 1) - 1;
    if (n <= 0) this.running.delete(client);
    else this.running.set(client, n);
  }

  /** Slots in use. */
  inUse(client: string): number {
    return this.running.get(client) ?? 0;
  }
}
