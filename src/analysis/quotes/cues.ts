// Attribution cues: reporting verbs (`said`, `told`, `shot back`), `according to`, and a
// possessor's noun of saying (`Trump’s claim that`).

import type { Token } from "../tokenize.ts";
import { cueLemma, LISTENER_CUES, particleCue, SPEECH_NOUNS, STATEMENT_VERBS, WEAK_CUES } from "../../lexicon/words.ts";

export type CueKind =
  /** A finite reporting verb: its subject is the speaker (`Kerry said`, `said Kerry`). */
  | "verb"
  /** A participle (`saying`, `calling`): the speaker is the subject of the main clause. */
  | "participle"
  /** `according to X`. */
  | "according"
  /** `X’s claim`: the speaker is the possessor. */
  | "noun";

export interface Cue {
  /** First and last token of the cue. */
  start: number;
  end: number;
  kind: CueKind;
  lemma: string;
  /** The verb's object is the listener (`told reporters`). */
  listener: boolean;
  /** Too loose to make a subject a reporting subject on its own (`called`, `described`). */
  weak: boolean;
}

/** Words after which a cue word is a noun (`the report`, `his comments`). */
const NOUN_DETERMINERS = new Set([
  "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "whose",
  "every", "each", "any", "no", "that", "some", "many", "several", "such", "other", "first", "last",
]);
/** Words after a cue that make it another verb (`called for`, `put off`, `continue to`, `agreed to`). */
const OTHER_VERB_PARTICLES: Record<string, readonly string[]> = {
  call: ["off", "up", "out", "in", "back", "into"],
  put: ["off", "up", "out", "in", "on", "forward", "down", "away", "together", "into", "through"],
  state: ["of"],
  continue: ["to", "with", "on", "in", "for", "into", "through", "as", "until"],
  agree: ["to", "with", "on", "upon"],
  offer: ["to", "up", "a", "an", "the", "his", "her", "their", "its", "support", "help", "money"],
  charge: ["with", "up", "into", "ahead", "of"],
  post: ["on", "up"],
  read: ["out", "up", "about", "through", "into"],
  add: ["up", "to"],
  ask: ["for", "about", "out", "around", "to"],
  cry: ["out", "foul"],
  laugh: ["off", "at"],
  report: ["to", "for"],
  hail: ["from"],
  reject: ["the", "a", "an"],
  accuse: [],
  refer: [],
  defend: ["the", "a", "an", "his", "her", "their", "its", "against", "himself", "herself", "themselves"],
  challenge: ["the", "a", "an", "his", "her", "their", "its", "to"],
  dismiss: ["the", "a", "an", "his", "her", "their", "its"],
  praise: ["the", "a", "an", "his", "her", "their", "its"],
};
/**
 * Lemmas whose base and -s forms are more often nouns (`a call`, `state officials`,
 * `similar comments`): those forms only count after a subject-like word.
 */
const NOUNISH = new Set([
  "state", "call", "post", "text", "email", "charge", "report", "claim", "comment", "question", "promise",
  "pledge", "vow", "demand", "tweet", "note", "reply", "answer", "echo", "mock", "joke", "boast", "counter",
  "cry", "laugh", "sigh", "blast", "slam", "label", "term", "plead", "rail", "crow", "snap", "fume", "gush",
  "bark", "boom", "sneer", "scoff", "offer", "read", "put", "quip", "chant", "shout", "yell", "whisper", "muse",
  "lament", "thunder", "warn", "remark", "respond", "response", "cite", "praise", "dub", "volunteer", "counsel",
  "advise", "reason", "interrupt", "stress", "word", "add", "attack", "challenge",
]);
const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "am", "'s", "’s", "'re", "’re"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i", "you", "it", "who", "which"]);

function lowerAt(tokens: readonly Token[], i: number): string {
  return (tokens[i]?.text ?? "").toLowerCase();
}

function isCapitalized(t: Token | undefined): boolean {
  if (!t || t.kind !== "word") return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

/**
 * A reporting verb at token `i` (one token, or two for `shot back`), or null. `loose`
 * accepts forms that are usually nouns (`reads`, `notes`), for where only a verb fits
 * (right after a closing quotation mark).
 */
function verbCueAt(tokens: readonly Token[], i: number, loose = false): Cue | null {
  const t = tokens[i];
  if (t === undefined || t.kind !== "word") return null;
  let w = t.text;
  const prev = tokens[i - 1];
  if (w !== w.toLowerCase()) {
    // `Conceding that ..., he warned`: a participle opening its sentence.
    // `Said Comey, “...”`: an inverted attribution opening its sentence.
    const opens = !prev || t.lineBreakBefore || [".", "!", "?", "—", "(", "“", '"', "”"].includes(prev.text);
    const lowered = w.toLowerCase();
    const inverted = ["said", "added", "asked", "wrote", "says", "adds", "asks", "writes", "tweeted", "noted", "explained"].includes(lowered);
    if (!(opens && (w.endsWith("ing") || inverted) && w.slice(1) === w.slice(1).toLowerCase())) return null;
    w = lowered;
  }
  const prevLower = lowerAt(tokens, i - 1);
  const next = tokens[i + 1];
  const nextLower = lowerAt(tokens, i + 1);
  const particle = particleCue(w);
  if (particle && next && nextLower === particle.particle) {
    // `went on`, `goes on` only as `went on to say` / `went on, “...`, not `goes on recess`.
    const after = tokens[i + 2];
    if (particle.lemma === "go" && after && after.kind === "word" && !["to", "saying"].includes(after.text.toLowerCase())) return null;
    const participle = w.endsWith("ing");
    return { start: i, end: i + 1, kind: participle ? "participle" : "verb", lemma: particle.lemma, listener: false, weak: false };
  }
  const lemma = cueLemma(w);
  if (lemma === undefined) return null;
  // `the report`, `his claims`, `Trump’s remarks`: after a determiner it is a noun.
  // `that` before an inflected form is a relative pronoun (`an editorial that accuses`).
  const determiner = NOUN_DETERMINERS.has(prevLower) && !(prevLower === "that" && w !== lemma);
  if (prev && (determiner || (prev.kind === "clitic" && !/^['’](?:ve|d|ll)$/.test(prev.text)))) {
    // `he’s said` keeps the verb: a clitic after a pronoun is `has`/`is`.
    if (!(prev.kind === "clitic" && SUBJECT_PRONOUNS.has(lowerAt(tokens, i - 2)))) return null;
  }
  const particles = OTHER_VERB_PARTICLES[lemma];
  if (particles && next && next.kind === "word" && particles.includes(nextLower)) {
    // `state of` is a noun phrase; `stated of the scandal` is still a cue.
    // `added to People`, `added to CNN`: the outlet or person told, not `added to the confusion`.
    const toListener = lemma === "add" && nextLower === "to" && isCapitalized(tokens[i + 2]) && tokens[i + 3]?.kind !== "clitic";
    if (!(lemma === "state" && w !== lemma && w !== `${lemma}s`) && !toListener) return null;
  }
  if (!loose && NOUNISH.has(lemma) && (w === lemma || w === `${lemma}s` || w === `${lemma}es`)) {
    // `Trump claims`, `officials say`, `he will state`: a subject or auxiliary right before.
    // `the Nice attack`: a capitalised word after a determiner modifies the noun.
    const modifier = isCapitalized(prev) && NOUN_DETERMINERS.has(lowerAt(tokens, i - 2));
    const subjectLike =
      prev !== undefined &&
      ((isCapitalized(prev) && !modifier) || SUBJECT_PRONOUNS.has(prevLower) || ["will", "would", "to", "also", "could", "may", "might", "did", "does", "often", "now", "should", "can", "must", "n't", "not", "and", "but", "then", "who"].includes(prevLower));
    // `recently put it,`, `bluntly put it:`: an adverb before the verb; `put it` on its own.
    const verbal = /^[a-z]+ly$/.test(prevLower) || (lemma === "put" && nextLower === "it");
    if (!subjectLike && !verbal) return null;
  }
  let participle = w.endsWith("ing");
  if (participle) {
    // `is telling`, `was saying`: a progressive is finite.
    let k = i - 1;
    while (k >= 0 && ["also", "now", "still", "not", "even", "just", "already"].includes(lowerAt(tokens, k))) k--;
    if (BE_FORMS.has(lowerAt(tokens, k))) participle = false;
  }
  return { start: i, end: i, kind: participle ? "participle" : "verb", lemma, listener: LISTENER_CUES.has(lemma), weak: WEAK_CUES.has(lemma) };
}

/** The cue starting at token `i`, or null (`loose` as for `verbCueAt`). */
export function cueAt(tokens: readonly Token[], i: number, loose = false): Cue | null {
  const t = tokens[i];
  if (t === undefined || t.kind !== "word") return null;
  if (t.text.toLowerCase() === "according" && lowerAt(tokens, i + 1) === "to") {
    return { start: i, end: i + 1, kind: "according", lemma: "according to", listener: false, weak: false };
  }
  return verbCueAt(tokens, i, loose);
}

/** The cue whose last token is `i` (`according to` ends at `to`, `shot back` at `back`), or null. */
export function cueEndingAt(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i];
  if (t === undefined) return null;
  const lower = t.text.toLowerCase();
  if (lower === "to" || (particleCue(lowerAt(tokens, i - 1)) && particleCue(lowerAt(tokens, i - 1))?.particle === lower)) {
    const two = cueAt(tokens, i - 1);
    if (two && two.end === i) return two;
  }
  const one = verbCueAt(tokens, i);
  if (one && one.end === i) return one;
  // `Trump’s claim that “...”`: a noun of saying after a possessive.
  if (t.kind === "word" && SPEECH_NOUNS.has(lower)) {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // `Trump’s claim that “...”`, `Trump’s statement: “...”` (not `Trump’s comments are “...”`).
    const introduces = next !== undefined && (next.kind === "quote" || [":", ",", "that"].includes(next.text));
    if (prev && prev.kind === "clitic" && /^['’]s$/.test(prev.text) && introduces) {
      return { start: i, end: i, kind: "noun", lemma: lower, listener: false, weak: true };
    }
    // `Trump issued a statement, “...”`: the verb's subject speaks.
    for (let k = i - 1; k >= i - 3 && k >= 0; k--) {
      const u = tokens[k] as Token;
      if (STATEMENT_VERBS.has(u.text)) return { start: k, end: i, kind: "verb", lemma: "state", listener: false, weak: false };
      if (u.kind !== "word" || !/^(?:a|an|the|his|her|their|its|new|brief|short|written|joint|lengthy|long|public)$/.test(u.text)) break;
    }
  }
  return null;
}

/** The cue as written. */
export function cueText(text: string, tokens: readonly Token[], cue: Cue): string {
  return text.slice((tokens[cue.start] as Token).start, (tokens[cue.end] as Token).end);
}
