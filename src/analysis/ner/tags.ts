// Tag sets: IOB2 (the CoNLL files) and BILOU (what the tagger predicts internally).

export const TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type EntType = (typeof TYPES)[number];

/** BILOU tags: 0 = O, then for type t: 1+4t = B, 2+4t = I, 3+4t = L, 4+4t = U. */
export const NUM_TAGS = 1 + 4 * TYPES.length;
export const TAG_NAMES: string[] = ["O"];
for (const t of TYPES) TAG_NAMES.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);

export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}
export function tagPos(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3; // 0 B, 1 I, 2 L, 3 U
}

/** Is the transition prev -> cur allowed in BILOU? prev = -1 for sentence start. */
export function allowed(prev: number, cur: number): boolean {
  const pPos = prev < 0 ? -1 : tagPos(prev);
  const cPos = tagPos(cur);
  const prevOpen = pPos === 0 || pPos === 1; // inside an entity that must continue
  if (prevOpen) return (cPos === 1 || cPos === 2) && tagType(cur) === tagType(prev);
  return cur === 0 || cPos === 0 || cPos === 3;
}
/** Is `tag` allowed at the end of a sentence? */
export function allowedEnd(tag: number): boolean {
  const p = tagPos(tag);
  return p !== 0 && p !== 1;
}

export interface Span {
  type: number; // index in TYPES
  start: number; // token index
  end: number; // exclusive
}

/** Parse IOB2 (or IOB1) tag strings into spans, conlleval style. */
export function iobSpans(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === "O" || t.length < 3) {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const p = t[0];
    const ty = TYPES.indexOf(t.slice(2) as EntType);
    if (p === "B" || p === "S" || p === "U" || !cur || cur.type !== ty) {
      if (cur) spans.push(cur);
      cur = { type: ty, start: i, end: i + 1 };
    } else cur.end = i + 1;
    if (p === "E" || p === "L" || p === "S" || p === "U") {
      spans.push(cur);
      cur = null;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Spans -> BILOU tag ids. */
export function spansToBilou(spans: readonly Span[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    const base = 1 + 4 * s.type;
    if (s.end - s.start === 1) out[s.start] = base + 3;
    else {
      out[s.start] = base;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + 1;
      out[s.end - 1] = base + 2;
    }
  }
  return out;
}

/** BILOU tag ids (assumed well formed, but tolerant) -> spans. */
export function bilouSpans(tags: ArrayLike<number>, n = tags.length): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (t === 0) {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const ty = tagType(t);
    const p = tagPos(t);
    if (p === 0 || p === 3 || !cur || cur.type !== ty) {
      if (cur) spans.push(cur);
      cur = { type: ty, start: i, end: i + 1 };
    } else cur.end = i + 1;
    if (p === 2 || p === 3) {
      spans.push(cur);
      cur = null;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

const B_TAGS = TYPES.map((t) => `B-${t}`);
const I_TAGS = TYPES.map((t) => `I-${t}`);

/** BILOU ids -> IOB2 strings. */
export function bilouToIob2(tags: ArrayLike<number>, n = tags.length): string[] {
  const out = new Array<string>(n).fill("O");
  for (const s of bilouSpans(tags, n)) {
    out[s.start] = B_TAGS[s.type]!;
    for (let i = s.start + 1; i < s.end; i++) out[i] = I_TAGS[s.type]!;
  }
  return out;
}
