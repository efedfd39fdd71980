// Full-text search on SQLite (FTS5) and PostgreSQL (tsvector + GIN): ranking, phrases,
// prefixes, hostile input, keyset pages by relevance, indexes kept by the database
// itself (rows written by raw SQL, deletes), and the backfill of an older database.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";
import { DEFAULT_PRISMA_DIR, migrateDatabase, migrationsDir, pendingSchemaChanges } from "../src/store/migrate/index.ts";
import { openDb } from "../src/store/client.ts";
import { fts5Match, parseSearch, tsQueryText } from "../src/store/search.ts";
import { FULL_TEXT_TABLES } from "../src/store/search-tables.ts";

// Short invented articles: a title line, then the body.
const ARTICLES: Record<string, string> = {
  "glacier-title.txt": "Glacier retreat alarms mountain villages\n\nThe glacier above the valley lost a tenth of its ice this summer, Maria Lopez said. The glacier feeds the river.",
  "glacier-body.txt": "Farmers debate water rights\n\nIrrigation quotas were cut again on Tuesday. A hydrologist mentioned that a distant glacier may shrink further, but the talks were about canals and pumps.",
  "harbor-bridge.txt": "New harbor bridge opens to traffic\n\nThe harbor bridge carried its first buses on Monday, officials of the Port Authority said.",
  "bridge-harbor.txt": "Old bridge closes for repairs\n\nThe bridge over the canal closes for a year; ferries from the harbor will replace it, John Carter said.",
  "glaciers-plural.txt": "Glaciers of the north melt early\n\nScientists counted seven glaciers that melted earlier than any year on record.",
};
// Two dated ones (the seed format), for search with a date filter.
ARTICLES["dated-1.txt"] = "1\nMonday 5 June 2017 - 10:00\n\nGlacier tours resume\n\nStory Code : 1001\nGlacier tours resume\nGuides led the first glacier walk of the season.\nComment\n";
ARTICLES["dated-2.txt"] = "2\nFriday 9 March 2018 - 08:30\n\nGlacier museum opens\n\nStory Code : 1002\nGlacier museum opens\nThe museum shows the glacier as it was in 1900.\nComment\n";
// Seven more that all say "orchard", for paging.
for (let i = 0; i < 7; i++) {
  ARTICLES[`orchard-${i}.txt`] =
    `Orchard report number ${i}\n\n` + `The orchard harvest was good. `.repeat(i + 1) + `Anna Schmidt said "the orchard number ${i} needs rain" after the visit.`;
}

const HOSTILE = [
  `"`, `""`, `*`, `**`, `OR`, `AND`, `NOT`, `NEAR`, `-`, `--`, `()`, `(`, `)`, `glacier"`, `"glacier`, `glac"ier`,
  `glacier OR bridge`, `glacier -bridge`, `NEAR(glacier bridge)`, `title:glacier`, `^glacier`, `glacier*`, `*glacier`,
  `{title body}: glacier`, `'; DROP TABLE article; --`, `\\`, `\\'`, `''`, `'glacier'`, `glacier & bridge | !x`,
  `glacier:*`, `<-> glacier`, `a:B`, `%`, `_`, `naïve café`, `Straße`, `東京`, `x\u0301`, `🔥`, `covid19`, `U.S.`, `\u0000glacier`, `glacier\u00a0bridge`, `ＧＬＡＣＩＥＲ`, `glacier `.repeat(31),
];

async function writeCorpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-search-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const SEARCH_ARTICLES = /* GraphQL */ `
  query ($q: String, $first: Int, $after: String, $last: Int, $before: String, $orderBy: ArticleOrder) {
    articles(filter: { search: $q }, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id title } }
    }
  }`;

test("search text becomes quoted FTS5 / tsquery terms only", () => {
  const q = parseSearch(`Lavrov "White House" lav* -x (y) OR "sergey lav*`);
  assert.deepEqual(q.terms, [
    { words: ["lavrov"], prefix: false },
    { words: ["white", "house"], prefix: false },
    { words: ["lav"], prefix: true },
    { words: ["x"], prefix: false },
    { words: ["y"], prefix: false },
    { words: ["or"], prefix: false },
    { words: ["sergey", "lav"], prefix: true },
  ]);
  assert.equal(fts5Match(q), `"lavrov" "white house" "lav" * "x" "y" "or" "sergey lav" *`);
  assert.equal(tsQueryText(q), `('lavrov') & ('white' <-> 'house') & ('lav':*) & ('x') & ('y') & ('or') & ('sergey' <-> 'lav':*)`);
  assert.deepEqual(parseSearch("al-Assad's").terms, [{ words: ["al", "assad", "s"], prefix: false }]);
  for (const blank of ["", "   ", "-", `"" * ()`, "\u0000"]) assert.throws(() => parseSearch(blank), /at least one word/);
  assert.throws(() => parseSearch("w ".repeat(33)), /at most 32/);
});

for (const { name, skip, make } of await backends()) {
  describe(`full-text search on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let corpus: string;
    const articles = async (variables: Record<string, unknown>) => {
      const response = await server.gql(SEARCH_ARTICLES, variables);
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      return response.data!.articles as { totalCount: number; pageInfo: Record<string, any>; edges: { cursor: string; node: { id: string; title: string } }[] };
    };
    const titles = (c: { edges: { node: { title: string } }[] }) => c.edges.map((e) => e.node.title);

    before(async () => {
      backend = await make();
      corpus = await writeCorpus(ARTICLES);
      server = await startTestServer(backend, [corpus]);
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
      if (corpus) await rm(corpus, { recursive: true, force: true });
    });

    test("ranks articles: the title and many mentions first; stems; no match is empty", async () => {
      const found = await articles({ q: "glacier" });
      // Title matches first (bm25 / ts_rank_cd disagree on which), the passing mention last.
      assert.ok(titles(found)[0]!.startsWith("Glacier"), titles(found)[0]);
      assert.deepEqual(
        new Set(titles(found)),
        new Set(["Glacier retreat alarms mountain villages", "Glaciers of the north melt early", "Farmers debate water rights", "Glacier tours resume", "Glacier museum opens"]),
      );
      assert.equal(found.totalCount, 5);
      assert.equal(titles(found).at(-1), "Farmers debate water rights");
      assert.equal((await articles({ q: "GLACIERS" })).totalCount, 5, "case and plural fold to the same stem");
      const none = await articles({ q: "no such words anywhere" });
      assert.equal(none.totalCount, 0);
      assert.deepEqual(none.edges, []);
    });

    test("search with the other article filters: dates, entities", async () => {
      const list = async (filter: string) => {
        const { data, errors } = await server.gql(`{ articles(filter: { search: "glacier", ${filter} }) { totalCount edges { node { title publishedAt } } } }`);
        assert.equal(errors, undefined, JSON.stringify(errors));
        return data!.articles;
      };
      assert.deepEqual(titles(await list(`publishedAfter: "2018-01-01T00:00:00Z"`)), ["Glacier museum opens"]);
      assert.deepEqual(titles(await list(`publishedBefore: "2018-01-01T00:00:00Z"`)), ["Glacier tours resume"]);
      assert.equal((await list(`publishedAfter: "2017-06-05T10:00:00Z", publishedBefore: "2018-03-09T08:30:00Z"`)).totalCount, 1, "after is inclusive, before exclusive");
      const { data } = await server.gql(`{ people(filter: { search: "maria lopez" }) { edges { node { id } } } }`);
      const lopez = data!.people.edges[0].node.id;
      assert.deepEqual(titles(await list(`personId: "${lopez}"`)), ["Glacier retreat alarms mountain villages"]);
      // The dated order with a search: undated last.
      const dated = await articles({ q: "glacier", orderBy: "PUBLISHED_AT_DESC" });
      assert.deepEqual(titles(dated).slice(0, 2), ["Glacier museum opens", "Glacier tours resume"]);
    });

    test("phrases, all words, prefixes", async () => {
      assert.deepEqual(titles(await articles({ q: `"harbor bridge"` })), ["New harbor bridge opens to traffic"]);
      assert.deepEqual(new Set(titles(await articles({ q: "harbor bridge" }))), new Set(["New harbor bridge opens to traffic", "Old bridge closes for repairs"]));
      assert.equal((await articles({ q: "harbor glacier" })).totalCount, 0, "every word must match");
      assert.equal((await articles({ q: "glac*" })).totalCount, 5);
      assert.equal((await articles({ q: `"harbor bri*"` })).totalCount, 1);
    });

    test("hostile input is never an SQL or FTS syntax error", async () => {
      const query = `query ($q: String) { articles(filter: { search: $q }) { totalCount edges { node { id } } }
        people(filter: { search: $q }) { totalCount edges { node { id } } }
        places(filter: { search: $q }) { totalCount } organizations(filter: { search: $q }) { totalCount }
        quotes(filter: { search: $q }) { totalCount edges { node { id } } } }`;
      for (const q of HOSTILE) {
        const { data, errors } = await server.gql(query, { q });
        if (errors) {
          // Only "no words" is refused, as bad input naming the field.
          assert.ok(errors.every((e) => e.extensions?.code === "BAD_USER_INPUT" && e.extensions?.field === "filter.search"), `${JSON.stringify(q)}: ${JSON.stringify(errors)}`);
          assert.ok(!/[\p{L}\p{N}]/u.test(q), `${JSON.stringify(q)} has words but was refused`);
        } else {
          assert.equal(typeof data!.articles.totalCount, "number", JSON.stringify(q));
        }
      }
      assert.equal((await articles({ q: `glacier OR bridge` })).totalCount, 0, "OR is a word, not an operator");
      assert.equal((await articles({ q: `'; DROP TABLE article; --` })).totalCount, 0);
      assert.equal((await articles({ q: null })).totalCount, Object.keys(ARTICLES).length, "null is no search");
    });

    test("a blank search is BAD_USER_INPUT naming filter.search", async () => {
      for (const q of ["", "   ", "()", `"*"`]) {
        for (const list of ["articles", "people", "quotes"]) {
          const { errors } = await server.gql(`query ($q: String) { ${list}(filter: { search: $q }) { totalCount } }`, { q });
          assert.equal(errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${list} ${JSON.stringify(q)}`);
          assert.equal(errors?.[0]?.extensions?.field, "filter.search");
          assert.match(errors![0]!.message, /^filter\.search must contain at least one word/);
        }
      }
    });

    test("pages by relevance neither skip nor repeat, forward and backward, in any order", async () => {
      for (const orderBy of [null, "RELEVANCE", "TITLE_ASC", "TITLE_DESC", "PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC"]) {
        const all = await articles({ q: "orchard", first: 100, orderBy });
        assert.equal(all.totalCount, 7);
        const ids = all.edges.map((e) => e.node.id);
        assert.equal(new Set(ids).size, 7);
        const forward: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 10; guard++) {
          const page = await articles({ q: "orchard", first: 3, after, orderBy });
          forward.push(...page.edges.map((e) => e.node.id));
          assert.equal(page.pageInfo.hasPreviousPage, after !== null);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        assert.deepEqual(forward, ids, `forward pages, orderBy ${orderBy}`);
        const backward: string[] = [];
        let before: string | null = null;
        for (let guard = 0; guard < 10; guard++) {
          const page = await articles({ q: "orchard", last: 3, before, orderBy });
          backward.unshift(...page.edges.map((e) => e.node.id));
          if (!page.pageInfo.hasPreviousPage) break;
          before = page.pageInfo.startCursor;
        }
        assert.deepEqual(backward, ids, `backward pages, orderBy ${orderBy}`);
      }
    });

    test("RELEVANCE needs a search; a cursor from another search is refused", async () => {
      const { errors } = await server.gql(`{ articles(orderBy: RELEVANCE) { totalCount } }`);
      assert.equal(errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.equal(errors?.[0]?.extensions?.field, "orderBy");
      const glacier = await articles({ q: "glacier", first: 1 });
      const { errors: cursorErrors } = await server.gql(SEARCH_ARTICLES, { q: "orchard", first: 2, after: glacier.pageInfo.endCursor });
      assert.equal(cursorErrors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.equal(cursorErrors?.[0]?.extensions?.field, "after");
    });

    test("entities by name and alias, quotes by text and speaker, ranked, with the other filters", async () => {
      const { data, errors } = await server.gql(`{
        people(filter: { search: "lopez" }) { totalCount edges { node { name } } }
        prefix: people(filter: { search: "schm*" }) { edges { node { name } } }
        organizations(filter: { search: "port authority" }) { edges { node { name } } }
        places(filter: { search: "harbor" }) { totalCount }
        quotes(filter: { search: "rain" }) { totalCount edges { node { text speakerName } } }
        bySpeaker: quotes(filter: { search: "schmidt" }) { totalCount }
      }`);
      assert.equal(errors, undefined, JSON.stringify(errors));
      assert.deepEqual(data!.people.edges.map((e: any) => e.node.name), ["Maria Lopez"]);
      assert.deepEqual(data!.prefix.edges.map((e: any) => e.node.name), ["Anna Schmidt"]);
      assert.deepEqual(data!.organizations.edges.map((e: any) => e.node.name), ["Port Authority"]);
      assert.equal(data!.places.totalCount, 0);
      assert.equal(data!.quotes.totalCount, 7);
      assert.ok(data!.quotes.edges.every((e: any) => /rain/.test(e.node.text)));
      assert.equal(data!.bySpeaker.totalCount, 7, "the speaker's name is searched too");
      // Search and the other filters together: only this article's quote.
      const article = (await articles({ q: `"orchard report number 3"`, first: 1 })).edges[0]!.node;
      const { data: one } = await server.gql(`query ($a: ID) { quotes(filter: { search: "rain", articleId: $a }) { totalCount edges { node { text } } } }`, { a: article.id });
      assert.equal(one!.quotes.totalCount, 1);
      assert.match(one!.quotes.edges[0].node.text, /number 3/);
    });

    test("a search page costs a bounded number of statements", async () => {
      const query = `query ($q: String, $first: Int) { articles(filter: { search: $q }, first: $first) { totalCount edges { node { title
        people(first: 5) { edges { node { name aliases } } } quotes(first: 5) { edges { node { text } } } } } } }`;
      for (const first of [2, 7]) {
        const start = server.statements();
        const { errors } = await server.gql(query, { q: "orchard", first });
        assert.equal(errors, undefined);
        const cost = server.statements() - start;
        assert.ok(cost <= 9, `a search page of ${first} cost ${cost} statements`);
      }
    });

    test("the database keeps the index: raw multi-row INSERTs, updates, deletes", async () => {
      const db = server.store.writer;
      // As a batched writer would: several articles, quotes, people and aliases per statement.
      await db.$executeRawUnsafe(
        `INSERT INTO article (title, body, file_name, content_hash, word_count) VALUES
          ('Volcano wakes', 'Lava reached the sea near the lighthouse.', 'raw-1', 'raw-hash-1', 7),
          ('Quiet week', 'Nothing about volcanoes here, only a lighthouse.', 'raw-2', 'raw-hash-2', 7)`,
      );
      const ids = (await db.$queryRawUnsafe<{ id: number | bigint }[]>(`SELECT id FROM article WHERE file_name LIKE 'raw-%' ORDER BY id`)).map((r) => Number(r.id));
      await db.$executeRawUnsafe(`INSERT INTO person (name, key, mention_count, article_count) VALUES ('Ingrid Vulkansdottir', 'ingrid vulkansdottir', 1, 1), ('Pele Keawe', 'pele keawe', 1, 1)`);
      const [ingrid] = await db.$queryRawUnsafe<{ id: number | bigint }[]>(`SELECT id FROM person WHERE key = 'ingrid vulkansdottir'`);
      await db.$executeRawUnsafe(`INSERT INTO person_alias (person_id, alias) VALUES (${ingrid!.id}, 'Ingrid V.'), (${ingrid!.id}, 'Fire Lady')`);
      await db.$executeRawUnsafe(
        `INSERT INTO quote (article_id, text, start_offset, end_offset, speaker_name) VALUES (${ids[0]}, 'the lava is beautiful', 0, 5, 'Keawe'), (${ids[1]}, 'nothing happened', 0, 5, NULL)`,
      );
      assert.equal((await articles({ q: "volcano" })).totalCount, 2);
      assert.deepEqual(titles(await articles({ q: "volcano" }))[0], "Volcano wakes");
      const count = async (list: string, q: string) => (await server.gql(`query ($q: String) { ${list}(filter: { search: $q }) { totalCount } }`, { q })).data![list].totalCount;
      assert.equal(await count("people", "fire lady"), 1, "an alias inserted after its person");
      assert.equal(await count("quotes", "lava"), 1);
      assert.equal(await count("quotes", "keawe"), 1);

      await db.$executeRawUnsafe(`UPDATE article SET title = 'Geyser wakes' WHERE id = ${ids[0]}`);
      assert.equal((await articles({ q: "geyser" })).totalCount, 1);
      await db.$executeRawUnsafe(`UPDATE quote SET text = 'the steam is loud' WHERE article_id = ${ids[0]}`);
      assert.equal(await count("quotes", "lava"), 0);
      assert.equal(await count("quotes", "steam"), 1);
      await db.$executeRawUnsafe(`UPDATE person SET name = 'Ingrid Eldfjall' WHERE id = ${ingrid!.id}`);
      assert.equal(await count("people", "eldfjall"), 1);
      await db.$executeRawUnsafe(`DELETE FROM person_alias WHERE alias = 'Fire Lady'`);
      assert.equal(await count("people", "fire lady"), 0);
      assert.equal(await count("people", `"ingrid v"`), 1);

      // A body too large for one tsvector (PostgreSQL's 1 MB) still inserts, and is found by its start.
      const huge = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36).padStart(5, "0")}`).join(" ");
      await db.$executeRaw`INSERT INTO article (title, body, file_name, content_hash, word_count) VALUES ('Huge', ${"zeppelin " + huge}, 'raw-3', 'raw-hash-3', 200001)`;
      assert.equal((await articles({ q: "zeppelin" })).totalCount, 1);
      ids.push(...(await db.$queryRawUnsafe<{ id: number | bigint }[]>(`SELECT id FROM article WHERE file_name = 'raw-3'`)).map((r) => Number(r.id)));

      // Deleting an article deletes its quotes (cascade): both leave the index.
      await db.$executeRawUnsafe(`DELETE FROM article WHERE id IN (${ids.join(", ")})`);
      assert.equal((await articles({ q: "lighthouse" })).totalCount, 0);
      assert.equal(await count("quotes", "steam"), 0);
      await db.$executeRawUnsafe(`DELETE FROM person WHERE key IN ('ingrid vulkansdottir', 'pele keawe')`);
      assert.equal(await count("people", "ingrid"), 0);
      assert.equal(await count("people", "keawe"), 0);
    });

    if (name === "sqlite") {
      test("SQLite: every trigger exists after the whole history (a table redefinition would drop them)", async () => {
        const rows = await server.store.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`);
        const triggers = rows.map((r) => r.name);
        for (const table of ["article", "quote", "person", "organization", "place"]) {
          for (const op of ["insert", "delete", "update"]) assert.ok(triggers.includes(`${table}_fts_${op}`), `${table}_fts_${op}`);
        }
        for (const table of ["person_alias", "organization_alias", "place_alias"]) {
          for (const op of ["insert", "delete", "update"]) assert.ok(triggers.includes(`${table}_fts_${op}`), `${table}_fts_${op}`);
        }
        // The FTS tables are ones the schema engine must ignore.
        const tables = await server.store.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%fts%'`);
        for (const { name: table } of tables) assert.ok(FULL_TEXT_TABLES.sqlite.includes(table), `${table} is not in FULL_TEXT_TABLES`);
        // The FTS indexes agree with their tables.
        for (const table of ["article_fts", "quote_fts"]) await server.store.db.$executeRawUnsafe(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
      });
    } else {
      test("PostgreSQL: the queries use the GIN indexes", async () => {
        const plan = async (sql: string) => {
          const [, rows] = await server.store.db.$transaction([
            server.store.db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
            server.store.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`),
          ]);
          return rows.map((r) => r["QUERY PLAN"]).join("\n");
        };
        const { hitsSql } = await import("../src/store/search.ts");
        const q = parseSearch("orchard");
        for (const [kind, indexes] of [
          ["article", ["article_search_document_idx"]],
          ["quote", ["quote_search_document_idx"]],
          ["person", ["person_search_idx", "person_alias_search_idx"]],
          ["organization", ["organization_search_idx", "organization_alias_search_idx"]],
          ["place", ["place_search_idx", "place_alias_search_idx"]],
        ] as const) {
          const sql = hitsSql(server.store, kind, q);
          const text = sql.text.replace(/\$(\d+)/g, (_, n) => `'${String(sql.values[Number(n) - 1]).replace(/'/g, "''")}'`);
          const explained = await plan(text);
          for (const index of indexes) assert.match(explained, new RegExp(`Bitmap Index Scan on ${index}\\b`), `${kind}:\n${explained}`);
        }
      });
    }
  });

  describe(`full-text migration backfills an existing database on ${name}`, { skip }, () => {
    test("rows stored before the migration are found after it", async () => {
      const dir = await mkdtemp(join(tmpdir(), "newsgraph-search-migrate-"));
      const backend = await make();
      try {
        // The repository's prisma/ with the history up to (not including) the search migration.
        const prismaDir = join(dir, "prisma");
        await cp(DEFAULT_PRISMA_DIR, prismaDir, { recursive: true });
        const history = migrationsDir(name, prismaDir);
        // (and after it: a later migration may rely on its tables).
        const all = (await readdir(history)).filter((m) => /^\d+_/.test(m)).sort();
        const from = all.findIndex((m) => m.endsWith("_full_text_search"));
        assert.ok(from >= 0);
        const search = all.slice(from);
        for (const m of search) await rm(join(history, m), { recursive: true });
        await migrateDatabase(backend.url, { prismaDir });

        const store = await openDb(backend.url);
        try {
          await store.writer.$executeRawUnsafe(`INSERT INTO article (title, body, file_name, content_hash, word_count) VALUES ('Tundra fires', 'Smoke over the tundra.', 'old', 'old-hash', 4)`);
          await store.writer.$executeRawUnsafe(`INSERT INTO person (name, key) VALUES ('Olga Tundrova', 'olga tundrova')`);
          await store.writer.$executeRawUnsafe(`INSERT INTO person_alias (person_id, alias) SELECT id, 'Tundra Olga' FROM person`);
          await store.writer.$executeRawUnsafe(`INSERT INTO quote (article_id, text, start_offset, end_offset) SELECT id, 'the smoke is thick', 0, 1 FROM article`);
        } finally {
          await store.close();
        }
        // Now the whole committed history: the search migration applies and backfills.
        const { applied } = await migrateDatabase(backend.url);
        assert.deepEqual(applied, search);
        const server = await startTestServer(backend);
        try {
          const { data, errors } = await server.gql(`{ articles(filter: { search: "tundra" }) { totalCount }
            people(filter: { search: "olga" }) { totalCount } alias: people(filter: { search: "\\"tundra olga\\"" }) { totalCount }
            quotes(filter: { search: "smoke" }) { totalCount } }`);
          assert.equal(errors, undefined, JSON.stringify(errors));
          assert.deepEqual(data, { articles: { totalCount: 1 }, people: { totalCount: 1 }, alias: { totalCount: 1 }, quotes: { totalCount: 1 } });
        } finally {
          await server.stop();
        }
        // And the schema engine sees no drift with the FTS tables in place.
        assert.equal(await pendingSchemaChanges(name), null);
      } finally {
        await backend.dispose();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
