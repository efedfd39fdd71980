// Worker-thread entry of the analysis pool (./pool.ts): its default export prepares one
// document a task, `hash` hashes one (AnalysisPool.hash).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { hashDocument, prepareDocument, type HashTask, type PrepareTask } from "./prepare.ts";

/**
 * A large document's analysis leaves the thread's heap full of garbage (a 5 MB document:
 * up to ANALYSIS_HEAP_MB), which V8 collects only when the thread allocates again: an idle
 * thread kept it while the main thread stored the result, and the two peaks added up. So
 * a thread collects after each large document (about 100 ms at 5 MB). V8 lends `gc` to a
 * new context once the flag is set, as Jest's leak detector does.
 */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Documents of at least this many bytes are followed by a full collection. */
const LARGE_DOCUMENT_BYTES = 1024 * 1024;

const isLarge = (task: PrepareTask | HashTask) => "bytes" in task && task.bytes.length >= LARGE_DOCUMENT_BYTES;

export default async function prepare(task: PrepareTask) {
  try {
    return await prepareDocument(task);
  } finally {
    if (isLarge(task)) collectGarbage();
  }
}

export function hash(task: HashTask) {
  try {
    return hashDocument(task);
  } finally {
    if (isLarge(task)) collectGarbage();
  }
}
