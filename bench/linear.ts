// npm run bench:linear: parse + extract + resolve take linear time. For several text
// shapes (made up here), the time for 10x the input must be at most 12x the time for 1x;
// prints the ratios and exits 1 when any is over.
import { scriptArgs } from "../scripts/args.ts";
import { PerformanceObserver } from "node:perf_hooks";
import { setImmediate as tick } from "node:timers/promises";
import { decodeDocument, parseDocument } from "../src/documents/parse.ts";
import { analyseArticle } from "../src/analysis/runtime/analyse.ts";

const USAGE = `Usage: npm run bench:linear [-- --size BYTES] [--runs N]

Times (CPU time) decode + parse + extract + resolve on made-up documents of BYTES (default 200000)
and of 10 x BYTES, for several shapes of text, best of N runs (4N for the small one, interleaved; default 5). Exit codes:
0 every ratio is at most 12, 1 one is over, 2 usage error.`;

const MAX_RATIO = 12;

const SHAPES: Record<string, (bytes: number) => string> = {
  /** Ordinary paragraphs with names, places and quotes. */
  paragraphs: (n) => fill(n, (i) => `Maria Lopez met John Carter in Berlin on day ${i}, officials of the United Nations said. “We agreed on the plan,” Lopez said after the meeting with Anna Schmidt.\n\n`),
  /** The same without line breaks: one enormous paragraph and line. */
  oneLine: (n) => fill(n, (i) => `David Chen flew from Tokyo to Cairo on flight ${i}, the airline said; “it was late,” Chen told reporters. `),
  /** An opening quote that never closes, and quote marks everywhere. */
  unbalancedQuotes: (n) => "“" + fill(n, (i) => `Laura Rossi said “ she would ' return to Madrid ${i} “ and ‘ never ” leave " Paris. `),
  /** 2,000-character lines of capitalized words (long runs of name candidates). */
  longCapitalizedLines: (n) => fill(n, (i) => `${"Alpha Beta Gamma Delta Epsilon ".repeat(64)}Number ${i}\n`),
};

function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

/** Run with --expose-gc (the npm script does): each timing starts with a clean heap, not the last run's garbage. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * CPU time (user + system, all of the process's threads, GC helpers included) of one
 * run, in ms: on a shared machine, wall time mostly measures the other processes.
 */
interface Timing {
  cpuMs: number;
  /** Main-thread garbage collection pauses during the run. */
  gcMs: number;
}

let gcPauses = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses += entry.duration;
}).observe({ entryTypes: ["gc"] });

async function timeOnce(document: Uint8Array): Promise<Timing> {
  collect();
  await tick(); // delivers the pauses of the collection above before counting
  gcPauses = 0;
  const started = process.cpuUsage();
  const doc = parseDocument(decodeDocument(document, "bench.txt"), "bench.txt");
  analyseArticle(doc.body);
  const used = process.cpuUsage(started);
  await tick();
  return { cpuMs: (used.user + used.system) / 1000, gcMs: gcPauses };
}

/** Best times of the small and the large document, their runs interleaved so that both meet the same load. */
async function bestPair(small: Uint8Array, large: Uint8Array, runs: number): Promise<[Timing, Timing]> {
  let bestSmall: Timing = { cpuMs: Infinity, gcMs: 0 };
  let bestLarge: Timing = { cpuMs: Infinity, gcMs: 0 };
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < 4; j++) {
      const t = await timeOnce(small);
      if (t.cpuMs < bestSmall.cpuMs) bestSmall = t;
    }
    const t = await timeOnce(large);
    if (t.cpuMs < bestLarge.cpuMs) bestLarge = t;
  }
  return [bestSmall, bestLarge];
}

async function main(): Promise<number> {
  const { values } = scriptArgs(USAGE, { size: { type: "string" }, runs: { type: "string" } });
  const size = Number(values.size ?? 200_000);
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(size) || size < 1000 || !Number.isInteger(runs) || runs < 1) {
    console.error(`bench:linear: --size must be an integer >= 1000 and --runs >= 1\n\n${USAGE}`);
    return 2;
  }
  const encode = (body: string) => new TextEncoder().encode(`A made-up title\n\n${body}`);
  // Warm up the JIT and the lexicons on a small document first.
  for (const make of Object.values(SHAPES)) await timeOnce(encode(make(20_000)));
  let failed = false;
  console.log(`CPU time, best of ${runs * 4} and ${runs} runs`);
  console.log(`shape                    ${String(size).padStart(9)} B   ${String(size * 10).padStart(9)} B   ratio (max ${MAX_RATIO})   of which GC pauses: 1x  10x`);
  for (const [name, make] of Object.entries(SHAPES)) {
    // The machine is shared: the best of several runs is the closest to the work itself;
    // the small document is cheap, so it gets more runs.
    const [t1, t10] = await bestPair(encode(make(size)), encode(make(size * 10)), runs);
    const [small, large] = [t1.cpuMs, t10.cpuMs];
    const ratio = large / small;
    const over = ratio > MAX_RATIO;
    failed ||= over;
    console.log(`${name.padEnd(24)} ${small.toFixed(0).padStart(8)} ms  ${large.toFixed(0).padStart(9)} ms   ${ratio.toFixed(2).padStart(5)}${over ? " OVER" : "     "}               ${t1.gcMs.toFixed(0).padStart(4)} ${t10.gcMs.toFixed(0).padStart(4)} ms`);
  }
  console.log(failed ? `FAIL: 10x the input took more than ${MAX_RATIO}x the time` : `ok: 10x the input takes at most ${MAX_RATIO}x the time`);
  return failed ? 1 : 0;
}

process.exit(await main());
