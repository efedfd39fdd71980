// The contract between extraction (pure text analysis) and the rest of the pipeline.
// Offsets are UTF-16 code unit indexes into the text given to `extract`, end exclusive,
// so `text.slice(start, end)` is always the mention or quote as written.

import type { EntityType } from "./entity-types.ts";

export interface Mention {
  type: EntityType;
  /** Exactly `text.slice(start, end)`: no surrounding punctuation or possessive `’s`. */
  text: string;
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Offsets of the quoted words (inside the marks). */
  start: number;
  end: number;
  /** The attribution cue as written (`said`, `told`, `according to`), if any. */
  cue: string | null;
  /** The words that name the speaker as written (`Kerry`, `he`, `the Post`), if any. */
  speaker: SpeakerRef | null;
}

export interface SpeakerRef {
  text: string;
  start: number;
  end: number;
  /**
   * The mention the speaker words refer to (itself when the speaker is a named mention,
   * the antecedent for a pronoun or description), or null when unresolved.
   */
  mention: Mention | null;
}

export interface Extraction {
  mentions: Mention[];
  quotes: QuoteSpan[];
}
