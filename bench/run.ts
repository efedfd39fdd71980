// npm run bench: runs the benchmarks one after the other (each alone on the machine) and
// writes bench/REPORT.md from their results (bench/results/*.json): extraction against
// compromise, ingest on SQLite and PostgreSQL with 1 and 2 threads and peak memory up to
// about 30,000 articles, the GraphQL mix against PostGraphile, and the same operations as
// the corpus grows (x1, x10, x100).
// `npm run bench -- --report-only` rewrites the report from the last results.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { scriptArgs } from "../scripts/args.ts";
import { renderReport, type Results } from "./report.ts";

const USAGE = `Usage: npm run bench [-- --report-only] [--skip ner,ingest,graphql,scale]

Runs bench:ner, bench:ingest, bench:graphql and bench:scale (each writes
bench/results/<name>.json), then writes bench/REPORT.md with the machine they ran on.
Takes about 20 minutes, and bench:scale about an hour more the first time (it generates
the x10 and x100 corpora, which later runs reuse).

Exit codes: 0 done, 1 a benchmark failed, 2 usage error.`;

const STEPS: { name: keyof Results; command: string[] }[] = [
  { name: "ner", command: ["run", "-s", "bench:ner", "--", "--json", "bench/results/ner.json"] },
  { name: "ingest", command: ["run", "-s", "bench:ingest", "--", "--out", "bench/results/ingest.json"] },
  { name: "graphql", command: ["run", "-s", "bench:graphql", "--", "--out", "bench/results/graphql.json"] },
  { name: "scale", command: ["run", "-s", "bench:scale", "--", "--out", "bench/results/scale.json"] },
];

function main(): number {
  const { values } = scriptArgs(USAGE, { "report-only": { type: "boolean" }, skip: { type: "string", default: "" } });
  const skip = new Set(values.skip.split(",").filter(Boolean));
  if (!values["report-only"]) {
    for (const step of STEPS) {
      if (skip.has(step.name)) continue;
      console.log(`\n== ${step.name}`);
      const run = spawnSync("npm", step.command, { stdio: "inherit" });
      if (run.status !== 0) {
        console.error(`bench:${step.name} failed (exit ${run.status}); the report keeps its last results`);
        return 1;
      }
    }
  }
  const results: Results = {};
  for (const step of STEPS) {
    try {
      results[step.name] = JSON.parse(readFileSync(`bench/results/${step.name}.json`, "utf8"));
    } catch {
      // Not run yet: the report says so.
    }
  }
  writeFileSync("bench/REPORT.md", renderReport(results));
  console.log("wrote bench/REPORT.md");
  return 0;
}

process.exitCode = main();
