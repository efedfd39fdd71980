// Loading the NER model from disk: the one I/O step of extraction, kept out of the
// pure src/analysis. A model is a directory (config.json naming its component, labels and
// files; the weights; the lexicon of word clusters and gazetteers), NER_MODEL_DIR or the
// shipped models/ner; it is read once per process, on first use.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { deserializeModel, serializeModel, Tagger, type NerModel, type NerModelConfig } from "../ner/model.ts";
import type { SentenceTagger } from "../pipeline.ts";

/** The model `npm run ner:train` writes and the repository ships. */
export const SHIPPED_NER_MODEL_DIR = fileURLToPath(new URL("../../../models/ner", import.meta.url));

/** The model directory this process uses: NER_MODEL_DIR, else the shipped one. */
export function nerModelDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NER_MODEL_DIR || SHIPPED_NER_MODEL_DIR;
}

function readMaybeGzipped(path: string): Uint8Array {
  const buf: Uint8Array = readFileSync(path);
  return buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf;
}

function readConfig(dir: string): NerModelConfig {
  const file = join(dir, "config.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as NerModelConfig;
  } catch (error) {
    throw new Error(`NER model: cannot read ${file} (NER_MODEL_DIR names a model directory): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a model directory; a file it names that is gzip-compressed is inflated. */
export function loadModel(dir: string): NerModel {
  const config = readConfig(dir);
  return deserializeModel({ config, weights: readMaybeGzipped(join(dir, config.files.weights)), lexicon: readMaybeGzipped(join(dir, config.files.lexicon)) });
}

/** Writes a model directory: config.json and the gzipped weights and lexicon. Returns the bytes written. */
export function writeModel(dir: string, model: NerModel): number {
  const { config, weights, lexicon } = serializeModel(model);
  mkdirSync(dir, { recursive: true });
  const w = gzipSync(weights, { level: 9 });
  const l = gzipSync(lexicon, { level: 9 });
  writeFileSync(join(dir, config.files.weights), w);
  writeFileSync(join(dir, config.files.lexicon), l);
  writeFileSync(join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
  return w.length + l.length;
}

/**
 * The taggers a model directory may name in its config.json `component`: another kind of
 * tagger is one more entry here and a directory that names it.
 */
const COMPONENTS: Record<NerModelConfig["component"], (dir: string) => SentenceTagger> = {
  "averaged-perceptron": (dir) => new Tagger(loadModel(dir)),
};

/** The tagger a model directory names. */
export function loadTagger(dir: string): SentenceTagger {
  const { component } = readConfig(dir);
  const create = COMPONENTS[component];
  if (!create) throw new Error(`NER model ${dir}: unknown component ${JSON.stringify(component)} (known: ${Object.keys(COMPONENTS).join(", ")})`);
  return create(dir);
}

let shipped: SentenceTagger | undefined;

/** The tagger of NER_MODEL_DIR (default the shipped model), shared by the process (a tagger is used synchronously). */
export function shippedTagger(): SentenceTagger {
  shipped ??= loadTagger(nerModelDir());
  return shipped;
}
