// SQLite's multi-row writes: with no arrays, rows go as one JSON text read by json_each,
// one parameter per statement, where a VALUES list of parameters cost Prisma's client and
// driver adapter their per-parameter work (the JSON form takes about 45% less CPU, storing
// the same values and types).
import { Prisma } from "../generated/sqlite/client.ts";
import type { Column, Tx } from "../dialect.ts";

/**
 * Most characters of JSON rows in one SQLite statement. Each statement's text is copied on
 * its way to SQLite (Prisma's parameters, the driver's UTF-8) and parsed there: a 5 MB
 * document's 130,000 mentions in one statement made the write's peak +231 MB, in
 * statements of 1 MiB +189 MB.
 */
const JSON_CHARS_PER_STATEMENT = 1024 * 1024;

/**
 * Rows as JSON arrays of at most JSON_CHARS_PER_STATEMENT characters, each value as
 * Prisma's SQLite adapter would bind it: a Date as ISO 8601 text with `+00:00`, a boolean
 * as 1 or 0 (JSON true/false, which `->>` reads so), a bigint as a number (the values
 * written here, band keys, are below 2^53). A row with a longer text (an article's body)
 * comes alone as its values, to be bound one parameter each: as JSON, a 5 MB body's row
 * alone made a peak of +140 MB (escaped, copied through Prisma, parsed by json_each), bound
 * +19 MB.
 */
function* rowChunks(rows: readonly unknown[][]): Generator<string | unknown[]> {
  let parts: string[] = [];
  let length = 0;
  for (const row of rows) {
    if (isLarge(row)) {
      if (parts.length) yield `[${parts.join(",")}]`;
      parts = [];
      length = 0;
      yield row;
      continue;
    }
    const json = JSON.stringify(row.map(jsonValue));
    if (parts.length && length + json.length > JSON_CHARS_PER_STATEMENT) {
      yield `[${parts.join(",")}]`;
      parts = [];
      length = 0;
    }
    parts.push(json);
    length += json.length + 1;
  }
  if (parts.length) yield `[${parts.join(",")}]`;
}

const isLarge = (row: readonly unknown[]) => row.some((v) => typeof v === "string" && v.length >= JSON_CHARS_PER_STATEMENT);

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`integer beyond JSON's exact range: ${value}`);
    return Number(value);
  }
  return value;
}

export async function insert<T>(tx: Tx, head: string, columns: readonly Column[], rows: unknown[][], tail: string, returning: boolean): Promise<T[]> {
  const run = async (sql: Prisma.Sql): Promise<T[]> => (returning ? tx.$queryRaw<T[]>(sql) : (await tx.$executeRaw(sql), []));
  // `WHERE true`: SQLite's parser needs it between a SELECT and an ON CONFLICT clause.
  const select = `SELECT ${columns.map((_, c) => `value ->> ${c}`).join(", ")} FROM json_each(`;
  const out: T[] = [];
  for (const chunk of rowChunks(rows)) {
    const sql = typeof chunk === "string" ? Prisma.sql`${Prisma.raw(head)} ${Prisma.raw(select)}${chunk}) WHERE true${Prisma.raw(tail)}` : Prisma.sql`${Prisma.raw(head)} VALUES (${Prisma.join(chunk.map(jsonValue))})${Prisma.raw(tail)}`;
    out.push(...(await run(sql)));
  }
  return out;
}

/** A VALUES list per 300 rows (its parameters far below SQLite's limit), its columns named. */
export async function update(tx: Tx, table: string, columns: readonly Column[], rows: unknown[][], set: string, where: Prisma.Sql): Promise<void> {
  const names = Prisma.raw(columns.map(([name], c) => `column${c + 1} AS ${name}`).join(", "));
  for (let i = 0; i < rows.length; i += 300) {
    const values = Prisma.join(rows.slice(i, i + 300).map((row) => Prisma.sql`(${Prisma.join(row)})`));
    await tx.$executeRaw`UPDATE ${Prisma.raw(table)} SET ${Prisma.raw(set)} FROM (SELECT ${names} FROM (VALUES ${values})) AS v WHERE ${where}`;
  }
}
