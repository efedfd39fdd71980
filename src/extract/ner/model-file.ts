// The one I/O helper of the NER package: read a (gzip-compressed) model file.

import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { deserializeModel, type NerModel } from "./model.ts";

export function loadModel(path: string): NerModel {
  let buf: Uint8Array = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return deserializeModel(buf);
}
