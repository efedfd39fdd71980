// PostgreSQL's clauses for the store's statements (./index.ts gathers them into the dialect).
import { Prisma } from "../generated/sqlite/client.ts";
import type { TimelineInterval } from "../dialect.ts";

/** One array parameter (`= ANY`), whatever the number of ids. */
export const inIds = (column: string, ids: readonly number[]): Prisma.Sql => Prisma.sql`${Prisma.raw(column)} = ANY(${[...ids]}::int[])`;

/** date_trunc's weeks are ISO weeks: they start on Monday. */
export const bucket = (interval: TimelineInterval, column: string): string => `to_char(date_trunc('${interval.toLowerCase()}', ${column}), 'YYYY-MM-DD')`;
