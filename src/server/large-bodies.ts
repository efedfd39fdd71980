// Large request bodies the server holds at once. An ingestArticle document costs the main
// thread its body (the bytes read, the JSON text, the parsed string, the bytes handed to the
// analysis) from its first byte until it is stored, and its analysis and write take turns
// with the others' (src/ingest/analysis-gate.ts): ten 5 MB documents sent together were ten
// bodies held while one was analysed. Past the budget a large body is refused before a byte
// of it is read, with 503 and Retry-After: the client learns at once, truthfully, that
// nothing was done and when to try again. Smaller bodies (every query) never wait.

/** Bodies declaring at least this many bytes take from the budget (at most a quarter of MAX_BODY_BYTES, for small ones). */
export const LARGE_BODY_BYTES = 256 * 1024;

/**
 * A byte budget of large bodies: half the largest body, which has room for one largest
 * document (config.ts bodyBytesFor), so that such documents are held one at a time. With
 * two (one analysed and stored, the next read, parsed and hashed meanwhile), ten 5 MB
 * documents sent together peaked higher than one alone. `take` answers at once, it never queues.
 */
export class BodyBudget {
  private held = 0;
  readonly bytes: number;

  constructor(private readonly maxBodyBytes: number) {
    this.bytes = Math.ceil(maxBodyBytes / 2);
  }

  /** Whether a body of `bytes` counts. */
  counts(bytes: number): boolean {
    return bytes >= Math.min(LARGE_BODY_BYTES, this.maxBodyBytes / 4);
  }

  /** Its release (idempotent) when `bytes` fit, else undefined; a body larger than the whole budget fits when nothing else is held. */
  take(bytes: number): (() => void) | undefined {
    if (this.held > 0 && this.held + bytes > this.bytes) return undefined;
    this.held += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= bytes;
    };
  }
}

/** A request's place in the budget: released when its response closes, unless an ingest keeps it until it is stored. */
export class HeldBody {
  private keepers = 0;

  constructor(private readonly release: () => void) {}

  /** Keeps the place past the response; the returned function (idempotent) gives this keeper's hold back. */
  keep(): () => void {
    this.keepers++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.keepers === 0) this.release();
    };
  }

  /** The response closed: the place goes back unless kept. */
  closed(): void {
    if (this.keepers === 0) this.release();
  }
}
