// One reader thread of src/store/sqlite/readers.ts: a read-only better-sqlite3 connection
// (through Prisma's own adapter, so results are shaped exactly as on the main thread)
// that runs the statements Prisma sends it. Plain JavaScript: threads start without tsx.
import { workerData } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

const { file, timeout } = workerData;
const connection = new PrismaBetterSqlite3({ url: file, timeout, readonly: true }).connect();

/** @param {{ sql: string, args: unknown[], argTypes: unknown[] }} query */
export default async function read(query) {
  try {
    return { result: await (await connection).queryRaw(query) };
  } catch (error) {
    // A DriverAdapterError's cause is a plain object Prisma maps to its own error; the
    // class does not cross threads, so the main thread rebuilds it from the cause.
    if (error && typeof error === "object" && error.name === "DriverAdapterError") return { adapterError: error.cause };
    throw error;
  }
}
