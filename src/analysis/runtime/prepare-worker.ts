// Worker-thread entry of the analysis pool (src/analysis/runtime/pool.ts): one document a task,
// named by its file (the loader) or given as bytes (the ingestArticle mutation).
import { hashBytes, prepareBytes, tryReadArticle, type Hashed, type Prepared, type ReadAs } from "./prepare.ts";

export type PrepareTask = { name: string; maxDocumentBytes: number } & ReadAs & ({ file: string } | { bytes: Uint8Array });

export default function prepare(task: PrepareTask): Promise<Prepared> {
  const as: ReadAs = { format: task.format, meta: task.meta, fallback: task.fallback, pageUrl: task.pageUrl };
  return "file" in task ? tryReadArticle(task.file, task.name, task.maxDocumentBytes, as) : Promise.resolve(prepareBytes(task.bytes, task.name, task.maxDocumentBytes, as));
}

export type HashTask = { name: string; maxDocumentBytes: number; bytes: Uint8Array } & ReadAs;

/** The `hash` task (AnalysisPool.hash): a document's content hash, read as `prepare` reads it. */
export function hash(task: HashTask): Hashed {
  return hashBytes(task.bytes, task.name, task.maxDocumentBytes, { format: task.format, meta: task.meta, fallback: task.fallback, pageUrl: task.pageUrl });
}
