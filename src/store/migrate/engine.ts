// Prisma's schema engine (the one behind `prisma migrate`), compiled to WASM.
//
// Prisma's CLI runs a native schema engine binary that it downloads from Prisma's
// host; the WASM build in @prisma/schema-engine-wasm does the same work through a
// driver adapter and needs no download. Its package entry `import`s the .wasm file,
// which Node 20 cannot do, so the wasm-bindgen glue is instantiated by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type { ManagedAdapterFactory } from "./adapters.ts";

export type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
export * from "./adapters.ts";

let loading: Promise<typeof glue> | undefined;

/** Instantiates the WASM module once per process, on first use (it is 5 MB). */
export function loadSchemaEngine(): Promise<typeof glue> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    // The module imports its JS helpers from the glue under this specifier.
    const { instance } = await wasmApi().instantiate(bytes, { "./schema_engine_bg.js": withTrackedTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * The engine arms timers (e.g. a 10 s limit on taking PostgreSQL's migration
 * lock) through the glue's `setTimeout` import and never clears them: the glue
 * has no `clearTimeout`. Each would keep Node alive after the work is done, so
 * they are tracked and cleared once no engine session is open any more.
 */
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openSessions = 0;

function withTrackedTimers(module: typeof glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...module };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  return imports;
}

function sessionClosed(): void {
  openSessions -= 1;
  if (openSessions > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

/** The slice of the WebAssembly global we use: lib ES2023 and @types/node 20 do not declare it. */
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

function wasmApi(): WasmApi {
  return (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
}

export interface OpenEngineOptions {
  /** Content of the Prisma schema the engine is about (its datasource decides the connector). */
  schema: string;
  /** Where the engine's connections go; closed by `EngineSession.close()`. */
  factory: ManagedAdapterFactory;
  /** Receives the engine's JSON log lines; they are dropped by default. */
  onLog?: (line: string) => void;
}

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. Idempotent. */
  close(): Promise<void>;
  /** `error` as thrown by the engine, rewritten into a readable message. */
  explain(error: unknown): Error;
}

/** Starts an engine on `factory`; the engine connects to the main database right away. */
export async function openEngine(opts: OpenEngineOptions): Promise<EngineSession> {
  const { SchemaEngine } = await loadSchemaEngine();
  const bound = bindMigrationAwareSqlAdapterFactory(opts.factory);
  const onLog = opts.onLog ?? (() => {});
  let engine: SchemaEngine;
  openSessions += 1;
  try {
    engine = await SchemaEngine.new({ datamodels: [["schema.prisma", opts.schema]] }, onLog, bound);
  } catch (error) {
    await opts.factory.close();
    sessionClosed();
    throw explainEngineError(error, bound.errorRegistry, opts.factory);
  }
  let closed = false;
  return {
    engine,
    explain: (error) => explainEngineError(error, bound.errorRegistry, opts.factory),
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      try {
        await opts.factory.close();
      } finally {
        sessionClosed();
      }
    },
  };
}

/** Runs `fn` on a fresh engine and always closes it; engine errors come out readable. */
export async function withEngine<T>(opts: OpenEngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const session = await openEngine(opts);
  try {
    return await fn(session.engine);
  } catch (error) {
    throw session.explain(error);
  } finally {
    await session.close();
  }
}

/** An engine error: its message without the Rust span trace, plus Prisma's error code. */
export class MigrationEngineError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationEngineError";
  }
}

/**
 * Engine errors end in a Rust span trace ("   0: sql_schema_connector::…") that
 * means nothing to a user, and JS errors thrown inside the adapter reach the
 * message only as "External error id#N"; swap in the real message from the
 * adapter's error registry, or else the last database error the factory saw.
 */
function explainEngineError(error: unknown, registry: ErrorRegistry, factory: ManagedAdapterFactory): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error instanceof MigrationEngineError) return error;
  const traceStart = error.message.search(/\n\s*0: /);
  const trace = traceStart === -1 ? "" : error.message.slice(traceStart);
  let message = (traceStart === -1 ? error.message : error.message.slice(0, traceStart)).trim();
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const record = registry.consumeError(Number(id));
    return record ? errorMessage(record.error) : text;
  });
  // A driver error surfaces as "external connector error" followed by the details.
  message = message.replace(/(^|\n)external connector error\n(?=.)/g, "$1");
  const databaseError = factory.lastDatabaseError();
  if (/external connector error|External error id#/i.test(message) && databaseError && !message.includes(databaseError)) {
    message += `\nDatabase error: ${databaseError}`;
  }
  // A failing migration script is named only in the trace.
  const failed = /apply_script\s+with migration_name="([^"]+)"/.exec(trace)?.[1];
  if (failed && !message.includes(failed)) message = `Migration \`${failed}\` failed to apply: ${message}`;
  const code = (error as { code?: unknown }).code;
  return new MigrationEngineError(message, typeof code === "string" ? code : undefined, { cause: error });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
