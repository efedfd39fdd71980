// What a database error means for the caller: the database is away (retry later), a
// transaction lost a race (retry now), or something else (a bug, reported as such).
import { setTimeout as sleep } from "node:timers/promises";
import { Prisma } from "./generated/sqlite/client.ts";
import { DIALECTS } from "./dialects.ts";

/** Prisma codes for a database that cannot be reached or dropped the connection. */
const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // operations timed out (SQLite: busy beyond the busy timeout)
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2037", // too many connections
]);

/** Each database's own codes and messages (the dialects' `errors`), matched whatever the database. */
const anyOf = (pick: (e: (typeof DIALECTS)[keyof typeof DIALECTS]["errors"]) => RegExp | undefined, also?: RegExp) => {
  const sources = [...(also ? [also.source] : []), ...Object.values(DIALECTS).flatMap((d) => (pick(d.errors) ? [pick(d.errors)!.source] : []))];
  // No source at all matches nothing (an empty pattern would match everything).
  return new RegExp(sources.length ? sources.map((source) => `(?:${source})`).join("|") : "(?!)", "i");
};
const UNAVAILABLE_CODES = anyOf((e) => e.unavailableCode);
/** Node socket errors and Prisma's own messages, and the databases' messages for a connection lost or locked. */
const UNAVAILABLE_MESSAGES = anyOf(
  (e) => e.unavailableMessage,
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Can't reach database server|Timed out fetching a new connection/,
);

/** Prisma codes, and the databases' codes and messages, worth retrying the whole transaction for. */
const TRANSIENT_PRISMA_CODES = new Set(["P2034", "P1008"]);
const TRANSIENT_CODES = anyOf((e) => e.transientCode);
const TRANSIENT_MESSAGES = anyOf((e) => e.transientMessage);

/** The error and everything it wraps (`cause`, Prisma's `meta.driverAdapterError`), outermost first. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as Record<string, unknown>;
    yield e;
    if (e instanceof AggregateError) for (const inner of e.errors) yield* chain(inner);
    const meta = e.meta as Record<string, unknown> | undefined;
    current = e.cause ?? meta?.driverAdapterError;
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The database is unreachable, restarting, overloaded or locked: the request may succeed later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = str(e.code);
    if (code && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    if (code && UNAVAILABLE_CODES.test(code)) return true;
    // Prisma's driver adapters keep the database's own code here (P2039 and P2010 wrap it).
    const originalCode = str(e.originalCode);
    if (originalCode && UNAVAILABLE_CODES.test(originalCode)) return true;
    const kind = str(e.kind);
    if (kind && ["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"].includes(kind)) return true;
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    const message = str(e.message) ?? str(e.originalMessage);
    if (message && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** A transaction lost a race (deadlock, serialization failure, write conflict, SQLite busy): run it again. */
export function isTransientConflict(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = str(e.code);
    if (code && (TRANSIENT_PRISMA_CODES.has(code) || TRANSIENT_CODES.test(code))) return true;
    if (str(e.kind) === "TransactionWriteConflict") return true;
    const message = str(e.message);
    if (message && TRANSIENT_MESSAGES.test(message)) return true;
  }
  return false;
}

/** A unique key already holds the row: Prisma's P2002, or a raw statement's UniqueConstraintViolation. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of chain(error)) {
    if (str(e.code) === "P2002" || str(e.kind) === "UniqueConstraintViolation") return true;
  }
  return false;
}

export interface RetryOptions {
  attempts?: number;
  /** Delay before the second attempt; doubles each time, with jitter. */
  baseDelayMs?: number;
}

/** Runs `fn` again when it fails with a transient conflict, a few times, backing off. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      await sleep(base * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
