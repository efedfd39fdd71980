// Corpus-derived lexicon entries: word clusters learned with the exchange algorithm on the
// unlabeled news articles (plus the training sentences' tokens), and capitalisation statistics.

import { readFileSync, readdirSync, statSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { exchangeCluster } from "../../src/analysis/ner/clusters.ts";
import { hashLower, hashStr } from "../../src/analysis/ner/hash.ts";
import type { Lexicon } from "../../src/analysis/ner/lexicon.ts";
import { normalizeToken } from "../../src/analysis/ner/normalize.ts";
import { tokenize } from "../../src/analysis/tokenize.ts";
import { splitSentences } from "../../src/analysis/sentences.ts";

export const CLUSTER_KS = [64, 256, 1000];
const MIN_COUNT = 3;
const ITERS = 15;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (name.endsWith(".txt") && name !== "README.md") out.push(p);
  }
  return out;
}

/** Sentences of normalised tokens from every article under dir. */
export function readNews(dir: string): string[][] {
  const sents: string[][] = [];
  if (!existsSync(dir)) return sents;
  for (const f of listFiles(dir)) {
    const text = readFileSync(f, "utf8");
    for (const s of splitSentences(text, tokenize(text))) sents.push(s.map((t) => normalizeToken(t.text)));
  }
  return sents;
}

function isCapWord(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.toLowerCase().charCodeAt(0) !== c;
}
function hasLower(s: string): boolean {
  return /[a-z]/.test(s);
}

export function buildCorpusLexicon(
  lex: Lexicon,
  newsDir: string,
  trainDocs: string[][][],
  o: { clusters: boolean; log: (m: string) => void },
): void {
  const news = readNews(newsDir);
  const sents: string[][] = [...news];
  for (const d of trainDocs) sents.push(...d);
  let ntok = 0;
  for (const s of sents) ntok += s.length;
  o.log(`corpus: ${news.length} news sentences + training text = ${sents.length} sentences, ${ntok} tokens`);

  // capitalisation statistics over non-initial positions of sentences that are not all caps
  const capN = new Map<number, number>();
  const allN = new Map<number, number>();
  for (const s of sents) {
    if (!s.some(hasLower)) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!/[A-Za-z]/.test(w)) continue;
      const h = hashLower(w);
      allN.set(h, (allN.get(h) ?? 0) + 1);
      if (isCapWord(w)) capN.set(h, (capN.get(h) ?? 0) + 1);
    }
  }
  for (const [h, n] of allN) {
    const frac = (capN.get(h) ?? 0) / n;
    const b = frac < 0.01 ? 0 : frac < 0.2 ? 1 : frac < 0.5 ? 2 : frac < 0.8 ? 3 : frac < 0.99 ? 4 : 5;
    const fb = n < 3 ? 0 : n < 20 ? 1 : 2;
    lex.lower.set(h, b | (fb << 3));
  }
  o.log(`capitalisation statistics for ${allN.size} word forms`);
  if (!o.clusters) return;

  // vocabulary
  const counts = new Map<string, number>();
  for (const s of sents) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = ["<s>", "<unk>"];
  for (const [w, c] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) if (c >= MIN_COUNT) vocab.push(w);
  const id = new Map<string, number>();
  vocab.forEach((w, i) => id.set(w, i));
  const corpus = new Int32Array(ntok + sents.length + 1);
  let p = 0;
  corpus[p++] = 0;
  for (const s of sents) {
    for (const w of s) corpus[p++] = id.get(w) ?? 1;
    corpus[p++] = 0;
  }
  const key = createHash("sha1")
    .update(JSON.stringify({ CLUSTER_KS, MIN_COUNT, ITERS, v: vocab.length, n: corpus.length, h: createHash("sha1").update(corpus).digest("hex"), version: 1 }))
    .digest("hex")
    .slice(0, 16);
  const cacheDir = join(tmpdir(), "ner-cluster-cache");
  const cachePath = join(cacheDir, `${key}.bin`);
  let classes: Int32Array[];
  if (existsSync(cachePath)) {
    const all = new Int32Array(readFileSync(cachePath).buffer.slice(0));
    classes = CLUSTER_KS.map((_, j) => all.slice(j * vocab.length, (j + 1) * vocab.length));
    o.log(`clusters loaded from cache ${cachePath}`);
  } else {
    classes = CLUSTER_KS.map((K) => exchangeCluster(corpus, vocab.length, K, ITERS, o.log));
    mkdirSync(cacheDir, { recursive: true });
    const all = new Int32Array(CLUSTER_KS.length * vocab.length);
    classes.forEach((c, j) => all.set(c, j * vocab.length));
    writeFileSync(cachePath, new Uint8Array(all.buffer));
  }
  lex.clusterLevels = CLUSTER_KS.length;
  for (let w = 2; w < vocab.length; w++) {
    let packed = 0;
    for (let j = 0; j < CLUSTER_KS.length; j++) packed |= classes[j]![w]! << (10 * j);
    lex.words.set(hashStr(vocab[w]!), packed);
  }
  o.log(`clusters for ${vocab.length - 2} words at K=${CLUSTER_KS.join("/")}`);
}
