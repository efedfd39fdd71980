// Creates a new migration, for both providers, from the changes of
// prisma/<provider>/schema.prisma since the committed history (like `prisma migrate dev --create-only`).
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { createMigration } from "../store/migrate/index.ts";

const USAGE = `Usage: npm run db:migration -- --name <name> [--verbose]

Writes prisma/<provider>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql for SQLite and
PostgreSQL, with the SQL that takes each committed history to the current
prisma/<provider>/schema.prisma (the npm script regenerates those from prisma/models.prisma first).
No database of yours is touched: the history is replayed into an in-memory SQLite
database and into a scratch PostgreSQL database, created and dropped on
SHADOW_DATABASE_URL (else a postgresql DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres).

  --name <name>  migration name (letters, digits, _)
  --verbose      print the schema engine's log lines
  --help         show this help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { help: { type: "boolean" }, name: { type: "string" }, verbose: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.name) {
    console.error(`--name is required\n\n${USAGE}`);
    return 1;
  }
  const onLog = values.verbose ? (line: string) => console.error(line.trimEnd()) : undefined;
  for (const { provider, migration } of await createMigration(values.name, { onLog })) {
    if (migration) console.log(`${provider}: created ${relative(process.cwd(), migration.path)}/migration.sql`);
    else console.log(`${provider}: no schema changes, no migration created.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db-migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
