// Cuts an article body into the pieces the reader renders: quotes (highlighted) and, inside
// or outside them, entity mentions (links). Offsets are the API's: UTF-16 code units, as
// String.prototype.slice counts, so `body.slice(start, end)` is the span's text.

export interface Span {
  start: number;
  end: number;
}

export interface Piece<M> {
  text: string;
  /** The mention this piece is, if any. */
  mention?: M;
}

export interface Region<Q, M> {
  text: string;
  /** The quote this region is, if any. */
  quote?: Q;
  pieces: Piece<M>[];
}

/** Spans sorted by start, dropping any that overlaps the one before or falls outside the text. */
function tidy<T extends Span>(spans: readonly T[], length: number): T[] {
  const out: T[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < 0 || s.end > length || s.end <= s.start) continue;
    if (out.length > 0 && s.start < out[out.length - 1]!.end) continue;
    out.push(s);
  }
  return out;
}

/** The text between `from` and `to` cut at the mentions inside it (a mention across the edge is clipped). */
function cut<M extends Span>(body: string, from: number, to: number, mentions: readonly M[]): Piece<M>[] {
  const pieces: Piece<M>[] = [];
  let at = from;
  for (const m of mentions) {
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (end <= start) continue;
    if (start > at) pieces.push({ text: body.slice(at, start) });
    pieces.push({ text: body.slice(start, end), mention: m });
    at = end;
  }
  if (at < to) pieces.push({ text: body.slice(at, to) });
  return pieces;
}

/** The body as regions (quotes and the text between them), each cut into mentions and plain text. */
export function regions<Q extends Span, M extends Span>(body: string, quotes: readonly Q[], mentions: readonly M[]): Region<Q, M>[] {
  const ms = tidy(mentions, body.length);
  const out: Region<Q, M>[] = [];
  let at = 0;
  const add = (from: number, to: number, quote?: Q) => {
    if (to <= from) return;
    const inside = ms.filter((m) => m.end > from && m.start < to);
    out.push({ text: body.slice(from, to), ...(quote ? { quote } : {}), pieces: cut(body, from, to, inside) });
  };
  for (const q of tidy(quotes, body.length)) {
    add(at, q.start);
    add(q.start, q.end, q);
    at = q.end;
  }
  add(at, body.length);
  return out;
}
