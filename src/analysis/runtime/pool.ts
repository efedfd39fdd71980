// Document analysis on worker threads, one per core by default: parsing and extraction
// are CPU-bound, and on the main thread they would leave a core idle and stall the
// writes (and, in the server, every request). Piscina keeps the threads and the queue.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { hashDocument, prepareDocument, type Hashed, type HashTask, type Prepared, type PreparedOnThread, type PrepareTask } from "./prepare.ts";
import { unpackAnalysis } from "./packed.ts";

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

/** Each analysis thread's old-generation heap limit, in MB: over 6 times what a news article's analysis needs. */
export const ANALYSIS_HEAP_MB = 256;

/**
 * Heap limits, in MB, for a pool that analyses large documents (the server's, for
 * ingestArticle; createAnalysisPool's `forLargeDocuments`), and for the hashing thread. V8
 * lets garbage pile up to a thread's limits before collecting it: one 5 MB document's
 * analysis, alone in a process, peaked at +162 MB with ANALYSIS_HEAP_MB, +89 MB with these
 * (it holds about 50 MB). They cost a news article's analysis more collections (the seed's
 * CPU time rose about 14%), so the seed, the loader and the queue worker keep ANALYSIS_HEAP_MB.
 */
export const LARGE_DOCUMENT_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** Worker threads when the caller does not say: one per core. */
export const defaultThreads = () => availableParallelism();

const unpack = (prepared: PreparedOnThread): Prepared => (prepared.ok ? { ...prepared, analysis: unpackAnalysis(prepared.analysis, prepared.record.body) } : prepared);

/**
 * `threads` 0 analyses on the calling thread (small loads, where starting threads costs
 * more). `forLargeDocuments` (the server): the threads have LARGE_DOCUMENT_HEAP, and wait
 * for tasks without blocking their event loop, so that the collection a large document's
 * task schedules (./prepare-worker.ts) runs once its result has been sent.
 */
export function createAnalysisPool(threads = defaultThreads(), { forLargeDocuments = false } = {}): AnalysisPool {
  if (threads === 0) return { threads, prepare: prepareDocument, hash: async (task) => hashDocument(task), close: async () => {} };
  const piscina = new Piscina<PrepareTask, PreparedOnThread>({
    filename: THREAD_ENTRY,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Each thread holds a few tasks: handing it the next one needs the main thread, which
    // may be busy writing a batch (better-sqlite3 is synchronous), and must not starve it.
    concurrentTasksPerWorker: 16,
    ...(forLargeDocuments ? { resourceLimits: LARGE_DOCUMENT_HEAP, atomics: "async" as const } : { resourceLimits: { maxOldGenerationSizeMb: ANALYSIS_HEAP_MB } }),
  });
  // Started on first use: the loader never hashes apart from preparing.
  let hasher: Piscina<HashTask, Hashed> | undefined;
  const hash = (task: HashTask) => {
    hasher ??= new Piscina<HashTask, Hashed>({ filename: THREAD_ENTRY, minThreads: 1, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY, resourceLimits: LARGE_DOCUMENT_HEAP });
    return hasher.run(task, { name: "hash" });
  };
  return {
    threads,
    prepare: async (task) => unpack(await piscina.run(task)),
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
