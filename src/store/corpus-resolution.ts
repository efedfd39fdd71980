// Corpus resolution in the store: after a batch writes its articles' clusters (or a
// delete removes one article's), re-decides every cluster whose decision the change can
// move, inside the same transaction, and rewrites what derives from the clusters: the
// article-entity rows, the entities' names, counts and aliases, the quotes' speakers,
// and redirects for entities merged away. The decisions themselves are pure
// (src/resolve/corpus.ts); every derived row is recomputed from the stored clusters, so
// the result is the same whatever the order or batching of the loads.
//
// Concurrency (PostgreSQL): a cluster's decision reads the full names that share its
// surname, given name or acronym (its "link names"). A transaction takes an advisory lock
// per link name it writes or decides, in name order, before it reads; two loaders that
// touch the same surname serialize there, and the second reads the first's committed
// clusters. Entity rows are then locked by an upsert in key order before their names and
// counts are recomputed. SQLite has one writer at a time.
import { Prisma } from "./generated/sqlite/client.ts";
import type { Dialect } from "./dialect.ts";
import { chooseName, linkAcronym, linkPerson, linkSuffixed, type Candidate, type Gender, type NameVote } from "../resolve/corpus.ts";
import { keyWithoutSuffix } from "../resolve/normalize.ts";

type Tx = Prisma.TransactionClient;

export type ClusterType = "PERSON" | "ORGANIZATION";

const TABLES = {
  PERSON: { entity: "person", mentions: "article_person", aliases: "person_alias", column: "person_id", speaker: "speaker_person_id" },
  ORGANIZATION: { entity: "organization", mentions: "article_organization", aliases: "organization_alias", column: "organization_id", speaker: "speaker_organization_id" },
} as const;

/** What a change touched: the link names of the clusters it wrote or removed. */
export interface Touched {
  type: ClusterType;
  /** Link names (surnames, given names, acronyms) whose clusters must be re-decided. */
  names: Set<string>;
  /** Articles whose entity rows must be rebuilt (new ones), or were removed. */
  articles: Set<number>;
  /** Entity keys that lost or gained clusters outside the re-decided ones (a deleted article's targets). */
  keys: Set<string>;
  /** The new articles' cluster keys (their first target), by article. */
  fresh: Map<number, string[]>;
}

export function emptyTouched(type: ClusterType): Touched {
  return { type, names: new Set(), articles: new Set(), keys: new Set(), fresh: new Map() };
}

/** The link names a cluster's evidence touches. */
export function linkNames(type: ClusterType, c: { key: string; partial: boolean; surname: string | null; given: string | null; acronym: string | null }): string[] {
  // A suffixed full name (`donald trump jr`) also touches its plain key: it may tell apart the suffixed partials linked by it.
  if (type === "PERSON") return c.partial ? [c.surname ?? c.key] : [c.surname, c.given, keyWithoutSuffix(c.key)].filter((n): n is string => n !== null);
  // Organizations: an acronym, and the place a club is named by (`chicago`).
  return [c.acronym, c.surname].filter((n): n is string => n !== null);
}

const sortStrings = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const sortNumbers = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);
const num = (v: number | bigint) => Number(v);
/** The values of an IN list, as the dialect passes them best (SQLite: one JSON parameter; PostgreSQL: a parameter each). */
const list = (dialect: Dialect, values: Iterable<string | number>) => dialect.list(values);

/** Splits a long IN list into chunks far below either database's parameter limit. */
function chunks<T>(values: readonly T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

async function lockNames(tx: Tx, dialect: Dialect, type: ClusterType, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await dialect.lockNames(tx, names.map((n) => `${type}:${n}`));
}

interface ClusterRow {
  article_id: number | bigint;
  key: string;
  target: string;
  partial: boolean | number | bigint;
  surname: string | null;
  given: string | null;
  gender: string | null;
  acronym: string | null;
  roles: string | null;
}

/** Full-name clusters of one key with the same evidence, counted: what the candidates are made of. */
interface FullGroup {
  key: string;
  surname: string | null;
  given: string | null;
  gender: string | null;
  acronym: string | null;
  roles: string | null;
  n: number | bigint;
}

/** A cluster's offices, stored as JSON (`["president"]`) or null. */
const rolesOf = (stored: string | null): string[] => (stored ? (JSON.parse(stored) as string[]) : []);

/** A partial person written with an initial (`D. Gough`) carries it as its given name. */
const initialOf = (r: ClusterRow) => (r.given && r.given.length === 1 ? r.given : null);
const gender = (g: string | null): Gender => (g === "m" || g === "f" ? g : null);

/**
 * The full-name clusters a decision on the `decided` link names weighs: people by
 * surname, and by given name for names that no full name has as its surname;
 * organizations by acronym and by the place a club is named by. `counts` says whether a
 * full-name cluster with this evidence is one of them (each cluster counted once, by the
 * first column that finds it).
 */
function fullNameScope(type: ClusterType, decided: ReadonlySet<string>, surnames: ReadonlySet<string | null>) {
  const has = (v: string | null) => v !== null && decided.has(v);
  if (type === "PERSON") {
    return {
      counts: (r: { surname: string | null; given: string | null }) => has(r.surname) || (r.given !== null && has(r.given) && !surnames.has(r.given)),
      /** A row found by given name counts only when its surname did not find it already. */
      byGiven: (r: { surname: string | null }) => !has(r.surname),
    };
  }
  return { counts: (r: { acronym: string | null; surname: string | null }) => has(r.acronym) || has(r.surname), byGiven: () => true };
}

/**
 * Full-name candidates per link name: people by surname and by given name; organizations
 * by stated acronym (`bySurname`) and, for a table's clubs, by the place a club is named
 * with (`byGiven`), kept apart so that an acronym never joins a club. Read as counts per
 * key and evidence (GROUP BY), not row by row: a popular surname has a cluster in most
 * articles, and every batch that names it decides again.
 */
function candidatesOf(groups: readonly FullGroup[], type: ClusterType): { bySurname: Map<string, Candidate[]>; byGiven: Map<string, Candidate[]> } {
  const perKey = new Map<string, { articles: number; m: number; f: number; surname: Map<string, number>; given: Map<string, number>; roles: Map<string, number> }>();
  for (const r of groups) {
    if (r.key === r.surname) continue;
    const n = num(r.n);
    const k = perKey.get(r.key) ?? { articles: 0, m: 0, f: 0, surname: new Map(), given: new Map(), roles: new Map() };
    k.articles += n;
    for (const role of rolesOf(r.roles)) k.roles.set(role, (k.roles.get(role) ?? 0) + n);
    if (r.gender === "m") k.m += n;
    if (r.gender === "f") k.f += n;
    const [s, g] = type === "PERSON" ? [r.surname, r.given] : [r.acronym, r.surname];
    if (s) k.surname.set(s, (k.surname.get(s) ?? 0) + n);
    if (g) k.given.set(g, (k.given.get(g) ?? 0) + n);
    perKey.set(r.key, k);
  }
  const bySurname = new Map<string, Candidate[]>();
  const byGiven = new Map<string, Candidate[]>();
  const add = (index: Map<string, Candidate[]>, name: string, c: Candidate) => {
    const list = index.get(name);
    if (list) list.push(c);
    else index.set(name, [c]);
  };
  for (const [key, k] of perKey) {
    const given = [...k.given].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    const c: Candidate = { key, given, articles: k.articles, gender: k.m > k.f ? "m" : k.f > k.m ? "f" : null, roles: k.roles };
    // Every name a key was seen with counts (an organization may state two acronyms).
    for (const s of k.surname.keys()) add(bySurname, s, c);
    for (const g of k.given.keys()) add(byGiven, g, c);
  }
  return { bySurname, byGiven };
}

/**
 * Re-decides the clusters of the touched link names and rebuilds everything derived
 * from the clusters of the articles concerned. Returns the ids of the entities deleted.
 */
export async function resolveTouched(tx: Tx, dialect: Dialect, touched: Touched): Promise<number[]> {
  const { type } = touched;
  const t = TABLES[type];
  const names = sortStrings(touched.names);
  await lockNames(tx, dialect, type, names);

  // 1. The one-word clusters of these link names, then the full names they could join
  //    (most surnames and given names of a batch have no one-word cluster to decide).
  // Organizations link by acronym and by the place a club is named by (`surname`).
  const nameColumns = type === "PERSON" ? ["surname"] : ["acronym", "surname"];
  const partials: ClusterRow[] = [];
  const seen = new Set<string>();
  for (const column of nameColumns) {
    for (const part of chunks(names)) {
      const found = await tx.$queryRaw<ClusterRow[]>`
        SELECT article_id, key, target, partial, surname, given, gender, acronym, roles FROM entity_cluster
        WHERE type = ${type} AND ${Prisma.raw(column)} IN (${list(dialect, part)}) AND partial`;
      for (const r of found) {
        const id = `${num(r.article_id)}\u0000${r.key}`;
        if (!seen.has(id)) partials.push(r);
        seen.add(id);
      }
    }
  }
  const linkName = (r: ClusterRow) => (type === "PERSON" ? r.surname : (r.acronym ?? r.surname)) ?? r.key;
  const decidedList = sortStrings(partials.map(linkName));
  const decided = new Set(decidedList);
  const groups: FullGroup[] = [];
  const groupsOf = async (column: string, part: readonly string[]) =>
    tx.$queryRaw<FullGroup[]>`
      SELECT key, surname, given, gender, acronym, roles, COUNT(*) AS n FROM entity_cluster
      WHERE type = ${type} AND ${Prisma.raw(column)} IN (${list(dialect, part)}) AND NOT partial
      GROUP BY key, surname, given, gender, acronym, roles`;
  for (const column of nameColumns) {
    for (const part of chunks(decidedList)) {
      // An organization's cluster found by acronym is not counted again by its club's place.
      for (const g of await groupsOf(column, part)) if (column === nameColumns[0] || !(g.acronym !== null && decided.has(g.acronym))) groups.push(g);
    }
  }
  // Given names are a fallback for names no full name has as its surname (linkPerson).
  const surnames = new Set(type === "PERSON" ? groups.map((g) => g.surname) : []);
  const scope = fullNameScope(type, decided, surnames);
  if (type === "PERSON") {
    for (const part of chunks(decidedList.filter((n) => !surnames.has(n)))) for (const g of await groupsOf("given", part)) if (scope.byGiven(g)) groups.push(g);
  }
  const { bySurname, byGiven } = candidatesOf(groups, type);
  // The full names of the partials' own articles that decide with them (the rows the
  // groups above counted), read with a filter on the link names so that only those come back.
  const fullKeysOf = new Map<number, Map<string, number>>();
  for (const articlePart of chunks(sortNumbers(partials.map((r) => num(r.article_id))))) {
    for (const namePart of chunks(decidedList)) {
      const local = await tx.$queryRaw<(Omit<FullGroup, "n" | "gender" | "roles"> & { article_id: number | bigint; mention_count: number | bigint })[]>`
        SELECT article_id, key, surname, given, acronym, mention_count FROM entity_cluster
        WHERE type = ${type} AND article_id IN (${list(dialect, articlePart)}) AND NOT partial
          AND (surname IN (${list(dialect, namePart)}) OR given IN (${list(dialect, namePart)}) OR acronym IN (${list(dialect, namePart)}))`;
      for (const r of local) {
        if (!scope.counts(r)) continue;
        const a = num(r.article_id);
        fullKeysOf.set(a, (fullKeysOf.get(a) ?? new Map()).set(r.key, num(r.mention_count)));
      }
    }
  }

  // Suffixed names (`joseph biden jr`) linked by their plain key: told apart where some article keeps a full cluster of them.
  const suffixed = type === "PERSON" ? sortStrings(partials.filter((r) => r.surname !== null && keyWithoutSuffix(r.key) === r.surname).map((r) => r.key)) : [];
  const distinguished = new Set<string>();
  for (const part of chunks(suffixed)) {
    // A full cluster's target is its key (only partials are re-targeted): the (type, target) index finds them.
    const rows = await tx.$queryRaw<{ key: string }[]>`
      SELECT key FROM entity_cluster WHERE type = ${type} AND target IN (${list(dialect, part)}) AND key = target AND NOT partial`;
    for (const r of rows) distinguished.add(r.key);
  }

  // 2. Decisions; the changed ones are written.
  const changed: { article: number; key: string; from: string; to: string }[] = [];
  for (const r of partials) {
    const article = num(r.article_id);
    const inArticle = fullKeysOf.get(article) ?? new Map<string, number>();
    const name = linkName(r);
    const to =
      type === "PERSON" && name === keyWithoutSuffix(r.key)
        ? linkSuffixed(r.key, name, distinguished.has(r.key))
        : type === "PERSON"
        ? linkPerson({ key: r.key, surname: name, initial: initialOf(r), gender: gender(r.gender), inArticle, roles: rolesOf(r.roles) }, bySurname.get(name) ?? [], byGiven.get(name) ?? [])
        : linkAcronym(r.key, inArticle, (r.acronym ? bySurname : byGiven).get(name) ?? []);
    if (to !== r.target) changed.push({ article, key: r.key, from: r.target, to });
  }
  await updateTargets(tx, dialect, type, changed);

  const articles = new Set(touched.articles);
  for (const c of changed) articles.add(c.article);
  const keys = new Set(touched.keys);
  // A new cluster's first target was provisional: no entity counted it there.
  const left = changed.filter((c) => !touched.articles.has(c.article));
  for (const c of left) keys.add(c.from);
  const moved = new Map(changed.map((c) => [`${c.article}\u0000${c.key}`, c.to]));
  for (const [article, clusterKeys] of touched.fresh) for (const k of clusterKeys) keys.add(moved.get(`${article}\u0000${k}`) ?? k);
  const articleIds = [...articles].sort((a, b) => a - b);
  const older = [...new Set(left.map((c) => c.article))].sort((a, b) => a - b);
  for (const part of chunks(older)) {
    // Not DISTINCT: SQLite would then walk the (type, target) index, every cluster of the type.
    const targets = await tx.$queryRaw<{ target: string }[]>`
      SELECT target FROM entity_cluster WHERE type = ${type} AND article_id IN (${list(dialect, part)})`;
    for (const r of targets) keys.add(r.target);
  }
  if (keys.size === 0) return [];

  // 3. Entity rows of every touched key, locked in key order; names from all their clusters.
  const sortedKeys = sortStrings(keys);
  const votes = new Map<string, NameVote[]>();
  const live = new Set<string>();
  for (const part of chunks(sortedKeys)) {
    const rowsOfKeys = await tx.$queryRaw<{ target: string; name: string; partial: boolean | number | bigint; n: number | bigint }[]>`
      SELECT target, name, partial, COUNT(*) AS n FROM entity_cluster WHERE type = ${type} AND target IN (${list(dialect, part)})
      GROUP BY target, name, partial`;
    for (const r of rowsOfKeys) {
      live.add(r.target);
      votes.set(r.target, [...(votes.get(r.target) ?? []), { name: r.name, count: num(r.n), full: !Number(r.partial) }]);
    }
  }
  const liveKeys = sortedKeys.filter((k) => live.has(k));
  const ids = new Map<string, number>();
  const names2 = new Map(liveKeys.map((k) => [k, chooseName(votes.get(k) ?? [], type === "ORGANIZATION")]));
  await upsertEntities(tx, dialect, t.entity, liveKeys, names2, ids);

  // 4. Article rows rebuilt from the clusters of the articles concerned.
  for (const part of chunks(articleIds)) {
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(t.mentions)} WHERE article_id IN (${list(dialect, part)})`;
    await tx.$executeRaw`
      INSERT INTO ${Prisma.raw(t.mentions)} (article_id, ${Prisma.raw(t.column)}, mention_count, first_offset)
      SELECT c.article_id, e.id, SUM(c.mention_count), MIN(c.first_offset)
      FROM entity_cluster c JOIN ${Prisma.raw(t.entity)} e ON e.key = c.target
      WHERE c.type = ${type} AND c.article_id IN (${list(dialect, part)})
      GROUP BY c.article_id, e.id`;
  }

  // 5. Counts of every touched entity, from its article rows.
  const liveIds = liveKeys.map((k) => ids.get(k) as number);
  for (const part of chunks(liveIds)) {
    await tx.$executeRaw`
      UPDATE ${Prisma.raw(t.entity)} SET
        mention_count = COALESCE((SELECT SUM(m.mention_count) FROM ${Prisma.raw(t.mentions)} m WHERE m.${Prisma.raw(t.column)} = ${Prisma.raw(t.entity)}.id), 0),
        article_count = (SELECT COUNT(*) FROM ${Prisma.raw(t.mentions)} m WHERE m.${Prisma.raw(t.column)} = ${Prisma.raw(t.entity)}.id)
      WHERE id IN (${list(dialect, part)})`;
  }

  // 6. Aliases: every form and name of an entity's clusters.
  const lost = sortStrings([...left.map((c) => c.from), ...touched.keys]).filter((k) => live.has(k));
  await addAliases(tx, dialect, type, articleIds, lost, ids);

  // 7. Quote speakers of the articles concerned follow their clusters.
  for (const part of chunks(articleIds)) {
    await tx.$executeRaw`
      UPDATE quote SET ${Prisma.raw(t.speaker)} = (
        SELECT e.id FROM entity_cluster c JOIN ${Prisma.raw(t.entity)} e ON e.key = c.target
        WHERE c.article_id = quote.article_id AND c.type = ${type} AND c.key = quote.speaker_key)
      WHERE article_id IN (${list(dialect, part)}) AND speaker_type = ${type}`;
  }

  // 8. Keys left without clusters: their entity goes, its id redirected to where most of its clusters went.
  const emptied = sortedKeys.filter((k) => !live.has(k));
  const removed: number[] = [];
  for (const key of emptied) {
    const gone = await tx.$queryRaw<{ id: number | bigint }[]>`DELETE FROM ${Prisma.raw(t.entity)} WHERE key = ${key} RETURNING id`;
    if (gone.length === 0) continue;
    const fromId = num(gone[0]!.id);
    removed.push(fromId);
    const moved = new Map<string, number>();
    for (const c of left) if (c.from === key) moved.set(c.to, (moved.get(c.to) ?? 0) + 1);
    const to = [...moved].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const toId = to === undefined ? undefined : ids.get(to);
    // Chains stay one step: whatever pointed at the removed id points at its successor.
    if (toId === undefined) {
      await tx.$executeRaw`DELETE FROM entity_redirect WHERE type = ${type} AND to_id = ${fromId}`;
      continue;
    }
    await tx.$executeRaw`UPDATE entity_redirect SET to_id = ${toId} WHERE type = ${type} AND to_id = ${fromId}`;
    await tx.$executeRaw`
      INSERT INTO entity_redirect (type, from_id, to_id) VALUES (${type}, ${fromId}, ${toId})
      ON CONFLICT (type, from_id) DO UPDATE SET to_id = excluded.to_id`;
  }
  return removed;
}

async function updateTargets(tx: Tx, dialect: Dialect, type: ClusterType, changed: readonly { article: number; key: string; to: string }[]): Promise<void> {
  if (changed.length === 0) return;
  await dialect.update(tx, "entity_cluster", [["a", "int4"], ["k", "text"], ["t", "text"]], changed.map((c) => [c.article, c.key, c.to]), "target = v.t",
    Prisma.sql`entity_cluster.type = ${type} AND entity_cluster.article_id = v.a AND entity_cluster.key = v.k`);
}

/**
 * Entity rows of `keys`: existing ones read (on PostgreSQL locked, in key order, so that
 * two loaders never wait on each other crosswise), missing ones inserted, and a name
 * written only where it changed (a write re-indexes the row for search). Fills `ids`.
 */
async function upsertEntities(tx: Tx, dialect: Dialect, table: string, keys: readonly string[], names: ReadonlyMap<string, string>, ids: Map<string, number>): Promise<void> {
  const lock = Prisma.raw(dialect.forUpdate);
  const select = async (part: readonly string[]) => {
    const rows = await tx.$queryRaw<{ id: number | bigint; key: string; name: string }[]>`
      SELECT id, key, name FROM ${Prisma.raw(table)} WHERE key IN (${list(dialect, part)}) ORDER BY key${lock}`;
    for (const r of rows) ids.set(r.key, num(r.id));
    return rows;
  };
  const current = new Map<string, string>();
  for (const part of chunks(keys)) for (const r of await select(part)) current.set(r.key, r.name);
  const missing = keys.filter((k) => !ids.has(k));
  for (const part of chunks(missing, 400)) {
    const inserted = await tx.$queryRaw<{ id: number | bigint; key: string }[]>`
      INSERT INTO ${Prisma.raw(table)} (key, name, mention_count, article_count)
      VALUES ${Prisma.join(part.map((k) => Prisma.sql`(${k}, ${names.get(k) as string}, 0, 0)`))}
      ON CONFLICT (key) DO NOTHING RETURNING id, key`;
    for (const r of inserted) {
      ids.set(r.key, num(r.id));
      current.set(r.key, names.get(r.key) as string);
    }
    // Rows another loader inserted meanwhile are read (and locked) like the rest.
    const raced = part.filter((k) => !ids.has(k));
    if (raced.length) for (const r of await select(raced)) current.set(r.key, r.name);
  }
  const renamed = keys.filter((k) => current.get(k) !== names.get(k));
  if (renamed.length === 0) return;
  await dialect.update(tx, table, [["k", "text"], ["n", "text"]], renamed.map((k) => [k, names.get(k) as string]), "name = v.n", Prisma.sql`${Prisma.raw(table)}.key = v.k`);
}

/**
 * Aliases are every form and name of an entity's clusters: those of the articles
 * concerned are added; an entity that lost clusters has its aliases rebuilt.
 */
async function addAliases(tx: Tx, dialect: Dialect, type: ClusterType, articleIds: readonly number[], lost: readonly string[], ids: ReadonlyMap<string, number>): Promise<void> {
  const t = TABLES[type];
  const aliases = new Map<number, Set<string>>();
  const take = (rows: readonly { target: string; name: string; forms: string }[]) => {
    for (const r of rows) {
      const id = ids.get(r.target);
      if (id === undefined) continue;
      const set = aliases.get(id) ?? new Set<string>();
      set.add(r.name);
      for (const form of Object.keys(JSON.parse(r.forms) as Record<string, number>)) set.add(form);
      aliases.set(id, set);
    }
  };
  const lostIds = lost.map((k) => ids.get(k)).filter((id): id is number => id !== undefined).sort((a, b) => a - b);
  for (const part of chunks(lostIds)) await tx.$executeRaw`DELETE FROM ${Prisma.raw(t.aliases)} WHERE ${Prisma.raw(t.column)} IN (${list(dialect, part)})`;
  for (const part of chunks(lost)) take(await tx.$queryRaw`SELECT target, name, forms FROM entity_cluster WHERE type = ${type} AND target IN (${list(dialect, part)})`);
  for (const part of chunks(articleIds)) take(await tx.$queryRaw`SELECT target, name, forms FROM entity_cluster WHERE type = ${type} AND article_id IN (${list(dialect, part)})`);
  const rows = [...aliases.keys()].sort((a, b) => a - b).flatMap((id) => [...(aliases.get(id) as Set<string>)].sort().map((a) => [id, a] as const));
  for (const part of chunks(rows, 20_000)) {
    await dialect.insert(tx, `INSERT INTO ${t.aliases} (${t.column}, alias)`, [[t.column, "int4"], ["alias", "text"]], part.map((r) => [...r]), " ON CONFLICT DO NOTHING", false);
  }
}
