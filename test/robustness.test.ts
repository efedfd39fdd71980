// Bad documents: the parser and the whole analyse path (extract, then resolve) on
// arbitrary input never throw (the parser only its DocumentError), never hang (each
// test has a timeout), and every offset they return lies inside the text and points
// at the words it names. All text here is made up by the tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeDocument, parseDocument } from "../src/documents/parse.ts";
import { DocumentError } from "../src/documents/document-error.ts";
import { prepareDocument } from "../src/analysis/runtime/prepare.ts";
import { DEFAULT_MAX_DOCUMENT_BYTES, readDocument } from "../src/documents/read.ts";
import { analyseArticle } from "../src/analysis/runtime/analyse.ts";
import type { ResolvedArticle } from "../src/domain/resolved.ts";

/** Pieces that stress the layouts, the tokenizer and the quote finder. */
const PIECES = [
  "12345", "Saturday 3 December 2016 - 04:21", "31 February 2016", "Story Code : 42", "Comment", "Comments",
  "<html>", "<!DOCTYPE html>", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\ufeff", "\t", "\f", "\u0001", "\u007f",
  "“", "”", '"', "'", "‘", "’", "«", "»", "''", "``", "—", "-", "...", "(", ")", "Mr.", "U.S.", "al-",
  " said", " told reporters", " according to", " he said", ", she added.", "Maria Lopez", "John Carter",
  "Lopez", "the United Nations", "Berlin", "Cairo", "NATO", "O’Neil", "😀", "\ud800", "\udfff", "é", "e\u0301",
  "ﬁ", "İ", "ß", "\u200b", "\u202e", "𑛆", " ", ". ", "? ", "! ",
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  // 2,000-character lines: one piece repeated, with no line break in it.
  { weight: 1, arbitrary: fc.constantFrom("a", "Lopez ", "“", "Maria Lopez said “", "x y ").map((s) => s.repeat(Math.ceil(2000 / s.length)).slice(0, 2000)) },
);
const mixedText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));
const anyText = fc.oneof(mixedText, fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }));

/** Every offset of an analysis is inside the body and points at its own words. */
function assertAnalysis(body: string, result: ResolvedArticle): void {
  for (const e of result.entities) {
    assert.ok(e.key.length > 0 && e.name.length > 0, `entity ${JSON.stringify(e)}`);
    assert.ok(Number.isInteger(e.firstOffset) && e.firstOffset >= 0 && e.firstOffset < body.length, `firstOffset of ${JSON.stringify(e)}`);
    assert.ok(e.mentionCount >= 1);
    assert.ok(e.aliases.length >= 1);
  }
  for (const q of result.quotes) {
    assert.ok(q.start >= 0 && q.start < q.end && q.end <= body.length, `range of ${JSON.stringify(q)}`);
    assert.equal(body.slice(q.start, q.end), q.text);
    if (q.speaker) assert.ok(result.entities.some((e) => e.type === q.speaker!.type && e.key === q.speaker!.key), "a quote's speaker is one of the article's entities");
  }
}

/** decode + parse: a ParsedDocument with a title and a body, or a DocumentError; nothing else. */
function parseOrReject(bytes: Uint8Array): void {
  let text: string;
  try {
    text = decodeDocument(bytes, "doc.txt");
  } catch (error) {
    assert.ok(error instanceof DocumentError, `decodeDocument threw ${String(error)}`);
    return;
  }
  try {
    const doc = parseDocument(text, "doc.txt");
    assert.ok(doc.title.trim().length > 0 && !doc.title.includes("\n"), `title ${JSON.stringify(doc.title)}`);
    assert.ok(doc.body.trim().length > 0, "body");
    assert.ok(doc.publishedAt === null || !Number.isNaN(doc.publishedAt.getTime()));
  } catch (error) {
    assert.ok(error instanceof DocumentError, `parseDocument threw ${String(error)}`);
  }
}

test("property: the parser accepts or rejects with a DocumentError, whatever the bytes", { timeout: 60_000 }, () => {
  const asBytes = fc.oneof(
    mixedText.map((s) => new TextEncoder().encode(s)),
    fc.uint8Array({ maxLength: 400 }),
    // Mostly text with a few raw bytes in it: invalid UTF-8 sequences, lone continuation bytes.
    fc.tuple(mixedText, fc.uint8Array({ minLength: 1, maxLength: 3 }), mixedText).map(
      ([a, raw, b]) => new Uint8Array([...new TextEncoder().encode(a), ...raw, ...new TextEncoder().encode(b)]),
    ),
  );
  fc.assert(fc.property(asBytes, parseOrReject), { numRuns: 600 });
});

test("property: parseDocument on any string accepts or rejects with a DocumentError", { timeout: 60_000 }, () => {
  fc.assert(fc.property(anyText, (text) => parseOrReject(new TextEncoder().encode(text))), { numRuns: 300 });
  // parseDocument is also called on decoded text directly (the mutation path goes through decodeDocument too).
  fc.assert(
    fc.property(anyText, (text) => {
      try {
        parseDocument(text, "doc.txt");
      } catch (error) {
        assert.ok(error instanceof DocumentError, `parseDocument threw ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test("property: analyseArticle never throws and every offset is inside the body", { timeout: 90_000 }, () => {
  fc.assert(fc.property(anyText, (body) => assertAnalysis(body, analyseArticle(body))), { numRuns: 400 });
});

test("property: the full path from bytes (decode, parse, analyse) on documents with a title", { timeout: 90_000 }, async () => {
  const doc = fc.tuple(fc.constantFrom("Harbour reopens", "12345\n3 December 2016\nTitle", "“Unbalanced title"), mixedText).map(([title, body]) => `${title}\n\n${body}`);
  await fc.assert(
    // Bad input is a failure with its reason (a DocumentError inside); anything else would reject.
    fc.asyncProperty(doc, async (text) => {
      const prepared = await prepareDocument({ bytes: new TextEncoder().encode(text), name: "doc.txt", maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES });
      if (!prepared.ok) return;
      assertAnalysis(prepared.record.body, prepared.analysis);
      assert.match(prepared.record.contentHash, /^[0-9a-f]{64}$/);
    }),
    { numRuns: 200 },
  );
});

test("a 5 MB article with unbalanced quotes, 2,000-character lines and control characters goes through the whole path", { timeout: 120_000 }, async () => {
  const paragraphs = [
    "Maria Lopez met John Carter in Berlin on Monday, officials of the United Nations said.",
    "“We agreed on the plan,” Lopez said, and then “the rest will follow.",
    "Carter said nothing \u0001 about the harbour in Cairo.\tIt was late.",
    "x".repeat(1990) + " Lopez",
    "He added: «nothing more» and ‘nothing less’ — “ ” '' `` ,, according to NATO.",
  ];
  let body = "";
  for (let i = 0; body.length < 5_000_000; i++) body += paragraphs[i % paragraphs.length] + (i % 7 === 0 ? "\n" : "\n\n");
  const bytes = new TextEncoder().encode(`Unbalanced “title\n\n${body}`);
  assert.ok(bytes.length >= 5_000_000);
  const prepared = await prepareDocument({ bytes, name: "big.txt", maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES });
  assert.ok(prepared.ok);
  const { record, analysis } = prepared;
  assert.equal(record.title, "Unbalanced “title");
  assert.ok(record.wordCount > 100_000, `wordCount ${record.wordCount}`);
  assertAnalysis(record.body, analysis);
  const names = analysis.entities.map((e) => e.name);
  for (const name of ["Maria Lopez", "John Carter", "Berlin"]) assert.ok(names.includes(name), `${name} in ${names.slice(0, 20)}`);
  assert.ok(analysis.quotes.length > 1000, `${analysis.quotes.length} quotes`);
});

test("documents over the size limit are rejected by size, with the limit in the reason", () => {
  const bytes = new TextEncoder().encode("Title\n\nA body of some words.\n");
  assert.throws(() => readDocument(bytes, "doc.txt", 10), (error: unknown) => {
    assert.ok(error instanceof DocumentError);
    assert.equal(error.reason, `too large: ${bytes.length} bytes (0.0 MiB), the limit is 10 bytes (MAX_DOCUMENT_BYTES)`);
    return true;
  });
});
