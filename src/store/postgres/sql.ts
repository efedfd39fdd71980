// PostgreSQL's clauses for the store's statements (./index.ts gathers them into the dialect).
import { Prisma } from "../generated/sqlite/client.ts";
import type { TimelineInterval } from "../dialect.ts";

/**
 * One array parameter (`= ANY`), whatever the number of ids; one id (a page's own row and
 * lists) as `=`: PostgreSQL plans a prepared statement anew at each execution (a custom plan)
 * until a generic one is estimated as cheap, which over an array of unknown length it never
 * is; with `=` the cached plan serves, and the article page's statement is not planned again.
 */
export const inIds = (column: string, ids: readonly number[]): Prisma.Sql =>
  ids.length === 1 ? Prisma.sql`${Prisma.raw(column)} = ${ids[0]}::int` : Prisma.sql`${Prisma.raw(column)} = ANY(${[...ids]}::int[])`;

/** The parts' UNION ALL as a LATERAL subquery: each an index scan that stops at its LIMIT, per parent. */
export const joinFirstRows = (_table: string, _parent: string, _key: string, parts: readonly ((select: string) => string)[]): string =>
  ` CROSS JOIN LATERAL (${parts.map((part) => `(${part("y.*")})`).join(" UNION ALL ")}) x`;

/** date_trunc's weeks are ISO weeks: they start on Monday. */
export const bucket = (interval: TimelineInterval, column: string): string => `to_char(date_trunc('${interval.toLowerCase()}', ${column}), 'YYYY-MM-DD')`;
