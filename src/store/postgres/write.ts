// PostgreSQL's multi-row writes: a statement of a few array parameters (unnest), which it
// parses and plans as cheaply for 10 rows as for 10,000.
import { Prisma } from "../generated/sqlite/client.ts";
import type { Column, Tx } from "../dialect.ts";

/**
 * Most rows in one statement. Each array parameter is written out as text on its way
 * (pg's array literal, Prisma's parameters): a 5 MB document's 130,000 mentions in one
 * statement made that insert's peak +95 MB, in statements of 10,000 rows +49 MB.
 */
const ROWS_PER_STATEMENT = 10_000;

const arrays = (columns: readonly Column[], rows: unknown[][]) =>
  Prisma.join(columns.map(([, type], c) => Prisma.sql`${rows.map((r) => r[c])}::${Prisma.raw(type)}[]`));

export async function insert<T>(tx: Tx, head: string, columns: readonly Column[], rows: unknown[][], tail: string, returning: boolean): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const sql = Prisma.sql`${Prisma.raw(head)} SELECT * FROM unnest(${arrays(columns, rows.slice(i, i + ROWS_PER_STATEMENT))})${Prisma.raw(tail)}`;
    if (returning) out.push(...(await tx.$queryRaw<T[]>(sql)));
    else await tx.$executeRaw(sql);
  }
  return out;
}

export async function update(tx: Tx, table: string, columns: readonly Column[], rows: unknown[][], set: string, where: Prisma.Sql): Promise<void> {
  const names = Prisma.raw(columns.map(([name]) => name).join(", "));
  await tx.$executeRaw`UPDATE ${Prisma.raw(table)} SET ${Prisma.raw(set)} FROM unnest(${arrays(columns, rows)}) AS v(${names}) WHERE ${where}`;
}
