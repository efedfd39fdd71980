// Worker-thread entry of the analysis pool (./pool.ts): its default export prepares one
// document a task, `hash` hashes one (AnalysisPool.hash). After a large document the thread
// collects its garbage (./collect-garbage.ts) once the result has left it.
import { hashDocument, prepareDocument, type HashTask, type PrepareTask, type PreparedOnThread } from "./prepare.ts";
import { collectAfter, collectSoon } from "./collect-garbage.ts";
import { packAnalysis } from "./packed.ts";

/** The document's size where the task holds its bytes (ingestArticle); a file read here is not measured (the seed's files are news-sized). */
const sizeOf = (task: PrepareTask | HashTask) => ("bytes" in task ? task.bytes.length : 0);

export default async function prepare(task: PrepareTask): Promise<PreparedOnThread> {
  try {
    const prepared = await prepareDocument(task);
    return prepared.ok ? { ...prepared, analysis: packAnalysis(prepared.analysis, prepared.record.body) } : prepared;
  } finally {
    // After the result has been sent (a pool `forLargeDocuments` waits for tasks without
    // blocking its event loop): collected here, the result and the text it slices would survive.
    collectSoon(sizeOf(task));
  }
}

export function hash(task: HashTask) {
  try {
    return hashDocument(task);
  } finally {
    collectAfter(sizeOf(task));
  }
}
