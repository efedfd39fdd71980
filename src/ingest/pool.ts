// Document analysis on worker threads, one per core by default: parsing and extraction
// are CPU-bound, and on the main thread they would leave a core idle and stall the
// writes (and, in the server, every request). Piscina keeps the threads and the queue.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Prepared } from "./prepare.ts";
import prepareHere, { type PrepareTask } from "./prepare-worker.ts";
import { analysisBundle } from "./thread-bundle.ts";

export interface AnalysisPool {
  /** Reads (or takes), parses and analyses one document; bad input is a failure, not a throw. */
  prepare(task: PrepareTask): Promise<Prepared>;
  readonly threads: number;
  close(): Promise<void>;
}

/** Worker threads when the caller does not say: one per core. */
export const defaultThreads = () => availableParallelism();

/** `threads` 0 analyses on the calling thread (small loads, where starting threads costs more). */
export function createAnalysisPool(threads = defaultThreads()): AnalysisPool {
  if (threads === 0) return { threads, prepare: prepareHere, close: async () => {} };
  const piscina = analysisBundle().then(
    (filename) =>
      new Piscina<PrepareTask, Prepared>({
        filename,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: Number.POSITIVE_INFINITY,
        // The bundle is plain JavaScript: the threads need none of tsx (thread-bundle.ts).
        execArgv: withoutTsx(process.execArgv),
        // Each thread holds a few tasks: handing it the next one needs the main thread, which
        // may be busy writing a batch (better-sqlite3 is synchronous), and must not starve it.
        concurrentTasksPerWorker: 16,
      }),
  );
  piscina.catch(() => {}); // a failed build surfaces in prepare() and close()
  return { threads, prepare: async (task) => (await piscina).run(task), close: async () => (await piscina).destroy() };
}

/** Node's flags without `--import tsx` (how package.json runs every command). */
export function withoutTsx(execArgv: readonly string[]): string[] {
  return execArgv.filter((arg, i) => arg !== "--import=tsx" && !(arg === "--import" && execArgv[i + 1] === "tsx") && !(arg === "tsx" && execArgv[i - 1] === "--import"));
}

/** Runs a small document through every thread, so that none loads the model inside a request. */
export async function warmUp(pool: AnalysisPool): Promise<void> {
  const bytes = new TextEncoder().encode("Warm-up\n\nAnna Berg said the model was loaded.");
  await Promise.all(Array.from({ length: Math.max(pool.threads, 1) }, () => pool.prepare({ bytes, name: "warm-up", maxDocumentBytes: bytes.length })));
}
