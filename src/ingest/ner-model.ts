// Loading the NER model from disk: the one I/O step of extraction, kept out of the
// pure src/extract. The shipped model is read once per process, on first use.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { deserializeModel, Tagger, type NerModel } from "../extract/ner/model.ts";

/** The model `npm run ner:train` writes and the repository ships. */
export const SHIPPED_NER_MODEL = fileURLToPath(new URL("../../models/ner.bin.gz", import.meta.url));

/** Reads a model file, gzip-compressed or not. */
export function loadModel(path: string): NerModel {
  let buf: Uint8Array = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return deserializeModel(buf);
}

let shipped: Tagger | undefined;

/** A tagger over the shipped model, shared by the process (a tagger is used synchronously). */
export function shippedTagger(): Tagger {
  shipped ??= new Tagger(loadModel(SHIPPED_NER_MODEL));
  return shipped;
}
