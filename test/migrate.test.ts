// Migrations through Prisma's WASM schema engine: applying the committed history to
// fresh SQLite and PostgreSQL databases, and creating a new migration from a
// schema change (on a copy of prisma/, so the repository is left alone).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  createMigration,
  DEFAULT_PRISMA_DIR,
  migrateDatabase,
  migrationsDir,
  pendingSchemaChanges,
  schemaPath,
  type Provider,
} from "../src/store/migrate/index.ts";
import {
  POSTGRES_SERVER_URL,
  postgresSkipReason,
  withClient,
  withTempPostgresDatabase,
} from "./helpers/postgres.ts";

const EXPECTED_TABLES = ["_prisma_migrations", "article", "person", "organization", "place", "quote"];
const pgSkip = await postgresSkipReason();

async function committedMigrations(provider: Provider, prismaDir = DEFAULT_PRISMA_DIR): Promise<string[]> {
  const entries = await readdir(migrationsDir(provider, prismaDir), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-migrate-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sqliteTables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
}

async function postgresTables(url: string): Promise<string[]> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    ),
  );
  return rows.map((row) => row.table_name);
}

/** Appends a column to the Person model of a copied prisma/ folder's provider schema. */
async function addPersonColumn(prismaDir: string, provider: Provider): Promise<void> {
  const file = schemaPath(provider, prismaDir);
  const schema = await readFile(file, "utf8");
  const changed = schema.replace(/model Person \{\n/, "model Person {\n  nickname String?\n");
  assert.notEqual(changed, schema, "the Person model was not found in the schema");
  await writeFile(file, changed);
}

test("SQLite: applies the committed history to a fresh file, then nothing", async () => {
  await withTempDir(async (dir) => {
    // A missing parent folder is created, as for the default ./data/newsgraph.db.
    const path = join(dir, "nested", "newsgraph.db");
    const first = await migrateDatabase(`file:${path}`);
    assert.deepEqual(first.applied, await committedMigrations("sqlite"));
    assert.ok(first.applied.length > 0);
    const tables = sqliteTables(path);
    for (const table of EXPECTED_TABLES) assert.ok(tables.includes(table), `missing table ${table}`);

    const second = await migrateDatabase(`file:${path}`);
    assert.deepEqual(second.applied, []);
  });
});

test("PostgreSQL: applies the committed history to a fresh database, then nothing", { skip: pgSkip }, async () => {
  await withTempPostgresDatabase(async (db) => {
    const first = await migrateDatabase(db.url);
    assert.deepEqual(first.applied, await committedMigrations("postgresql"));
    const tables = await postgresTables(db.url);
    for (const table of EXPECTED_TABLES) assert.ok(tables.includes(table), `missing table ${table}`);

    const second = await migrateDatabase(db.url);
    assert.deepEqual(second.applied, []);
  });
});

test("SQLite: createMigration writes nothing without changes, then the SQL of a change", async () => {
  await withTempDir(async (dir) => {
    const prismaDir = join(dir, "prisma");
    await cp(DEFAULT_PRISMA_DIR, prismaDir, { recursive: true });
    const opts = { prismaDir, providers: ["sqlite"] as const };

    assert.deepEqual(await createMigration("noop", opts), [{ provider: "sqlite", migration: null }]);
    assert.deepEqual(await committedMigrations("sqlite", prismaDir), await committedMigrations("sqlite"));

    // A database on the old history, to which the new migration must apply.
    const dbPath = join(dir, "old.db");
    await migrateDatabase(`file:${dbPath}`, { prismaDir });

    await addPersonColumn(prismaDir, "sqlite");
    const date = new Date(Date.UTC(2999, 0, 2, 3, 4, 5));
    const [created] = await createMigration("add nickname", { ...opts, date });
    assert.equal(created?.migration?.name, "29990102030405_add_nickname");
    assert.match(created.migration.sql, /ALTER TABLE "person" ADD COLUMN\s+"nickname" TEXT/);
    assert.equal(await readFile(join(created.migration.path, "migration.sql"), "utf8"), created.migration.sql);
    assert.equal(await pendingSchemaChanges("sqlite", { prismaDir }), null);

    assert.deepEqual((await migrateDatabase(`file:${dbPath}`, { prismaDir })).applied, [created.migration.name]);
  });
});

test("PostgreSQL: createMigration replays the history into a scratch database", { skip: pgSkip }, async () => {
  await withTempDir(async (dir) => {
    const prismaDir = join(dir, "prisma");
    await cp(DEFAULT_PRISMA_DIR, prismaDir, { recursive: true });
    await addPersonColumn(prismaDir, "postgresql");
    const opts = { prismaDir, shadowServerUrl: POSTGRES_SERVER_URL };
    const [created] = await createMigration("add_nickname", { ...opts, providers: ["postgresql"] });
    assert.ok(created?.migration, "expected a migration");
    assert.match(created.migration.sql, /ALTER TABLE "person" ADD COLUMN\s+"nickname" TEXT/);
    assert.equal(await pendingSchemaChanges("postgresql", opts), null);

    await withTempPostgresDatabase(async (db) => {
      const { applied } = await migrateDatabase(db.url, { prismaDir });
      assert.equal(applied.at(-1), created.migration?.name);
    });
  });
});
