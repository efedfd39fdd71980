// A full garbage collection on the calling thread, after a large document: its analysis
// (on an analysis thread) or its write (on the main thread) leaves a heap full of garbage
// that V8 collects only when the thread allocates again, so an idle thread kept it while
// another worked on the next step, and the peaks added up. V8 lends `gc` to a new context
// once the flag is set, as Jest's leak detector does.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Documents of at least this many bytes are followed by a full collection (about 100 ms at 5 MB). */
export const LARGE_DOCUMENT_BYTES = 1024 * 1024;

let gc: (() => void) | undefined;

/** A full collection if the document just handled had `bytes` bytes or more (LARGE_DOCUMENT_BYTES). */
export function collectAfter(bytes: number): void {
  if (bytes < LARGE_DOCUMENT_BYTES) return;
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

/** collectAfter once the current task's result has left the thread (the next turn of its event loop); nothing scheduled for a smaller document. */
export function collectSoon(bytes: number): void {
  if (bytes >= LARGE_DOCUMENT_BYTES) setImmediate(collectAfter, bytes);
}
