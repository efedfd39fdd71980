// Fails (exit 1) when prisma/<provider>/schema.prisma differs from what that
// provider's committed migration history builds, i.e. the models changed without
// `npm run db:migration -- --name <name>`. Each history is replayed into a
// throwaway database (in-memory SQLite; a scratch PostgreSQL database on
// SHADOW_DATABASE_URL / DATABASE_URL / the local default), so the PostgreSQL half
// needs a reachable server.
import { pendingSchemaChanges, PROVIDERS, type Provider } from "../src/store/migrate/index.ts";
import { runCommand, UsageError } from "../src/cli/exit.ts";
import { scriptArgs } from "./args.ts";

const USAGE = `Usage: npx tsx scripts/check-migrations.ts [--provider sqlite|postgresql] [--prisma-dir <dir>]

Exits 1 when a provider's schema.prisma has changes that no committed migration
contains, printing the SQL the missing migration would hold.

  --provider     check one provider only (default: both)
  --prisma-dir   folder with <provider>/schema.prisma and <provider>/migrations (default: prisma/)
  --help         show this help

Exit codes: 0 up to date, 1 stale or cannot check (database unreachable), 2 usage error.`;

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, { provider: { type: "string" }, "prisma-dir": { type: "string" } });
  const wanted = values.provider;
  if (wanted !== undefined && !PROVIDERS.includes(wanted as Provider)) throw new UsageError(`unknown --provider "${wanted}"`);
  const providers = wanted ? [wanted as Provider] : PROVIDERS;
  let ok = true;
  for (const provider of providers) {
    try {
      const sql = await pendingSchemaChanges(provider, { prismaDir: values["prisma-dir"] });
      if (sql === null) {
        console.log(`${provider}: migrations are up to date with prisma/${provider}/schema.prisma`);
        continue;
      }
      ok = false;
      console.error(
        `${provider}: stale migrations: prisma/${provider}/schema.prisma has changes that no migration in ` +
          `prisma/${provider}/migrations contains. Run: npm run db:migration -- --name <name>\n` +
          `The missing migration would be:\n${indent(sql)}`,
      );
    } catch (error) {
      ok = false;
      console.error(`${provider}: cannot check migrations: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok ? 0 : 1;
}

function indent(text: string): string {
  return text.trimEnd().replace(/^/gm, "    ");
}

runCommand("check-migrations", USAGE, main);
