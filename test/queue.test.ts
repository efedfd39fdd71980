// The job queue on PostgreSQL (src/queue): `npm run seed -- --queue` enqueues a folder,
// `npm run worker` processes consume it, and the database ends exactly where one
// single-process `npm run seed` of the same folder ends, with three workers at once, and
// with a worker stopped (SIGTERM) and one killed (SIGKILL) in the middle of their jobs.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createTempDatabase, postgresSkipReason, withClient, type TempDatabase } from "./helpers/postgres.ts";
import { openDb } from "../src/store/client.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { DOCUMENT_QUEUE, startBoss } from "../src/queue/boss.ts";

const skip = await postgresSkipReason();

const GOOD = 30;
// Small, so that one invented article is over it: the limit applies to every run alike.
const MAX_DOCUMENT_BYTES = "40000";
const TABLES = [
  "article", "person", "organization", "place", "person_alias", "organization_alias", "place_alias",
  "article_person", "article_organization", "article_place", "quote",
];

// Invented news: people, organizations and places that recur from story to story, and quotes.
const PEOPLE = ["Ingrid Halvorsen", "Tomas Varga", "Amina Diallo", "Rafael Ortega", "Keiko Tanaka", "Oskar Lindgren", "Priya Raman", "Lucas Meyer", "Henrik Dahl", "Nadia Petrova"];
const ORGANIZATIONS = ["International Monetary Fund", "World Trade Organization", "Amnesty International", "African Union", "Greenpeace", "World Bank"];
const PLACES = ["Stockholm", "Budapest", "Dakar", "Santiago", "Osaka", "Helsinki", "Hamburg", "Rabat", "Bergen", "Chennai"];
const TOPICS = ["fishing quotas", "flood defences", "a new metro line", "grain exports", "hospital funding", "wind farms", "port fees"];

function story(i: number): string {
  const at = <T>(list: readonly T[], k: number) => list[(i * 7 + k * 3) % list.length]!;
  const [a, b, c] = [at(PEOPLE, 0), at(PEOPLE, 1), at(PEOPLE, 5)];
  const org = at(ORGANIZATIONS, i % 3);
  const [here, there] = [at(PLACES, 0), at(PLACES, 2)];
  const topic = at(TOPICS, 1);
  const surname = (name: string) => name.split(" ")[1]!;
  const paragraphs = [
    `Talks on ${topic} move to ${here}, day ${i}`,
    `${a}, a senior adviser at the ${org}, arrived in ${here} on Tuesday for a new round of talks on ${topic}.`,
    `“Nobody leaves this room until we have a number for day ${i},” ${surname(a)} told reporters outside the hall.`,
    `${b} said the delegation from ${there} wanted more time. “We have not seen the figures yet,” ${surname(b)} said.`,
    `Later in the evening ${c} of the ${org} said: “The next meeting will be held in ${there} in two weeks.”`,
  ];
  // Longer and shorter stories.
  for (let k = 0; k < i % 5; k++) {
    paragraphs.push(`Residents of ${at(PLACES, k + 3)} followed the talks closely, and ${at(PEOPLE, k + 2)} said the costs of ${topic} would be shared by the ${at(ORGANIZATIONS, k + 1)}.`);
  }
  return paragraphs.join("\n\n") + "\n";
}

let dir: string;
let reference: TempDatabase | undefined;
let referenceSnapshot: Snapshot;
/** Queues filled in `before`, for each test: the three workers', the killed worker's. */
let three: { db: TempDatabase; enqueue: Run };
let killed: { db: TempDatabase; enqueue: Run };
const temp: TempDatabase[] = [];

/** The folder: 30 stories, one copied under another name, one with CRLF line ends, one binary, one too large. */
function writeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "newsgraph-queue-"));
  for (let i = 1; i <= GOOD; i++) writeFileSync(join(folder, `story-${String(i).padStart(2, "0")}.txt`), story(i));
  writeFileSync(join(folder, "copy-of-story-07.txt"), story(7));
  writeFileSync(join(folder, "story-08-crlf.txt"), story(8).replace(/\n/g, "\r\n"));
  writeFileSync(join(folder, "bad-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
  writeFileSync(join(folder, "too-large.txt"), `A long story\n\n${"The council met again on Monday in Bergen. ".repeat(1200)}\n`);
  return folder;
}

type Run = { code: number | null; signal: string | null; out: string; err: string };

function command(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", MAX_DOCUMENT_BYTES, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const done: Promise<Run> = once(child, "exit").then(([code, signal]) => ({ code, signal, out, err }));
  return { child, done };
}

const seed = (url: string, args: string[], env: Record<string, string> = {}) => command("src/cli/seed.ts", args, { DATABASE_URL: url, ...env }).done;
const worker = (url: string, args: string[], env: Record<string, string> = {}) =>
  command("src/cli/worker.ts", args, { DATABASE_URL: url, QUEUE_MAINTENANCE_SECONDS: "1", ...env });

type Snapshot = { counts: Record<string, number>; entities: Record<string, string> };

/** Row counts of every table, and every entity's name, counts and aliases by key. */
async function snapshot(url: string): Promise<Snapshot> {
  const h = await openDb(url, { poolSize: 1 });
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await h.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
    const entities: Record<string, string> = {};
    for (const table of ["person", "organization", "place"]) {
      const rows = await h.db.$queryRawUnsafe<{ key: string; name: string; m: unknown; a: unknown; aliases: string | null }[]>(
        `SELECT e.key, e.name, e.mention_count AS m, e.article_count AS a,
           (SELECT string_agg(x.alias, '|' ORDER BY x.alias) FROM ${table}_alias x WHERE x.${table}_id = e.id) AS aliases
         FROM ${table} e`,
      );
      for (const r of rows) entities[`${table}:${r.key}`] = `${r.name} m=${Number(r.m)} a=${Number(r.a)} [${r.aliases ?? ""}]`;
    }
    return { counts, entities };
  } finally {
    await h.close();
  }
}

/** Jobs by state group, through pg-boss's API: waiting or running, and all but failed or cancelled. */
async function queueState(url: string): Promise<{ pending: number; active: number; notFailed: number }> {
  const boss = await startBoss(url);
  try {
    const pending = await boss.getQueueSize(DOCUMENT_QUEUE, { before: "completed" });
    const waiting = await boss.getQueueSize(DOCUMENT_QUEUE, { before: "active" });
    const notFailed = await boss.getQueueSize(DOCUMENT_QUEUE, { before: "cancelled" });
    return { pending, active: pending - waiting, notFailed };
  } finally {
    await boss.stop({ graceful: false });
  }
}

function workerTotals(runs: Run[]) {
  const totals = { loaded: 0, duplicates: 0, rejected: 0, errors: 0 };
  for (const run of runs) {
    const m = /worker: loaded (\d+), duplicates (\d+), rejected (\d+), errors (\d+)/.exec(run.out);
    assert.ok(m, `no summary in: ${run.out}\n${run.err}`);
    totals.loaded += Number(m[1]);
    totals.duplicates += Number(m[2]);
    totals.rejected += Number(m[3]);
    totals.errors += Number(m[4]);
  }
  return totals;
}

async function newDatabase(): Promise<TempDatabase> {
  const db = await createTempDatabase({ prefix: "newsgraph_queue" });
  temp.push(db);
  return db;
}

describe("the job queue on PostgreSQL", { skip }, () => {
  before(async () => {
    dir = writeFolder();
    // The reference, one single-process load of the folder, and both tests' queues, filled at once.
    reference = await newDatabase();
    three = { db: await newDatabase(), enqueue: undefined! };
    killed = { db: await newDatabase(), enqueue: undefined! };
    // Here pg-boss's schema comes first: our migrations are then applied beside it (by seed --queue).
    await (await startBoss(killed.db.url)).stop({ graceful: false });
    let run: Run;
    [run, three.enqueue, killed.enqueue] = await Promise.all([
      seed(reference.url, [dir]),
      seed(three.db.url, ["--queue", dir]),
      // These jobs count as lost 3 s after they start.
      seed(killed.db.url, ["--queue", dir], { QUEUE_JOB_TIMEOUT_SECONDS: "3" }),
    ]);
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, new RegExp(`loaded ${GOOD}, duplicates skipped 2, failed 2`));
    referenceSnapshot = await snapshot(reference.url);
    assert.equal(referenceSnapshot.counts.article, GOOD);
    assert.ok(referenceSnapshot.counts.person! >= 8 && referenceSnapshot.counts.quote! >= 2 * GOOD, JSON.stringify(referenceSnapshot.counts));
  });

  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await Promise.all(temp.map((db) => db.drop()));
  });

  test("three workers at once store what one seed stores; duplicates are queued or stored once; the bad file is reported", { timeout: 60_000 }, async () => {
    const { db, enqueue: first } = three;
    assert.equal(first.code, 1, first.err);
    // 30 stories, the CRLF variant (other bytes, same article) and the binary file; the copy is the same job.
    assert.match(first.out, /enqueued 32, already queued 1, failed 1 /);
    assert.match(first.err, /failed: .*too-large\.txt: too large: \d+ bytes/);
    // The same folder again, while the workers run: every job is already there (waiting, running or done).
    const [again, ...runs] = await Promise.all([seed(db.url, ["--queue", dir]), ...[1, 2, 3].map(() => worker(db.url, ["--exit-when-idle"]).done)]);
    assert.equal(again!.code, 1, again!.err);
    assert.match(again!.out, /enqueued 0, already queued 33, failed 1 /);
    const totals = workerTotals(runs);
    assert.deepEqual(totals, { loaded: GOOD, duplicates: 1, rejected: 1, errors: 0 }, runs.map((r) => r.out + r.err).join("\n"));
    // The worker that took the bad document names it (and logs it, structured) and exits 1; the others 0.
    const stderr = runs.map((r) => r.err).join("\n");
    assert.match(stderr, /rejected: .*bad-binary\.txt: binary file/);
    // pino writes its JSON lines to stdout.
    const logs = runs.map((r) => r.out).join("\n");
    const logged = logs.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(logged.some((l) => l.msg === "document rejected" && String(l.file).endsWith("bad-binary.txt") && /binary/.test(String(l.reason))), logs);
    assert.deepEqual(runs.map((r) => r.code).sort(), [0, 0, 1], stderr);

    assert.deepEqual(await snapshot(db.url), referenceSnapshot);
    assert.deepEqual(await queueState(db.url), { pending: 0, active: 0, notFailed: 32 });
    // Every job's output says what became of its document (the README's query for rejected ones).
    const outputs = await withClient(db.url, (c) =>
      c.query<{ outcome: string; n: number; files: string; reasons: string | null }>(
        `SELECT output->>'outcome' AS outcome, COUNT(*)::int AS n, string_agg(data->>'fileName', ',') AS files, string_agg(output->>'reason', ',') AS reasons
         FROM pgboss.job WHERE name = $1 GROUP BY 1 ORDER BY 1`,
        [DOCUMENT_QUEUE],
      ),
    );
    assert.deepEqual(
      outputs.rows.map((r) => [r.outcome, r.n]),
      [["duplicate", 1], ["loaded", GOOD], ["rejected", 1]],
    );
    assert.match(outputs.rows[2]!.files, /bad-binary\.txt$/);
    assert.match(outputs.rows[2]!.reasons ?? "", /^binary file/);

    // pg-boss's schema sits beside ours: migrations still see nothing to do, and "public" holds none of its tables.
    assert.deepEqual((await migrateDatabase(db.url)).applied, []);
    const tables = await withClient(db.url, (c) => c.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'"));
    assert.ok(!tables.rows.some((r) => r.t === "job" || r.t === "queue"), JSON.stringify(tables.rows));
  });

  test("SIGTERM: a worker finishes its jobs in hand and exits 0; SIGKILL: its jobs come back after their timeout for another worker", { timeout: 60_000 }, async () => {
    const { db, enqueue } = killed;
    assert.match(enqueue.out, /enqueued 32, /, enqueue.err);

    const boss = await startBoss(db.url);
    const jobs = async () => {
      const pending = await boss.getQueueSize(DOCUMENT_QUEUE, { before: "completed" });
      const waiting = await boss.getQueueSize(DOCUMENT_QUEUE, { before: "active" });
      return { done: 32 - pending, active: pending - waiting };
    };
    /** Once at least `done` jobs are finished and the worker holds one. */
    const working = async (done: number) => {
      for (const started = Date.now(); ; await sleep(10)) {
        assert.ok(Date.now() - started < 30_000, "the worker never got going");
        const now = await jobs();
        if (now.done >= done && now.active >= 1) return now;
      }
    };
    let orphans = 0;
    try {
      const stopped = worker(db.url, ["--batch-size", "2"]);
      await working(1);
      stopped.child.kill("SIGTERM");
      const graceful = await stopped.done;
      assert.equal(graceful.code, 0, graceful.err);
      assert.match(graceful.out, /worker: loaded [1-9]\d*, .*errors 0 .*stopped by a signal/);
      assert.equal((await jobs()).active, 0, "a stopped worker holds no job");

      const victim = worker(db.url, ["--batch-size", "2"]);
      const before = (await jobs()).done;
      await working(before + 2);
      victim.child.kill("SIGKILL");
      assert.equal((await victim.done).signal, "SIGKILL");
      orphans = (await jobs()).active;
    } finally {
      await boss.stop({ graceful: false });
    }
    assert.ok(orphans >= 1, "the kill should leave a job active with no worker");

    // The survivor waits for the orphaned jobs' timeout (3 s), then processes them with the rest.
    const survivor = await worker(db.url, ["--exit-when-idle"]).done;
    assert.ok([0, 1].includes(survivor.code!), survivor.err);
    assert.deepEqual(await queueState(db.url), { pending: 0, active: 0, notFailed: 32 });
    assert.deepEqual(await snapshot(db.url), referenceSnapshot);
  });
});

// No database needed: usage and setup errors.
test("worker: --help, a bad option, SQLite", async () => {
  const sqliteUrl = "file:./data/never.db";
  const [help, bad, sqlite, enqueue] = await Promise.all([
    worker(sqliteUrl, ["--help"]).done,
    worker(sqliteUrl, ["--no-such-option"]).done,
    worker(sqliteUrl, ["--exit-when-idle"]).done,
    seed(sqliteUrl, ["--queue", "seeds"]),
  ]);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: npm run worker/);
  assert.match(help.out, /Exit codes: 0 /);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Unknown option '--no-such-option'/);
  assert.equal(sqlite.code, 2);
  assert.match(sqlite.err, /npm run worker needs PostgreSQL/);
  assert.equal(enqueue.code, 2);
  assert.match(enqueue.err, /seed --queue needs PostgreSQL/);
});
