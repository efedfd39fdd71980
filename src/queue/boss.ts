// The document queue: pg-boss 10 in the PostgreSQL database of DATABASE_URL, in its own
// schema ("pgboss"), which pg-boss alone creates, migrates and touches. Our Prisma
// models and migrations live in "public" and never see it.
//
// A job is one document, carried whole (its text, or its bytes in base64 when they are
// not text, and its display file name), so a worker on another machine needs nothing
// but the database. Its id is derived from the document's bytes: enqueueing the same
// document again while its job is known to pg-boss inserts nothing (ON CONFLICT DO
// NOTHING on pg-boss's primary key), and the store is idempotent by content hash anyway.
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { ConfigError } from "../config.ts";
import { holdsJobQueue } from "../store/dialects.ts";
import { logger } from "../logger.ts";
import type { DocumentMeta } from "../domain/document.ts";
import type { ReadAs } from "../documents/read.ts";

/** pg-boss's own schema in our database. */
export const QUEUE_SCHEMA = "pgboss";
/** The queue of documents to parse, analyse and store. */
export const DOCUMENT_QUEUE = "documents";

/** A job's data: one document. Exactly one of `text` and `base64` is set. */
export interface DocumentJob {
  /** The name the document is stored and reported under (the path as the enqueuer saw it). */
  fileName: string;
  /** The document's bytes as text, when they are valid UTF-8 without NUL (jsonb cannot hold NUL). */
  text?: string;
  /** The document's bytes, when they are not such text (the worker then rejects or decodes them as the loader would). */
  base64?: string;
  /** `json`: the document is one JSON record (a line of a JSON Lines file); `html` a page. */
  format?: "json" | "html";
  /** A fetched page's address. */
  pageUrl?: string;
  /** A feed item's fields, for what its page does not say (publishedAt as ISO text). */
  fallback?: Omit<DocumentMeta, "publishedAt"> & { publishedAt?: string };
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A document's bytes as job data; `decodeJobDocument` gives the same bytes back. */
export function encodeJobDocument(bytes: Uint8Array, fileName: string, format?: "json" | "html"): DocumentJob {
  const as = format ? { format } : {};
  try {
    const text = utf8.decode(bytes);
    if (!text.includes("\u0000")) return { fileName, text, ...as };
  } catch {
    // Not UTF-8: carried as bytes, so the worker reports it exactly as the loader would.
  }
  return { fileName, base64: Buffer.from(bytes).toString("base64"), ...as };
}

/** The document's bytes and name from a job's data; throws on data that is not a DocumentJob. */
export function decodeJobDocument(data: unknown): { bytes: Uint8Array; fileName: string } & ReadAs {
  const job = (data ?? {}) as Partial<Record<keyof DocumentJob, unknown>>;
  if (typeof job.fileName !== "string" || job.fileName === "") throw new MalformedJobError("no fileName");
  const fallback = typeof job.fallback === "object" && job.fallback !== null ? (job.fallback as DocumentJob["fallback"])! : undefined;
  const as: ReadAs = {
    ...(job.format === "json" || job.format === "html" ? { format: job.format } : {}),
    ...(typeof job.pageUrl === "string" ? { pageUrl: job.pageUrl } : {}),
    ...(fallback ? { fallback: { ...fallback, publishedAt: fallback.publishedAt ? new Date(fallback.publishedAt) : undefined } } : {}),
  };
  if (typeof job.text === "string") return { bytes: Buffer.from(job.text, "utf8"), fileName: job.fileName, ...as };
  if (typeof job.base64 === "string") return { bytes: Buffer.from(job.base64, "base64"), fileName: job.fileName, ...as };
  throw new MalformedJobError("neither text nor base64");
}

/** A job whose data is not a document (written by something else than `seed --queue`). */
export class MalformedJobError extends Error {}

/** The job id of a document: the first 128 bits of the sha256 of its bytes, as a UUID. */
export function documentJobId(bytes: Uint8Array): string {
  const h = createHash("sha256").update(bytes).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Throws a setup error (commands exit 2) unless the URL's database can hold the job queue (PostgreSQL). */
export function requirePostgres(url: string, what: string): void {
  let holds: boolean;
  try {
    holds = holdsJobQueue(url);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (!holds) {
    throw new ConfigError(
      `${what} needs PostgreSQL: the job queue lives in the database, and DATABASE_URL is not PostgreSQL (${url}). ` +
        `Set DATABASE_URL=postgresql://user@host:port/db, or load without a queue: npm run seed -- DIR`,
    );
  }
}

export interface BossOptions {
  /** Run pg-boss maintenance (expiring lost jobs, archiving): workers yes, enqueuers no. */
  supervise?: boolean;
  /** Seconds between maintenance runs (QUEUE_MAINTENANCE_SECONDS). */
  maintenanceIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  poolSize?: number;
}

/**
 * Starts pg-boss against a PostgreSQL URL: installs or migrates its schema when needed
 * (concurrent starts are safe: pg-boss takes an advisory lock) and creates the
 * document queue. Stop it with `boss.stop()`.
 */
export async function startBoss(url: string, options: BossOptions = {}): Promise<PgBoss> {
  requirePostgres(url, "the job queue");
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: "newsgraph-queue",
    max: options.poolSize ?? 2,
    // No cron schedules here: no clock monitor, no schedule polling.
    schedule: false,
    supervise: options.supervise ?? false,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  // pg-boss reports its background errors (maintenance, a dropped pooled connection) here;
  // without a listener Node would crash on them.
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(DOCUMENT_QUEUE, { name: DOCUMENT_QUEUE, policy: "standard" });
  return boss;
}

