// Live updates over WebSocket (graphql-ws) on both databases: articles, quotes and
// entities as they are stored through the mutation; on PostgreSQL also as another
// process stores them (`npm run seed`); the query limits, the token and the origin rule
// hold over WebSocket; a slow subscriber cannot queue events without bound.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { createClient, type Client } from "graphql-ws";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { eventPayloads, type StoreEvent, type StoreEvents } from "../src/store/events.ts";
import { eventStream } from "../src/graphql/subscriptions/stream.ts";

const TOKEN = "test-token-0123456789abcdef";
const INGEST = /* GraphQL */ `mutation Ingest($text: String!, $fileName: String!) { ingestArticle(input: { text: $text, fileName: $fileName }) { created article { id title } } }`;
const HARBOUR = "Harbour talks in Valletta\n\nMaria Lopez met Peter Novak in Valletta on Monday, the World Bank said.\n\n“We will rebuild the harbour,” Lopez said.\n";
const BRIDGE = "Bridge opens in Lisbon\n\nMaria Lopez and Clara Moreau opened the bridge in Lisbon, officials said.\n\n“It took four years,” Moreau said. Lopez said: “It was worth it.”\n";
const FERRY = "Ferry strike in Bergen\n\nThe ferry crews of Bergen stopped work on Tuesday, the union said.\n\n“We want safer boats,” said Ingrid Dahl.\n";

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** One subscription: its results as they come, its error, how its connection closed. */
interface Live {
  next(): Promise<Result>;
  /** Resolves with the errors the server refused the operation with. */
  failed: Promise<Result["errors"]>;
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

function wsUrl(server: TestServer) {
  return server.url.replace(/^http/, "ws");
}

function live(server: TestServer, query: string, variables: Record<string, unknown> = {}, params: Record<string, unknown> = {}): Live {
  const results: Result[] = [];
  const waiting: ((r: Result) => void)[] = [];
  let fail!: (errors: Result["errors"]) => void;
  let close!: (event: { code: number; reason: string }) => void;
  const failed = new Promise<Result["errors"]>((resolve) => (fail = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (close = resolve));
  const client: Client = createClient({
    url: wsUrl(server),
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    on: { closed: (event) => close(event as { code: number; reason: string }) },
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        const w = waiting.shift();
        if (w) w(value as Result);
        else results.push(value as Result);
      },
      error: (error) => fail(Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }]),
      complete: () => {},
    },
  );
  return {
    next: () => {
      const r = results.shift();
      return r ? Promise.resolve(r) : new Promise((resolve) => waiting.push(resolve));
    },
    failed,
    closed,
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Open subscriptions on this process's servers (the `graphql_subscriptions` gauge). */
async function openSubscriptions(server: TestServer): Promise<number> {
  const text = await (await fetch(new URL("/metrics", server.url))).text();
  return Number(/^graphql_subscriptions (\d+)/m.exec(text)?.[1] ?? NaN);
}

/** Waits until the server has `n` more subscriptions running than `base`. */
async function subscribed(server: TestServer, base: number, n = 1) {
  for (let i = 0; (await openSubscriptions(server)) < base + n; i++) {
    assert.ok(i < 500, "the subscription never started");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms))]);

for (const { name, skip, make } of await backends()) {
  describe(`subscriptions on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    const ingest = async (text: string, fileName: string) => {
      const { data, errors } = await server.gql(INGEST, { text, fileName }, { authorization: `Bearer ${TOKEN}` });
      assert.equal(errors, undefined);
      return data!.ingestArticle.article as { id: string; title: string };
    };

    before(async () => {
      backend = await make();
      server = await startTestServer(backend, [], { apiToken: TOKEN });
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
    });

    test("articleAdded, with and without a filter, and quoteAdded by speaker and by search, as the mutation stores them", async () => {
      const base = await openSubscriptions(server);
      const every = live(server, `subscription { articleAdded { title people { edges { node { name } } } } }`);
      const bridges = live(server, `subscription { articleAdded(filter: { search: "bridge" }) { title } }`);
      const worth = live(server, `subscription { quoteAdded(filter: { search: "worth" }) { text speakerName article { title } } }`);
      await subscribed(server, base, 3);
      const harbour = await ingest(HARBOUR, "harbour.txt");
      const first = await within(every.next(), 5000, "articleAdded");
      assert.equal(first.data?.articleAdded.title, "Harbour talks in Valletta");
      assert.deepEqual(first.data?.articleAdded.people.edges.map((e: { node: { name: string } }) => e.node.name).sort(), ["Maria Lopez", "Peter Novak"]);
      await ingest(BRIDGE, "bridge.txt");
      assert.equal((await within(every.next(), 5000, "articleAdded")).data?.articleAdded.title, "Bridge opens in Lisbon");
      // The filtered one skipped the harbour article.
      assert.deepEqual((await within(bridges.next(), 5000, "articleAdded(filter)")).data, { articleAdded: { title: "Bridge opens in Lisbon" } });
      assert.deepEqual((await within(worth.next(), 5000, "quoteAdded(search)")).data, {
        quoteAdded: { text: "It was worth it.", speakerName: "Lopez", article: { title: "Bridge opens in Lisbon" } },
      });
      // The same document again stores nothing new, and sends nothing.
      await ingest(HARBOUR, "harbour-again.txt");
      await ingest(FERRY, "ferry.txt");
      assert.equal((await within(every.next(), 5000, "articleAdded")).data?.articleAdded.title, "Ferry strike in Bergen");

      // By speaker: Maria Lopez's id from the graph.
      const lopez = (await server.gql(`{ people(filter: { search: "Maria Lopez" }) { edges { node { id name articleCount } } } }`)).data!.people.edges[0].node;
      assert.equal(lopez.name, "Maria Lopez");
      const base2 = await openSubscriptions(server);
      const hers = live(server, `subscription($id: ID!) { quoteAdded(filter: { speakerId: $id }) { text } }`, { id: lopez.id });
      const entity = live(server, `subscription($id: ID!) { entityUpdated(id: $id) { __typename name articleCount ... on Person { quotes { totalCount } } } }`, { id: lopez.id });
      await subscribed(server, base2, 2);
      await ingest("Port reopens in Valletta\n\nMaria Lopez reopened the port in Valletta.\n\n“Ships are welcome again,” Lopez said.\n", "port.txt");
      assert.deepEqual((await within(hers.next(), 5000, "quoteAdded(speakerId)")).data, { quoteAdded: { text: "Ships are welcome again," } });
      assert.deepEqual((await within(entity.next(), 5000, "entityUpdated")).data, {
        entityUpdated: { __typename: "Person", name: "Maria Lopez", articleCount: lopez.articleCount + 1, quotes: { totalCount: 3 } },
      });
      await Promise.all([every, bridges, worth, hers, entity].map((s) => s.dispose()));
    });

    test("entityUpdated follows a delete: the people and places its article mentioned are re-read with their lower counts", async () => {
      const hull = await ingest("Dock plan in Hull\n\nTomas Berg and Anna Kowalski presented the dock plan in Hull on Monday.\n", "hull-1.txt");
      await ingest("Dock vote in Hull\n\nTomas Berg won the council vote on the dock in Hull.\n", "hull-2.txt");
      const ids = async (search: string, list: "people" | "places") =>
        (await server.gql(`{ ${list}(filter: { search: "${search}" }) { edges { node { id name articleCount } } } }`)).data![list].edges[0].node as { id: string; name: string; articleCount: number };
      const berg = await ids("Tomas Berg", "people");
      const place = await ids("Hull", "places");
      // `Hull` is the city of Kingston upon Hull, and takes its name.
      assert.deepEqual([berg.name, berg.articleCount, place.name, place.articleCount], ["Tomas Berg", 2, "Kingston upon Hull", 2]);
      const base = await openSubscriptions(server);
      const person = live(server, `subscription($id: ID!) { entityUpdated(id: $id) { __typename name articleCount } }`, { id: berg.id });
      const city = live(server, `subscription($id: ID!) { entityUpdated(id: $id) { __typename name articleCount } }`, { id: place.id });
      await subscribed(server, base, 2);
      const { errors } = await server.gql(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }`, { id: hull.id }, { authorization: `Bearer ${TOKEN}` });
      assert.equal(errors, undefined, JSON.stringify(errors));
      assert.deepEqual((await within(person.next(), 5000, "entityUpdated after a delete (person)")).data, { entityUpdated: { __typename: "Person", name: "Tomas Berg", articleCount: 1 } });
      assert.deepEqual((await within(city.next(), 5000, "entityUpdated after a delete (place)")).data, { entityUpdated: { __typename: "Place", name: "Kingston upon Hull", articleCount: 1 } });
      await Promise.all([person, city].map((s) => s.dispose()));
    });

    test("over the limits, with a wrong id or token, or from an unlisted origin, a subscription is refused", async () => {
      const deep = live(server, `subscription { articleAdded { people { edges { node { articles { edges { node { people { edges { node { articles { edges { node { title } } } } } } } } } } } } } }`);
      assert.equal((await within(deep.failed, 5000, "depth"))?.[0]?.extensions?.code, "QUERY_TOO_DEEP");
      const wide = Array.from({ length: 5 }, (_, i) => `p${i}: people(first: 100) { edges { node { quotes(first: 100) { edges { node { text } } } } } }`).join(" ");
      const costly = live(server, `subscription { articleAdded { ${wide} } }`);
      const costError = (await within(costly.failed, 5000, "cost"))?.[0];
      assert.equal(costError?.extensions?.code, "QUERY_TOO_COSTLY");
      assert.match(costError!.message, /^the operation costs 70,600; the limit is 50,000 \(MAX_QUERY_COST/);
      const aliases = live(server, `subscription { articleAdded { ${Array.from({ length: 31 }, (_, i) => `t${i}: title`).join(" ")} } }`);
      assert.equal((await within(aliases.failed, 5000, "aliases"))?.[0]?.extensions?.code, "TOO_MANY_ALIASES");
      const wrongId = live(server, `subscription { entityUpdated(id: "QXJ0aWNsZTox") { name } }`);
      // An error of the subscription's own arguments is its one result (graphql-ws sends execution errors as results).
      const idError = (await within(wrongId.next(), 5000, "id")).errors?.[0];
      assert.equal(idError?.extensions?.code, "BAD_USER_INPUT");
      assert.match(idError!.message, /Article/);

      // Reads need no token; a mutation over WebSocket needs it like over HTTP; a wrong token closes the connection.
      const write = live(server, INGEST, { text: FERRY, fileName: "ferry.txt" });
      const unauthenticated = await within(write.next(), 5000, "mutation");
      assert.equal(unauthenticated.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
      const allowed = live(server, INGEST, { text: FERRY, fileName: "ferry.txt" }, { authorization: `Bearer ${TOKEN}` });
      assert.deepEqual((await within(allowed.next(), 5000, "mutation")).data?.ingestArticle.created, false);
      const wrong = live(server, `subscription { articleAdded { title } }`, {}, { authorization: "Bearer not-the-token" });
      assert.equal((await within(wrong.closed, 5000, "wrong token")).code, 4403);

      // Browsers send an Origin: only our own, or one in CORS_ORIGINS (none here), may connect.
      const foreign = new WebSocket(wsUrl(server), "graphql-transport-ws", { origin: "https://elsewhere.example" });
      const [, response] = (await once(foreign, "unexpected-response")) as [unknown, { statusCode: number }];
      assert.equal(response.statusCode, 403);
      foreign.on("error", () => {}); // terminate() while connecting reports its own abort
      foreign.terminate();
      const own = new WebSocket(wsUrl(server), "graphql-transport-ws", { origin: new URL(server.url).origin });
      await once(own, "open");
      own.close();
      await Promise.all([deep, costly, aliases, wrongId, write, allowed, wrong].map((s) => s.dispose()));
    });

    if (name === "postgresql") {
      test("a subscriber sees an article stored by another process (npm run seed) within a second of that process's commit", { timeout: 120_000 }, async () => {
        const base = await openSubscriptions(server);
        const sub = live(server, `subscription { articleAdded(filter: { search: "glacier" }) { title } }`);
        await subscribed(server, base);
        const dir = mkdtempSync(join(tmpdir(), "newsgraph-live-"));
        writeFileSync(join(dir, "glacier.txt"), "Glacier retreat measured in Tromsø\n\nResearchers led by Ola Berg measured the glacier near Tromsø on Friday.\n");
        writeFileSync(join(dir, "market.txt"), "Fish market opens in Bergen\n\nThe new fish market of Bergen opened on Saturday, the mayor said.\n");
        let arrived = 0;
        const received = sub.next().then((r) => ((arrived = Date.now()), r));
        const child = spawn(process.execPath, ["--import", "tsx", "src/cli/seed.ts", "--threads", "1", dir], {
          env: { ...process.env, DATABASE_URL: backend.url, LOG_LEVEL: "warn" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let err = "";
        child.stderr.on("data", (d) => (err += d));
        const exit = once(child, "exit");
        // Measured from when the loader's commit becomes readable: its exit comes after the
        // event, so measuring from the exit could not fail.
        const visible = await readableAt(server, "glacier", () => assert.ok(child.exitCode === null || child.exitCode === 0, `the loader failed: ${err}`));
        const result = await within(received, 1000, "articleAdded from another process");
        assert.deepEqual(result.data, { articleAdded: { title: "Glacier retreat measured in Tromsø" } });
        assert.ok(arrived - visible < 1000, `arrived ${arrived - visible} ms after the article was readable`);
        const [code] = await exit;
        assert.equal(code, 0, err);
        await sub.dispose();
      });

      test("a subscriber sees an article stored by a queue worker (npm run worker) within a second of its commit", { timeout: 120_000 }, async () => {
        const run = (script: string, args: string[]) => {
          const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
            env: { ...process.env, DATABASE_URL: backend.url, LOG_LEVEL: "warn", QUEUE_MAINTENANCE_SECONDS: "1" },
            stdio: ["ignore", "pipe", "pipe"],
          });
          let err = "";
          child.stderr.on("data", (d) => (err += d));
          return once(child, "exit").then(([code]) => ({ code, err, exited: Date.now() }));
        };
        const dir = mkdtempSync(join(tmpdir(), "newsgraph-queue-live-"));
        writeFileSync(join(dir, "orchard.txt"), "Orchard harvest starts in Hardanger\n\nFarmers led by Kari Vik began the apple harvest in Hardanger on Monday.\n");
        const queued = await run("src/cli/seed.ts", ["--queue", dir]);
        assert.equal(queued.code, 0, queued.err);
        const base = await openSubscriptions(server);
        const sub = live(server, `subscription { articleAdded(filter: { search: "orchard" }) { title } }`);
        await subscribed(server, base);
        let arrived = 0;
        const received = sub.next().then((r) => ((arrived = Date.now()), r));
        const working = run("src/cli/worker.ts", ["--exit-when-idle"]);
        const visible = await readableAt(server, "orchard");
        const result = await within(received, 1000, "articleAdded from a queue worker");
        assert.deepEqual(result.data, { articleAdded: { title: "Orchard harvest starts in Hardanger" } });
        assert.ok(arrived - visible < 1000, `arrived ${arrived - visible} ms after the article was readable`);
        const worker = await working;
        assert.equal(worker.code, 0, worker.err);
        await sub.dispose();
      });
    }
  });
}

/** When an article matching `search` becomes readable (polled every 20 ms; `check` runs before each look). */
async function readableAt(server: TestServer, search: string, check = () => {}): Promise<number> {
  for (;;) {
    check();
    const { data } = await server.gql(`{ articles(filter: { search: "${search}" }) { totalCount } }`);
    if (data!.articles.totalCount === 1) return Date.now();
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("store events and a subscriber's queue", () => {
  test("NOTIFY payloads stay under PostgreSQL's 8000 bytes and carry every id once, in order", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => 2_000_000_000 + i);
    const payloads = eventPayloads({ articleIds: ids });
    assert.ok(payloads.length > 1);
    for (const p of payloads) assert.ok(Buffer.byteLength(p) < 8000, `${Buffer.byteLength(p)} bytes`);
    assert.deepEqual(payloads.flatMap((p) => (JSON.parse(p) as { a: number[] }).a), ids);
  });

  test("a delete's entities travel in payloads of their own, under 8000 bytes, every one once", () => {
    const entities = Array.from({ length: 3000 }, (_, i) => ({ type: (["PERSON", "ORGANIZATION", "PLACE"] as const)[i % 3]!, id: 2_000_000_000 + i }));
    const payloads = eventPayloads({ articleIds: [], entities });
    assert.ok(payloads.length > 1);
    for (const p of payloads) assert.ok(Buffer.byteLength(p) < 8000, `${Buffer.byteLength(p)} bytes`);
    const refs = payloads.flatMap((p) => (JSON.parse(p) as { e: string[] }).e);
    assert.deepEqual(refs, entities.map((e) => `${{ PERSON: "p", ORGANIZATION: "o", PLACE: "l" }[e.type]}${e.id}`));
  });

  test("a subscriber that does not read is cut off when its queue is full, and no more events are kept for it", async () => {
    let listener: ((e: StoreEvent) => void) | undefined;
    let unsubscribed = false;
    const events: StoreEvents = {
      subscribe: (l) => ((listener = l), () => void (unsubscribed = true)),
      close: async () => {},
    };
    let overflowed = 0;
    const expanded: number[][] = [];
    const stream = eventStream({ events, capacity: 3, onOverflow: () => overflowed++, expand: async (e) => (expanded.push(e.articleIds), e.articleIds) });
    for (let i = 1; i <= 3; i++) listener!({ articleIds: [i] });
    assert.equal(overflowed, 0);
    assert.deepEqual(await stream.next(), { done: false, value: 1 });
    listener!({ articleIds: [4] });
    listener!({ articleIds: [5] });
    assert.equal(overflowed, 1);
    assert.ok(unsubscribed);
    assert.deepEqual(await stream.next(), { done: true, value: undefined });
    assert.deepEqual(expanded, [[1]]);
  });

  test("completing a subscription that waits for an event ends it at once", async () => {
    let unsubscribed = false;
    const events: StoreEvents = { subscribe: () => () => void (unsubscribed = true), close: async () => {} };
    const stream = eventStream({ events, onOverflow: () => {}, expand: async () => [1] });
    const pending = stream.next();
    await stream.return!();
    assert.deepEqual(await pending, { done: true, value: undefined });
    assert.ok(unsubscribed);
  });
});
