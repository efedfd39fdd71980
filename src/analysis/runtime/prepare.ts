// One document to what the store writes: its article record and its analysis, and the
// content hash alone (ingestArticle names a document by it before analysing it). No
// database here, so that both run on the analysis threads (./pool.ts).
import type { ArticleRecord } from "../../domain/article-record.ts";
import type { ResolvedArticle } from "../../domain/resolved.ts";
import { countWords } from "../../documents/parse.ts";
import { DocumentError } from "../../documents/document-error.ts";
import { contentHash } from "../../documents/hash.ts";
import { isFileError, readDocument, readLimited, type DocumentInput, type ReadAs } from "../../documents/read.ts";
import { bandKeys, fingerprint } from "../../documents/near-duplicates.ts";
import { encodeFingerprint } from "../../domain/fingerprint.ts";
import { analyseArticle } from "./analyse.ts";
import type { PackedAnalysis } from "./packed.ts";

export interface PreparedArticle {
  record: ArticleRecord;
  analysis: ResolvedArticle;
}

/** A document prepared for the store, or why it cannot be. */
export type Prepared = ({ ok: true } & PreparedArticle) | { ok: false; reason: string };

/** A Prepared as an analysis thread sends it (./packed.ts). */
export type PreparedOnThread = ({ ok: true; analysis: PackedAnalysis } & Omit<PreparedArticle, "analysis">) | Exclude<Prepared, { ok: true }>;

/** A document's content hash as ingest will read it, or why it cannot be read. */
export type Hashed = { ok: true; hash: string } | { ok: false; reason: string };

/** One document (a file, named by the loader, or bytes) and its stored name. */
export type PrepareTask = { name: string; maxDocumentBytes: number } & DocumentInput;
/** A document given as bytes (ingestArticle), to hash. */
export type HashTask = { name: string; maxDocumentBytes: number; bytes: Uint8Array } & ReadAs;

/** Reads (or takes), parses and analyses one document; bad input (DocumentError, a file error) is a failure, not a throw. */
export async function prepareDocument(task: PrepareTask): Promise<Prepared> {
  const { name, maxDocumentBytes } = task;
  try {
    const bytes = "file" in task ? await readLimited(task.file, name, maxDocumentBytes) : task.bytes;
    const doc = readDocument(bytes, name, maxDocumentBytes, task);
    const print = fingerprint(doc.body);
    const record = { ...doc, fileName: name, contentHash: contentHash(doc), wordCount: countWords(doc.body), minhash: encodeFingerprint(print), bands: bandKeys(print.signature) };
    return { ok: true, record, analysis: analyseArticle(doc.body) };
  } catch (error) {
    if (error instanceof DocumentError) return { ok: false, reason: error.reason };
    if (isFileError(error)) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The content hash of a document's bytes, parsed as prepareDocument parses them; bad input is a failure. */
export function hashDocument(task: HashTask): Hashed {
  try {
    return { ok: true, hash: contentHash(readDocument(task.bytes, task.name, task.maxDocumentBytes, task)) };
  } catch (error) {
    if (error instanceof DocumentError) return { ok: false, reason: error.reason };
    throw error;
  }
}
