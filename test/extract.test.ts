import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { tokenize } from "../src/analysis/tokenize.ts";
import { extract } from "../src/analysis/index.ts";
import { parseDocument } from "../src/documents/parse.ts";
import type { Extraction, Mention } from "../src/domain/extraction.ts";

function texts(tokens: { text: string }[]): string[] {
  return tokens.map((t) => t.text);
}

/** Every span of an extraction must point at its own text. */
function assertOffsets(text: string, ex: Extraction): void {
  let prevEnd = 0;
  for (const m of ex.mentions) {
    assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end, `range of ${JSON.stringify(m)}`);
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.start >= prevEnd, "mentions are ordered and do not overlap");
    prevEnd = m.end;
  }
  for (const q of ex.quotes) {
    assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end);
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  }
}

function mentionsOf(ex: Extraction, type: Mention["type"]): string[] {
  return ex.mentions.filter((m) => m.type === type).map((m) => m.text);
}

test("tokenizer: offsets, clitics, abbreviations, hyphenated names, quotes and dashes", () => {
  const text = "“Kerry’s plan,” said the U.S. envoy -- Mr. Smith’s aide -- to Bashar al-Assad’s president-elect friend in O’Malley's office — it can't cost $1.13bn.''";
  const tokens = tokenize(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(texts(tokens), [
    "“", "Kerry", "’s", "plan", ",", "”", "said", "the", "U.S.", "envoy", "--", "Mr.", "Smith", "’s", "aide", "--",
    "to", "Bashar", "al-Assad", "’s", "president-elect", "friend", "in", "O’Malley", "'s", "office", "—", "it",
    "can't", "cost", "$", "1.13bn", ".", "''",
  ]);
  const kinds = new Map(tokens.map((t) => [t.text, t.kind]));
  assert.equal(kinds.get("’s"), "clitic");
  assert.equal(kinds.get("“"), "quote");
  assert.equal(kinds.get("''"), "quote");
  assert.equal(kinds.get("1.13bn"), "number");
  assert.equal(kinds.get("—"), "punct");
});

test("tokenizer: a plural possessive apostrophe and a sentence-final initialism", () => {
  const text = "The US’ failure. Talks in the U.K.\nGeorge W. Bush";
  const tokens = tokenize(text);
  assert.deepEqual(texts(tokens), ["The", "US", "’", "failure", ".", "Talks", "in", "the", "U.K.", "George", "W.", "Bush"]);
  assert.equal(tokens[9]?.lineBreakBefore, true);
  assert.equal(tokens[8]?.lineBreakBefore, false);
});

test("mentions carry no punctuation or possessives", () => {
  const text = "A report on Kerry’s race to Aleppo, by the Washington Post, and Putin's reply.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.deepEqual(mentionsOf(ex, "PERSON"), ["Kerry", "Putin"]);
  assert.deepEqual(mentionsOf(ex, "PLACE"), ["Aleppo"]);
  assert.deepEqual(mentionsOf(ex, "ORGANIZATION"), ["Washington Post"]);
});

test("titles and nationality words are not part of names", () => {
  const text = "Syrian President Bashar al-Assad met Russian Foreign Minister Sergei Lavrov in Moscow. Later Assad flew home.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.deepEqual(mentionsOf(ex, "PERSON"), ["Bashar al-Assad", "Sergei Lavrov", "Assad"]);
  assert.deepEqual(mentionsOf(ex, "PLACE"), ["Moscow"]);
  assert.deepEqual(mentionsOf(ex, "ORGANIZATION"), []);
});

test("sentence-initial common words and unknown single words are dropped; surnames are kept", () => {
  const text =
    "Officials in Geneva met on Monday. Stopping the siege is hard, officials say.\n\nYury Ushakov spoke to RT. Ushakov left for the United States and the U.S. Secretary of State stayed.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.deepEqual(mentionsOf(ex, "PERSON"), ["Yury Ushakov", "Ushakov"]);
  assert.deepEqual(mentionsOf(ex, "PLACE"), ["Geneva", "United States", "U.S."]);
  assert.deepEqual(mentionsOf(ex, "ORGANIZATION"), ["RT"]);
});

test("organizations by keyword, and a later short form of one", () => {
  const text = "The group was formerly Al-Nusra Front. Jabhat Fatah al-Sham denied it, the Washington Post said. The Post stood by it.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.deepEqual(mentionsOf(ex, "ORGANIZATION"), ["Al-Nusra Front", "Jabhat Fatah al-Sham", "Washington Post", "Post"]);
});

test("quote after the words with a named speaker", () => {
  const text = "Yury Ushakov spoke on Friday.\n\n“We will patiently wait for that team,” Ushakov said.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.equal(ex.quotes.length, 1);
  const q = ex.quotes[0]!;
  assert.equal(q.text, "We will patiently wait for that team,");
  assert.equal(q.cue, "said");
  assert.equal(q.speaker?.text, "Ushakov");
  assert.equal(q.speaker?.mention?.type, "PERSON");
});

test("mismatched straight/curly marks, a cue before the quote, and a pronoun", () => {
  const text =
    "During an interview, Donald Trump said that the plan was \"madness, and idiocy and worse.” \"You have to pick one or the other,\" he added.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.equal(ex.quotes.length, 2);
  assert.equal(ex.quotes[0]?.text, "madness, and idiocy and worse.");
  assert.equal(ex.quotes[0]?.cue, "said");
  assert.equal(ex.quotes[0]?.speaker?.mention?.text, "Donald Trump");
  assert.equal(ex.quotes[1]?.text, "You have to pick one or the other,");
  assert.equal(ex.quotes[1]?.cue, "added");
  assert.equal(ex.quotes[1]?.speaker?.text, "he");
  assert.equal(ex.quotes[1]?.speaker?.mention?.text, "Donald Trump");
});

test("a quote interrupted by its attribution gives both parts the speaker", () => {
  const text = "Angela Merkel arrived late.\n\n“We are ready,” she said, “but not today.”";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.deepEqual(ex.quotes.map((q) => q.text), ["We are ready,", "but not today."]);
  for (const q of ex.quotes) {
    assert.equal(q.speaker?.text, "she");
    assert.equal(q.speaker?.mention?.text, "Angela Merkel");
  }
});

test("pronouns prefer the subject of a reporting verb over a nearer name", () => {
  const text =
    "Yury Ushakov confirmed that Kerry had called his counterpart, Sergey Lavrov, many times.\n\n“There have never been so many phone calls,” he told journalists.";
  const ex = extract(text);
  assert.equal(ex.quotes[0]?.speaker?.mention?.text, "Yury Ushakov");
  assert.equal(ex.quotes[0]?.cue, "told");
});

test("according to an outlet, and a description resolved to it", () => {
  const text =
    "The Washington Post reported on the talks.\n\nAccording to the Washington Post, “the talks will go on for weeks.”\n\nAccording to the American daily, \"officials met twice in Lima last month\".\n\n“Officials acknowledge that a deal is hard,” Post adds.";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.equal(ex.quotes.length, 3);
  assert.equal(ex.quotes[0]?.cue, "According to");
  assert.equal(ex.quotes[0]?.speaker?.mention?.text, "Washington Post");
  assert.equal(ex.quotes[1]?.speaker?.text, "the American daily");
  assert.equal(ex.quotes[1]?.speaker?.mention?.text, "Washington Post");
  assert.equal(ex.quotes[2]?.cue, "adds");
  assert.equal(ex.quotes[2]?.speaker?.mention?.text, "Post");
  assert.equal(ex.quotes[2]?.speaker?.mention?.type, "ORGANIZATION");
});

test("short scare quotes without a cue are skipped; long unattributed quotes are kept", () => {
  const text =
    "Kerry wants to split the so-called “moderate opposition” from the rest.\n\nThe report called for a deal that “abandons the opposition and places the US on the side of Assad.”";
  const ex = extract(text);
  assertOffsets(text, ex);
  assert.equal(ex.quotes.length, 1);
  assert.equal(ex.quotes[0]?.text, "abandons the opposition and places the US on the side of Assad.");
  assert.equal(ex.quotes[0]?.speaker, null);
});

test("seed article: expected entities and quote speakers", () => {
  const raw = readFileSync(new URL("../seeds/000_7cabb06b0e0d6da4.txt", import.meta.url), "utf8");
  const body = parseDocument(raw, "seed.txt").body;
  const ex = extract(body);
  assertOffsets(body, ex);
  const people = new Set(mentionsOf(ex, "PERSON"));
  const orgs = new Set(mentionsOf(ex, "ORGANIZATION"));
  const places = new Set(mentionsOf(ex, "PLACE"));
  for (const p of ["Kerry", "Donald Trump", "Trump", "Bashar al-Assad", "Assad", "Yury Ushakov", "Ushakov", "Sergey Lavrov", "Sergei Lavrov", "Putin", "Hillary Clinton"]) {
    assert.ok(people.has(p), `person ${p}`);
  }
  for (const o of ["Washington Post", "Post", "RT", "ISIS", "Jabhat Fatah al-Sham", "Al-Nusra Front", "White House"]) {
    assert.ok(orgs.has(o), `organization ${o}`);
  }
  for (const p of ["Syria", "Aleppo", "United States", "US", "U.S.", "Washington", "Russia", "Turkey", "Saudi Arabia", "Qatar", "Iran", "Geneva", "Lima", "Peru", "Abu Dhabi", "United Arab Emirates", "Moscow"]) {
    assert.ok(places.has(p), `place ${p}`);
  }
  for (const junk of ["Syrian", "Russian", "Officials", "Secretary", "Stopping", "Comment", "FM"]) {
    assert.ok(!ex.mentions.some((m) => m.text === junk), `no mention ${junk}`);
  }
  const speakers = ex.quotes.map((q) => q.speaker?.mention?.text ?? null);
  // The first quote is the Washington Post report's (`A report by Washington Post ... said ... that “...”`).
  assert.deepEqual(speakers, ["Washington Post", "Trump", "Trump", "Yury Ushakov", "Washington Post", "Post", "Ushakov"]);
});

test("property: extract never throws and every offset is in range and matches its slice", () => {
  const fragments = fc.constantFrom(
    "“", "”", '"', "'", "’s", "'s", " ", "\n", "\n\n", ",", ".", "—", "-", "U.S.", "Mr.", "al-", "Assad", "Kerry",
    "said", "he", "she", "according to", "Post", "Washington", "Sergei Lavrov", "of", "the", "President", "(", ")",
    "SEC", "\u00a0", "é", "😀", "\ud800", "Abu Dhabi", "Ms", ":", "told", "''", "𑛆", "1.5", "O’", "Later",
  );
  const mixed = fc.array(fc.oneof(fragments, fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(""));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), mixed), (text) => {
      const ex = extract(text);
      assertOffsets(text, ex);
    }),
    { numRuns: 1000 },
  );
});

// How long this takes is `npm run bench:linear`'s business; here a 5 MB text must give
// exactly what its paragraph gives, once per copy, at the copy's offsets.
test("a 5 MB text of one repeated paragraph gives that paragraph's mentions and quotes once per copy", () => {
  const paragraph =
    "Russian Foreign Minister Sergei Lavrov met Kerry in Geneva, the Washington Post said. “We will wait,” Lavrov said, “and see.” Officials in Aleppo's east said the U.S. had no plan.\n\n";
  const copies = Math.ceil(5_000_000 / paragraph.length);
  const one = extract(paragraph);
  const all = extract(paragraph.repeat(copies));
  assert.ok(one.mentions.length > 0 && one.quotes.length > 0);
  assert.equal(all.mentions.length, copies * one.mentions.length);
  assert.equal(all.quotes.length, copies * one.quotes.length);
  const shift = (copies - 1) * paragraph.length;
  const last = all.mentions.slice(-one.mentions.length);
  assert.deepEqual(
    last.map((m) => [m.text, m.start - shift, m.end - shift]),
    one.mentions.map((m) => [m.text, m.start, m.end]),
  );
});
