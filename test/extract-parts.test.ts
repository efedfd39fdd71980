// A long text is analysed in parts (src/analysis/pipeline.ts, MAX_PART_CHARS) so that the
// memory one analysis holds is bounded by the part: the cuts, the offsets mapped back, and
// what the parts change against analysing the whole text at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createPipeline, MAX_PART_CHARS, newsPipeline, rulesPipeline, textParts } from "../src/analysis/pipeline.ts";
import type { Extraction } from "../src/domain/extraction.ts";
import { shippedTagger } from "../src/analysis/runtime/ner-model.ts";
import { corpusArticle } from "./helpers/corpus.ts";

/** Invented stories (test/helpers/corpus.ts) joined into one text of at least `chars` characters. */
function digest(chars: number, seed: number): string {
  const parts = [`Digest ${seed}: the week's talks`, ""];
  for (let i = 0, size = 0; size < chars; i++) {
    const story = corpusArticle(seed * 100_000 + i).split("\n").slice(2).join("\n");
    parts.push(story, "");
    size += story.length + 1;
  }
  return parts.join("\n");
}

/** Mentions and quotes as comparable rows, the speaker's mention by its span and type. */
function rows(found: Extraction) {
  return {
    mentions: found.mentions.map((m) => `${m.type} ${m.start}-${m.end} ${m.text}`),
    quotes: found.quotes.map((q) => `${q.start}-${q.end} ${q.text} | ${q.cue} | ${q.speaker ? `${q.speaker.start}-${q.speaker.end} ${q.speaker.text} -> ${q.speaker.mention ? `${q.speaker.mention.type} ${q.speaker.mention.start}` : "none"}` : "none"}`),
  };
}

test("textParts cuts a text into contiguous parts of at most the limit, at a paragraph break when the part's second half has one", () => {
  const piece = fc.constantFrom("word", "Anna Berg", " ", " ", ". ", "\n", "\n\n", "“", "é", "😀");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 8, max: 120 }), (pieces, max) => {
      const text = pieces.join("");
      const parts = textParts(text, max);
      assert.equal(parts[0]!.start, 0);
      assert.equal(parts.at(-1)!.end, text.length);
      parts.forEach((p, i) => {
        assert.ok((p.end > p.start || text.length === 0) && p.end - p.start <= max, `part ${i} ${p.start}-${p.end} of at most ${max}`);
        if (i > 0) assert.equal(p.start, parts[i - 1]!.end);
        if (i + 1 === parts.length) return;
        const code = text.charCodeAt(p.end - 1);
        assert.ok(!(code >= 0xd800 && code <= 0xdbff), "never inside a surrogate pair");
        const window = text.slice(p.start, p.start + max);
        if (window.lastIndexOf("\n\n", max - 2) >= Math.floor(max / 2)) assert.ok(text.slice(0, p.end).endsWith("\n\n"), `part ${i} ends at a paragraph break`);
      });
    }),
    { numRuns: 300 },
  );
});

test("a text no longer than MAX_PART_CHARS is analysed whole: the same mentions and quotes as with no parts at all", () => {
  const text = digest(MAX_PART_CHARS - 2_000, 3);
  assert.ok(text.length <= MAX_PART_CHARS && text.length > MAX_PART_CHARS - 3_000);
  assert.deepEqual(rows(createPipeline(rulesPipeline)(text)), rows(createPipeline(rulesPipeline, Number.POSITIVE_INFINITY)(text)));
});

test("a longer text's parts are each analysed as that text alone, offsets mapped back to the whole and speakers to the mapped mentions", () => {
  const story = digest(1_500, 5);
  const text = Array.from({ length: 4 }, () => story).join("\n\n");
  // Parts of at most one story and its blank line: the cuts fall between the copies.
  const chunked = createPipeline(newsPipeline(shippedTagger()), story.length + 2)(text);
  const one = createPipeline(newsPipeline(shippedTagger()))(story);
  assert.ok(one.mentions.length > 10 && one.quotes.some((q) => q.speaker?.mention), "the story has mentions and attributed quotes");
  const expected = { mentions: [] as string[], quotes: [] as string[] };
  for (let copy = 0; copy < 4; copy++) {
    const shift = copy * (story.length + 2);
    const r = rows({
      mentions: one.mentions.map((m) => ({ ...m, start: m.start + shift, end: m.end + shift })),
      quotes: one.quotes.map((q) => ({ ...q, start: q.start + shift, end: q.end + shift, speaker: q.speaker && { ...q.speaker, start: q.speaker.start + shift, end: q.speaker.end + shift, mention: q.speaker.mention && { ...q.speaker.mention, start: q.speaker.mention.start + shift } } })),
    });
    expected.mentions.push(...r.mentions);
    expected.quotes.push(...r.quotes);
  }
  assert.deepEqual(rows(chunked), expected);
  for (const m of chunked.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const q of chunked.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.speaker?.mention) assert.ok(chunked.mentions.includes(q.speaker.mention), "a speaker's mention is one of the result's mentions");
  }
});

test("a 250,000-character text of invented stories gives the same quotes in parts as whole, and all but a few of the same mentions", () => {
  const text = digest(250_000, 7);
  const pipeline = newsPipeline(shippedTagger());
  const whole = rows(createPipeline(pipeline, Number.POSITIVE_INFINITY)(text));
  const parts = rows(createPipeline(pipeline)(text));
  // The speaker's mention type may follow its part's evidence (see the next assertion).
  const spans = (quotes: string[]) => quotes.map((q) => q.replace(/ -> \S+/, ""));
  assert.deepEqual(spans(parts.quotes), spans(whole.quotes));
  // What reaches across the whole text (a name's type decided from all its occurrences,
  // a given name joined to a surname stories away) reaches across a part only.
  const inWhole = new Set(whole.mentions);
  const differing = parts.mentions.filter((m) => !inWhole.has(m)).length;
  assert.ok(whole.mentions.length > 5_000);
  assert.ok(differing <= whole.mentions.length / 500, `${differing} of ${whole.mentions.length} mentions differ`);
});
