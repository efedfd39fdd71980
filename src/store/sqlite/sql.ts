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

/**
 * The parent's column with `+`, so that the planner looks each part's keys up (a MULTI-INDEX
 * OR over the key's index) rather than walking all the parent's rows and testing each.
 */
export const joinFirstRows = (table: string, parent: string, key: string, parts: readonly ((select: string) => string)[]): string =>
  ` JOIN ${table} x ON +x.${parent} = p.id AND (${parts.map((part) => `x.${key} IN (${part(`y.${key}`)})`).join(" OR ")})`;
