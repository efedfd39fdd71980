// One way to read a script's command line (scripts/, scripts/ner/, bench/): node:util's
// parseArgs through the commands' parseCommandLine, `-h/--help` printing the usage, and a
// usage error (unknown option, missing or bad value) printed with the usage, exit 2.
import { basename } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { exitWithError, parseCommandLine, UsageError } from "../src/cli/exit.ts";

/** Where the shared data sets are read from (never copied into the repository). */
export const DATA = process.env.NER_DATA_DIR ?? "/work/shared/data";

type Options = NonNullable<ParseArgsConfig["options"]>;
const HELP = { help: { type: "boolean", short: "h" } } as const;

export interface ScriptArgs<O extends Options, P extends boolean> {
  values: ReturnType<typeof parseCommandLine<{ options: O & typeof HELP; allowPositionals: P }>>["values"];
  positionals: string[];
  /** A whole number from `min` to `max`, or exit 2 naming the option. */
  number(value: string, name: string, min: number, max: number): number;
}

/** The command name in a usage text (`Usage: npm run ner:eval -- ...` names ner:eval), else the script's file. */
function commandOf(usage: string): string {
  return /npm run ([\w:.-]+)/.exec(usage)?.[1] ?? basename(process.argv[1] ?? "script", ".ts");
}

/** Parses process.argv for a script with `usage` as its --help; exits on --help (0) or a usage error (2). */
export function scriptArgs<O extends Options, P extends boolean = false>(usage: string, options: O, allowPositionals?: P): ScriptArgs<O, P> {
  const command = commandOf(usage);
  const fail = (message: string): never => exitWithError(command, usage, new UsageError(message));
  let parsed: { values: ScriptArgs<O, P>["values"]; positionals: string[] };
  try {
    parsed = parseCommandLine({ options: { ...options, ...HELP }, allowPositionals: (allowPositionals ?? false) as P });
  } catch (error) {
    return exitWithError(command, usage, error);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    number(value, name, min, max) {
      const n = Number(value);
      return Number.isInteger(n) && n >= min && n <= max ? n : fail(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    },
  };
}
