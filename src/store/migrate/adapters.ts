// Driver adapter factories for Prisma's WASM schema engine.
//
// The engine talks to databases only through a `SqlMigrationAwareDriverAdapterFactory`:
// `connect()` for the main database and `connectToShadowDb()` for the throwaway
// database it replays a migration history into. What the stock factories lack:
//  - better-sqlite3 refuses multi-statement SQL in `executeRaw`, which is how the
//    engine replays a migration into the shadow database;
//  - adapter-pg's shadow database lands on the main database when configured by
//    connection string, and is never cleaned up properly; ours is a scratch
//    database on an explicit server (postgres.ts also fixes adapter-pg itself);
//  - the engine's `free()` does not dispose connections, so every connection is
//    tracked here and closed by `close()`.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from "@prisma/driver-adapter-utils";
import { databaseTarget, type Provider } from "../database-url.ts";
import { sqliteFilePath } from "../sqlite/url.ts";
import { connectPostgres, createScratchPostgresDatabase } from "./postgres.ts";
import { delegate, withDispose } from "./wrap.ts";

export { createScratchPostgresDatabase, withDatabaseName, type ScratchDatabase } from "./postgres.ts";
export type { Provider } from "../database-url.ts";

/** The default local server for PostgreSQL scratch databases. */
export const DEFAULT_POSTGRES_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Which provider a database URL belongs to: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOfUrl(url: string): Provider {
  return databaseTarget(url).provider;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@/]*@/, "$1***@");
}

/** A migration-aware adapter factory that owns every connection it opened. */
export interface ManagedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** The most recent database error seen on any connection, for error messages. */
  lastDatabaseError(): string | undefined;
  /** Disposes every connection still open (and drops scratch databases). Idempotent. */
  close(): Promise<void>;
}

/**
 * SQLite: `url` is `file:<path>` (relative to the working directory, as for the
 * app's own client) or `:memory:`. The shadow database is always in memory, so
 * replaying a history never touches a file.
 */
export function sqliteAdapterFactory(url: string): ManagedAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: url.startsWith("file:") ? sqliteFilePath(url) : url });
  return new TrackingFactory("sqlite", inner.adapterName, {
    connect: () => inner.connect(),
    connectToShadowDb: () => inner.connectToShadowDb(),
    // An argument-less executeRaw is a raw DDL command whose row count the engine
    // ignores; better-sqlite3's exec() accepts the multi-statement scripts that
    // prepare() rejects.
    routeRawCommandsToScript: true,
  });
}

/**
 * PostgreSQL: the main connection goes to `url`; each shadow connection gets a
 * fresh scratch database on `shadowServerUrl`, dropped when the engine disposes it
 * (or at `close()` at the latest).
 */
export function postgresAdapterFactory(url: string, shadowServerUrl: string = url): ManagedAdapterFactory {
  return new TrackingFactory("postgres", "@prisma/adapter-pg", {
    connect: () => connectPostgres(url),
    connectToShadowDb: async () => {
      const scratch = await createScratchPostgresDatabase(shadowServerUrl, "newsgraph_shadow").catch(
        (error: unknown) => {
          throw new Error(
            `Cannot create a PostgreSQL shadow database on ${redactUrl(shadowServerUrl)} ` +
              `(set SHADOW_DATABASE_URL to a server where that is allowed): ${errorText(error)}`,
            { cause: error },
          );
        },
      );
      try {
        const adapter = await connectPostgres(scratch.url);
        return withDispose(adapter, async () => {
          await adapter.dispose();
          await scratch.drop();
        });
      } catch (error) {
        await scratch.drop();
        throw error;
      }
    },
    routeRawCommandsToScript: false,
  });
}

interface FactoryParts {
  connect(): Promise<SqlDriverAdapter>;
  connectToShadowDb(): Promise<SqlDriverAdapter>;
  routeRawCommandsToScript: boolean;
}

/** Tracks open connections, makes their dispose idempotent and remembers database errors. */
class TrackingFactory implements ManagedAdapterFactory {
  readonly #open = new Set<SqlDriverAdapter>();
  #lastError: string | undefined;
  #closed = false;

  constructor(
    readonly provider: "sqlite" | "postgres",
    readonly adapterName: string,
    private readonly parts: FactoryParts,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.#track(() => this.parts.connect());
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#track(() => this.parts.connectToShadowDb());
  }

  lastDatabaseError(): string | undefined {
    return this.#lastError;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const open = [...this.#open];
    this.#open.clear();
    await Promise.allSettled(open.map((adapter) => adapter.dispose()));
  }

  async #track(open: () => Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
    if (this.#closed) throw new Error("adapter factory is closed");
    const inner = await open();
    let disposing: Promise<void> | undefined;
    const remember = <T>(promise: Promise<T>): Promise<T> =>
      promise.catch((error: unknown) => {
        this.#lastError = describeDriverError(error);
        throw error;
      });
    const adapter = delegate(inner, {
      queryRaw: (query) => remember(inner.queryRaw(query)),
      executeRaw: (query: SqlQuery) =>
        this.parts.routeRawCommandsToScript && query.args.length === 0
          ? remember(inner.executeScript(query.sql).then(() => 0))
          : remember(inner.executeRaw(query)),
      executeScript: (script) => remember(inner.executeScript(script)),
      dispose: () => {
        this.#open.delete(adapter);
        disposing ??= inner.dispose();
        return disposing;
      },
    });
    this.#open.add(adapter);
    return adapter;
  }
}

/** The database's own message from a DriverAdapterError, or the error's message. */
function describeDriverError(error: unknown): string {
  const cause = (error as { cause?: { originalMessage?: unknown; kind?: unknown } } | null)?.cause;
  if (typeof cause?.originalMessage === "string") return cause.originalMessage;
  return errorText(error);
}

/**
 * A message for any thrown value. Node reports a refused connection to a host
 * with several addresses as an AggregateError with an empty message.
 */
export function errorText(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return error.errors.map(errorText).join("; ") || "AggregateError";
  }
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
