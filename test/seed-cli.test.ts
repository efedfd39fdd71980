// `npm run seed` as a user runs it: a folder of good and bad files, a real database file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

function runSeed(databaseUrl: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/seed.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
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

test("seed --help explains the command and exits 0", () => {
  const { code, out } = runSeed("file::memory:", ["--help"]);
  assert.equal(code, 0);
  assert.match(out, /Usage: npm run seed -- \[options\] \[files or folders\.\.\.\]/);
});
