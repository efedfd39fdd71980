// One round trip for the reads a request issues together (PostgreSQL). The loaders
// (src/graphql/loaders.ts) dispatch their batches in the same tick when GraphQL resolves
// sibling fields (an article's people, organizations, places and quotes); each batch is
// a SELECT, and this sends all of them as one statement:
//
//   SELECT (SELECT coalesce(json_agg(q ORDER BY ...), '[]') FROM (<batch 1>) q) AS r0,
//          (SELECT coalesce(json_agg(q ORDER BY ...), '[]') FROM (<batch 2>) q) AS r1, ...
//
// so the statements per operation grow with the depth of the query, not with its number
// of list fields. Rows come back as JSON: numbers, strings, booleans and null as they
// are; timestamps as ISO text without a zone (the callers turn them into Dates).
import { Prisma } from "../generated/sqlite/client.ts";
import type { DbHandle, Reads } from "../dialect.ts";
import { READ_BATCH_MARK, statementName } from "../statement-name.ts";

interface Pending {
  sql: Prisma.Sql;
  order?: string;
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

export class ReadBatch implements Reads {
  private pending: Pending[] = [];

  constructor(private readonly h: DbHandle) {}

  /**
   * The rows of `sql`, sent with the other reads queued before the event loop turns.
   * `order` orders them (an ORDER BY list over the columns as `q."column"`); without
   * it their order is unspecified.
   */
  rows<T>(sql: Prisma.Sql, order?: string): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      // setImmediate runs after every nextTick and microtask of this turn, so after
      // every DataLoader batch that this turn's resolvers scheduled.
      if (this.pending.push({ sql, order, resolve: resolve as (rows: unknown[]) => void, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush() {
    const batch = this.pending;
    this.pending = [];
    const parts = batch.map((p, i) =>
      Prisma.sql`(SELECT coalesce(json_agg(q${Prisma.raw(p.order ? ` ORDER BY ${p.order}` : "")}), '[]'::json) FROM (${p.sql}) q) AS ${Prisma.raw(`r${i}`)}`);
    const sql = Prisma.sql`${Prisma.raw(READ_BATCH_MARK)} SELECT ${Prisma.join(parts)}`;
    try {
      const pool = this.h.connection ?? this.h.readPool;
      // Straight to pg when we may (a third of the CPU time of Prisma's $queryRaw), else Prisma.
      const [row] = pool
        ? (await pool.query<Record<string, unknown[]>>({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows
        : await this.h.db.$queryRaw<Record<string, unknown[]>[]>(sql);
      batch.forEach((p, i) => p.resolve(row![`r${i}`] ?? []));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  /** The JSON object of the one row `select` reads, or NULL. */
  rowJson(select: string): string {
    return `(SELECT to_json(c) FROM (${select}) c)`;
  }

  /** The JSON array of `select`'s column `v`, in `order`; `[]` for no rows. */
  listJson(select: string, order: string): string {
    return `(SELECT coalesce(json_agg(s.v ORDER BY ${order}), '[]'::json) FROM (${select}) s)`;
  }
}
