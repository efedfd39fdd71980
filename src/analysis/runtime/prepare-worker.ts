// Worker-thread entry of the analysis pool (./pool.ts): its default export prepares one
// document a task, `hash` hashes one (AnalysisPool.hash). After a large document the thread
// collects its garbage (./collect-garbage.ts), before the main thread stores the result.
import { hashDocument, prepareDocument, type HashTask, type PrepareTask } from "./prepare.ts";
import { collectAfter } from "./collect-garbage.ts";

/** The document's size where the task holds its bytes (ingestArticle); a file read here is not measured (the seed's files are news-sized). */
const sizeOf = (task: PrepareTask | HashTask) => ("bytes" in task ? task.bytes.length : 0);

export default async function prepare(task: PrepareTask) {
  try {
    return await prepareDocument(task);
  } finally {
    collectAfter(sizeOf(task));
  }
}

export function hash(task: HashTask) {
  try {
    return hashDocument(task);
  } finally {
    collectAfter(sizeOf(task));
  }
}
