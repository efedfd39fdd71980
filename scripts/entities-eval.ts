// npm run entities:eval -- DIR [--errors N] [--database URL] [--json FILE]
//
// Cross-document identity of the stored graph, scored on AIDA-CoNLL dev (DIR as described
// in /work/shared/data/entities/aida-dev/README.md: docs/*.txt and gold.jsonl). The
// articles go through the product's own ingest (loadDocuments: parse, analyse, resolve,
// store) into a throwaway SQLite database (or --database), and only the stored graph is
// read back: every gold mention is matched to one of the nodes stored for its article.
//
// Matching a gold mention to a node. The store keeps, per article, the entities it
// mentions (with their first offset) and, per entity, every surface form (aliases). A
// gold mention's node is the article's node whose aliases hold its surface exactly;
// failing that, one whose alias contains the surface as whole words or is contained in
// it (`West Indian` in `West Indian all-rounder`). Ties go to a node of the gold kind's
// type, then to the node whose first mention is at the gold mention, then to the latest
// first mention before it. A mention that matches nothing was not found by extraction
// (its item is then a singleton: the error is recall's). Mentions in the title are left
// out: the product analyses the body only.
//
// Demonyms (issue 17): a gold LOC mention that is a demonym (`German` linked to Germany)
// is a mention of its country. The store keeps an article's demonyms apart from its
// mentions (article_demonym: the country, how often, where first), so such a mention
// matches the article's place node of the country the demonym names (placeOfDemonym, the
// product's own table), linked to the article by demonym or by name; it is looked up
// before the aliases, which would take `Scottish` to `Scottish National Party`.
//
// Scores (Bagga and Baldwin, 1998). Items are (article, gold id) pairs of a kind (PER,
// ORG, LOC); an item's node is the node most of its mentions matched. B-cubed precision
// of an item: the share of items in its node (of the same kind) with its gold id; recall:
// the share of items with its gold id that are in its node. Averaged over items, F1 from
// the averages. Also: gold ids whose found items lie on several nodes ("split"), nodes
// holding items of several gold ids ("merged"), and the share of the gold ids occurring in
// more than one article that are split.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { parseCommandLine, runCommand, UsageError, wholeNumberOption } from "../src/cli/exit.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { parseDocument } from "../src/documents/parse.ts";
import { placeOfDemonym } from "../src/resolve/places.ts";
import { normalizeName } from "../src/resolve/normalize.ts";

const HELP = `Usage: npm run entities:eval -- DIR [options]

Loads the AIDA-CoNLL articles of DIR/docs through the product's ingest into a throwaway
SQLite database and scores the stored graph against DIR/gold.jsonl: B-cubed precision,
recall and F1 per kind (PER, ORG, LOC) over (article, entity) items, gold ids split over
several nodes, nodes holding several ids.

Options:
  --errors N       print up to N split ids and merged nodes per kind (default 0)
  --database URL   load into this (empty) database instead of a throwaway SQLite file
  --json FILE      also write the numbers as JSON
  -h, --help       show this help`;

type Kind = "PER" | "ORG" | "LOC";
const KINDS: Kind[] = ["PER", "ORG", "LOC"];
const TYPE_OF: Record<Kind, string> = { PER: "PERSON", ORG: "ORGANIZATION", LOC: "PLACE" };

interface GoldMention {
  qid: string;
  name: string;
  kind: Kind | "OTHER";
  surface: string;
  start: number;
  end: number;
}

interface StoredNode {
  /** `TYPE:id`: the node's identity in the graph. */
  node: string;
  type: string;
  name: string;
  firstOffset: number;
  aliases: Set<string>;
  /** A place's key (`germany`), for matching demonyms. */
  key?: string;
  /** True when the article names it only by demonym (no mention, so no alias of its own counts). */
  demonymOnly?: boolean;
}

interface Item {
  article: string;
  qid: string;
  goldName: string;
  kind: Kind;
  /** The node most of its mentions matched, or null when extraction found none. */
  node: string | null;
  surfaces: string[];
}

const ENTITY_SQL = [
  { type: "PERSON", sql: `SELECT e.id, e.name, ae.first_offset, a.file_name FROM article_person ae JOIN person e ON e.id = ae.person_id JOIN article a ON a.id = ae.article_id`, aliases: `SELECT person_id AS id, alias FROM person_alias` },
  { type: "ORGANIZATION", sql: `SELECT e.id, e.name, ae.first_offset, a.file_name FROM article_organization ae JOIN organization e ON e.id = ae.organization_id JOIN article a ON a.id = ae.article_id`, aliases: `SELECT organization_id AS id, alias FROM organization_alias` },
  { type: "PLACE", sql: `SELECT e.id, e.name, ae.first_offset, a.file_name, e.key FROM article_place ae JOIN place e ON e.id = ae.place_id JOIN article a ON a.id = ae.article_id`, aliases: `SELECT place_id AS id, alias FROM place_alias` },
] as const;

/** Countries an article names by demonym only (with a mention too, the country is in article_place already). */
const DEMONYM_SQL = `SELECT e.id, e.name, d.first_offset, a.file_name, e.key FROM article_demonym d JOIN place e ON e.id = d.place_id JOIN article a ON a.id = d.article_id
  WHERE NOT EXISTS (SELECT 1 FROM article_place ap WHERE ap.article_id = d.article_id AND ap.place_id = d.place_id)`;

/** Every stored node per article file name (its base name), with its aliases. */
async function readGraph(store: DbHandle): Promise<{ byArticle: Map<string, StoredNode[]>; names: Map<string, string> }> {
  const byArticle = new Map<string, StoredNode[]>();
  const names = new Map<string, string>();
  for (const { type, sql, aliases: aliasSql } of ENTITY_SQL) {
    const aliasRows = await store.db.$queryRawUnsafe<{ id: number | bigint; alias: string }[]>(aliasSql);
    const aliases = new Map<number, Set<string>>();
    for (const r of aliasRows) {
      const id = Number(r.id);
      const set = aliases.get(id) ?? new Set<string>();
      set.add(r.alias);
      aliases.set(id, set);
    }
    type Row = { id: number | bigint; name: string; first_offset: number | bigint; file_name: string; key?: string };
    const rows = (await store.db.$queryRawUnsafe<Row[]>(sql)).map((r) => ({ ...r, demonymOnly: false }));
    if (type === "PLACE") rows.push(...(await store.db.$queryRawUnsafe<Row[]>(DEMONYM_SQL)).map((r) => ({ ...r, demonymOnly: true })));
    for (const r of rows) {
      const file = r.file_name.split(/[\\/]/).pop() as string;
      const node = `${type}:${Number(r.id)}`;
      names.set(node, r.name);
      const list = byArticle.get(file) ?? [];
      const own = r.demonymOnly ? new Set<string>() : aliases.get(Number(r.id)) ?? new Set<string>();
      list.push({ node, type, name: r.name, firstOffset: Number(r.first_offset), aliases: own, ...(r.key === undefined ? {} : { key: r.key, demonymOnly: r.demonymOnly }) });
      byArticle.set(file, list);
    }
  }
  return { byArticle, names };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const containsWords = (outer: string, inner: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(inner)}($|[^\\p{L}\\p{N}])`, "u").test(outer);

/** The node of the article that a gold mention (body offsets) is one of, or null. */
function matchMention(nodes: readonly StoredNode[], surface: string, start: number, kind: Kind): string | null {
  if (kind === "LOC") {
    // `Iraqi Kurdish`: the demonym table knows `Kurdish`.
    const place = placeOfDemonym(surface) ?? placeOfDemonym(surface.replace(/^\S+\s+/u, ""));
    const key = place && normalizeName("PLACE", place);
    const country = key ? nodes.find((n) => n.type === "PLACE" && n.key === key) : undefined;
    if (country) return country.node;
  }
  let candidates = nodes.filter((n) => n.aliases.has(surface));
  if (candidates.length === 0) candidates = nodes.filter((n) => [...n.aliases].some((a) => containsWords(a, surface) || containsWords(surface, a)));
  if (candidates.length === 0) return null;
  const typed = candidates.filter((n) => n.type === TYPE_OF[kind]);
  if (typed.length > 0) candidates = typed;
  const at = candidates.find((n) => n.firstOffset === start);
  if (at) return at.node;
  const before = candidates.filter((n) => n.firstOffset <= start).sort((a, b) => b.firstOffset - a.firstOffset);
  return (before[0] ?? candidates[0] as StoredNode).node;
}

interface KindScore {
  items: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  ids: number;
  splitIds: number;
  mergedNodes: number;
  multiArticleIds: number;
  multiArticleSplit: number;
}

function score(items: readonly Item[]): KindScore {
  // Items extraction missed are singletons of their own.
  const nodeOf = (it: Item, i: number) => it.node ?? `missing:${i}`;
  const byNode = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  items.forEach((it, i) => {
    const n = nodeOf(it, i);
    byNode.set(n, [...(byNode.get(n) ?? []), i]);
    byId.set(it.qid, [...(byId.get(it.qid) ?? []), i]);
  });
  let p = 0;
  let r = 0;
  items.forEach((it, i) => {
    const inNode = byNode.get(nodeOf(it, i)) as number[];
    const sameId = byId.get(it.qid) as number[];
    const both = inNode.filter((j) => (items[j] as Item).qid === it.qid).length;
    p += both / inNode.length;
    r += both / sameId.length;
  });
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  let splitIds = 0;
  let multiArticleIds = 0;
  let multiArticleSplit = 0;
  for (const [, list] of byId) {
    const nodes = new Set(list.map((i) => items[i]!.node).filter((n) => n !== null));
    const split = nodes.size > 1;
    if (split) splitIds++;
    if (new Set(list.map((i) => items[i]!.article)).size > 1) {
      multiArticleIds++;
      if (split) multiArticleSplit++;
    }
  }
  let mergedNodes = 0;
  for (const [node, list] of byNode) if (!node.startsWith("missing:") && new Set(list.map((i) => items[i]!.qid)).size > 1) mergedNodes++;
  return {
    items: items.length,
    found: items.filter((it) => it.node !== null).length,
    precision: 100 * precision,
    recall: 100 * recall,
    f1: precision + recall > 0 ? (200 * precision * recall) / (precision + recall) : 0,
    ids: byId.size,
    splitIds,
    mergedNodes,
    multiArticleIds,
    multiArticleSplit,
  };
}

function printErrors(kind: Kind, items: readonly Item[], names: ReadonlyMap<string, string>, limit: number): void {
  const byId = new Map<string, Item[]>();
  const byNode = new Map<string, Item[]>();
  for (const it of items) {
    byId.set(it.qid, [...(byId.get(it.qid) ?? []), it]);
    if (it.node) byNode.set(it.node, [...(byNode.get(it.node) ?? []), it]);
  }
  const split = [...byId.values()].filter((list) => new Set(list.map((i) => i.node).filter(Boolean)).size > 1).sort((a, b) => b.length - a.length);
  console.log(`\n${kind}: split ids (gold name: node name x items)`);
  for (const list of split.slice(0, limit)) {
    const counts = new Map<string, number>();
    for (const it of list) if (it.node) counts.set(it.node, (counts.get(it.node) ?? 0) + 1);
    console.log(`  ${list[0]!.goldName} [${list[0]!.qid}]: ${[...counts].map(([n, c]) => `${names.get(n)} (${n}) x${c}`).join(", ")}`);
  }
  const missed = new Map<string, number>();
  for (const it of items) if (!it.node) for (const sf of new Set(it.surfaces)) missed.set(sf, (missed.get(sf) ?? 0) + 1);
  console.log(`${kind}: items no stored node matched (surface x items): ${[...missed].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([sf, n]) => `${sf} x${n}`).join(", ")}`);
  const merged = [...byNode].filter(([, list]) => new Set(list.map((i) => i.qid)).size > 1).sort((a, b) => b[1].length - a[1].length);
  console.log(`${kind}: merged nodes (node name: gold names x items)`);
  for (const [node, list] of merged.slice(0, limit)) {
    const counts = new Map<string, number>();
    for (const it of list) counts.set(it.goldName, (counts.get(it.goldName) ?? 0) + 1);
    console.log(`  ${names.get(node)} (${node}): ${[...counts].map(([n, c]) => `${n} x${c}`).join(", ")}`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: { help: { type: "boolean", short: "h" }, errors: { type: "string" }, database: { type: "string" }, json: { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give one folder: the AIDA dev folder with docs/ and gold.jsonl");
  const dir = resolvePath(positionals[0] as string);
  const errors = wholeNumberOption(values.errors, "--errors", 0, 10_000) ?? 0;
  const gold = new Map<string, GoldMention[]>();
  for (const line of readFileSync(join(dir, "gold.jsonl"), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const row = JSON.parse(line) as { fileName: string; mentions: GoldMention[] };
    gold.set(row.fileName, row.mentions);
  }
  const docs = join(dir, "docs");
  const files = readdirSync(docs).filter((f) => f.endsWith(".txt")).sort();

  const scratch = values.database ? null : mkdtempSync(join(tmpdir(), "entities-eval-"));
  const url = values.database ?? `file:${join(scratch as string, "eval.db")}`;
  try {
    await migrateDatabase(url);
    const store = await openDb(url);
    try {
      const started = performance.now();
      const summary = await loadDocuments(store, files.map((f) => join(docs, f)));
      const seconds = (performance.now() - started) / 1000;
      if (summary.failed.length) for (const f of summary.failed) console.error(`not loaded: ${f.file}: ${f.reason}`);
      console.log(`loaded ${summary.loaded} articles through ingest in ${seconds.toFixed(1)} s`);
      const { byArticle, names } = await readGraph(store);

      const items: Item[] = [];
      let inTitle = 0;
      for (const file of files) {
        const text = readFileSync(join(docs, file), "utf8");
        const { body } = parseDocument(text, file);
        const bodyStart = text.indexOf(body);
        if (bodyStart < 0) throw new Error(`${file}: the parsed body is not a verbatim part of the file`);
        const nodes = byArticle.get(file) ?? [];
        const perItem = new Map<string, Item & { votes: Map<string, number> }>();
        for (const m of gold.get(file) ?? []) {
          if (m.kind === "OTHER") continue;
          if (m.start < bodyStart) {
            inTitle++;
            continue;
          }
          const surface = body.slice(m.start - bodyStart, m.end - bodyStart);
          const node = matchMention(nodes, surface, m.start - bodyStart, m.kind);
          const key = `${m.kind}\u0000${m.qid}`;
          const item = perItem.get(key) ?? { article: file, qid: m.qid, goldName: m.name, kind: m.kind, node: null, surfaces: [] as string[], votes: new Map<string, number>() };
          item.surfaces.push(surface);
          if (node) item.votes.set(node, (item.votes.get(node) ?? 0) + 1);
          perItem.set(key, item);
        }
        for (const item of perItem.values()) {
          let best: string | null = null;
          for (const [node, n] of item.votes) if (best === null || n > (item.votes.get(best) as number)) best = node;
          items.push({ article: item.article, qid: item.qid, goldName: item.goldName, kind: item.kind, node: best, surfaces: item.surfaces });
        }
      }
      console.log(`gold mentions in titles left out (the product analyses bodies): ${inTitle}\n`);
      const results: Record<string, KindScore> = {};
      console.log("kind  items  found   B3-P    B3-R    B3-F1   ids  split  merged-nodes  multi-article ids split");
      for (const kind of KINDS) {
        const s = score(items.filter((it) => it.kind === kind));
        results[kind] = s;
        const share = s.multiArticleIds ? (100 * s.multiArticleSplit) / s.multiArticleIds : 0;
        console.log(
          `${kind.padEnd(4)} ${String(s.items).padStart(6)} ${String(s.found).padStart(6)}  ${s.precision.toFixed(2).padStart(6)}  ${s.recall.toFixed(2).padStart(6)}  ${s.f1.toFixed(2).padStart(6)} ${String(s.ids).padStart(5)} ${String(s.splitIds).padStart(6)} ${String(s.mergedNodes).padStart(13)}  ${s.multiArticleSplit}/${s.multiArticleIds} (${share.toFixed(1)}%)`,
        );
      }
      const perOrg = items.filter((it) => it.kind === "PER" || it.kind === "ORG");
      const po = score(perOrg.map((it) => ({ ...it, qid: `${it.kind}:${it.qid}` })));
      console.log(`PER+ORG multi-article ids split: ${po.multiArticleSplit}/${po.multiArticleIds} (${((100 * po.multiArticleSplit) / Math.max(1, po.multiArticleIds)).toFixed(1)}%)`);
      if (errors > 0) for (const kind of KINDS) printErrors(kind, items.filter((it) => it.kind === kind), names, errors);
      if (values.json) writeFileSync(values.json, `${JSON.stringify({ kinds: results, perOrgMultiArticleSplit: po }, null, 2)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

runCommand("entities:eval", HELP, main);
