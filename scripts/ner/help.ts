// `--help` for the NER scripts: prints the usage lines at the top of the script file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Exits 0 with the script's leading comment when asked for help. */
export function helpFromHeader(scriptUrl: string): void {
  if (!process.argv.includes("--help") && !process.argv.includes("-h")) return;
  const lines = readFileSync(fileURLToPath(scriptUrl), "utf8").split("\n");
  const header = lines.slice(0, lines.findIndex((l) => !l.startsWith("//"))).map((l) => l.replace(/^\/\/ ?/, ""));
  console.log(`Usage: ${header.join("\n")}`);
  process.exit(0);
}
