// Worker-thread entry of the analysis pool (./pool.ts): its default export prepares one
// document a task, `hash` hashes one (AnalysisPool.hash).
import { hashDocument, prepareDocument } from "./prepare.ts";

export default prepareDocument;
export const hash = hashDocument;
