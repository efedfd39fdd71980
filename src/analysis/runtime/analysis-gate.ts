// How many bytes of documents one process analyses and stores at once: ten 5 MB documents
// sent together must not hold ten analyses and ten results in memory, which grows with the
// text. A weighted semaphore (async-mutex): each document weighs its size, so many small
// documents go on together while large ones take turns; a waiting one holds only its bytes.
import { Semaphore } from "async-mutex";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../../documents/read.ts";

/** Bytes of documents in analysis at once: one at the default MAX_DOCUMENT_BYTES, or many small ones. */
export const ANALYSIS_BYTES = DEFAULT_MAX_DOCUMENT_BYTES;

const gate = new Semaphore(ANALYSIS_BYTES);

/** Runs `work` (one document's analysis and write) once `bytes` fit in the budget; a larger document waits for all others. */
export function withinAnalysisBudget<T>(bytes: number, work: () => Promise<T>): Promise<T> {
  return gate.runExclusive(work, Math.min(Math.max(bytes, 1), ANALYSIS_BYTES));
}
