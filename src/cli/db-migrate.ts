// Applies pending committed migrations to DATABASE_URL (like `prisma migrate deploy`).
import { migrateDatabase } from "../store/migrate/index.ts";
import { redactUrl } from "../store/migrate/adapters.ts";
import { DEFAULT_DATABASE_URL } from "../config.ts";
import { parseCommandLine, runCommand } from "./exit.ts";

const USAGE = `Usage: npm run db:migrate [-- --verbose]

Applies the committed migrations that the database at DATABASE_URL has not applied
yet, and records them in its _prisma_migrations table.

  DATABASE_URL   file:<path> (SQLite; default file:./data/newsgraph.db, folder created
                 if missing) or postgresql://user@host:port/db (PostgreSQL)
  --verbose      print the schema engine's log lines
  --help         show this help

Exit codes: 0 applied (or up to date), 1 a migration failed or the database is
unreachable, 2 usage error.`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({
    options: { help: { type: "boolean" }, verbose: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const onLog = values.verbose ? (line: string) => console.error(line.trimEnd()) : undefined;
  const { applied } = await migrateDatabase(url, { onLog });
  if (applied.length === 0) console.log(`${redactUrl(url)}: already up to date, no migration applied.`);
  else console.log(`${redactUrl(url)}: applied ${applied.length} migration(s):\n${applied.map((n) => `  ${n}`).join("\n")}`);
  return 0;
}

runCommand("db-migrate", USAGE, main);
