// `npm run seed` as a user runs it: a folder of good and bad files, a real database file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, copyFileSync, truncateSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

function runSeed(databaseUrl: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/seed.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test("seed loads good files, names each bad one with its reason, exits 1, and adds nothing the second time", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-seed-"));
  try {
    const docs = join(dir, "docs");
    spawnSync("mkdir", ["-p", join(docs, "nested")]);
    copyFileSync("seeds/000_7cabb06b0e0d6da4.txt", join(docs, "seed.txt"));
    writeFileSync(join(docs, "nested", "plain.txt"), "Harbour reopens\n\nThe port of Valletta reopened on Friday, Maria Borg said.\n");
    writeFileSync(join(docs, "empty.txt"), "");
    writeFileSync(join(docs, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(docs, "latin1.txt"), Buffer.from("Caf\xe9 news\n\nA caf\xe9 opened.\n", "latin1"));
    writeFileSync(join(docs, "title-only.txt"), "Just a headline\n");
    const url = `file:${join(dir, "news.db")}`;

    const first = runSeed(url, [docs]);
    assert.equal(first.code, 1, first.err);
    assert.match(first.out, /loaded 2, duplicates skipped 0, failed 4/);
    assert.match(first.err, /failed: .*empty\.txt: empty document/);
    assert.match(first.err, /failed: .*binary\.txt: binary file/);
    assert.match(first.err, /failed: .*latin1\.txt: not valid UTF-8/);
    assert.match(first.err, /failed: .*title-only\.txt: no body/);

    const second = runSeed(url, [join(docs, "seed.txt"), join(docs, "nested")]);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /loaded 0, duplicates skipped 2, failed 0/);

    const db = new Database(join(dir, "news.db"), { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    assert.equal(count("article"), 2);
    const plain = db.prepare("SELECT title, body, source_id, published_at FROM article WHERE title = ?").get("Harbour reopens") as Record<string, unknown>;
    assert.deepEqual(plain, { title: "Harbour reopens", body: "The port of Valletta reopened on Friday, Maria Borg said.", source_id: null, published_at: null });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder of bad files among good ones: each bad one is named with its reason, every good one loads, exit 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-bad-"));
  try {
    const docs = join(dir, "docs");
    mkdirSync(docs);
    const good = ["Harbour reopens", "Bridge repaired", "Festival opens"];
    good.forEach((title, i) => writeFileSync(join(docs, `good-${i}.txt`), `${title}\n\nThe work in Valletta ended on day ${i}, Maria Borg said.\n`));
    writeFileSync(join(docs, "bad-empty.txt"), "");
    writeFileSync(join(docs, "bad-binary.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x10]));
    writeFileSync(join(docs, "bad-utf8.txt"), Buffer.concat([Buffer.from("Headline\n\nBroken "), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(" bytes.\n")]));
    writeFileSync(join(docs, "bad-html.txt"), "<!DOCTYPE html>\n<html><head><title>Page</title></head><body><p>Text.</p></body></html>\n");
    writeFileSync(join(docs, "bad-no-title.txt"), "12345\nSaturday 3 December 2016 - 04:21\n");
    // 20 MB, sparse: read, it would be NUL bytes ("binary"); the size check must come first.
    writeFileSync(join(docs, "bad-huge.txt"), "");
    truncateSync(join(docs, "bad-huge.txt"), 20 * 1024 * 1024);
    // The same limit, lowered: a small but real article over it.
    const overLimit = `Long story\n\n${"The council met again on Monday. ".repeat(400)}\n`;
    writeFileSync(join(docs, "bad-over-limit.txt"), overLimit);
    const url = `file:${join(dir, "news.db")}`;

    const run = runSeed(url, [docs], { MAX_DOCUMENT_BYTES: "10000" });
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /loaded 3, duplicates skipped 0, failed 7/);
    const reasons = Object.fromEntries(
      [...run.err.matchAll(/^failed: .*?(bad-[\w-]+)\.txt: (.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    assert.deepEqual(reasons, {
      "bad-binary": "binary file (contains NUL bytes)",
      "bad-empty": "empty document",
      "bad-html": "no article in the HTML page (the most article-like text has 1 words, fewer than 25)",
      "bad-huge": "too large: 20971520 bytes (20.0 MiB), the limit is 10000 bytes (MAX_DOCUMENT_BYTES)",
      "bad-no-title": "no title",
      "bad-over-limit": `too large: ${Buffer.byteLength(overLimit)} bytes (0.0 MiB), the limit is 10000 bytes (MAX_DOCUMENT_BYTES)`,
      "bad-utf8": "not valid UTF-8",
    });
    const db = new Database(join(dir, "news.db"), { readonly: true });
    const titles = (db.prepare("SELECT title FROM article ORDER BY title").all() as { title: string }[]).map((r) => r.title);
    db.close();
    assert.deepEqual(titles, ["Bridge repaired", "Festival opens", "Harbour reopens"]);

    // The default limit (5 MiB) rejects the 20 MB file too, by size.
    const again = runSeed(url, [join(docs, "bad-huge.txt")]);
    assert.equal(again.code, 1);
    assert.match(again.err, /bad-huge\.txt: too large: 20971520 bytes \(20\.0 MiB\), the limit is 5242880 bytes/);
    const invalid = runSeed(url, [docs], { MAX_DOCUMENT_BYTES: "lots" });
    assert.equal(invalid.code, 2);
    assert.match(invalid.err, /invalid environment: MAX_DOCUMENT_BYTES/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("seed --help explains the command and exits 0", () => {
  const { code, out } = runSeed("file::memory:", ["--help"]);
  assert.equal(code, 0);
  assert.match(out, /Usage: npm run seed -- \[options\] \[files or folders\.\.\.\]/);
});
