// The example frontend's cutting of a body into quotes and mentions (examples/web/src/spans.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { regions } from "../examples/web/src/spans.ts";

const BODY = "Ann Lee said: “Oslo is ready,” and left Oslo.";
const at = (text: string, from = 0) => ({ start: BODY.indexOf(text, from), end: BODY.indexOf(text, from) + text.length, text });

test("quotes become regions, mentions pieces inside or outside them, and the text is kept whole", () => {
  const quote = at("Oslo is ready,");
  const mentions = [at("Ann Lee"), at("Oslo"), at("Oslo", 20)];
  const out = regions(BODY, [quote], mentions);
  assert.equal(out.map((r) => r.text).join(""), BODY);
  assert.deepEqual(out.map((r) => [r.text, r.quote?.text ?? null, r.pieces.map((p) => [p.text, p.mention?.text ?? null])]), [
    ["Ann Lee said: “", null, [["Ann Lee", "Ann Lee"], [" said: “", null]]],
    ["Oslo is ready,", "Oslo is ready,", [["Oslo", "Oslo"], [" is ready,", null]]],
    ["” and left Oslo.", null, [["” and left ", null], ["Oslo", "Oslo"], [".", null]]],
  ]);
});

test("a mention across a quote's edge is cut at the edge; overlapping or out-of-range spans are dropped", () => {
  const quote = at("Oslo is ready,");
  const across = { start: quote.start - 5, end: quote.start + 4 };
  const out = regions(BODY, [quote, { start: quote.start + 2, end: quote.end + 3 }, { start: 40, end: 99 }], [across, { start: across.start + 1, end: across.start + 2 }]);
  assert.equal(out.map((r) => r.text).join(""), BODY);
  assert.deepEqual(out.filter((r) => r.quote).map((r) => r.text), ["Oslo is ready,"]);
  const linked = out.flatMap((r) => r.pieces.filter((p) => p.mention).map((p) => p.text));
  assert.deepEqual(linked, ["id: “", "Oslo"]);
});
