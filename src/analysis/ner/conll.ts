// CoNLL-2003 layout (`TOKEN TAG` per line, blank line between sentences, `-DOCSTART-` between
// documents) and conlleval-style entity scoring. Pure: takes and returns strings/objects.

import { TYPES, iobSpans, type Span } from "./tags.ts";

export interface Sentence {
  tokens: string[];
  tags: string[]; // gold IOB tags ("O" when the file has none)
}
export interface Doc {
  sentences: Sentence[];
}

export function parseConll(text: string): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc = { sentences: [] };
  let sent: Sentence = { tokens: [], tags: [] };
  const endSent = () => {
    if (sent.tokens.length) doc.sentences.push(sent);
    sent = { tokens: [], tags: [] };
  };
  const lines = text.split("\n");
  for (let line of lines) {
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() === "") {
      endSent();
      continue;
    }
    const sp = line.indexOf(" ");
    const tok = sp < 0 ? line : line.slice(0, sp);
    const tag = sp < 0 ? "O" : line.slice(line.lastIndexOf(" ") + 1);
    if (tok === "-DOCSTART-") {
      endSent();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    sent.tokens.push(tok);
    sent.tags.push(tag);
  }
  endSent();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  pred: number;
  correct: number;
}
export interface EvalResult {
  overall: TypeScore;
  byType: Record<string, TypeScore>;
  tokens: number;
  tokenAccuracy: number;
}

function score(correct: number, gold: number, pred: number): TypeScore {
  const precision = pred ? (100 * correct) / pred : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, pred, correct };
}

/** conlleval: exact-match entity precision/recall/F1 over sentences of (gold, pred) IOB tags. */
export function conllEval(pairs: Iterable<{ gold: readonly string[]; pred: readonly string[] }>): EvalResult {
  const g = new Array<number>(TYPES.length).fill(0);
  const p = new Array<number>(TYPES.length).fill(0);
  const c = new Array<number>(TYPES.length).fill(0);
  let tokens = 0;
  let tokOk = 0;
  const key = (s: Span) => `${s.type}:${s.start}:${s.end}`;
  for (const { gold, pred } of pairs) {
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) tokOk++;
    const gs = iobSpans(gold);
    const ps = iobSpans(pred);
    const gset = new Set(gs.map(key));
    for (const s of gs) g[s.type]!++;
    for (const s of ps) {
      p[s.type]!++;
      if (gset.has(key(s))) c[s.type]!++;
    }
  }
  const byType: Record<string, TypeScore> = {};
  TYPES.forEach((t, i) => (byType[t] = score(c[i]!, g[i]!, p[i]!)));
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return { overall: score(sum(c), sum(g), sum(p)), byType, tokens, tokenAccuracy: tokens ? (100 * tokOk) / tokens : 0 };
}

export function formatEval(r: EvalResult): string {
  const f = (x: number) => x.toFixed(2).padStart(6);
  const lines = [
    `processed ${r.tokens} tokens with ${r.overall.gold} phrases; found: ${r.overall.pred} phrases; correct: ${r.overall.correct}.`,
    `accuracy: ${f(r.tokenAccuracy)}%; precision: ${f(r.overall.precision)}%; recall: ${f(r.overall.recall)}%; FB1: ${f(r.overall.f1)}`,
  ];
  for (const t of TYPES) {
    const s = r.byType[t]!;
    lines.push(`${t.padStart(17)}: precision: ${f(s.precision)}%; recall: ${f(s.recall)}%; FB1: ${f(s.f1)}  ${s.pred}`);
  }
  return lines.join("\n");
}
