// npm run places:eval -- DIR [--seed N] [--sample N] [--threads N] [--keep FILE]
//
// Loads a corpus folder through the product's own ingest (loadDocuments) into a
// throwaway SQLite database and reports on its places:
//  - the share of place mentions on nodes with a country and coordinates, overall and
//    in the 300 most mentioned places; nodes and mentions per kind;
//  - nodes that should not exist: state abbreviations (`Calif.`, `N.H.`) and all-caps
//    names (datelines such as `TALLAHASSEE`);
//  - ambiguous names: every stored place whose name has namesakes in the gazetteer (a
//    country and a US state, cities of several countries), with the sense stored and,
//    for each sense, why the resolver chose it (places.ts explains each choice);
//  - a random sample of place nodes (seeded: the same sample for the same graph) with a
//    sentence of context each, for judging by hand.
// When DIR holds `gold.jsonl` and `docs/` (the AIDA-CoNLL layout), it loads `docs/` and
// also scores places against the gold Wikidata ids: B-cubed precision, recall and F1 over
// (article, entity) items of kind LOC, demonyms included (`German` linked to Germany).
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { join, resolve, basename } from "node:path";
import { tmpdir } from "node:os";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { parseCommandLine, runCommand, wholeNumberOption } from "../src/cli/exit.ts";
import { extractArticle } from "../src/analysis/runtime/analyse.ts";
import { decodeDocument, parseDocument } from "../src/documents/parse.ts";
import { ambiguousPlaceSenses, explainPlaceChoices, placeOfDemonym } from "../src/resolve/places.ts";
import { normalizeName } from "../src/resolve/normalize.ts";
import { seededRandom } from "../src/seeded-random.ts";

const HELP = `Usage: npm run places:eval -- DIR [options]

Loads DIR into a throwaway SQLite database with the product's ingest and reports how
well its places are resolved (see the comment at the top of scripts/places-eval.ts).
With DIR/gold.jsonl (AIDA-CoNLL layout) it also scores LOC B-cubed against the gold ids.

Options:
  --seed N      seed of the random sample of place nodes (default 17)
  --sample N    size of that sample (default 50)
  --threads N   analysis threads (default: one per core)
  --keep FILE   keep the SQLite database at FILE instead of a temporary one
  -h, --help    show this help`;

interface PlaceRow {
  id: number;
  name: string;
  key: string;
  kind: string;
  country_code: string | null;
  latitude: number | null;
  longitude: number | null;
  mention_count: number;
  article_count: number;
}

/** Names known to be ambiguous in news (issue 17): always listed. */
const WATCHED = new Set(["georgia", "valencia", "carolina", "wilmington", "washington", "birmingham", "victoria", "jackson", "lincoln", "paris", "new york", "hollywood"]);

const pct = (a: number, b: number): string => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);


const STATE_ABBREVIATION = /^(?:[A-Z]\.){2,3}$|^(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo)\.$/u;
/** Written in capitals with at least four letters: a dateline, not an acronym (`UAE`, `NYC`). */
const ALL_CAPS = /^(?=(?:.*\p{Lu}){4})[\p{Lu}\s.'’-]+$/u;

async function placeRows(store: DbHandle): Promise<PlaceRow[]> {
  const rows = await store.db.$queryRawUnsafe<PlaceRow[]>(
    "SELECT id, name, key, kind, country_code, latitude, longitude, mention_count, article_count FROM place ORDER BY mention_count DESC, key",
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), mention_count: Number(r.mention_count), article_count: Number(r.article_count) }));
}

const located = (p: PlaceRow): boolean => p.country_code !== null && p.latitude !== null && p.longitude !== null;
/** On the map: coordinates, and a country unless the place spans several (a continent, a sea, `Middle East`). */
const mapped = (p: PlaceRow): boolean => p.latitude !== null && p.longitude !== null && (p.country_code !== null || p.kind === "REGION");

function reportCoverage(places: PlaceRow[]): void {
  const share = (list: PlaceRow[], ok: (p: PlaceRow) => boolean) => {
    const all = list.reduce((s, p) => s + p.mention_count, 0);
    const good = list.filter(ok).reduce((s, p) => s + p.mention_count, 0);
    return `${pct(good, all)} (${good} of ${all} mentions; ${list.filter(ok).length} of ${list.length} nodes)`;
  };
  console.log(`\n## Coverage: place mentions on nodes with a country and coordinates`);
  console.log(`all places:     ${share(places, located)}`);
  console.log(`top 300 places: ${share(places.slice(0, 300), located)}`);
  console.log(`on the map (coordinates; a country unless the place spans several: continents, seas, Middle East):`);
  console.log(`all places:     ${share(places, mapped)}`);
  console.log(`top 300 places: ${share(places.slice(0, 300), mapped)}`);
  console.log(`\n## Kinds (nodes, mentions)`);
  const kinds = new Map<string, [number, number]>();
  for (const p of places) {
    const k = kinds.get(p.kind) ?? [0, 0];
    kinds.set(p.kind, [k[0] + 1, k[1] + p.mention_count]);
  }
  for (const [kind, [nodes, mentions]] of [...kinds].sort()) console.log(`${kind.padEnd(8)} ${String(nodes).padStart(6)} ${String(mentions).padStart(7)}`);
  const missing = places.filter((p) => !located(p)).slice(0, 25);
  console.log(`\nmost mentioned nodes without a country or coordinates: ${missing.map((p) => `${p.name} (${p.kind}, ${p.mention_count})`).join(", ") || "none"}`);
}

function reportSeparateForms(places: PlaceRow[]): void {
  const abbreviations = places.filter((p) => STATE_ABBREVIATION.test(p.name));
  const caps = places.filter((p) => !STATE_ABBREVIATION.test(p.name) && ALL_CAPS.test(p.name));
  const list = (l: PlaceRow[]) => `${l.length} nodes, ${l.reduce((s, p) => s + p.mention_count, 0)} mentions${l.length ? `: ${l.slice(0, 30).map((p) => `${p.name} ${p.mention_count}`).join(", ")}` : ""}`;
  console.log(`\n## Separate nodes for short forms`);
  console.log(`state abbreviations: ${list(abbreviations)}`);
  console.log(`all-caps names:      ${list(caps)}`);
}

async function reportAmbiguous(store: DbHandle, places: PlaceRow[]): Promise<void> {
  console.log(`\n## Ambiguous names: the sense stored, and why (from the resolver's explanation, per article)`);
  const byBase = new Map<string, PlaceRow[]>();
  for (const p of places) {
    const base = p.name.split(/,| \(/u)[0]!.replace(/ State$/u, "").trim().toLowerCase();
    if (ambiguousPlaceSenses(base).length < 2) continue;
    byBase.set(base, [...(byBase.get(base) ?? []), p]);
  }
  // The names the issue names, then every name stored under two senses or more, most articles first.
  const ranked = [...byBase.entries()]
    .filter(([base, nodes]) => WATCHED.has(base) || nodes.length > 1)
    .sort((a, b) => Number(WATCHED.has(b[0])) - Number(WATCHED.has(a[0])) || b[1].reduce((s, p) => s + p.article_count, 0) - a[1].reduce((s, p) => s + p.article_count, 0));
  for (const [base, nodes] of ranked.slice(0, 40)) {
    const senses = ambiguousPlaceSenses(base);
    console.log(`\n${base} — gazetteer senses: ${senses.join(" | ")}`);
    for (const p of nodes) {
      const reasons = await reasonsFor(store, p);
      console.log(`  -> ${p.name} [${p.kind} ${p.country_code ?? "-"}] in ${p.article_count} articles; why: ${reasons}`);
    }
  }
}

/** Re-analyses up to five of a node's articles and tallies the resolver's reasons for the mentions that went to it. */
async function reasonsFor(store: DbHandle, p: PlaceRow): Promise<string> {
  const articles = await store.db.$queryRawUnsafe<{ body: string }[]>(
    "SELECT a.body FROM article_place ap JOIN article a ON a.id = ap.article_id WHERE ap.place_id = ? ORDER BY a.id LIMIT 5",
    p.id,
  );
  const tally = new Map<string, number>();
  for (const { body } of articles) {
    for (const e of explainPlaceChoices(extractArticle(body).mentions, body)) {
      if (e.key !== p.key) continue;
      tally.set(e.reason, (tally.get(e.reason) ?? 0) + 1);
    }
  }
  return [...tally].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} (${n})`).join("; ") || "no explanation";
}

async function reportSample(store: DbHandle, places: PlaceRow[], seed: number, size: number): Promise<void> {
  console.log(`\n## Random ${size} place nodes (seed ${seed}), with the first sentence that names each`);
  const byKey = [...places].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const random = seededRandom(seed);
  for (let i = byKey.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [byKey[i], byKey[j]] = [byKey[j]!, byKey[i]!];
  }
  let n = 0;
  for (const p of byKey.slice(0, size)) {
    const [first] = await store.db.$queryRawUnsafe<{ body: string; first_offset: number; file_name: string }[]>(
      "SELECT a.body, ap.first_offset, a.file_name FROM article_place ap JOIN article a ON a.id = ap.article_id WHERE ap.place_id = ? ORDER BY a.file_name LIMIT 1",
      p.id,
    );
    const at = Number(first?.first_offset ?? 0);
    const body = first?.body ?? "";
    const from = Math.max(0, at - 90);
    const context = body.slice(from, at + 90).replace(/\s+/g, " ");
    const where = p.latitude !== null ? `${p.latitude.toFixed(2)},${p.longitude?.toFixed(2)}` : "no coordinates";
    console.log(`${String(++n).padStart(2)}. ${p.name} [${p.kind} ${p.country_code ?? "-"} ${where}] ${p.mention_count} mentions — …${context}… (${first?.file_name ?? "?"})`);
  }
}

interface GoldMention {
  qid: string;
  kind: string;
  surface: string;
  start: number;
  end: number;
}

/**
 * B-cubed over (article, entity) items of kind LOC. A gold mention's predicted node is
 * the place node of its article that the product's mention at those offsets went to
 * (found by the mention's text among the node's aliases), or, for a demonym, the country
 * the article links by demonym; an item without one is a singleton.
 */
async function scoreAida(store: DbHandle, dir: string): Promise<void> {
  const gold = readFileSync(join(dir, "gold.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { fileName: string; mentions: GoldMention[] });
  const articles = new Map(
    (await store.db.$queryRawUnsafe<{ id: number; file_name: string; body: string }[]>("SELECT id, file_name, body FROM article")).map((a) => [basename(a.file_name), a]),
  );
  const nodesOf = async (articleId: number) =>
    store.db.$queryRawUnsafe<{ place_id: number; alias: string | null; key: string; demonyms: number }[]>(
      `SELECT ap.place_id, pa.alias, p.key, 0 AS demonyms FROM article_place ap JOIN place p ON p.id = ap.place_id LEFT JOIN place_alias pa ON pa.place_id = ap.place_id WHERE ap.article_id = ?` +
        (hasDemonyms ? ` UNION ALL SELECT d.place_id, NULL, p.key, d.count FROM article_demonym d JOIN place p ON p.id = d.place_id WHERE d.article_id = ?` : ""),
      ...(hasDemonyms ? [articleId, articleId] : [articleId]),
    );
  type Item = { gold: string; node: string };
  const items: Item[] = [];
  let mentions = 0;
  let found = 0;
  const missed = new Map<string, number>();
  for (const doc of gold) {
    const article = articles.get(basename(doc.fileName));
    if (!article) continue;
    const text = decodeDocument(readFileSync(join(dir, "docs", basename(doc.fileName))), doc.fileName);
    const parsed = parseDocument(text, doc.fileName);
    const bodyStart = text.indexOf(parsed.body);
    const extracted = extractArticle(article.body).mentions.filter((m) => m.type === "PLACE");
    const nodes = await nodesOf(Number(article.id));
    const votes = new Map<string, Map<string, number>>();
    for (const g of doc.mentions.filter((m) => m.kind === "LOC")) {
      mentions++;
      const start = g.start - bodyStart;
      const end = g.end - bodyStart;
      const vote = votes.get(g.qid) ?? new Map<string, number>();
      votes.set(g.qid, vote);
      let node: number | undefined;
      const m = extracted.find((x) => x.start < end && start < x.end);
      if (m) node = nodes.find((n) => n.alias === m.text)?.place_id;
      if (node === undefined) {
        const place = placeOfDemonym(g.surface) ?? placeOfDemonym(g.surface.replace(/^\S+\s+/u, ""));
        const key = place && normalizeName("PLACE", place);
        if (key) node = nodes.find((n) => n.key === key && Number(n.demonyms) > 0)?.place_id;
      }
      if (node === undefined) {
        const why = m ? `${g.surface} (found as ${m.text})` : g.surface;
        missed.set(why, (missed.get(why) ?? 0) + 1);
        continue;
      }
      found++;
      vote.set(String(node), (vote.get(String(node)) ?? 0) + 1);
    }
    for (const [qid, vote] of votes) {
      const best = [...vote].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      items.push({ gold: qid, node: best ? `n${best[0]}` : `none:${article.id}:${qid}` });
    }
  }
  const byNode = new Map<string, Item[]>();
  const byGold = new Map<string, Item[]>();
  for (const it of items) {
    byNode.set(it.node, [...(byNode.get(it.node) ?? []), it]);
    byGold.set(it.gold, [...(byGold.get(it.gold) ?? []), it]);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const cluster = byNode.get(it.node)!;
    const same = cluster.filter((x) => x.gold === it.gold).length;
    p += same / cluster.length;
    r += same / byGold.get(it.gold)!.length;
  }
  const precision = p / items.length;
  const recall = r / items.length;
  const f1 = (2 * precision * recall) / (precision + recall);
  const split = [...byGold.values()].filter((l) => new Set(l.map((x) => x.node)).size > 1).length;
  const mixed = [...byNode.entries()].filter(([k, l]) => !k.startsWith("none:") && new Set(l.map((x) => x.gold)).size > 1).length;
  console.log(`\n## AIDA LOC (B-cubed over (article, entity) items, demonyms included)`);
  console.log(`gold LOC mentions ${mentions}, found on a place node ${found} (${pct(found, mentions)}); items ${items.length}`);
  console.log(`precision ${(100 * precision).toFixed(2)}  recall ${(100 * recall).toFixed(2)}  F1 ${(100 * f1).toFixed(2)}`);
  console.log(`ids split over several nodes ${split}, nodes holding several ids ${mixed}`);
  const top = [...missed].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(`most missed gold surfaces: ${top.map(([s, n]) => `${s} ${n}`).join(", ")}`);
}

/** Whether the schema stores demonyms (article_demonym). */
let hasDemonyms = false;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: {
      help: { type: "boolean", short: "h" },
      seed: { type: "string" },
      sample: { type: "string" },
      threads: { type: "string" },
      keep: { type: "string" },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const dir = resolve(positionals[0]!);
  const aida = existsSync(join(dir, "gold.jsonl")) && existsSync(join(dir, "docs"));
  const tmp = values.keep ? null : mkdtempSync(join(tmpdir(), "places-eval-"));
  const file = values.keep ? resolve(values.keep) : join(tmp!, "eval.db");
  const url = `file:${file}`;
  await migrateDatabase(url);
  const store = await openDb(url);
  try {
    const started = performance.now();
    const summary = await loadDocuments(store, [aida ? join(dir, "docs") : dir], {}, { threads: wholeNumberOption(values.threads, "--threads", 0) });
    console.log(`# places:eval ${dir}\nloaded ${summary.loaded} articles (${summary.failed.length} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const tables = await store.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'article_demonym'");
    hasDemonyms = tables.length > 0;
    const places = await placeRows(store);
    reportCoverage(places);
    reportSeparateForms(places);
    await reportAmbiguous(store, places);
    await reportSample(store, places, wholeNumberOption(values.seed, "--seed", 0, 2 ** 31) ?? 17, wholeNumberOption(values.sample, "--sample", 0) ?? 50);
    if (aida) await scoreAida(store, dir);
    return 0;
  } finally {
    await store.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

runCommand("places:eval", HELP, main);
