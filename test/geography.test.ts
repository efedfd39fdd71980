// Geography in the API, over real HTTP on SQLite and on PostgreSQL: Place.country and
// containedIn, places near a point / in a country / of a kind, articles of a place with its
// sub-places, and demonyms kept apart from mentions. Articles of our own.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, startTestServer, type Backend, type TestServer } from "./helpers/graph.ts";

const ARTICLES = [
  "Storm hits Atlanta\n\nA storm hit Atlanta on Monday, and Georgia's governor declared an emergency, the United States weather service said.\n",
  "Rain in Savannah\n\nHeavy rain fell in Savannah on Thursday, flooding streets near the river.\n",
  "Trade talks in Lyon\n\nMinisters met in Lyon, France, on Tuesday to discuss trade with Germany.\n",
  "Envoys meet in Berlin\n\nFrench officials met envoys in Berlin on Wednesday to discuss the budget.\n",
];

function writeArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-geo-"));
  ARTICLES.forEach((text, i) => writeFileSync(join(dir, `geo-${i}.txt`), text));
  return dir;
}

for (const { name, skip, make } of await backends()) {
  describe(`geography in the API on ${name}`, { skip }, () => {
    let backend: Backend;
    let server: TestServer;
    let corpus: string;
    const placeId = async (search: string, kind: string) => {
      const { data, errors } = await server.gql(`query($s: String) { places(filter: { search: $s }) { edges { node { id name kind } } } }`, { s: search });
      assert.equal(errors, undefined, JSON.stringify(errors));
      const hit = data!.places.edges.find((e: { node: { kind: string } }) => e.node.kind === kind);
      assert.ok(hit, `${search} (${kind}) in ${JSON.stringify(data!.places.edges)}`);
      return hit.node.id as string;
    };

    before(async () => {
      backend = await make();
      corpus = writeArticles();
      server = await startTestServer(backend, [corpus]);
    });
    after(async () => {
      await server?.stop();
      await backend?.dispose();
      rmSync(corpus, { recursive: true, force: true });
    });

    test("a city's country, region and containing place", async () => {
      const { data, errors } = await server.gql(`{ places(filter: { search: "Atlanta" }) { edges { node {
        name kind countryCode regionCode latitude longitude country { name kind } containedIn { name kind regionCode containedIn { name } } } } } }`);
      assert.equal(errors, undefined, JSON.stringify(errors));
      const atlanta = data!.places.edges[0].node;
      assert.deepEqual([atlanta.name, atlanta.kind, atlanta.countryCode, atlanta.regionCode], ["Atlanta", "CITY", "US", "US-GA"]);
      assert.ok(Math.abs(atlanta.latitude - 33.75) < 0.1 && Math.abs(atlanta.longitude + 84.39) < 0.1);
      assert.deepEqual(atlanta.country, { name: "United States", kind: "COUNTRY" });
      assert.deepEqual(atlanta.containedIn, { name: "Georgia (U.S. state)", kind: "REGION", regionCode: "US-GA", containedIn: { name: "United States" } });
      // A city whose region no article names lies in its country; a country in nothing.
      const lyon = await server.gql(`{ places(filter: { search: "Lyon" }) { edges { node { name containedIn { name } country { name containedIn { name } } } } } }`);
      assert.deepEqual(lyon.data!.places.edges[0].node, { name: "Lyon", containedIn: { name: "France" }, country: { name: "France", containedIn: null } });
    });

    test("places near a point, in a country, of a kind", async () => {
      const near = async (km: number, extra = "") => {
        const { data, errors } = await server.gql(`{ places(filter: { near: { latitude: 33.75, longitude: -84.39, km: ${km} } ${extra} }, orderBy: NAME_ASC) { totalCount edges { node { name } } } }`);
        assert.equal(errors, undefined, JSON.stringify(errors));
        return { total: data!.places.totalCount, names: data!.places.edges.map((e: { node: { name: string } }) => e.node.name) };
      };
      assert.deepEqual(await near(50), { total: 1, names: ["Atlanta"] });
      // Savannah is about 350 km away, the state's centroid about 200 km.
      assert.deepEqual(await near(400), { total: 3, names: ["Atlanta", "Georgia (U.S. state)", "Savannah"] });
      assert.deepEqual(await near(400, "kind: CITY"), { total: 2, names: ["Atlanta", "Savannah"] });
      const inFrance = await server.gql(`{ places(filter: { countryCode: "fr" }, orderBy: NAME_ASC) { totalCount edges { node { name } } } }`);
      assert.deepEqual(inFrance.data!.places.edges.map((e: { node: { name: string } }) => e.node.name), ["France", "Lyon"]);
      // Pages of a filtered list neither skip nor repeat.
      const first = await server.gql(`{ places(first: 1, filter: { countryCode: "US" }, orderBy: NAME_ASC) { pageInfo { endCursor hasNextPage } edges { node { name } } } }`);
      assert.equal(first.data!.places.pageInfo.hasNextPage, true);
      const rest = await server.gql(`query($after: String) { places(after: $after, filter: { countryCode: "US" }, orderBy: NAME_ASC) { edges { node { name } } } }`, { after: first.data!.places.pageInfo.endCursor });
      assert.deepEqual([...first.data!.places.edges, ...rest.data!.places.edges].map((e: { node: { name: string } }) => e.node.name), ["Atlanta", "Georgia (U.S. state)", "Savannah", "United States"]);
    });

    test("articles of a place with its sub-places, and by demonym on request", async () => {
      const count = async (filter: string) => {
        const { data, errors } = await server.gql(`{ articles(filter: { ${filter} }) { totalCount edges { node { title } } } }`);
        assert.equal(errors, undefined, JSON.stringify(errors));
        return data!.articles.totalCount as number;
      };
      const georgia = await placeId("Georgia", "REGION");
      assert.equal(await count(`placeId: "${georgia}"`), 1);
      assert.equal(await count(`placeId: "${georgia}", includeSubplaces: true`), 2, "Atlanta's and Savannah's articles");
      const us = await placeId("United States", "COUNTRY");
      assert.equal(await count(`placeId: "${us}", includeSubplaces: true`), 2);
      const france = await placeId("France", "COUNTRY");
      assert.equal(await count(`placeId: "${france}"`), 1);
      assert.equal(await count(`placeId: "${france}", includeDemonyms: true`), 2, "French officials");
      const { data } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Place { mentionCount articleCount articles { totalCount } } } }`, { id: france });
      assert.deepEqual(data!.node, { mentionCount: 1, articleCount: 1, articles: { totalCount: 1 } }, "a demonym is not a mention");
    });

    test("bad geography input is BAD_USER_INPUT naming the field", async () => {
      const cases: [string, RegExp][] = [
        [`{ places(filter: { near: { latitude: 10, longitude: 10, km: 0 } }) { totalCount } }`, /filter\.near\.km must be more than 0/],
        [`{ places(filter: { near: { latitude: 91, longitude: 10, km: 5 } }) { totalCount } }`, /filter\.near\.latitude must be from -90 to 90/],
        [`{ places(filter: { countryCode: "USA" }) { totalCount } }`, /filter\.countryCode must be an ISO 3166-1 alpha-2 code/],
        [`{ articles(filter: { includeSubplaces: true }) { totalCount } }`, /filter\.includeSubplaces needs filter\.placeId/],
      ];
      for (const [query, message] of cases) {
        const { errors } = await server.gql(query);
        assert.equal(errors?.[0]?.extensions?.code, "BAD_USER_INPUT", query);
        assert.match(errors![0]!.message, message);
      }
    });
  });
}
