// PostgreSQL's multi-row writes: one statement of a few array parameters (unnest), which
// it parses and plans as cheaply for 10 rows as for 10,000.
import { Prisma } from "../generated/sqlite/client.ts";
import type { Column, Tx } from "../dialect.ts";

const arrays = (columns: readonly Column[], rows: unknown[][]) =>
  Prisma.join(columns.map(([, type], c) => Prisma.sql`${rows.map((r) => r[c])}::${Prisma.raw(type)}[]`));

export async function insert<T>(tx: Tx, head: string, columns: readonly Column[], rows: unknown[][], tail: string, returning: boolean): Promise<T[]> {
  const sql = Prisma.sql`${Prisma.raw(head)} SELECT * FROM unnest(${arrays(columns, rows)})${Prisma.raw(tail)}`;
  if (returning) return tx.$queryRaw<T[]>(sql);
  await tx.$executeRaw(sql);
  return [];
}

export async function update(tx: Tx, table: string, columns: readonly Column[], rows: unknown[][], set: string, where: Prisma.Sql): Promise<void> {
  const names = Prisma.raw(columns.map(([name]) => name).join(", "));
  await tx.$executeRaw`UPDATE ${Prisma.raw(table)} SET ${Prisma.raw(set)} FROM unnest(${arrays(columns, rows)}) AS v(${names}) WHERE ${where}`;
}
