// The near-duplicate fingerprint folds a long body a slice at a time (src/documents/near-duplicates.ts):
// its words must be those of the body folded whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { foldText, hashWords } from "../src/documents/near-duplicates.ts";

function wholeFolded(body: string): number[] {
  return foldText(body)
    .split(" ")
    .map((word) => {
      let h = 0x811c9dc5;
      for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193);
      return h >>> 0;
    });
}

test("property: the words hashed slice by slice are those of the body folded whole, across slice ends", () => {
  const piece = fc.constantFrom("Word", "ΟΔΟΣ", "straße", "ﬁne", "é", "e\u0301", " ", "  ", "\n", "\n\n", "—", "“", ".", "42", "3.5", "\u00a0", "😀", "x".repeat(5_000));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 40 }), (pieces, repeat) => {
      // Repeated to pass 64K characters now and then, so that slices end inside it.
      const body = Array.from({ length: repeat }, () => pieces.join("")).join(" ");
      assert.deepEqual([...hashWords(body)], wholeFolded(body));
    }),
    { numRuns: 150 },
  );
});
