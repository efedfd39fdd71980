// Structured logs (pino), quiet by default: warnings and errors only unless LOG_LEVEL says otherwise.
import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "warn",
  base: { service: "newsgraph" },
  // Request bodies never reach the logs; errors keep their stack for operators.
  redact: { paths: ["req.body", "body", "headers.authorization"], remove: true },
});

export type Logger = typeof logger;
