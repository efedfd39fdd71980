// Where a quotation's attribution is, and which words in it name the speaker.
//
//  after:   `“...,” Ushakov said` / `,” said Kerry` / `,” he told journalists` /
//           `,” according to the Post` / `.” Sanders said.`
//  before:  `Kerry said: “...”` / `Trump said that the US’s "approach ..."` /
//           `According to the daily, "..."` / `Trump ..., calling him “...”` /
//           `“A,” he said, “B.”` (B) / `Trump’s claim that “...”`
//  colon:   `In a Fox interview, Trump went even further: “...”`
// Continuations (a quotation with none of these) are decided by the caller.

import type { Token } from "../tokenize.ts";
import { CLAUSE_OPENERS, cueLemma, NON_NAME_WORDS, PREPOSITIONS, WORDING_NOUNS } from "../../lexicon/words.ts";
import type { Context } from "./context.ts";
import { endsSentenceAt, inQuote, isSentenceFinal } from "./context.ts";
import { cueAt, cueEndingAt, type Cue } from "./cues.ts";
import type { QuotePair } from "./marks.ts";
import { INVERTIBLE, mainSubject, subjectAfter, subjectBefore, type SpeakerWords } from "./speakers.ts";

export interface Attribution {
  via: "after" | "before" | "colon" | "continued";
  cue: Cue | null;
  speaker: SpeakerWords | null;
  /** Last token of the attribution clause (for deciding what a later quotation continues). */
  end: number;
}

/** Longest attribution clause read after a quotation, in tokens. */
const AFTER_WINDOW = 40;
/** A cue after a quotation must come within this many tokens of it. */
const AFTER_CUE_REACH = 14;
/** ... or this many after a name and an appositive. */
const AFTER_LONG_REACH = 34;
/** Longest stretch read back from an opening mark for a cue, in tokens. */
const BEFORE_WINDOW = 45;

/** Words that start a new clause, so cannot sit between an attribution's start and its speaker. */
const GAP_BREAKERS = new Set(["while", "and", "or", "but", "that", "who", "which", "when", "as", "if", "because", "although", "though", "since", "until", "so", "then", "where", "whom", "whose", "it", "there", "this", "these", "those"]);

const LEADING_PUNCT = new Set([",", "—", "–", "--", "-", "("]);

function lower(ctx: Context, i: number): string {
  return (ctx.tokens[i]?.text ?? "").toLowerCase();
}

/** Ends the quoted words with a full stop, question or exclamation mark? */
export function endsSentence(ctx: Context, pair: QuotePair): boolean {
  const last = ctx.tokens[pair.lastInside];
  if (isSentenceFinal(last)) return true;
  // `... worse.’”`: a single closing mark after the stop.
  return last?.kind === "quote" && isSentenceFinal(ctx.tokens[pair.lastInside - 1]);
}

/**
 * Whether tokens `a` to `b` (exclusive) are only title words before a name (`Senate
 * minority leader`, `Malaysian Defence Minister`, `Gallup’s`), so that the attribution
 * still starts with its speaker.
 */
function titleGap(ctx: Context, a: number, b: number): boolean {
  if (b < a || b - a > 6) return false;
  for (let i = a; i < b; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "clitic" || t.kind === "number") continue;
    if (t.kind !== "word") return false;
    const w = t.text.toLowerCase();
    if (cueLemma(w) !== undefined && t.text === w) return false;
    if (w !== "of" && (PREPOSITIONS.has(w) || GAP_BREAKERS.has(w) || NON_NAME_WORDS.has(w))) return false;
  }
  return true;
}

/** Like `titleGap`, also allowing a description in apposition (`another brother, Stuart Oltchick`). */
function speakerLeads(ctx: Context, a: number, b: number): boolean {
  if (titleGap(ctx, a, b)) return true;
  if (ctx.tokens[b - 1]?.text !== "," || b - a > 10) return false;
  for (let i = a; i < b - 1; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind === "punct" || t.kind === "quote") return false;
    if (GAP_BREAKERS.has(t.text.toLowerCase())) return false;
  }
  return true;
}

/** Whether a noun phrase object starts at token `i` (`the statement`, `Trump`). */
function takesObject(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.kind !== "word") return false;
  if (["the", "a", "an", "his", "her", "their", "its", "this", "that", "him", "them"].includes(t.text.toLowerCase())) return true;
  const m = ctx.mentionAt[i];
  return m !== undefined && m.type !== "PLACE";
}

/** Attribution after the closing mark. */
export function attributionAfter(ctx: Context, pair: QuotePair): Attribution | null {
  if (pair.close < 0) return null;
  const n = ctx.tokens.length;
  const para = ctx.paragraph[pair.close];
  let first = pair.close + 1;
  // `,''' said`: a stray mark (the inner quotation's close read after the outer one) leads too.
  const leads = (t: Token, i: number): boolean => LEADING_PUNCT.has(t.text) || (t.kind === "quote" && !inQuote(ctx, i) && i === pair.close + 1);
  while (first < n && leads(ctx.tokens[first] as Token, first) && ctx.paragraph[first] === para) first++;
  // The clause: up to the end of the sentence, the next quotation or the paragraph.
  let end = first;
  while (end < n && end - first < AFTER_WINDOW && ctx.paragraph[end] === para && !inQuote(ctx, end)) {
    if (endsSentenceAt(ctx, end)) break;
    end++;
  }
  // `.” ¶ - Bernie Sanders.`: a paragraph of its own, only a dash and a name, signs the quotation.
  const sign = ctx.tokens[pair.close + 1];
  const nextPara = (para ?? 0) + 1;
  if (sign && sign.lineBreakBefore && ["―", "—", "–", "-", "--"].includes(sign.text) && ctx.paragraph[pair.close + 1] === nextPara) {
    let stop = pair.close + 2;
    while (stop < n && ctx.paragraph[stop] === nextPara) stop++;
    const signed = stop - (pair.close + 2) <= 8 ? subjectAfter(ctx, pair.close + 2, stop) : null;
    if (signed && (signed.kind === "mention" || signed.kind === "name") && (signed.end + 1 === stop || (signed.end + 2 === stop && isSentenceFinal(ctx.tokens[stop - 1])))) {
      return { via: "after", cue: null, speaker: signed, end: signed.end };
    }
  }
  if (end === first) return null;
  const sentenceEnded = endsSentence(ctx, pair);
  // `” ― Krystal Correa`, `.” - Sanders.`: a dash and a name sign the quotation.
  const dash = ctx.tokens[pair.close + 1];
  if (dash && ["―", "—", "–", "-", "--"].includes(dash.text) && ctx.paragraph[pair.close + 1] === para) {
    const signed = subjectAfter(ctx, pair.close + 2, Math.min(n, pair.close + 8));
    if (signed && (signed.kind === "mention" || signed.kind === "name")) {
      return { via: "after", cue: null, speaker: signed, end: signed.end };
    }
  }
  // `,” Leonard E. Burman, director of ... University, said`: a long appositive.
  const reach = ctx.tokens[first + 1]?.text === "," || ctx.tokens[first + 2]?.text === "," || ctx.tokens[first + 3]?.text === "," ? AFTER_LONG_REACH : AFTER_CUE_REACH;
  // An attribution follows punctuation: `,” he said`, `?” he asked`, `” — said`; after bare
  // words (`a "very decent man" Tuesday, ...`) only an inverted cue (`" said Kerry`) does.
  const lastInside = ctx.tokens[pair.lastInside] as Token;
  const punctuated = lastInside.kind === "punct" || lastInside.kind === "quote" || first > pair.close + 1;
  // `.” The senator ...` reads as a new sentence unless it is an attribution right away.
  for (let c = first; c < end && c - first <= reach; c++) {
    const cue = cueAt(ctx.tokens, c, c === first);
    if (!cue || cue.kind === "noun") continue;
    // `replied to him that ...`: past the listener, the clause the verb opens.
    let f = cue.end + 1;
    if (lower(ctx, f) === "to" && (ctx.mentionAt[f + 1] || ["him", "her", "them", "me", "us", "reporters"].includes(lower(ctx, f + 1)))) {
      const listener = ctx.mentionAt[f + 1];
      f += 2;
      while (listener && ctx.mentionAt[f] === listener) f++;
    }
    const following = ctx.tokens[f];
    const opensClause = following !== undefined && following.kind === "word" && CLAUSE_OPENERS.has(following.text.toLowerCase());
    if (!punctuated && c !== first) return trailingAttribution(ctx, pair, first, end);
    if (cue.kind === "according") {
      if (c !== first) return null;
      return { via: "after", cue, speaker: subjectAfter(ctx, cue.end + 1, end), end: end - 1 };
    }
    if (c === first || (c === first + 1 && ["also", "then", "later"].includes(lower(ctx, first)))) {
      // `,” said Kerry` / `,” added the Post`.
      // Any reporting verb inverts right after a quotation ending in a comma (`,” remembered
      // Roy Verley`); after a full stop only the common ones do (`.” Said Kerry`).
      const commaEnded = ctx.tokens[pair.lastInside]?.text === "," || ctx.tokens[pair.lastInside - 1]?.text === ",";
      if (cue.kind === "participle" || !(INVERTIBLE.has(cue.lemma) || commaEnded)) return null;
      const speaker = subjectAfter(ctx, cue.end + 1, end);
      if (!speaker || speaker.kind === "pronoun") return null;
      // A loose verb (`,” agrees Michelle Stevens`) inverts only before a name.
      if (!INVERTIBLE.has(cue.lemma) && cue.weak && speaker.kind !== "mention" && speaker.kind !== "name") return null;
      return { via: "after", cue, speaker, end: end - 1 };
    }
    if (cue.kind === "participle") return trailingAttribution(ctx, pair, first, end);
    const speaker = subjectBefore(ctx, first, c);
    if (!speaker || !speakerLeads(ctx, first, speaker.start)) return trailingAttribution(ctx, pair, first, end);
    if (sentenceEnded && opensClause) return null;
    // `.” Sen. Marco Rubio called the statement “...”`: a verb with an object says something new.
    if (sentenceEnded && !cue.listener && takesObject(ctx, cue.end + 1)) return null;
    // `.” Mrs. Clinton replied, “...`: the clause introduces the next quotation instead.
    if (sentenceEnded && inQuote(ctx, end) && ctx.paragraph[end] === para && [",", ":"].includes(ctx.tokens[end - 1]?.text ?? "")) return null;
    return { via: "after", cue, speaker, end: end - 1 };
  }
  return trailingAttribution(ctx, pair, first, end);
}

/**
 * An attribution closing the sentence the quotation is part of, after other words:
 * `"Boots on the ground" would be appropriate, Republican candidate Ben Carson said.`
 */
function trailingAttribution(ctx: Context, pair: QuotePair, first: number, end: number): Attribution | null {
  if (endsSentence(ctx, pair) || end - first < 3) return null;
  // A late comma of the clause; the attribution is what follows it.
  let tried = 0;
  for (let comma = end - 1; comma > first && end - comma <= 24 && tried < 3; comma--) {
    if ((ctx.tokens[comma] as Token).text !== ",") continue;
    tried++;
    const found = attributionAfterComma(ctx, comma, end);
    if (found) return found;
  }
  return null;
}

function attributionAfterComma(ctx: Context, comma: number, end: number): Attribution | null {
  for (let c = comma + 1; c < end && c - comma <= 9; c++) {
    const cue = cueAt(ctx.tokens, c);
    if (!cue || cue.kind !== "verb" || cue.weak) continue;
    const following = ctx.tokens[cue.end + 1];
    if (following !== undefined && following.kind === "word" && CLAUSE_OPENERS.has(following.text.toLowerCase())) return null;
    let speaker: SpeakerWords | null = null;
    if (c === comma + 1) speaker = INVERTIBLE.has(cue.lemma) ? subjectAfter(ctx, cue.end + 1, end) : null;
    else {
      speaker = subjectBefore(ctx, comma + 1, c);
      if (speaker && !titleGap(ctx, comma + 1, speaker.start)) speaker = null;
    }
    return speaker ? { via: "after", cue, speaker, end: end - 1 } : null;
  }
  return null;
}

/** The first token of the sentence holding token `i` (within its paragraph, passing over inner quotations). */
export function sentenceStart(ctx: Context, i: number, reach = BEFORE_WINDOW): number {
  const para = ctx.paragraph[i];
  let k = i;
  let steps = 0;
  while (k - 1 >= 0 && ctx.paragraph[k - 1] === para && steps < reach) {
    const q = ctx.quoteAt[k - 1] as number;
    if (q >= 0) {
      const p = ctx.pairs[q] as QuotePair;
      if (endsSentence(ctx, p) && p.close >= 0) {
        // `.” Trump added, “...`: a quotation that ended its sentence starts a new one after it,
        // unless an attribution follows it directly (`.” he said, adding: “...`).
        break;
      }
      k = p.open;
      steps++;
      continue;
    }
    if (endsSentenceAt(ctx, k - 1)) break;
    k--;
    steps++;
  }
  return k;
}

/**
 * `Ryan and Trump will meet next week, Spicer said, adding, “...”`: the subject of the
 * reporting verb right before a participle (`said, adding`), which is the participle's own.
 */
function reporterBefore(ctx: Context, start: number, participle: number): SpeakerWords | null {
  let k = participle - 1;
  if (ctx.tokens[k]?.text === ",") k--;
  const cue = cueEndingAt(ctx.tokens, k);
  if (!cue || cue.kind !== "verb" || cue.weak) return null;
  const speaker = subjectBefore(ctx, start, cue.start) ?? (INVERTIBLE.has(cue.lemma) ? subjectAfter(ctx, cue.end + 1, participle) : null);
  return speaker && speaker.kind !== "description" ? speaker : null;
}

/**
 * `with Donald Trump tweeting that ... and asking, “...”`: the own subject of an earlier
 * participle the one at `participle` is joined to by `and`.
 */
function conjoinedParticiple(ctx: Context, start: number, participle: number): SpeakerWords | null {
  if (lower(ctx, participle - 1) !== "and") return null;
  for (let k = participle - 2; k > start && participle - k <= 30; k--) {
    if (inQuote(ctx, k)) continue;
    const cue = cueAt(ctx.tokens, k);
    if (!cue || cue.kind !== "participle") continue;
    const own = ctx.mentionAt[k - 1];
    if (own && own.type === "PERSON") return { kind: "mention", start: ctx.mentionStart[k - 1] as number, end: k - 1, head: k - 1, mention: own };
    return null;
  }
  return null;
}

/**
 * The reporting clause whose complement holds the speaker words `inner` (`Trump said [that]
 * Romney ...`): a finite, not loose reporting verb right before them (or before `that`), with
 * a named or pronoun subject of its own; else null.
 */
function outerReport(ctx: Context, start: number, inner: SpeakerWords): { cue: Cue; speaker: SpeakerWords } | null {
  let k = inner.start - 1;
  if (lower(ctx, k) === "that") k--;
  if (k < start || inQuote(ctx, k)) return null;
  let outer = cueEndingAt(ctx.tokens, k);
  if (!outer) {
    // `Graham assures his audience he will ...`, `Trump told reporters that ...`: past the listener.
    for (let j = k; j >= start && k - j < 4; j--) {
      const t = ctx.tokens[j] as Token;
      if (t.kind !== "word" || inQuote(ctx, j)) break;
      const listener = cueEndingAt(ctx.tokens, j - 1);
      if (listener) {
        if (listener.listener) outer = listener;
        break;
      }
    }
    if (!outer) return null;
  } else if (outer.listener) return null;
  if (outer.kind !== "verb" || outer.weak) return null;
  const who = subjectBefore(ctx, start, outer.start);
  if (!who || !(who.kind === "mention" || who.kind === "name" || who.kind === "pronoun")) return null;
  if (who.kind === "pronoun" && lower(ctx, who.start) === "it") return null;
  return { cue: outer, speaker: who };
}

/** Attribution before the opening mark, within its sentence. */
export function attributionBefore(ctx: Context, pair: QuotePair): Attribution | null {
  const o = pair.open;
  if (o === 0 || (ctx.tokens[o] as Token).lineBreakBefore) return null;
  const start = sentenceStart(ctx, o);
  // The cue nearest the quotation.
  for (let i = o - 1; i >= start; i--) {
    const q = ctx.quoteAt[i] as number;
    if (q >= 0) {
      i = (ctx.pairs[q] as QuotePair).open;
      continue;
    }
    let cue = cueEndingAt(ctx.tokens, i);
    if (!cue) continue;
    if (cue.kind === "noun") {
      // `Frazier said that Rubio's claim ... is “...”`: a verb of saying earlier in the sentence wins.
      for (let k = cue.start - 1; k >= start; k--) {
        if (inQuote(ctx, k)) break;
        const verb = cueEndingAt(ctx.tokens, k);
        if (verb && verb.kind === "verb" && !verb.weak) {
          cue = verb;
          break;
        }
      }
    }
    let speaker: SpeakerWords | null = null;
    if (cue.kind === "according") {
      speaker = subjectAfter(ctx, cue.end + 1, o);
    } else if (cue.kind === "noun") {
      // `Trump’s claim that “...”`: the possessor.
      const owner = ctx.mentionAt[cue.start - 2];
      if (owner) {
        const a = ctx.mentionStart[cue.start - 2] as number;
        speaker = { kind: "mention", start: a, end: cue.start - 2, head: cue.start - 2, mention: owner };
      }
    } else if (cue.kind === "participle") {
      // `with Donald Trump tweeting that ...`, `with Trump reportedly yelling`: the participle's own subject.
      let ownEnd = cue.start - 1;
      if (/^[a-z]+ly$/.test(ctx.tokens[ownEnd]?.text ?? "") && !ctx.mentionAt[ownEnd]) ownEnd--;
      const own = ctx.mentionAt[ownEnd];
      if (own && own.type === "PERSON") {
        speaker = { kind: "mention", start: ctx.mentionStart[ownEnd] as number, end: ownEnd, head: ownEnd, mention: own };
      } else {
        speaker = reporterBefore(ctx, start, cue.start) ?? conjoinedParticiple(ctx, start, cue.start) ?? mainSubject(ctx, start, cue.start);
      }
    } else {
      speaker = subjectBefore(ctx, start, cue.start);
      // `said Kerry: “...”`.
      if (!speaker && INVERTIBLE.has(cue.lemma)) speaker = subjectAfter(ctx, cue.end + 1, o);
      // `..., he said, adding`: a finite cue with its subject out of reach.
      if (!speaker) speaker = mainSubject(ctx, start, cue.start);
    }
    // `Obama ... said it would tell an American story, one of ''...''`: what `it` does is not
    // what someone says; an earlier cue of the sentence with a person for subject is the attribution.
    if (speaker && speaker.kind === "pronoun" && lower(ctx, speaker.start) === "it" && cue.kind === "verb") {
      for (let k = speaker.start - 1; k >= start; k--) {
        if (inQuote(ctx, k)) break;
        const outer = cueEndingAt(ctx.tokens, k);
        if (!outer || outer.kind !== "verb" || outer.weak) continue;
        const who = subjectBefore(ctx, start, outer.start);
        if (who && (who.kind === "mention" || who.kind === "name" || (who.kind === "pronoun" && lower(ctx, who.start) !== "it"))) {
          return { via: "before", cue: outer, speaker: who, end: o - 1 };
        }
        break;
      }
    }
    // `Trump said that Romney begged him and “...”`: a cue inside what someone else reports;
    // the quoted words are the reporter's.
    if (speaker && cue.kind === "verb") {
      const outer = outerReport(ctx, start, speaker);
      if (outer) return { via: "before", cue: outer.cue, speaker: outer.speaker, end: o - 1 };
    }
    return { via: "before", cue, speaker, end: o - 1 };
  }
  // `Trump has used the phrase “Islamic terrorism”`, `chants of “Bobby!”`: the words of the
  // clause's subject (or of nobody named).
  let w = o - 1;
  if (w >= start && ([",", ":", "of"].includes(lower(ctx, w)) || ["is", "was"].includes(lower(ctx, w)))) w--;
  if (w >= start && WORDING_NOUNS.has(lower(ctx, w))) {
    const owner = ctx.tokens[w - 1]?.kind === "clitic" ? ctx.mentionAt[w - 2] : undefined;
    const speaker: SpeakerWords | null = owner
      ? { kind: "mention", start: ctx.mentionStart[w - 2] as number, end: w - 2, head: w - 2, mention: owner }
      : mainSubject(ctx, start, w);
    return { via: "before", cue: null, speaker, end: o - 1 };
  }
  // `Trump went even further: “...”` — a colon introduces the words of the clause's subject.
  if ((ctx.tokens[o - 1] as Token).text === ":") {
    // `... doesn’t surprise Republican pollster Daron Shaw: “...”`: a person right before.
    const m = ctx.mentionAt[o - 2];
    // Not the addressee of `delivered a blunt message to Trump: “...”`.
    const addressed = m !== undefined && ["to", "for", "at", "with"].includes(lower(ctx, (ctx.mentionStart[o - 2] as number) - 1));
    if (m && m.type === "PERSON" && !addressed) {
      const a = ctx.mentionStart[o - 2] as number;
      return { via: "colon", cue: null, speaker: { kind: "mention", start: a, end: o - 2, head: o - 2, mention: m }, end: o - 1 };
    }
    const speaker = mainSubject(ctx, start, o - 1);
    if (speaker) return { via: "colon", cue: null, speaker, end: o - 1 };
  }
  return null;
}

/** Words opening a subordinate clause whose verb may have no subject of its own (`if asked`, `when pressed`). */
const SUBORDINATORS = new Set(["if", "when", "unless", "once", "as", "while", "though", "although", "before", "after", "until"]);

/**
 * A sentence right before token `o` (in its paragraph, or ending the previous paragraph when
 * `o` opens one) that reports someone speaking: `Packer said in a statement.` or
 * `Here is what she wrote:` — the speaker of a quotation that follows on its own.
 */
export function introducingSentence(ctx: Context, o: number): Attribution | null {
  let end = o - 1;
  while (end >= 0 && ctx.tokens[end]?.kind === "quote" && !inQuote(ctx, end)) end--;
  if (end < 0) return null;
  const t = ctx.tokens[end] as Token;
  if (inQuote(ctx, end)) return null;
  if (!isSentenceFinal(t) && t.text !== ":") return null;
  if (ctx.paragraph[end] !== ctx.paragraph[o] && ctx.paragraph[end] !== (ctx.paragraph[o] ?? 0) - 1) return null;
  const start = sentenceStart(ctx, end);
  for (let i = end - 1; i >= start; i--) {
    if (inQuote(ctx, i)) return null;
    const cue = cueEndingAt(ctx.tokens, i);
    // `Iowa State University's Dianne Bystrom agreed.`: even a loose cue ends an introduction.
    if (!cue || cue.kind === "noun" || (cue.weak && cue.end + 1 !== end)) continue;
    let speaker: SpeakerWords | null = null;
    if (cue.kind === "according") speaker = subjectAfter(ctx, cue.end + 1, end);
    else if (cue.kind === "participle") speaker = mainSubject(ctx, start, cue.start);
    else speaker = subjectBefore(ctx, start, cue.start) ?? (INVERTIBLE.has(cue.lemma) ? subjectAfter(ctx, cue.end + 1, end) : null);
    // `Bolton ..., saying he would help if asked.`: a cue of a subordinate clause with no
    // subject of its own leaves the sentence's own reporting verb to find.
    if (!speaker) {
      if (SUBORDINATORS.has(lower(ctx, cue.start - 1))) continue;
      return null;
    }
    return { via: "continued", cue, speaker, end };
  }
  if (t.text === ":") {
    const speaker = mainSubject(ctx, start, end);
    if (speaker) return { via: "continued", cue: null, speaker, end };
  }
  return null;
}
