// One exit-code convention for every command: 0 the work is done, 1 the work failed,
// 2 a usage or setup error (unknown option, missing argument, invalid setting).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError } from "../config.ts";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line was wrong: reported with the command's usage, exit 2. */
export class UsageError extends Error {}

/** node:util's parseArgs, with its complaints (unknown option, missing value) as UsageError. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole-number option from `min` to `max` (default 1,000), or undefined when not given; else a UsageError. */
export function wholeNumberOption(value: string | undefined, name: string, min: number, max = 1000): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/**
 * Prints why a command stopped and exits: usage and setting errors with 2 (and the usage
 * text for the former), anything else with `failureCode`.
 */
export function exitWithError(command: string, usage: string, error: unknown, failureCode: number = EXIT_FAILED): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    console.error(`${command}: ${message}\n\n${usage}`);
    process.exit(EXIT_USAGE);
  }
  if (error instanceof ConfigError) {
    console.error(`${command}: ${message}`);
    process.exit(EXIT_USAGE);
  }
  console.error(`${command} failed: ${message}`);
  process.exit(failureCode);
}

/** Runs a command's main and exits with its code, or as exitWithError says. */
export function runCommand(command: string, usage: string, main: () => Promise<number> | number, failureCode: number = EXIT_FAILED): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => process.exit(code),
      (error: unknown) => exitWithError(command, usage, error, failureCode),
    );
}
