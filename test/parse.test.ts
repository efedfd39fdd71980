import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { countWords, decodeDocument, parseDocument } from "../src/documents/parse.ts";
import { DocumentError } from "../src/documents/document-error.ts";
import { contentHash } from "../src/documents/hash.ts";
import { listDocumentFiles } from "../src/documents/files.ts";

const SEED = new URL("../seeds/000_7cabb06b0e0d6da4.txt", import.meta.url);
const SEED_TITLE = "Outgoing US Govt. Doing Best to Save Rebels in Syria before Trump Presidency";

function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Asserts that `fn` throws a DocumentError whose reason matches. */
function assertRejects(fn: () => unknown, reason: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof DocumentError, `expected DocumentError, got ${String(err)}`);
    assert.match(err.reason, reason);
    assert.equal(err.fileName, "doc.txt");
    assert.match(err.message, /^doc\.txt: /);
    return true;
  });
}

test("seed format: title, date, story code and a clean body", () => {
  const raw = readFileSync(SEED);
  const doc = parseDocument(decodeDocument(raw, "seed.txt"), "seed.txt");
  assert.equal(doc.title, SEED_TITLE);
  assert.equal(doc.publishedAt?.toISOString(), "2016-12-03T04:21:00.000Z");
  assert.equal(doc.sourceId, "587433");
  assert.ok(doc.body.startsWith("A report by Washington Post, Inside Kerry’s race"), doc.body.slice(0, 60));
  assert.ok(!doc.body.includes(SEED_TITLE), "the repeated title is dropped");
  assert.ok(doc.body.endsWith("Ushakov said."), doc.body.slice(-40));
  assert.ok(!/Comment\s*$/.test(doc.body), "the trailing Comment line is dropped");
  const paragraphs = doc.body.split("\n\n");
  assert.equal(paragraphs.length, 13);
  for (const p of paragraphs) {
    assert.equal(p, p.trim(), "paragraphs are trimmed (including no-break spaces)");
    assert.notEqual(p, "");
  }
  assert.ok(!doc.body.includes("\n\n\n"));
  assert.ok(paragraphs[12]?.startsWith("“We will patiently wait"));
  // The text inside paragraphs is kept as written (curly quotes, brackets, double space).
  assert.ok(doc.body.includes("“This [effort] could be called unbelievable"));
  assert.ok(doc.body.includes("Aleppo,\u00a0 said on Sunday"));
});

test("seed format tolerates a missing date line and a missing story code", () => {
  const doc = parseDocument("12\n\nSome Headline\n\nSome Headline\nFirst paragraph.\n \nSecond one.\nComment", "doc.txt");
  assert.equal(doc.title, "Some Headline");
  assert.equal(doc.publishedAt, null);
  assert.equal(doc.sourceId, null);
  assert.equal(doc.body, "First paragraph.\n\nSecond one.");

  const noCode = parseDocument("7\nMonday 5 March 2018 - 23:05\n\nA Title\nA Title\nBody text here.\nComment", "doc.txt");
  assert.equal(noCode.publishedAt?.toISOString(), "2018-03-05T23:05:00.000Z");
  assert.equal(noCode.sourceId, null);
  assert.equal(noCode.body, "Body text here.");
});

test("seed format: a Comment label glued to the last sentence is dropped", () => {
  const doc = parseDocument("3\nSaturday 3 December 2016 - 04:21\n\nTitle\n\nStory Code : 1\nTitle\nKerry met Lavrov.Comment", "doc.txt");
  assert.equal(doc.body, "Kerry met Lavrov.");
  assert.equal(doc.sourceId, "1");
});

test("plain format: first line is the title, the rest the body", () => {
  const doc = parseDocument("\n  Talks resume in Geneva  \n\nKerry met Lavrov on Monday.\n\n\n  \n“We will talk again,” he said.\n", "doc.txt");
  assert.equal(doc.title, "Talks resume in Geneva");
  assert.equal(doc.body, "Kerry met Lavrov on Monday.\n\n“We will talk again,” he said.");
  assert.equal(doc.publishedAt, null);
  assert.equal(doc.sourceId, null);
});

test("a numeric first line alone does not make a seed document", () => {
  const doc = parseDocument("2016\n\nThe year in review.", "doc.txt");
  assert.equal(doc.title, "2016");
  assert.equal(doc.body, "The year in review.");
});

test("decodeDocument strips a BOM and normalizes CRLF and CR", () => {
  const text = decodeDocument(bytes("\ufeffTitle\r\n\r\nLine one.\rLine two.\r\n"), "doc.txt");
  assert.equal(text, "Title\n\nLine one.\nLine two.\n");
  const doc = parseDocument(text, "doc.txt");
  assert.equal(doc.title, "Title");
  assert.equal(doc.body, "Line one.\nLine two.");
});

test("bad inputs are rejected with a reason", () => {
  assertRejects(() => decodeDocument(new Uint8Array(), "doc.txt"), /empty/);
  assertRejects(() => decodeDocument(bytes(" \n\t\r\n "), "doc.txt"), /only whitespace/);
  assertRejects(() => decodeDocument(Uint8Array.from([0x48, 0x00, 0x69]), "doc.txt"), /binary.*NUL/);
  const controls = new Uint8Array(200).fill(0x41);
  for (let i = 0; i < 200; i += 10) controls[i] = 0x01;
  assertRejects(() => decodeDocument(controls, "doc.txt"), /binary.*control/);
  assertRejects(() => decodeDocument(Uint8Array.from([0x54, 0x69, 0xe9, 0x74, 0x65]), "doc.txt"), /not valid UTF-8/);
  assertRejects(() => parseDocument("", "doc.txt"), /empty/);
  assertRejects(() => parseDocument("\n \u00a0\n", "doc.txt"), /only whitespace/);
  assertRejects(() => parseDocument("Only A Title\n\n   \n", "doc.txt"), /no body/);
  assertRejects(() => parseDocument("<!DOCTYPE html>\n<html><body>x</body></html>", "doc.txt"), /looks like HTML/);
  assertRejects(() => parseDocument("  <html lang=\"en\">\n<p>Kerry</p>", "doc.txt"), /looks like HTML/);
  assertRejects(() => parseDocument("5\nSaturday 3 December 2016 - 04:21\n\nTitle\nStory Code : 9\nTitle\nComment", "doc.txt"), /no body/);
});

test("countWords counts words with letters or digits", () => {
  assert.equal(countWords("Kerry met Lavrov — twice, in 2016."), 6);
  assert.equal(countWords(""), 0);
  assert.equal(countWords("  \n\n “ ” "), 0);
});

test("contentHash ignores whitespace layout but not words", () => {
  const a = contentHash({ title: "Talks  resume", body: "Kerry met Lavrov.\n\nThey  talked." });
  const b = contentHash({ title: "Talks resume ", body: "Kerry met Lavrov. \n \nThey talked." });
  const c = contentHash({ title: "Talks resume", body: "Kerry met Putin.\n\nThey talked." });
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("listDocumentFiles walks folders in sorted order and skips dotfiles and Markdown", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "newsgraph-files-"));
  try {
    await mkdir(path.join(dir, "b"));
    await mkdir(path.join(dir, ".hidden"));
    for (const name of ["b/2.txt", "b/1", "a.txt", "README.md", "notes.md", ".env", "img.png", ".hidden/x.txt"]) {
      await writeFile(path.join(dir, name), "Title\n\nBody.");
    }
    const seen: string[] = [];
    for await (const f of listDocumentFiles([dir])) seen.push(path.relative(dir, f));
    assert.deepEqual(seen, ["a.txt", path.join("b", "1"), path.join("b", "2.txt")]);

    const single: string[] = [];
    for await (const f of listDocumentFiles([path.join(dir, "a.txt")])) single.push(f);
    assert.deepEqual(single, [path.join(dir, "a.txt")]);

    const missing = path.join(dir, "nope");
    await assert.rejects(async () => {
      for await (const _ of listDocumentFiles([missing])) void _;
    }, new RegExp(`does not exist: ${missing.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
