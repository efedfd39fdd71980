// npm run entities:news -- [DIR] [--database URL] [--list N] [--people]
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
//   organization; not a known organization or outlet: `Fox` is Fox News). A surname node shared by two prominent people (`Clinton`) counts
//   against both: its mentions are on neither person's node.
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
import { isKnownOrganization, isMediaName } from "../src/lexicon/organizations.ts";

const HELP = `Usage: npm run entities:news -- [DIR] [options]

Loads DIR (a folder of news documents) through the product's ingest into a throwaway
SQLite database and prints identity figures of the stored graph: fragmentation of the
50 most mentioned people, nodes with both Mr. and Ms./Mrs. forms, titled display names
among the top 300 people, type sanity of the top 100 organizations and people.

Options:
  --database URL   load into this database instead; without DIR, only read it
  --list N         print the top N organizations and people with their flags (default 0)
  --people         print the share on the main node of each of the 50 prominent people
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
    options: { help: { type: "boolean", short: "h" }, database: { type: "string" }, list: { type: "string" }, people: { type: "boolean" } },
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
      report(people, orgs, await personAliases(store), list, values.people === true);
      return 0;
    } finally {
      await store.close();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

async function personAliases(store: DbHandle): Promise<Map<number, string[]>> {
  const rows = await store.db.$queryRawUnsafe<{ id: number | bigint; alias: string }[]>(`SELECT person_id AS id, alias FROM person_alias`);
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(Number(r.id), [...(out.get(Number(r.id)) ?? []), r.alias]);
  return out;
}

function report(people: EntityRow[], orgs: EntityRow[], aliases: Map<number, string[]>, list: number, everyPerson: boolean): void {
  // ---- fragmentation
  const prominent = people.filter((p) => p.key.includes(" ")).slice(0, 50);
  let onMain = 0;
  let total = 0;
  const below: string[] = [];
  const each: string[] = [];
  // An organization under a surname is a fragment (`Theresa`), unless it is a known one (`Fox` is Fox News).
  const candidates = [...people.map((p) => ({ ...p, type: "person" })), ...orgs.filter((o) => !isKnownOrganization(o.name) && !isMediaName(o.name)).map((o) => ({ ...o, type: "organization" }))];
  for (const p of prominent) {
    const words = p.key.split(" ");
    const first = words[0] as string;
    const last = words[words.length - 1] as string;
    const fragments = candidates.filter((c) => {
      if (c.type === "person" && c.id === p.id) return false;
      if (c.key === last || (c.key === first && first.length > 2)) return true;
      return c.key !== p.key && ` ${c.key} `.includes(` ${p.key} `);
    });
    const off = fragments.reduce((s, f) => s + f.mentions, 0);
    onMain += p.mentions;
    total += p.mentions + off;
    const share = (100 * p.mentions) / (p.mentions + off);
    const top = fragments.sort((a, b) => b.mentions - a.mentions).slice(0, 4).map((f) => `${f.name}${f.type === "organization" ? " (org)" : ""} ${f.mentions}`);
    const line = `  ${p.name} ${p.mentions}: ${share.toFixed(1)}% on its node; off: ${top.join(", ")}`;
    if (share < 97) below.push(line);
    each.push(`  ${each.length + 1}. ${line.trim()}`);
  }
  console.log(`prominent people (top 50 full names): ${((100 * onMain) / total).toFixed(1)}% of their mentions on their main node; ${below.length} of 50 under 97%`);
  for (const line of below) console.log(line);
  if (everyPerson) {
    console.log("\neach prominent person:");
    for (const line of each) console.log(line);
  }

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
