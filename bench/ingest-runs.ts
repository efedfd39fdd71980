// What `npm run bench:ingest` measures and `bench/report.ts` reports: one run of one
// configuration (bench/results/ingest.json holds a list of them).

export type Backend = "sqlite" | "postgresql";

export interface IngestConfig {
  backend: Backend;
  /** seed: one `npm run seed` process; queue: `seed --queue`, then `workers` worker processes. */
  mode: "seed" | "queue";
  /** Analysis threads per process. */
  threads: number;
  /** Processes loading at once (1 for seed). */
  workers: number;
}

export interface IngestRun extends IngestConfig {
  /** Files in the corpus: every one is loaded, skipped as a duplicate or failed. */
  articles: number;
  loaded: number;
  /** Recorded as copies of another article (near-duplicates). */
  copies?: number;
  duplicates: number;
  failed: number;
  /** Wall time of the whole run, from the first process started to the last one ended. */
  seconds: number;
  /** Of `seconds`, the enqueueing (queue mode). */
  enqueueSeconds?: number;
  articlesPerSecond: number;
  peakRssMb: number;
  /** Peak RSS by tenth of the run's duration: flat means memory does not grow with the corpus. */
  rssByTenthMb: number[];
}

/** How a configuration is named in the output and the report. */
export function configLabel(c: IngestConfig): string {
  return c.mode === "seed" ? `${c.backend} seed, ${c.threads} thread${c.threads === 1 ? "" : "s"}` : `${c.backend} queue, ${c.workers} worker${c.workers === 1 ? "" : "s"}`;
}
