// An analysis packed for the crossing from an analysis thread (src/analysis/runtime/packed.ts)
// comes back the same, through a structured clone as between threads. All text here is made up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { packAnalysis, unpackAnalysis } from "../src/analysis/runtime/packed.ts";
import { analyseArticle } from "../src/analysis/runtime/analyse.ts";

const BODY = `Maria Lopez, the mayor of Porto Vell, met Anna Berg in Geneva on Monday.
“We will rebuild the harbour before winter,” Lopez said. Berg told reporters in Geneva the talks had been useful.`;

test("a packed analysis unpacks to the same analysis, its mentions sharing one entry per entity", () => {
  const analysis = analyseArticle(BODY);
  assert.ok(analysis.mentions.length >= 5 && analysis.quotes.length === 1, "the text has mentions and one quote");
  const packed = structuredClone(packAnalysis(analysis, BODY));
  const distinct = new Set(analysis.mentions.map((m) => `${m.type} ${m.key}`)).size;
  assert.equal(packed.refs.length, 2 * distinct);
  assert.equal(packed.mentions.length, 3 * analysis.mentions.length);
  assert.equal(packed.quotes[0]!.text, undefined, "the quote's text is sliced from the body again");
  assert.deepEqual(unpackAnalysis(packed, BODY), analysis);
});

test("a quote whose text is not the body's at its offsets keeps its own text", () => {
  const quote = { text: "rebuilt", start: 0, end: 5, cue: "said", speakerName: "Lopez", speaker: null };
  const analysis = { entities: [], mentions: [], quotes: [quote] };
  const packed = structuredClone(packAnalysis(analysis, BODY));
  assert.equal(packed.quotes[0]!.text, "rebuilt");
  assert.deepEqual(unpackAnalysis(packed, BODY), analysis);
});
