// The trained tagger as the pipeline's mention finder: PER, ORG and LOC become
// PERSON, ORGANIZATION and PLACE; MISC (nationalities, events) is not an entity.
// The gazetteers of the rule-based finder then fill what the tagger missed and
// correct the type of names they know exactly (`White House` is an organization).
import type { TaggedSpan } from "./ner/model.ts";
import type { Mention } from "../domain/extraction.ts";
import { TYPE_OF_NER_LABEL, type EntityType } from "../domain/entity-types.ts";
import { isKnownOrganization } from "../lexicon/organizations.ts";
import { ROLE_ABBREVIATIONS } from "../lexicon/words.ts";
import { lookupCountry } from "../lexicon/countries.ts";
import { givenNameGender, isGivenName } from "../lexicon/names.ts";
import { isKnownRegion, lookupCity } from "../lexicon/places.ts";

const TYPE = TYPE_OF_NER_LABEL;

// Edges a tagger may leave on a span that are not part of a name
// (a period stays: it ends abbreviations such as `U.S.`).
const LEADING = /^(?:the\s+|[\s"“”‘’'(\[])+/i;
const TRAILING = /(?:[\s"“”‘’'),;:!?\]]|['’]s)+$/;

/** The tagger's entities as mentions (src/analysis/pipeline.ts runs the tagger). */
export function taggerMentions(spans: readonly TaggedSpan[], text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const span of spans) {
    const type = TYPE[span.type];
    if (!type) continue;
    const lead = LEADING.exec(span.text)?.[0].length ?? 0;
    const trail = TRAILING.exec(span.text.slice(lead))?.[0].length ?? 0;
    const start = span.start + lead;
    const end = span.end - trail;
    const name = text.slice(start, end);
    if (end > start && /\p{Lu}/u.test(name) && !ROLE_ABBREVIATIONS.has(name)) mentions.push({ type, text: name, start, end });
  }
  return mentions;
}

/** The type a gazetteer gives this exact name, if it knows it. */
function gazetteerType(name: string): EntityType | undefined {
  if (isKnownOrganization(name)) return "ORGANIZATION";
  if (lookupCountry(name) || lookupCity(name) || isKnownRegion(name)) return "PLACE";
  return undefined;
}

/**
 * Tagger first; a rule mention only where the tagger found nothing and a gazetteer
 * knows the exact name (the rules' guesses cost precision on news: measured by
 * `npm run ner:eval-pipeline`); a known organization's type wins over the tagger's.
 */
export function mergeMentions(tagged: Mention[], rules: Mention[]): Mention[] {
  // Only an organization list overrides: city and country names also name teams and
  // governments, where the tagger's reading of the context is the better judge.
  const out = tagged.map((m) => (m.type !== "ORGANIZATION" && isKnownOrganization(m.text) ? { ...m, type: "ORGANIZATION" as const } : m));
  // Both lists run in text order and tagged mentions do not overlap each other, so one
  // sweep finds the tagged mentions a rule mention could overlap (linear, not n x m).
  const byStart = [...tagged].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const r of [...rules].sort((a, b) => a.start - b.start)) {
    while (next < byStart.length && byStart[next]!.end <= r.start) next++;
    const overlaps = next < byStart.length && byStart[next]!.start < r.end;
    if (!overlaps && gazetteerType(r.text) === r.type) out.push(r);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Capitals that open a line with a colon but name no speaker (`UPDATE:`, `(CROSSTALK.)`). */
const NOT_LABELS = new Set(["UPDATE", "UPDATES", "BREAKING", "NOTE", "EDITOR", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "RELATED", "PHOTOS", "PHOTO", "VIDEO", "CROSSTALK", "END", "TRANSCRIPT", "LAUGHTER", "APPLAUSE", "UNIDENTIFIED", "MALE", "FEMALE", "AUDIENCE", "QUESTION", "ANSWER", "CORRECTION", "CLARIFICATION", "WARNING", "SOURCE", "SOURCES", "MORE", "ALSO", "PLUS", "LIVE", "EXCLUSIVE", "ADVERTISEMENT", "TWEET", "FACT", "CLAIM", "VERDICT", "NEWS", "US", "UK", "USA", "BYLINE", "EMAIL", "BUSTED", "BOOM", "LOOK", "HUFFPOLLSTER", "FIX", "WHY", "WHAT", "HOW", "WHO", "WHEN", "WHERE", "THE", "BOTTOM LINE", "MEMO", "STATEMENT", "POLL", "POLLS"]);

/**
 * Names the tagger misses that the layout or a title gives away: a transcript label in
 * capitals opening a line (`"WALLACE: Let’s start ...`, `MR. TRUMP: ...`, the name after
 * any title) and an honorific before a capitalised word (`said Mr. King`, `Dr. Oz`).
 * They are added only where no other mention overlaps.
 */
export function impliedNameMentions(text: string, found: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  const free = (start: number, end: number): boolean =>
    !found.some((m) => m.start < end && start < m.end) && !out.some((m) => m.start < end && start < m.end);
  const label = /(?:^|\n)[ \t]*["“'‘]?[ \t]*(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN)\.[ \t]+)?([A-Z][A-Z’'-]+(?:[ \t][A-Z][A-Z’'-]+){0,2}):[ \t]/g;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const name = m[1] as string;
    if (name.replace(/[^A-Z]/g, "").length < 3 || NOT_LABELS.has(name) || NOT_LABELS.has(name.split(/\s/)[0] as string)) continue;
    const start = m.index + m[0].length - 2 - name.length;
    const end = start + name.length;
    if (text.slice(start, end) === name && free(start, end)) out.push({ type: "PERSON", text: name, start, end });
  }
  const titled = /\b(?:Mr|Mrs|Ms|Dr)\.[ \t]+(\p{Lu}[\p{Ll}’']+(?:-\p{Lu}\p{Ll}+)?)\b/gu;
  for (let m = titled.exec(text); m; m = titled.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (free(start, end)) out.push({ type: "PERSON", text: m[0], start, end });
  }
  return out;
}

const PERSON_TITLE = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Senator|Congressman|Congresswoman)\.?\s+\p{Lu}/u;

/**
 * People the tagger typed otherwise: a title before a name (`Senator Cruz` is no place),
 * and a given name and surname the tagger also reads as a person elsewhere in the text
 * (`Ivanka Trump`, a brand too, where she speaks).
 */
export function retypePeople(mentions: readonly Mention[]): Mention[] {
  const people = new Set(mentions.filter((m) => m.type === "PERSON").map((m) => m.text));
  return mentions.map((m) => {
    if (m.type === "PERSON" || isKnownOrganization(m.text)) return m;
    const words = m.text.split(/\s+/);
    if (words.length <= 4 && PERSON_TITLE.test(m.text)) return { ...m, type: "PERSON" as const };
    const first = words[0] ?? "";
    if (m.type === "ORGANIZATION" && words.length >= 2 && people.has(m.text) && (isGivenName(first) || givenNameGender(first) !== null)) return { ...m, type: "PERSON" as const };
    return m;
  });
}
