// An analysis as it crosses from an analysis thread to the main thread. Copied as it is
// (structured clone), a 5 MB document's 133,000 mentions were 133,000 objects with their
// own copies of their type and key strings, and its 26,500 quotes copies of their text: a
// serialized message of tens of MB and as much again on the main thread, at the moment the
// thread still holds the original. Packed, the mentions are one Int32Array over a table
// of the distinct entities they name, and a quote's text is sliced from the body again.
import type { ResolvedArticle, ResolvedMention, ResolvedQuote } from "../../domain/resolved.ts";

export interface PackedAnalysis {
  entities: ResolvedArticle["entities"];
  /** The distinct (type, key) of the mentions, flat: type, key, type, key... */
  refs: string[];
  /** Three numbers a mention, in order: start, end, and its (type, key)'s place in `refs` (a pair's index). */
  mentions: Int32Array;
  /** The quotes; `text` only where it is not `body.slice(start, end)`. */
  quotes: (Omit<ResolvedQuote, "text"> & { text?: string })[];
}

export function packAnalysis(analysis: ResolvedArticle, body: string): PackedAnalysis {
  const refs: string[] = [];
  const refIndex = new Map<string, number>();
  const mentions = new Int32Array(analysis.mentions.length * 3);
  analysis.mentions.forEach((m, i) => {
    const id = `${m.type}\u0000${m.key}`;
    let ref = refIndex.get(id);
    if (ref === undefined) {
      refIndex.set(id, (ref = refs.length / 2));
      refs.push(m.type, m.key);
    }
    mentions[i * 3] = m.start;
    mentions[i * 3 + 1] = m.end;
    mentions[i * 3 + 2] = ref;
  });
  const quotes = analysis.quotes.map(({ text, ...q }) => (body.slice(q.start, q.end) === text ? q : { ...q, text }));
  return { entities: analysis.entities, refs, mentions, quotes };
}

export function unpackAnalysis(packed: PackedAnalysis, body: string): ResolvedArticle {
  const { refs, mentions: m } = packed;
  const mentions: ResolvedMention[] = [];
  for (let i = 0; i < m.length; i += 3) {
    const ref = 2 * m[i + 2]!;
    mentions.push({ type: refs[ref] as ResolvedMention["type"], key: refs[ref + 1]!, start: m[i]!, end: m[i + 1]! });
  }
  const quotes = packed.quotes.map(({ text, ...q }): ResolvedQuote => ({ text: text ?? body.slice(q.start, q.end), ...q }));
  return { entities: packed.entities, quotes, mentions };
}
