// Worker-thread entry of the analysis pool (./pool.ts): its default export prepares one
// document a task, `hash` hashes one (AnalysisPool.hash). After a large document the thread
// collects its garbage (./collect-garbage.ts), before the main thread stores the result.
import { hashDocument, prepareDocument, type HashTask, type PrepareTask } from "./prepare.ts";
import { collectGarbage, LARGE_DOCUMENT_BYTES } from "./collect-garbage.ts";

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
