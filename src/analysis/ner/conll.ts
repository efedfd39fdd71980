// CoNLL-2003 layout (`TOKEN TAG` per line, blank line between sentences, `-DOCSTART-` between
// documents) and conlleval-style entity scoring. Pure: takes and returns strings/objects.

import { TYPES, bilouSpans, bilouToIob2, iobSpans, spansToBilou, type Span } from "./tags.ts";
import { tokenize, type Token } from "../tokenize.ts";
import { splitSentences } from "../sentences.ts";

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
  let tokens = 0;
  let tokOk = 0;
  const sentences: { gold: Span[]; pred: Span[] }[] = [];
  for (const { gold, pred } of pairs) {
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) tokOk++;
    sentences.push({ gold: iobSpans(gold), pred: iobSpans(pred) });
  }
  // A sentence's token spans score as a document's character spans do.
  return spanEval(sentences, tokens, tokOk);
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

/** An entity as character offsets into a document's text (type: index in TYPES). */
export interface CharSpan {
  type: number;
  start: number;
  end: number;
}

/** CoNLL's split-off clitics (`Germany 's`, `does n't`), written glued to their word. */
const CLITIC = /^(?:'(?:s|re|ve|ll|m|d)|n't)$/i;

/**
 * A CoNLL document as the product sees it: its tokens joined by spaces, except a clitic that
 * is glued to its word as news prints it (spaced, `'s` would reach the tagger as a quote and
 * an `s`, which real text never gives it), and its sentences by newlines, run through the pipeline's tokenizer
 * and sentence splitter, with the gold entities as character spans and as BILOU tags over
 * the pipeline's sentences. A gold span whose edge falls inside a pipeline token is widened
 * to the tokens it touches (`unaligned` counts them); one that a pipeline sentence break
 * cuts is tagged as one entity per piece (`split` counts them). Evaluation scores the
 * unchanged character spans, so either costs recall there.
 */
export interface PipelineDoc {
  text: string;
  sentences: Token[][];
  gold: CharSpan[];
  tags: Uint8Array[];
  unaligned: number;
  split: number;
}

export function pipelineDoc(d: Doc): PipelineDoc {
  let text = "";
  const gold: CharSpan[] = [];
  for (const s of d.sentences) {
    const offsets: number[] = [];
    for (const tok of s.tokens) {
      if (offsets.length && !CLITIC.test(tok)) text += " ";
      offsets.push(text.length);
      text += tok;
    }
    for (const sp of iobSpans(s.tags)) gold.push({ type: sp.type, start: offsets[sp.start]!, end: offsets[sp.end - 1]! + s.tokens[sp.end - 1]!.length });
    text += "\n";
  }
  const sentences = splitSentences(text, tokenize(text));
  // every token's sentence and position, in text order
  const flat: { t: Token; s: number; i: number }[] = [];
  sentences.forEach((toks, s) => toks.forEach((t, i) => flat.push({ t, s, i })));
  const perSentence: Span[][] = sentences.map(() => []);
  let unaligned = 0;
  let split = 0;
  let k = 0;
  for (const g of gold) {
    while (k < flat.length && flat[k]!.t.end <= g.start) k++;
    let j = k;
    while (j < flat.length && flat[j]!.t.start < g.end) j++;
    if (j === k) continue; // no token under it: cannot happen for non-empty CoNLL tokens
    if (flat[k]!.t.start !== g.start || flat[j - 1]!.t.end !== g.end) unaligned++;
    if (flat[k]!.s !== flat[j - 1]!.s) split++;
    for (let a = k; a < j; ) {
      let b = a;
      while (b < j && flat[b]!.s === flat[a]!.s) b++;
      perSentence[flat[a]!.s]!.push({ type: g.type, start: flat[a]!.i, end: flat[b - 1]!.i + 1 });
      a = b;
    }
  }
  const tags = sentences.map((toks, s) => spansToBilou(perSentence[s]!, toks.length));
  return { text, sentences, gold, tags, unaligned, split };
}

/** Exact-match precision/recall/F1 of entities as character spans, per type and overall. */
export function spanEval(docs: Iterable<{ gold: readonly CharSpan[]; pred: readonly CharSpan[] }>, tokens = 0, tokensCorrect = 0): EvalResult {
  const g = new Array<number>(TYPES.length).fill(0);
  const p = new Array<number>(TYPES.length).fill(0);
  const c = new Array<number>(TYPES.length).fill(0);
  const key = (s: CharSpan) => `${s.type}:${s.start}:${s.end}`;
  for (const { gold, pred } of docs) {
    const gset = new Set(gold.map(key));
    for (const s of gold) g[s.type]!++;
    for (const s of pred) {
      p[s.type]!++;
      if (gset.has(key(s))) c[s.type]!++;
    }
  }
  const byType: Record<string, TypeScore> = {};
  TYPES.forEach((t, i) => (byType[t] = score(c[i]!, g[i]!, p[i]!)));
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return { overall: score(sum(c), sum(g), sum(p)), byType, tokens, tokenAccuracy: tokens ? (100 * tokensCorrect) / tokens : 0 };
}

/**
 * Scores a tagger on documents read the product's way: `tagDocument` gets each document's
 * pipeline sentences (token texts) and returns BILOU tags; entities are compared as exact
 * character spans with the gold ones, tokens as IOB2 tags with the projected gold.
 */
export function pipelineEval(docs: readonly PipelineDoc[], tagDocument: (sentences: string[][]) => Uint8Array[]): EvalResult {
  let tokens = 0;
  let tokensCorrect = 0;
  const scored = docs.map((d) => {
    const tags = tagDocument(d.sentences.map((s) => s.map((t) => t.text)));
    const pred: CharSpan[] = [];
    d.sentences.forEach((s, i) => {
      const got = bilouToIob2(tags[i]!);
      const want = bilouToIob2(d.tags[i]!);
      tokens += s.length;
      for (let k = 0; k < s.length; k++) if (got[k] === want[k]) tokensCorrect++;
      for (const sp of bilouSpans(tags[i]!)) pred.push({ type: sp.type, start: s[sp.start]!.start, end: s[sp.end - 1]!.end });
    });
    return { gold: d.gold, pred };
  });
  return spanEval(scored, tokens, tokensCorrect);
}
