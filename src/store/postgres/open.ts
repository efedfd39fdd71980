// The PostgreSQL client: Prisma's pg adapter over a pool that the batched reads
// (./read-batch.ts) and statement counting use directly too.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/postgresql/client.ts";
import type { Db, DbHandle, OpenOptions } from "../dialect.ts";
import { statementName } from "../statement-name.ts";
import { logger } from "../../logger.ts";
import { PingConnection } from "./ping.ts";

export async function openPostgres(url: string, options: OpenOptions): Promise<Omit<DbHandle, "dialect">> {
  const log = options.logQueries ? [{ level: "query" as const, emit: "event" as const }] : [];
  // Not pipelined (pg's `pipeline: true`): it saved a snapshot's BEGIN its own round trip,
  // but under the heaviest legal queries it tripled /healthz's p99 (bench:healthz: 627 and
  // 661 ms against 262 and 208 without). A snapshot's BEGIN is still not awaited: pg's
  // client queues the reads behind it (./snapshot.ts).
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle connection the server drops (a restart) must not crash the process; Prisma's
  // adapter listens too, but only once it has connected, and the batched reads may come first.
  pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection lost"));
  const db = prismaOver(pool, log);
  const pinger = new PingConnection(url);
  return {
    db,
    writer: db,
    readPool: pool,
    pinger,
    close: async () => {
      await pinger.close();
      await db.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

/** A Prisma client over a pool (the process's, or a snapshot's one connection: ./snapshot.ts). */
export function prismaOver(pool: pg.Pool, log: { level: "query"; emit: "event" }[] = []): Db {
  const adapter = new PrismaPg(pool, {
    // The batched reads are prepared statements; typed as always naming, but an
    // undefined name is pg's unnamed statement.
    statementNameGenerator: ((query: { sql: string }) => statementName(query.sql)) as (query: { sql: string }) => string,
  });
  // Generated from the same models as the SQLite client (dialect.ts's Db): the same model API.
  return new PrismaClient({ adapter, log }) as unknown as Db;
}

/**
 * The query() of the pool's connections, which pool.query(), Prisma's adapter, the batched
 * reads and the operations' snapshot transactions all go through.
 */
export function onStatement(h: DbHandle, fn: () => void): void {
  h.readPool!.on("connect", (client) => {
    // Looked up at each call, so that whatever else wraps pg's query() still applies.
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    client.query = ((...args: unknown[]) => {
      fn();
      return proto.query.apply(client, args);
    }) as typeof client.query;
  });
}
