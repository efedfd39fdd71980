// The entry of each analysis thread (src/ingest/pool.ts), in JavaScript because of how it
// loads. Piscina loads an entry with require(), and on Node 20 tsx hooks ES modules on the
// main thread only: a TypeScript entry runs as tsx's CommonJS translation, where every call
// into another module goes through an export getter, 25-30% slower than the same analysis
// on the main thread. This file is an ES module; it registers tsx's hooks for its own
// imports (a namespace, so they never stack on hooks the thread may already have) and
// loads the analysis as ES modules.
import { register } from "tsx/esm/api";

const tsx = register({ namespace: "analysis-thread" });
const analysis = tsx.import("./prepare-worker.ts", import.meta.url);

/** @param {import("./prepare-worker.ts").PrepareTask} task */
export default async function prepare(task) {
  return (await analysis).default(task);
}
