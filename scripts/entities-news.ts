// npm run entities:news -- [DIR] [--database URL] [--list N] [--people] [--lost]
//
// Identity figures of the stored graph on an unlabelled news corpus (no gold ids), the
// ones issue 16 asks for. DIR is loaded through the product's ingest into a throwaway
// SQLite database (or into --database); with --database and no DIR, the database is only
// read.
//
// - Fragmentation of prominent people: the 50 people with the most mentions whose key
//   is a full name (two words or more). A mention is off a person's main node when it is
//   on another node whose key is the person's surname or first name alone (`Obama`,
//   `Hillary`), or the full key with words around it (`Cheeto Donald Trump`,
//   `Donald Trump-led`); person and organization nodes both count (`Theresa` as an
//   organization; not a known organization or outlet: `Fox` is Fox News; nor an
//   organization whose other words name a body, `Robert Kilroy-Silk Party`). A surname
//   node shared by two prominent people (`Clinton`) counts against both: its mentions are
//   on neither person's node. A first-name node counts whole when the person is the name's
//   famous bearer (90% of the mentions of full names opening with it: `Hillary`,
//   `Donald`); else only in the articles that also name the person or the family (any
//   node of the surname): `David` is any David (`David and Charles Koch`, `Who's
//   David?`), `Joe` is `Fat Joe` and `Morning Joe` more often than Joe Biden; `Tony`
//   beside `Mr Blair` is his. `--lost` prints each mention
//   counted off a main node with its article and sentence, for a reader to check.
// - Nodes holding two genders: a person node with a `Mr`/`Mister` alias and a
//   `Ms`/`Mrs`/`Miss` alias.
// - Titled display names among the 300 people with the most mentions: the name opens
//   with an honorific or office (`Mr`, `Senator`, `President`; royal and religious
//   styles such as `Prince`, `Pope` are part of how those people are named and not
//   counted), ends in a possessive, or carries a lowercase word other than a name
//   particle (`Donald Trump-led` is caught by `-led`).
// - Type sanity of the 100 organizations and 100 people with the most mentions: flagged
//   automatically when the name is a country or a US state (`UK`, `US`; a city is not
//   flagged: `Liverpool` is a club; nor a national side, keyed with its sport), or a person's name is a known organization; the lists
//   are printed (with `--list`) for a reader's judgement of the rest (films, products,
//   laws, first-name fragments).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine, runCommand, UsageError, wholeNumberOption } from "../src/cli/exit.ts";
import { migrateDatabase } from "../src/store/migrate/index.ts";
import { openDb, type DbHandle } from "../src/store/client.ts";
import { loadDocuments } from "../src/ingest/load.ts";
import { lookupCountry } from "../src/lexicon/countries.ts";
import { isUsStateName } from "../src/lexicon/places.ts";
import { hasOrgKeyword, isKnownOrganization, isMediaName } from "../src/lexicon/organizations.ts";

const HELP = `Usage: npm run entities:news -- [DIR] [options]

Loads DIR (a folder of news documents) through the product's ingest into a throwaway
SQLite database and prints identity figures of the stored graph: fragmentation of the
50 most mentioned people, nodes with both Mr. and Ms./Mrs. forms, titled display names
among the top 300 people, type sanity of the top 100 organizations and people.

Options:
  --database URL   load into this database instead; without DIR, only read it
  --list N         print the top N organizations and people with their flags (default 0)
  --people         print the share on the main node of each of the 50 prominent people
  --lost           print each mention counted off the main node of a person under 97%,
                   with its article and sentence
  -h, --help       show this help`;

interface EntityRow {
  id: number;
  name: string;
  key: string;
  mentions: number;
  articles: number;
}

async function entities(store: DbHandle, table: "person" | "organization"): Promise<EntityRow[]> {
  const rows = await store.db.$queryRawUnsafe<{ id: number | bigint; name: string; key: string; mention_count: number | bigint; article_count: number | bigint }[]>(
    `SELECT id, name, key, mention_count, article_count FROM ${table} ORDER BY mention_count DESC, id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, key: r.key, mentions: Number(r.mention_count), articles: Number(r.article_count) }));
}

/** Honorifics and offices that never belong in a display name. */
const TITLES = new Set(
  `mr mrs ms miss mister dr prof professor sir dame lord lady president vice-president president-elect premier chancellor
  minister secretary senator sen congressman congresswoman representative rep governor gov mayor ambassador envoy
  judge justice attorney general gen colonel col lieutenant lt major captain capt sergeant sgt admiral commander marshal
  chairman chairwoman chief director spokesman spokeswoman leader speaker candidate nominee commissioner inspector detective
  officer agent coach manager former late deputy foreign prime vice acting interim defence defense finance home state
  executive senior republican democrat democratic gop labour conservative tory liberal us u.s. uk british american`
    .split(/\s+/)
    .filter(Boolean),
);
const PARTICLES = new Set(["al", "el", "bin", "ibn", "van", "von", "de", "der", "den", "du", "da", "di", "le", "la", "abu", "ben", "dos", "das", "del", "della", "y", "of", "the", "and"]);

function titleProblem(name: string): string | null {
  const words = name.split(/\s+/);
  const first = (words[0] ?? "").toLowerCase().replace(/\.$/, "");
  if (words.length > 1 && TITLES.has(first)) return `title "${words[0]}"`;
  if (/['’]s?$/u.test(name)) return "possessive";
  const lower = words.find((w) => /^\p{Ll}/u.test(w) && !PARTICLES.has(w.replace(/-.*$/u, "")));
  if (lower) return `lowercase word "${lower}"`;
  if (/-(?:led|backed|based|style|era|esque)$/iu.test(name)) return "headline word";
  return null;
}

/** A country or US state by any of its names (`UK`, `U.S.`): never an organization or a person. */
function isPlaceName(name: string): boolean {
  const bare = name.replace(/^the\s+/i, "");
  return Boolean(lookupCountry(bare) || isUsStateName(bare));
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    options: { help: { type: "boolean", short: "h" }, database: { type: "string" }, list: { type: "string" }, people: { type: "boolean" }, lost: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("give at most one folder");
  if (positionals.length === 0 && !values.database) throw new UsageError("give a folder to load, or --database URL to read");
  const list = wholeNumberOption(values.list, "--list", 0, 1000) ?? 0;
  const scratch = values.database ? null : mkdtempSync(join(tmpdir(), "entities-news-"));
  const url = values.database ?? `file:${join(scratch as string, "news.db")}`;
  try {
    await migrateDatabase(url);
    const store = await openDb(url);
    try {
      if (positionals.length === 1) {
        const started = performance.now();
        const summary = await loadDocuments(store, [positionals[0] as string]);
        console.log(`loaded ${summary.loaded} articles (failed ${summary.failed.length}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      const people = await entities(store, "person");
      const orgs = await entities(store, "organization");
      await fragmentation(store, people, orgs, values.people === true, values.lost === true);
      report(people, orgs, await personAliases(store), list);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

type Node = EntityRow & { type: "person" | "organization" };

/** Mentions per article of each node (`person:12`, `organization:7`). */
async function articleMentions(store: DbHandle): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  for (const [table, column, type] of [["article_person", "person_id", "person"], ["article_organization", "organization_id", "organization"]] as const) {
    const rows = await store.db.$queryRawUnsafe<{ id: number | bigint; article: number | bigint; n: number | bigint }[]>(
      `SELECT ${column} AS id, article_id AS article, mention_count AS n FROM ${table}`,
    );
    for (const r of rows) {
      const node = `${type}:${Number(r.id)}`;
      out.set(node, (out.get(node) ?? new Map<number, number>()).set(Number(r.article), Number(r.n)));
    }
  }
  return out;
}

const FAMOUS_SHARE = 0.9;

/** A node's mentions counted against a prominent person, by article. */
interface Fragment {
  node: Node;
  articles: Map<number, number>;
  mentions: number;
}

/** The share of prominent people's mentions on their main node (see the header for what counts as theirs). */
async function fragmentation(store: DbHandle, people: EntityRow[], orgs: EntityRow[], everyPerson: boolean, lost: boolean): Promise<void> {
  const prominent = people.filter((p) => p.key.includes(" ")).slice(0, 50);
  const byArticle = await articleMentions(store);
  const articlesOf = (n: Node) => byArticle.get(`${n.type}:${n.id}`) ?? new Map<number, number>();
  // An organization under a surname is a fragment (`Theresa`), unless it is a known one (`Fox` is Fox News).
  const candidates: Node[] = [
    ...people.map((p) => ({ ...p, type: "person" as const })),
    ...orgs.filter((o) => !isKnownOrganization(o.name) && !isMediaName(o.name)).map((o) => ({ ...o, type: "organization" as const })),
  ];
  const byKey = new Map<string, Node[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  // The name's famous bearer: FAMOUS_SHARE of the mentions of full names opening with it (`Hillary` alone is Hillary Clinton).
  const famous = (p: EntityRow, first: string): boolean => {
    const bearers = people.filter((q) => q.key.startsWith(`${first} `)).reduce((s, q) => s + q.mentions, 0);
    return p.mentions >= FAMOUS_SHARE * bearers;
  };
  let onMain = 0;
  let total = 0;
  const below: { line: string; person: EntityRow; fragments: Fragment[] }[] = [];
  const each: string[] = [];
  for (const p of prominent) {
    const words = p.key.split(" ");
    const first = words[0] as string;
    const last = words[words.length - 1] as string;
    const main: Node = { ...p, type: "person" };
    // The articles that name the person or the family: the main node, or any with the surname (`Bush`, `Laura Bush`).
    const naming = new Set<number>([...articlesOf(main).keys()]);
    for (const c of candidates) if (c.key === last || c.key.endsWith(` ${last}`)) for (const a of articlesOf(c).keys()) naming.add(a);
    const fragments: Fragment[] = [];
    for (const c of candidates) {
      if (c.type === "person" && c.id === p.id) continue;
      let articles: Map<number, number> | null = null;
      if (c.key === last) articles = articlesOf(c);
      else if (c.key === first && first.length > 2) articles = famous(p, first) ? articlesOf(c) : new Map([...articlesOf(c)].filter(([a]) => naming.has(a)));
      else if (c.key !== p.key && ` ${c.key} `.includes(` ${p.key} `)) {
        // `Robert Kilroy-Silk Party` names a body, not the person; `BBC Michael Howard` is a span that took a word too many.
        const rest = ` ${c.key} `.replace(` ${p.key} `, " ").trim().split(" ");
        if (!(c.type === "organization" && hasOrgKeyword(rest))) articles = articlesOf(c);
      }
      if (!articles) continue;
      const mentions = [...articles.values()].reduce((s, n) => s + n, 0);
      if (mentions > 0) fragments.push({ node: c, articles, mentions });
    }
    const off = fragments.reduce((s, f) => s + f.mentions, 0);
    onMain += p.mentions;
    total += p.mentions + off;
    const share = (100 * p.mentions) / (p.mentions + off);
    fragments.sort((a, b) => b.mentions - a.mentions || a.node.id - b.node.id);
    const top = fragments.slice(0, 4).map((f) => `${f.node.name}${f.node.type === "organization" ? " (org)" : ""} ${f.mentions}`);
    const line = `  ${p.name} ${p.mentions}: ${share.toFixed(1)}% on its node; off: ${top.join(", ")}`;
    if (share < 97) below.push({ line, person: p, fragments });
    each.push(`  ${each.length + 1}. ${line.trim()}`);
  }
  console.log(`prominent people (top 50 full names): ${((100 * onMain) / total).toFixed(1)}% of their mentions on their main node; ${below.length} of 50 under 97%`);
  for (const b of below) console.log(b.line);
  if (everyPerson) {
    console.log("\neach prominent person:");
    for (const line of each) console.log(line);
  }
  if (lost) {
    for (const b of below) {
      console.log(`\nmentions off ${b.person.name}'s node:`);
      for (const f of b.fragments) for (const line of await mentionLines(store, f)) console.log(`  ${line}`);
    }
  }
}

/** Each mention of a fragment node in the articles counted, as `file: sentence` with the mention in [[ ]]. */
async function mentionLines(store: DbHandle, f: Fragment): Promise<string[]> {
  const type = f.node.type === "person" ? "PERSON" : "ORGANIZATION";
  const rows = await store.db.$queryRaw<{ article: number | bigint; file: string; body: string; start: number | bigint; end: number | bigint }[]>`
    SELECT a.id AS article, a.file_name AS file, a.body AS body, m.start_offset AS start, m.end_offset AS "end"
    FROM entity_cluster c JOIN entity_mention m ON m.article_id = c.article_id AND m.type = c.type AND m.key = c.key
    JOIN article a ON a.id = c.article_id WHERE c.type = ${type} AND c.target = ${f.node.key} ORDER BY a.file_name, m.start_offset`;
  return rows
    .filter((r) => f.articles.has(Number(r.article)))
    .map((r) => {
      const [start, end] = [Number(r.start), Number(r.end)];
      const stop = r.body.lastIndexOf(". ", start);
      const from = Math.max(stop < 0 ? 0 : stop + 2, r.body.lastIndexOf("\n", start) + 1, start - 200);
      const stops = [r.body.indexOf(". ", end), r.body.indexOf("\n", end)].filter((i) => i >= 0);
      const to = Math.min(end + 200, r.body.length, ...stops.map((i) => i + 1));
      return `${f.node.name}: ${r.file}: ${r.body.slice(from, start)}[[${r.body.slice(start, end)}]]${r.body.slice(end, to)}`.replace(/\s+/gu, " ");
    });
}

async function personAliases(store: DbHandle): Promise<Map<number, string[]>> {
  const rows = await store.db.$queryRawUnsafe<{ id: number | bigint; alias: string }[]>(`SELECT person_id AS id, alias FROM person_alias`);
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(Number(r.id), [...(out.get(Number(r.id)) ?? []), r.alias]);
  return out;
}

function report(people: EntityRow[], orgs: EntityRow[], aliases: Map<number, string[]>, list: number): void {
  // ---- two genders on one node
  const mixed = people.filter((p) => {
    const forms = aliases.get(p.id) ?? [];
    return forms.some((a) => /^(?:Mr|Mister)\.?\s/u.test(a)) && forms.some((a) => /^(?:Ms|Mrs|Miss)\.?\s/u.test(a));
  });
  console.log(`\nperson nodes with both Mr. and Ms./Mrs./Miss forms: ${mixed.length}`);
  for (const p of mixed.slice(0, 20)) console.log(`  ${p.name} (${p.mentions}): ${(aliases.get(p.id) ?? []).filter((a) => /^(?:Mr|Mister|Ms|Mrs|Miss)\.?\s/u.test(a)).join(", ")}`);

  // ---- titled display names
  const titled = people.slice(0, 300).map((p) => ({ p, problem: titleProblem(p.name) })).filter((t) => t.problem);
  console.log(`\ntitled or malformed display names among the top 300 people: ${titled.length}`);
  for (const { p, problem } of titled) console.log(`  ${p.name} (${p.mentions}): ${problem}`);

  // ---- type sanity
  // A national side (`england (rugby union)`, src/resolve/index.ts) is an organization named by its country.
  const orgFlags = orgs.slice(0, 100).map((o) => ({ e: o, flag: isPlaceName(o.name) && !/ \([a-z ]+\)$/u.test(o.key) ? "a place" : null }));
  const personFlags = people.slice(0, 100).map((p) => ({ e: p, flag: isPlaceName(p.name) ? "a place" : isKnownOrganization(p.name) ? "an organization" : null }));
  const wrongOrgs = orgFlags.filter((f) => f.flag);
  const wrongPeople = personFlags.filter((f) => f.flag);
  console.log(`\ntop 100 organizations flagged as another type: ${wrongOrgs.length}: ${wrongOrgs.map((f) => `${f.e.name} (${f.flag})`).join(", ")}`);
  console.log(`top 100 people flagged as another type: ${wrongPeople.length}: ${wrongPeople.map((f) => `${f.e.name} (${f.flag})`).join(", ")}`);
  if (list > 0) {
    console.log(`\ntop ${list} organizations:`);
    for (const [i, o] of orgs.slice(0, list).entries()) console.log(`  ${i + 1}. ${o.name} [${o.key}] ${o.mentions}/${o.articles}`);
    console.log(`\ntop ${list} people:`);
    for (const [i, p] of people.slice(0, list).entries()) console.log(`  ${i + 1}. ${p.name} [${p.key}] ${p.mentions}/${p.articles}`);
  }
}

runCommand("entities:news", HELP, main);
