// The typed client: generated documents are up to date with schema.graphql and
// examples/operations, the example client type-checks (and a misuse does not), and it
// prints real data from a real server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { generate } from "@graphql-codegen/cli";
import config from "../codegen.ts";
import { sqliteBackend, startTestServer } from "./helpers/graph.ts";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "..");
const GENERATED = join(ROOT, "examples", "generated");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

test("examples/generated is what npm run codegen writes from schema.graphql and examples/operations", async () => {
  // generate() is typed `Promise<FileOutput[] | any>` (watch mode): name what it returns here.
  const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
  const expected = new Map(outputs.map((o) => [relative(ROOT, resolve(ROOT, o.filename)), o.content]));
  const committed = readdirSync(GENERATED).map((f) => relative(ROOT, join(GENERATED, f)));
  assert.deepEqual(committed.sort(), [...expected.keys()].sort(), "run npm run codegen and commit examples/generated");
  for (const [file, content] of expected) {
    assert.equal(readFileSync(join(ROOT, file), "utf8"), content, `${file} is stale: run npm run codegen and commit it`);
  }
});

test("an invalid operation fails npm run codegen with its file, line and cause, and writes nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-codegen-"));
  try {
    writeFileSync(join(dir, "broken.graphql"), "query Broken {\n  articles {\n    edges { node { titel } }\n  }\n}\n");
    // codegen.ts as the project uses it, over this one operation, writing into the scratch folder.
    writeFileSync(
      join(dir, "codegen.ts"),
      `import config from ${JSON.stringify(join(ROOT, "codegen.ts"))};
export default { ...config, schema: ${JSON.stringify(join(ROOT, "schema.graphql"))}, documents: [${JSON.stringify(join(dir, "broken.graphql"))}],
  generates: { ${JSON.stringify(join(dir, "out") + "/")}: config.generates["examples/generated/"] } };
`,
    );
    const cli = join(ROOT, "node_modules", "@graphql-codegen", "cli", "cjs", "bin.js");
    const result = await run(process.execPath, [cli, "--config", join(dir, "codegen.ts")], { cwd: ROOT, env: { ...process.env, CI: "true" } }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /Cannot query field "titel" on type "Article"\. Did you mean "title"\?/);
    assert.ok(result.out.includes(`${join(dir, "broken.graphql")}:3:20`), result.out);
    assert.deepEqual(readdirSync(dir).sort(), ["broken.graphql", "codegen.ts"], "no output written");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm run typecheck covers every TypeScript file under examples/", async () => {
  const { stdout } = await run(process.execPath, [TSC, "-p", join(ROOT, "examples"), "--listFilesOnly"], { cwd: ROOT });
  const checked = new Set(stdout.split("\n").map((line) => line.trim()).filter(Boolean));
  const files = (readdirSync(join(ROOT, "examples"), { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.split("/").includes("node_modules"))
    .map((f) => join(ROOT, "examples", f));
  assert.ok(files.some((f) => f.endsWith("App.tsx")) && files.some((f) => f.endsWith("client.ts")), files.join("\n"));
  assert.deepEqual(files.filter((f) => !checked.has(f)), [], "files under examples/ that tsc -p examples leaves out");
  assert.match(readFileSync(join(ROOT, "package.json"), "utf8"), /"typecheck": "[^"]*tsc --noEmit -p examples/);
});

test("the generated possibleTypes list every union's and interface's members for Apollo's cache", async () => {
  const { default: generated } = await import("../examples/generated/possible-types.ts");
  assert.deepEqual(generated.possibleTypes.Speaker, ["Organization", "Person"]);
  assert.deepEqual(generated.possibleTypes.RelatedEntity, ["Organization", "Person", "Place"]);
  assert.deepEqual(generated.possibleTypes.Entity, ["Organization", "Person", "Place"]);
  assert.ok(generated.possibleTypes.Node.includes("Article"));
});

test("the example client type-checks against the generated types, and a misuse does not", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-tsc-"));
  try {
    // examples/tsconfig.json plus one file that gets the types wrong on purpose (.mts: an
    // ES module outside our package.json; relative imports, as the project writes them).
    const from = (file: string) => JSON.stringify(relative(dir, file));
    writeFileSync(
      join(dir, "misuse.mts"),
      `import { request } from ${from(join(ROOT, "examples", "client.ts"))};
import { ArticlePageDocument, PersonPageDocument } from ${from(join(GENERATED, "graphql.ts"))};
const page = await request("http://localhost:4000/graphql", ArticlePageDocument, {});
export const misspelt: string = page.articles.edges[0]!.node.titel;
export const person = await request("http://localhost:4000/graphql", PersonPageDocument, { first: 1 });
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(ROOT, "examples", "tsconfig.json"),
        // rootDir: the scratch file lives outside the project.
        compilerOptions: { typeRoots: [join(ROOT, "node_modules", "@types")], rootDir: "/" },
        files: [join(dir, "misuse.mts")],
      }),
    );
    const result = await run(process.execPath, [TSC, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: ROOT }).then(
      () => ({ code: 0, out: "" }),
      (error: { code: number; stdout: string }) => ({ code: error.code, out: error.stdout }),
    );
    const errors = result.out.split("\n").filter((line) => line.includes("error TS"));
    assert.equal(result.code, 2, result.out);
    assert.ok(errors.every((line) => line.includes("misuse.mts")), `only the misuse fails:\n${errors.join("\n")}`);
    assert.ok(errors.some((line) => /Property 'titel' does not exist/.test(line)), result.out);
    assert.ok(errors.some((line) => /'\{ first: number; \}' is not assignable to parameter of type 'Exact<\{ id: /.test(line)), result.out);
    assert.equal(errors.length, 2, result.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the example client prints the seed article and Yury Ushakov's page from a real server", async () => {
  const backend = sqliteBackend();
  const server = await startTestServer(backend, ["seeds"]);
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "examples/client.ts", "--url", server.url, "--search", "ushakov"], { cwd: ROOT });
    const lines = stdout.split("\n");
    assert.match(lines[0]!, /^article: Outgoing US Govt\. Doing Best to Save Rebels in Syria before Trump Presidency \(2016-12-03T04:21:00\.000Z, \d+ words\)$/);
    assert.match(stdout, /^ {2}people: .*Yury Ushakov \(\d+\)/m);
    assert.match(stdout, /^search "ushakov": 1 article\(s\), 1 person\(s\)/m);
    assert.match(stdout, /^person: Yury Ushakov, \d+ mention\(s\) in 1 article\(s\), [1-9]\d* quote\(s\)$/m);
    assert.match(stdout, /^ {2}said: "We will patiently wait/m);
  } finally {
    await server.stop();
    await backend.dispose();
  }
});
