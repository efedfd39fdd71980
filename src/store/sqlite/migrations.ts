// The schema engine's side of SQLite (../migrate/): its adapter factories, and reading the
// applied migrations without it.
import Database from "better-sqlite3";
import type { Migrations } from "../dialect.ts";
import { sqliteAdapterFactory } from "../migrate/adapters.ts";
import { ensureSqliteFolder, sqliteFilePath } from "./url.ts";

/** Every committed migration is recorded as applied (finished, not rolled back) in the SQLite file. */
function upToDate(url: string, names: string[]): boolean {
  const path = sqliteFilePath(url);
  if (path === ":memory:") return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5_000 });
    const rows = db
      .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    return names.every((name) => applied.has(name));
  } catch {
    // No file, no table, or unreadable: the engine decides (and reports).
    return false;
  } finally {
    db?.close();
  }
}

export const migrations: Migrations = {
  factory: (url) => sqliteAdapterFactory(url),
  // The shadow database is always in memory, so replaying a history never touches a file.
  scratchFactory: () => sqliteAdapterFactory(":memory:"),
  prepare: ensureSqliteFolder,
  // The engine takes SQLite's exclusive lock, which it cannot get while another process
  // (a running server, another loader) has the file open; with nothing to apply there
  // is no need to ask it.
  upToDate,
  explain(url, error) {
    // SQLITE_BUSY reaches the engine as a driver error kind it does not know.
    if (!(error instanceof Error && /SocketTimeout/.test(error.message))) return undefined;
    return new Error(
      `cannot apply migrations to ${sqliteFilePath(url)}: another process (a running server or loader) has it open; stop it and run again`,
      { cause: error },
    );
  },
};
