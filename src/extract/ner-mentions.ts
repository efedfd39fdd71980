// The trained tagger as the pipeline's mention finder: PER, ORG and LOC become
// PERSON, ORGANIZATION and PLACE; MISC (nationalities, events) is not an entity.
// The gazetteers of the rule-based finder then fill what the tagger missed and
// correct the type of names they know exactly (`White House` is an organization).
import type { Tagger } from "./ner/model.ts";
import type { EntityType, Mention } from "./types.ts";
import type { Token } from "./tokenize.ts";
import { findMentions as findRuleMentions, type MentionFinder } from "./mentions.ts";
import { isKnownOrganization } from "./lexicon/organizations.ts";
import { ROLE_ABBREVIATIONS } from "./lexicon/words.ts";
import { lookupCountry } from "./lexicon/countries.ts";
import { isKnownRegion, lookupCity } from "./lexicon/places.ts";

const TYPE: Record<string, EntityType | undefined> = { PER: "PERSON", ORG: "ORGANIZATION", LOC: "PLACE" };

// Edges the tagger's tokenizer may leave on a span that are not part of a name
// (a period stays: it ends abbreviations such as `U.S.`).
const LEADING = /^(?:the\s+|[\s"“”‘’'(\[])+/i;
const TRAILING = /(?:[\s"“”‘’'),;:!?\]]|['’]s)+$/;

export function taggerMentions(tagger: Tagger, text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const span of tagger.tagText(text)) {
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
  const overlaps = (r: Mention) => tagged.some((m) => m.start < r.end && r.start < m.end);
  for (const r of rules) if (!overlaps(r) && gazetteerType(r.text) === r.type) out.push(r);
  return out.sort((a, b) => a.start - b.start);
}

export function nerMentionFinder(tagger: Tagger): MentionFinder {
  return (text: string, tokens: readonly Token[]) => mergeMentions(taggerMentions(tagger, text), findRuleMentions(text, tokens));
}
