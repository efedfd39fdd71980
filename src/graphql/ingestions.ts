// Ingests this server has in hand, by content hash: ingestArticle joins one already
// running for the same text instead of analysing it again, and answers ACCEPTED when it
// cannot finish before the operation's time runs out; the `ingestion` query then tells
// a client whether it is still running, was stored, or failed. Per database (keyed by
// its writer) and per process: a restart forgets what was running, not what was stored.
import type { DbHandle } from "../store/client.ts";

export type Failure = { state: "REJECTED" | "FAILED"; reason: string };

/** Failures kept for the `ingestion` query; the oldest go first. */
const KEPT_FAILURES = 1000;

export class Ingestions<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly failed = new Map<string, Failure>();

  /** `run`'s result, or that of the ingest of the same content hash already running (`joined`). */
  start(hash: string, run: () => Promise<T>, failure: (error: unknown) => Failure): { ingest: Promise<T>; joined: boolean } {
    const known = this.running.get(hash);
    if (known) return { ingest: known, joined: true };
    this.failed.delete(hash);
    const ingest = run();
    this.running.set(hash, ingest);
    ingest.then(
      () => this.running.delete(hash),
      (error: unknown) => {
        this.running.delete(hash);
        this.failed.set(hash, failure(error));
        if (this.failed.size > KEPT_FAILURES) this.failed.delete(this.failed.keys().next().value!);
      },
    );
    return { ingest, joined: false };
  }

  isRunning(hash: string): boolean {
    return this.running.has(hash);
  }

  failure(hash: string): Failure | undefined {
    return this.failed.get(hash);
  }
}

const byDatabase = new WeakMap<object, Ingestions<unknown>>();

/** The ingests of the database behind `store` (a query's snapshot shares its writer). */
export function ingestionsOf<T>(store: DbHandle): Ingestions<T> {
  let found = byDatabase.get(store.writer);
  if (!found) byDatabase.set(store.writer, (found = new Ingestions<unknown>()));
  return found as Ingestions<T>;
}
