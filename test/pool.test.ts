// The analysis pool: a document analysed on a worker thread comes back exactly as the
// same document analysed on the calling thread, and bad input (too large, a missing file)
// comes back as a failure with its reason, not as a crash of the thread. All text here is
// made up by the tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnalysisPool } from "../src/analysis/runtime/pool.ts";
import { prepareDocument } from "../src/analysis/runtime/prepare.ts";
import { LARGE_DOCUMENT_BYTES } from "../src/analysis/runtime/collect-garbage.ts";
import { shippedTagger } from "../src/analysis/runtime/ner-model.ts";
import type { Tagger } from "../src/analysis/ner/model.ts";

const TEXT = `Harbour talks resume

Maria Lopez, the mayor of Porto Vell, met Anna Berg of the United Nations in Geneva on Monday.
“We will rebuild the harbour before winter,” Lopez said. Berg told reporters the talks had been useful.`;

test("a worker thread analyses a document exactly as the calling thread does", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-pool-"));
  const pool = createAnalysisPool(1);
  try {
    const bytes = new TextEncoder().encode(TEXT);
    const here = await prepareDocument({ bytes, name: "talks.txt", maxDocumentBytes: 1 << 20 });
    assert.ok(here.ok && here.analysis.quotes.length === 1, "the document has one quote");
    assert.deepEqual(await pool.prepare({ bytes, name: "talks.txt", maxDocumentBytes: 1 << 20 }), here);

    writeFileSync(join(dir, "talks.txt"), bytes);
    assert.deepEqual(await pool.prepare({ file: join(dir, "talks.txt"), name: "talks.txt", maxDocumentBytes: 1 << 20 }), here);

    assert.deepEqual(await pool.prepare({ bytes, name: "talks.txt", maxDocumentBytes: 10 }), {
      ok: false,
      reason: `too large: ${bytes.length} bytes (0.0 MiB), the limit is 10 bytes (MAX_DOCUMENT_BYTES)`,
    });
    const missing = await pool.prepare({ file: join(dir, "gone.txt"), name: "gone.txt", maxDocumentBytes: 1 << 20 });
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.reason : "", /ENOENT.*gone\.txt/);
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a pool for large documents (small heap limits, collected after each) analyses one of 1 MiB as the calling thread does, which keeps none of its words", async () => {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join("\n\n").length < LARGE_DOCUMENT_BYTES; i++) {
    paragraphs.push(`Maria Lopez${i % 7 ? "" : " Vidal"} met Anna Berg in Geneva on day ${i}. “The harbour ${i} opens in spring,” Lopez said. Berg told the Porto Vell council the plan was sound.`);
  }
  const bytes = new TextEncoder().encode(`Harbour digest\n\n${paragraphs.join("\n\n")}`);
  const pool = createAnalysisPool(1, { forLargeDocuments: true });
  try {
    const here = await prepareDocument({ bytes, name: "digest.txt", maxDocumentBytes: 1 << 22 });
    assert.ok(here.ok && here.analysis.quotes.length > 1000 && here.analysis.mentions.length > 10_000, "the document has many quotes and mentions");
    // Its words were not kept by this thread's tagger (src/analysis/runtime/analyse.ts), and the next analysis is the same.
    assert.equal((shippedTagger() as Tagger).fz.tIntr.length, 0);
    assert.deepEqual(await prepareDocument({ bytes, name: "digest.txt", maxDocumentBytes: 1 << 22 }), here);
    assert.deepEqual(await pool.prepare({ bytes, name: "digest.txt", maxDocumentBytes: 1 << 22 }), here);
  } finally {
    await pool.close();
  }
});
