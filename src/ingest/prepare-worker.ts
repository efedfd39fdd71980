// Worker-thread entry of the analysis pool (src/ingest/pool.ts): one document a task.
import { tryReadArticle, type Prepared } from "./prepare.ts";

export interface PrepareTask {
  file: string;
  name: string;
  maxDocumentBytes: number;
}

export default function prepare(task: PrepareTask): Promise<Prepared> {
  return tryReadArticle(task.file, task.name, task.maxDocumentBytes);
}
