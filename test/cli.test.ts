// Every command answers --help with exit 0 and a usage line, and a usage or setting error
// with exit 2 (work failures, exit 1, are tested with each command).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The files behind the npm scripts (and the example client). */
const COMMANDS = [
  "src/cli/serve.ts",
  "src/cli/seed.ts",
  "src/cli/worker.ts",
  "src/cli/watch.ts",
  "src/cli/db-migrate.ts",
  "src/cli/db-migration.ts",
  "scripts/generate-graphql.ts",
  "scripts/prisma-schemas.ts",
  "scripts/check-migrations.ts",
  "scripts/build-graphiql.ts",
  "scripts/model-diagram.ts",
  "scripts/screenshot-graphiql.ts",
  "scripts/news-to-jsonl.ts",
  "examples/client.ts",
];

async function command(file: string, args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ["--import", "tsx", file, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

for (const file of COMMANDS) {
  test(`${file}: --help exits 0 with a usage, an unknown option exits 2`, async () => {
    const help = await command(file, ["--help"]);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: /);
    assert.match(help.stdout, /Exit codes: 0 /);
    const bad = await command(file, ["--no-such-option"]);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /Unknown option '--no-such-option'/);
  });
}

test("a missing argument or an invalid setting exits 2", async () => {
  const noName = await command("src/cli/db-migration.ts", []);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /--name is required/);
  const badPort = await command("src/cli/serve.ts", [], { PORT: "not-a-port" });
  assert.equal(badPort.code, 2);
  assert.match(badPort.stderr, /invalid environment: PORT/);
});
