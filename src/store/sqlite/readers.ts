// SQLite reads on worker threads. better-sqlite3 is synchronous: a statement on the main
// thread stops every other request (and /healthz) until it returns. The API's client
// (DbHandle.db) instead sends each statement to a pool of reader threads, each with its
// own read-only connection; in WAL mode they read the last committed state while the
// writer (on the main thread, where the loader and the mutations use it) writes.
// A Prisma driver adapter whose queryRaw posts the statement to a Piscina thread.
import { Piscina } from "piscina";
import { DriverAdapterError, type SqlDriverAdapter, type SqlDriverAdapterFactory, type SqlQuery, type SqlResultSet } from "@prisma/driver-adapter-utils";

type Answer = { result: SqlResultSet; adapterError?: undefined } | { result?: undefined; adapterError: ConstructorParameters<typeof DriverAdapterError>[0] };

const ADAPTER_NAME = "@prisma/adapter-better-sqlite3";

export function sqliteReaders(file: string, threads: number, busyTimeoutMs: number): SqlDriverAdapterFactory {
  const connect = async (): Promise<SqlDriverAdapter> => {
    const pool = new Piscina<SqlQuery, Answer>({
      filename: new URL("./reader-thread.mjs", import.meta.url).href,
      workerData: { file, timeout: busyTimeoutMs },
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // The thread is plain JavaScript: no loader flags are needed.
      execArgv: [],
      // One statement per thread at a time: a thread runs it synchronously anyway.
      concurrentTasksPerWorker: 1,
    });
    const queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
      const answer = await pool.run({ sql: query.sql, args: query.args, argTypes: query.argTypes });
      if (answer.adapterError) throw new DriverAdapterError(answer.adapterError);
      return answer.result!;
    };
    const readOnly = (what: string): never => {
      throw new Error(`the SQLite reader threads are read-only (${what}); write through DbHandle.writer`);
    };
    return {
      provider: "sqlite",
      adapterName: ADAPTER_NAME,
      queryRaw,
      executeRaw: async () => readOnly("executeRaw"),
      executeScript: async () => readOnly("executeScript"),
      startTransaction: async () => readOnly("transaction"),
      dispose: () => pool.destroy(),
    };
  };
  return { provider: "sqlite", adapterName: ADAPTER_NAME, connect };
}
