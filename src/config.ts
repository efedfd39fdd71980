// Every setting the server reads from the environment, validated once at start.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./store/database-url.ts";

const Env = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.string().default("development"),
  SEED_DIR: z.string().default("seeds"),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
});

export type Config = z.infer<typeof Env> & { production: boolean };

/** A setting in the environment is invalid: a setup error (commands exit 2), not a failure of their work. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid environment: ${problems}`);
  }
  return { ...parsed.data, production: parsed.data.NODE_ENV === "production" };
}
