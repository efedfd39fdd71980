// Creates a new migration, for both providers, from the changes of
// prisma/<provider>/schema.prisma since the committed history (like `prisma migrate dev --create-only`).
import { relative } from "node:path";
import { createMigration } from "../store/migrate/index.ts";
import { parseCommandLine, runCommand, UsageError } from "./exit.ts";

const USAGE = `Usage: npm run db:migration -- --name <name> [--verbose]

Writes prisma/<provider>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql for SQLite and
PostgreSQL, with the SQL that takes each committed history to the current
prisma/<provider>/schema.prisma (the npm script regenerates those from prisma/models.prisma first).
No database of yours is touched: the history is replayed into an in-memory SQLite
database and into a scratch PostgreSQL database, created and dropped on
SHADOW_DATABASE_URL (else a postgresql DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres).

  --name <name>  migration name (letters, digits, _)
  --verbose      print the schema engine's log lines
  --help         show this help

Exit codes: 0 written (or no changes), 1 the schema engine or the shadow database
failed, 2 usage error (no --name, a name without letters or digits).`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({
    options: { help: { type: "boolean" }, name: { type: "string" }, verbose: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.name) throw new UsageError("--name is required");
  if (!/[A-Za-z0-9]/.test(values.name)) throw new UsageError(`invalid --name "${values.name}": use letters, digits and _`);
  const onLog = values.verbose ? (line: string) => console.error(line.trimEnd()) : undefined;
  for (const { provider, migration } of await createMigration(values.name, { onLog })) {
    if (migration) console.log(`${provider}: created ${relative(process.cwd(), migration.path)}/migration.sql`);
    else console.log(`${provider}: no schema changes, no migration created.`);
  }
  return 0;
}

runCommand("db-migration", USAGE, main);
