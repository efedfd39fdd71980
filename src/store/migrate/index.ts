// Database migrations without Prisma's CLI (whose `migrate` commands need a native
// engine downloaded from Prisma's host). There is one committed history of plain
// SQL per provider, in Prisma's own layout, so the native `prisma migrate deploy`
// still works on it:
//   prisma/sqlite/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql
//   prisma/postgresql/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { DEFAULT_POSTGRES_SERVER_URL, providerOfUrl, withEngine, type Provider } from "./engine.ts";
import { migrationFolderName, readMigrationHistory, writeMigration } from "./history.ts";
import { DIALECTS } from "../dialects.ts";

export { providerOfUrl, type Provider } from "./engine.ts";

/** The databases with a schema and a migration history of their own under prisma/. */
export const PROVIDERS = Object.keys(DIALECTS) as Provider[];
export { MigrationEngineError } from "./engine.ts";

/** The repository's prisma/ folder. */
export const DEFAULT_PRISMA_DIR = fileURLToPath(new URL("../../../prisma", import.meta.url));

// Tables the engine must neither create nor drop: the full-text indexes, written by hand in a migration.
const filterFor = (provider: Provider): SchemaFilter => ({ externalTables: [...DIALECTS[provider].fullTextTables], externalEnums: [] });

export interface MigrationPathsOptions {
  /** Folder holding `<provider>/schema.prisma` and `<provider>/migrations`; defaults to the repository's prisma/. */
  prismaDir?: string;
  /** Receives the schema engine's JSON log lines (dropped by default). */
  onLog?: (line: string) => void;
  /** PostgreSQL server for scratch shadow databases; defaults to `postgresShadowServerUrl()`. */
  shadowServerUrl?: string;
}

export function schemaPath(provider: Provider, prismaDir: string = DEFAULT_PRISMA_DIR): string {
  return join(prismaDir, provider, "schema.prisma");
}

export function migrationsDir(provider: Provider, prismaDir: string = DEFAULT_PRISMA_DIR): string {
  return join(prismaDir, provider, "migrations");
}

export interface MigrateResult {
  /** Folder names of the migrations applied by this call, oldest first; empty when up to date. */
  applied: string[];
}

/**
 * Applies the committed migrations of the URL's provider that the database has not
 * applied yet (like `prisma migrate deploy`), recording them in `_prisma_migrations`.
 * A SQLite file and its folder are created when missing; a relative `file:` path is
 * relative to the working directory. A PostgreSQL database must exist.
 */
export async function migrateDatabase(url: string, opts: MigrationPathsOptions = {}): Promise<MigrateResult> {
  const provider = providerOfUrl(url);
  const { migrations } = DIALECTS[provider];
  migrations.prepare?.(url);
  const [schema, history] = await Promise.all([
    readFile(schemaPath(provider, opts.prismaDir), "utf8"),
    readMigrationHistory(migrationsDir(provider, opts.prismaDir)),
  ]);
  if (migrations.upToDate?.(url, history.migrationDirectories.map((m) => m.path))) return { applied: [] };
  const factory = migrations.factory(url, opts.shadowServerUrl ?? postgresShadowServerUrl());
  const output = await withEngine({ schema, factory, onLog: opts.onLog }, (engine) =>
    engine.applyMigrations({ migrationsList: history, filters: filterFor(provider) }),
  ).catch((error: unknown) => {
    throw migrations.explain?.(url, error) ?? error;
  });
  return { applied: output.appliedMigrationNames };
}

/**
 * The SQL that takes a database built by the committed history to the current
 * `prisma/<provider>/schema.prisma`, or null when there is nothing to do.
 *
 * The history is replayed into a throwaway shadow database, never the user's:
 * in memory for SQLite, a scratch database on `opts.shadowServerUrl` /
 * `postgresShadowServerUrl()` for PostgreSQL (only needed once the history is
 * non-empty).
 */
export async function pendingSchemaChanges(provider: Provider, opts: MigrationPathsOptions = {}): Promise<string | null> {
  const [schema, history] = await Promise.all([
    readFile(schemaPath(provider, opts.prismaDir), "utf8"),
    readMigrationHistory(migrationsDir(provider, opts.prismaDir)),
  ]);
  // The engine connects its "main" database on start: a scratch one keeps the user's database out of this.
  const factory = DIALECTS[provider].migrations.scratchFactory(opts.shadowServerUrl ?? postgresShadowServerUrl());
  const result = await withEngine({ schema, factory, onLog: opts.onLog }, (engine) =>
    engine.diff({
      // An empty history has no lockfile yet, and the engine needs one to pick the connector.
      from: history.migrationDirectories.length > 0 ? { tag: "migrations", ...history } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath(provider, opts.prismaDir), content: schema }] },
      script: true,
      // With exitCode set the engine answers 2 for a non-empty diff, 0 for none.
      exitCode: true,
      filters: filterFor(provider),
    }),
  );
  return result.exitCode === 2 && result.stdout ? result.stdout : null;
}

export interface CreateMigrationOptions extends MigrationPathsOptions {
  /** Providers to write a migration for; both by default. */
  providers?: readonly Provider[];
  /** The time in the folder name; now by default. */
  date?: Date;
}

export interface CreatedMigration {
  provider: Provider;
  /** The new migration, or null when the schema already matches the history. */
  migration: { name: string; path: string; sql: string } | null;
}

/**
 * Writes `<timestamp>_<name>/migration.sql` for each provider whose schema differs
 * from what its history produces (the same folder name for both). All SQL is
 * computed before anything is written, so a failure leaves no half-made history.
 */
export async function createMigration(name: string, opts: CreateMigrationOptions = {}): Promise<CreatedMigration[]> {
  const folder = migrationFolderName(name, opts.date ?? new Date());
  const providers = opts.providers ?? PROVIDERS;
  const pending: { provider: Provider; sql: string | null }[] = [];
  for (const provider of providers) pending.push({ provider, sql: await pendingSchemaChanges(provider, opts) });
  const created: CreatedMigration[] = [];
  for (const { provider, sql } of pending) {
    if (sql === null) {
      created.push({ provider, migration: null });
      continue;
    }
    const dir = migrationsDir(provider, opts.prismaDir);
    const path = await writeMigration(dir, provider, folder, sql, await readMigrationHistory(dir));
    created.push({ provider, migration: { name: folder, path, sql } });
  }
  return created;
}

/**
 * The PostgreSQL server on which shadow databases are created and dropped:
 * `SHADOW_DATABASE_URL`; else the server of a PostgreSQL `DATABASE_URL`, reached
 * through its `postgres` maintenance database so that the user's database is not
 * even connected to; else the local default. The database named in the URL is
 * only where we connect to run CREATE/DROP DATABASE (and where the engine reads
 * the server version).
 */
export function postgresShadowServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHADOW_DATABASE_URL) return env.SHADOW_DATABASE_URL;
  const url = env.DATABASE_URL;
  const shadowServer = url ? DIALECTS[providerOfUrl(url)].migrations.shadowServer : undefined;
  if (url && shadowServer) return shadowServer(url);
  return DEFAULT_POSTGRES_SERVER_URL;
}
