// A progress bar with rate and time left on a terminal; nothing when output is piped.
import cliProgress from "cli-progress";
import type { LoadEvents } from "../ingest/load.ts";

export function progressEvents(enabled = process.stderr.isTTY === true): LoadEvents & { stop(): void } {
  if (!enabled) {
    return { onFailure: ({ file, reason }) => console.error(`failed: ${file}: ${reason}`), stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: "loading [{bar}] {value}/{total} files | {rate} files/s | eta {eta_formatted}", etaBuffer: 50, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  const rate = () => (done / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1);
  return {
    onStart: (total) => bar.start(total, 0, { rate: "0.0" }),
    onFile: () => {
      done++;
      bar.increment(1, { rate: rate() });
    },
    // Failures print above the bar so it keeps its line.
    onFailure: ({ file, reason }) => {
      process.stderr.write("\r\x1b[K");
      console.error(`failed: ${file}: ${reason}`);
    },
    stop: () => bar.stop(),
  };
}
