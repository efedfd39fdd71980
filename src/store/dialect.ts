// The seam between the store and its databases: what differs from one database to the
// other, behind one interface that ./sqlite/ and ./postgres/ implement; ./dialects.ts
// picks one by DATABASE_URL. The store's reads and writes are written once over it and
// ask their handle's dialect (`h.dialect`) for the clauses, statements and setups that
// differ. Nothing outside src/store sees which database it talks to.
import type pg from "pg";
import type { Prisma, PrismaClient } from "./generated/sqlite/client.ts";
import type { Provider } from "./database-url.ts";
import type { SearchKind, SearchQuery } from "./search-query.ts";
import type { ManagedAdapterFactory } from "./migrate/adapters.ts";

/**
 * The Prisma client of either database. Both are generated from the same models
 * (prisma/models.prisma), so their model APIs are the same; the SQLite client's types
 * name them, and each dialect hands its own client out as this type.
 */
export type Db = PrismaClient<"query">;
export type Tx = Prisma.TransactionClient;

export interface DbHandle {
  /** Reads (the API). */
  db: Db;
  /**
   * SQLite with reader threads: a client for the reads of expensive operations, which runs
   * each statement on a worker thread (./sqlite/readers.ts); cheap operations keep `db`,
   * on this thread, where a statement costs no hand-over.
   */
  heavy?: Db;
  /**
   * Writes (loader, mutations). On SQLite a second connection: the adapter runs a
   * transaction on its connection, so reads sharing it would see a half-written
   * article; with WAL, this connection's readers see committed data only.
   */
  writer: Db;
  /** What differs by database. */
  dialect: Dialect;
  /**
   * PostgreSQL: the pool under Prisma's adapter (the same connections), for the API's
   * batched reads (./postgres/read-batch.ts), which skip Prisma's per-statement overhead; their
   * statements do not show in Prisma's query events (the tests count them on the pool).
   */
  readPool?: pg.Pool;
  /** PostgreSQL, in a query's snapshot (./postgres/snapshot.ts): the connection of its transaction, which the batched reads use. */
  connection?: pg.PoolClient;
  /** PostgreSQL: the health check's own connection, outside the pool (./postgres/ping.ts). */
  pinger?: { ping(timeoutMs: number): Promise<void> };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Emit Prisma `query` events (tests count SQL statements with them). */
  logQueries?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /**
   * SQLite: this many worker threads, each with its own connection, for the reads of
   * expensive operations (DbHandle.heavy, ./sqlite/readers.ts), so that their statements
   * do not hold up the event loop; 0 (the default): none. The server uses SQLITE_READ_THREADS.
   */
  readThreads?: number;
}

/**
 * How the batched reads of one request go out (the loaders' batches, src/graphql/loaders.ts).
 * Each read is one SELECT written once for both databases; the dialect decides how it is sent.
 */
export interface Reads {
  /**
   * The rows of `sql`. `order` (an ORDER BY list over the columns as `q."column"`) orders
   * them where the statement's own ORDER BY may not survive the batching.
   */
  rows<T>(sql: Prisma.Sql, order?: string): Promise<T[]>;
  /**
   * Present when the reads of one tick share a statement and rows come back as JSON
   * (PostgreSQL): SQL for the JSON object of the row that `select` (a SELECT of one row)
   * reads. Slices then bring their children's rows along, and article bodies load apart.
   */
  rowJson?(select: string): string;
  /**
   * With `rowJson`: SQL for the JSON array of the values `select` reads (its column `v`),
   * ordered by `order` (over the columns as `s."column"`): a row's aliases, brought along with it.
   */
  listJson?(select: string, order: string): string;
}

/** A column of a multi-row write: its name and its PostgreSQL type (arrays are typed). */
export type Column = readonly [name: string, pgType: string];

export type TimelineInterval = "DAY" | "WEEK" | "MONTH";

/** The parts of an excerpt query (./highlights.ts) that are the same on both databases. */
export interface SnippetParts {
  /** The columns selected from `p` (id, marked, pos, len, body), given the name of the GREATEST/MAX function. */
  edges(greatest: string): Prisma.Sql;
  /** Marks around matched words, and the excerpt's length in words. */
  open: string;
  close: string;
  words: number;
  minWords: number;
}

export interface Dialect {
  /** The provider's name, as in prisma/<name>/ (schemas and migrations). */
  readonly name: Provider;

  // ---- connections

  /** Opens the clients of a URL of this dialect. */
  open(url: string, options: OpenOptions): Promise<Omit<DbHandle, "dialect">>;
  /** Calls `fn` for every SQL statement the handle's reads issue (tests and benches count them). */
  onStatement(h: DbHandle, fn: () => void): void;
  /** Resolves when the database answers `SELECT 1` within `timeoutMs` (the health check); rejects otherwise. */
  ping(h: DbHandle, timeoutMs: number): Promise<void>;
  /** Whether a job queue (pg-boss) can live in this database. */
  readonly holdsJobQueue: boolean;

  // ---- reads

  /** A request's batched reads (one per request: the batching is per request). */
  reads(h: DbHandle): Reads;
  /** `column IN (ids)` for a list of ids of any length. */
  inIds(column: string, ids: readonly number[]): Prisma.Sql;
  /**
   * Joins, as `x`, the rows of `table` that `parts` select for each parent row `p`: each part a
   * SELECT of `table` aliased `y`, correlated with `p` and ordered and LIMITed off an index,
   * given what to select. No other row of the parent's is read: a LATERAL join of the parts'
   * UNION ALL on PostgreSQL; on SQLite, which has no LATERAL, `table` joined on `key` IN each
   * part (`parent` is the column of `table` that names the parent).
   */
  joinFirstRows(table: string, parent: string, key: string, parts: readonly ((select: string) => string)[]): string;
  /** The operator for "equal, NULL equal to NULL". */
  readonly notDistinct: string;
  /** An instant as a parameter that compares with the stored timestamps, in a batched read too. */
  instant(t: Date): Prisma.Sql;
  /** SQL naming the UTC bucket (day, Monday-started week, month) of the instant `column` as `YYYY-MM-DD` text. */
  bucket(interval: TimelineInterval, column: string): string;
  /**
   * One consistent view of the database for a whole read-only operation, or undefined
   * where the database needs none (./snapshot.ts).
   */
  openSnapshot?(h: DbHandle, timeoutMs: number): Promise<{ store: DbHandle; close(): Promise<void> } | undefined>;

  // ---- full-text search (./search.ts, ./highlights.ts)

  /** `SELECT id, score` of every row of `kind` that matches `q`; a higher score is a better match. */
  hits(kind: SearchKind, q: SearchQuery): Prisma.Sql;
  /** Id, marked excerpt, its position in the body (1-based, 0: not found) and length, and the body, of each matching article in `ids`. */
  snippets(q: SearchQuery, ids: readonly number[], parts: SnippetParts): Prisma.Sql;
  /** Id and fully marked text of each matching quote in `ids`. */
  highlights(q: SearchQuery, ids: readonly number[], parts: Pick<SnippetParts, "open" | "close">): Prisma.Sql;
  /** Tables of full-text search that the schema does not describe (the migration engine leaves them alone). */
  readonly fullTextTables: readonly string[];

  // ---- writes (./save-article.ts, ./corpus-resolution.ts)

  /** Makes writers take turns: the transaction's first statement. */
  lockWriters(tx: Tx, key: number): Promise<void>;
  /** Locks these names for the transaction, in order (a no-op where writers take turns anyway). */
  lockNames(tx: Tx, names: readonly string[]): Promise<void>;
  /** The clause that locks the rows a SELECT reads (empty where writers take turns anyway). */
  readonly forUpdate: string;
  /** The values of an IN list, however long. */
  list(values: Iterable<string | number>): Prisma.Sql;
  /** Multi-row INSERT of `rows` (values in `columns` order); `tail` is ON CONFLICT / RETURNING. */
  insert<T>(tx: Tx, head: string, columns: readonly Column[], rows: unknown[][], tail: string, returning: boolean): Promise<T[]>;
  /**
   * UPDATE `table` SET `set` FROM the rows as `v` (columns named by `columns`) WHERE `where`;
   * `set` and `where` name the table by its name.
   */
  update(tx: Tx, table: string, columns: readonly Column[], rows: unknown[][], set: string, where: Prisma.Sql): Promise<void>;
  /** A timestamp value for `insert`. */
  time(date: Date | null): Date | string | null;
  /** A boolean value for `insert`. */
  bool(value: boolean): boolean | number;

  // ---- errors (./errors.ts): full matches of a code, partial of a message

  readonly errors: {
    /** The database cannot serve the request now but may soon. */
    unavailableCode?: RegExp;
    unavailableMessage?: RegExp;
    /** A transaction lost a race: run it again. */
    transientCode?: RegExp;
    transientMessage?: RegExp;
  };

  // ---- migrations (./migrate/)

  readonly migrations: Migrations;

  // ---- events between processes (./events.ts)

  /** Present when the database carries notifications (LISTEN/NOTIFY); else events stay in the process that wrote. */
  notifications?: {
    notify(h: DbHandle, channel: string, payload: string): Promise<void>;
    /** Listens on a connection of its own, reconnecting after a loss. */
    listen(h: DbHandle, channel: string, onPayload: (payload: string | undefined) => void): Promise<{ close(): Promise<void> }>;
  };
}

/** What the schema engine (./migrate/) needs of a database. */
export interface Migrations {
  /** The adapter factory for applying migrations to `url`; a shadow database goes on `shadowServerUrl` where it needs a server. */
  factory(url: string, shadowServerUrl: string): ManagedAdapterFactory;
  /** An adapter factory for diffing a history against the schema, off every user database. */
  scratchFactory(shadowServerUrl: string): ManagedAdapterFactory;
  /** Whatever applying needs first (SQLite: the file's folder). */
  prepare?(url: string): void;
  /** True when every one of these migrations is applied, read without the engine; false: ask the engine. */
  upToDate?(url: string, names: string[]): boolean;
  /** A clearer error than the engine's, where there is one. */
  explain?(url: string, error: unknown): Error | undefined;
  /** The server on which to make scratch databases, from a URL of this database; absent: it needs none. */
  shadowServer?(url: string): string;
}
