// Document analysis on worker threads, one per core by default: parsing and extraction
// are CPU-bound, and on the main thread they would leave a core idle and stall the
// writes (and, in the server, every request). Piscina keeps the threads and the queue.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { hashDocument, prepareDocument, type Hashed, type HashTask, type Prepared, type PrepareTask } from "./prepare.ts";

/**
 * The threads' entry beside this module: dist/analysis/runtime/prepare-worker.js in the built
 * product (plain JavaScript, `npm run build`), the TypeScript source under tsx in
 * development and the tests, where the threads inherit this process's `--import tsx`.
 */
const THREAD_ENTRY = new URL(`./prepare-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url).href;

export interface AnalysisPool {
  /** Reads (or takes), parses and analyses one document; bad input is a failure, not a throw. */
  prepare(task: PrepareTask): Promise<Prepared>;
  /**
   * A document's content hash (parsed as `prepare` parses it) on a thread of its own, not
   * behind the analyses: ingestArticle needs it at once, and a 5 MB document's decoding,
   * parsing and hashing on the main thread would stall every other request (ten at once:
   * seconds).
   */
  hash(task: HashTask): Promise<Hashed>;
  readonly threads: number;
  close(): Promise<void>;
}

/** Each analysis thread's old-generation heap limit, in MB: over 6 times what the largest document needs. */
export const ANALYSIS_HEAP_MB = 256;

/** Worker threads when the caller does not say: one per core. */
export const defaultThreads = () => availableParallelism();

/** `threads` 0 analyses on the calling thread (small loads, where starting threads costs more). */
export function createAnalysisPool(threads = defaultThreads()): AnalysisPool {
  if (threads === 0) return { threads, prepare: prepareDocument, hash: async (task) => hashDocument(task), close: async () => {} };
  const piscina = new Piscina<PrepareTask, Prepared>({
    filename: THREAD_ENTRY,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Each thread holds a few tasks: handing it the next one needs the main thread, which
    // may be busy writing a batch (better-sqlite3 is synchronous), and must not starve it.
    concurrentTasksPerWorker: 16,
    // What a thread keeps is small (the model's weights are outside the JS heap; one 5 MB
    // document's analysis holds about 40 MB), but left to its default limit V8 lets the
    // garbage of a long analysis pile up to several hundred MB before collecting it. With a
    // limit it collects sooner: one 5 MB document, +100 MB instead of +218 MB.
    resourceLimits: { maxOldGenerationSizeMb: ANALYSIS_HEAP_MB },
  });
  // Started on first use: the loader never hashes apart from preparing.
  let hasher: Piscina<HashTask, Hashed> | undefined;
  const hash = (task: HashTask) => {
    hasher ??= new Piscina<HashTask, Hashed>({ filename: THREAD_ENTRY, minThreads: 1, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY, resourceLimits: { maxOldGenerationSizeMb: ANALYSIS_HEAP_MB } });
    return hasher.run(task, { name: "hash" });
  };
  return {
    threads,
    prepare: (task) => piscina.run(task),
    hash,
    close: async () => {
      await Promise.all([piscina.destroy(), hasher?.destroy()]);
    },
  };
}

/**
 * Runs a small document through every analysis thread, so that none starts or loads the
 * model inside a request or a job; with `hashing` (the server's ingestArticle) the hashing
 * thread too, which a loader never uses and need not start.
 */
export async function warmUp(pool: AnalysisPool, { hashing = false }: { hashing?: boolean } = {}): Promise<void> {
  const bytes = new TextEncoder().encode("Warm-up\n\nAnna Berg said the model was loaded.");
  const task = { bytes, name: "warm-up", maxDocumentBytes: bytes.length };
  await Promise.all([...Array.from({ length: Math.max(pool.threads, 1) }, () => pool.prepare(task)), ...(hashing ? [pool.hash(task)] : [])]);
}
