// SQLite's clauses for the store's statements (./index.ts gathers them into the dialect).
import { Prisma } from "../generated/sqlite/client.ts";
import type { TimelineInterval } from "../dialect.ts";

export const inIds = (column: string, ids: readonly number[]): Prisma.Sql => Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join([...ids])})`;

/**
 * The values of an IN list as one JSON parameter read by json_each, since Prisma's client
 * and driver adapter cost more per parameter than SQLite does per row.
 */
export const list = (values: Iterable<string | number>): Prisma.Sql => Prisma.sql`SELECT value FROM json_each(${JSON.stringify([...values])})`;

/** date() reads the stored ISO 8601 text (`2016-12-03T04:21:00.000+00:00`) in UTC. */
export function bucket(interval: TimelineInterval, column: string): string {
  switch (interval) {
    case "DAY": return `date(${column})`;
    // Back six days, then forward to the next Monday (weekday 1): the Monday on or before.
    case "WEEK": return `date(${column}, '-6 days', 'weekday 1')`;
    case "MONTH": return `date(${column}, 'start of month')`;
  }
}
