// Corpus-level identity, the pure part: which corpus entity an article's cluster of a
// person or organization belongs to, and what an entity is called, decided from the
// stored evidence of every article (src/store/corpus-resolution.ts reads it and writes
// the outcome). Being a function of the evidence alone, the outcome does not depend on
// load order, batch size or the number of workers.
//
// - A full name (`Barack Obama`, `National Basketball Association`) is its own entity,
//   under its normalized key (variants folded in normalize.ts).
// - A one-word person (`Obama`, `Mr. Clinton`, `Hillary`) joins a full name with that
//   surname (or, when no full name has it as its surname, that given name) whose gender
//   fits the honorifics:
//   the only such name in its own article (of several, the one named MARGIN times as
//   often as the next); else, when its article names none, the one the corpus names
//   with the cluster's office (`President Bush`: the full name called president in
//   MARGIN times as many articles as the next, roles.ts); else the one
//   that appears in at least MARGIN times as many articles as the next (given names:
//   GIVEN_MARGIN). When two stay plausible it is left unjoined, as its own entity (a
//   woman's apart: `clinton (f)`), rather than guessed.
// - An acronym (`NBA`) joins the full name that articles state it for
//   (`National Basketball Association (NBA)`), by the same margin; so does a club a
//   results table names by its city (`CHICAGO`), to the club named with that place
//   (`Chicago White Sox`; src/resolve/index.ts decides which names are clubs).
// - A full name with a generational suffix (`Joseph R. Biden Jr.`) joins the plain name
//   (`joseph biden`) unless an article tells the two generations apart (linkSuffixed).

/** How many times more articles the leading full name needs than the next one. */
export const MARGIN = 3;
export const GIVEN_MARGIN = 5;
/** How many times more mentions in its own article the leading full name needs. */
export const LOCAL_MARGIN = 2;

export type Gender = "m" | "f" | null;

/** A full name in the corpus that a one-word cluster could be. */
export interface Candidate {
  key: string;
  /** Its given name (people), for an initial to match (`D. Gough` → `Darren Gough`). */
  given?: string | null;
  /** Articles with a cluster of this key. */
  articles: number;
  gender: Gender;
  /** Articles that name it with each office (`president` → 40). */
  roles?: ReadonlyMap<string, number>;
}

/** A one-word person cluster of one article. */
export interface PartialPerson {
  /** The cluster's own key (`d gough`, `clinton (f)`). */
  key: string;
  /** Its surname or lone given name, normalized (`obama`, `hillary`). */
  surname: string;
  /** The initial of `D. Gough`: only given names with it fit, and unjoined it keeps its key. */
  initial: string | null;
  gender: Gender;
  /** The full names of its own article, with their mentions there. */
  inArticle: ReadonlyMap<string, number>;
  /** The offices its article names it with (`president`). */
  roles: readonly string[];
}

const fits = (a: Gender, b: Gender) => a === null || b === null || a === b;

/** The candidate that leads the next by the margin, or null. */
function dominant(candidates: readonly Candidate[], margin: number): Candidate | null {
  const sorted = [...candidates].sort((a, b) => b.articles - a.articles || (a.key < b.key ? -1 : 1));
  const [top, next] = sorted;
  if (!top) return null;
  return !next || top.articles >= margin * next.articles ? top : null;
}

/** The key an unjoined one-word person keeps: women apart from men (`Mrs. Khan`, `Mr. Khan`). */
export function unjoinedPersonKey(surname: string, gender: Gender): string {
  return gender === "f" ? `${surname} (f)` : surname;
}

/**
 * The corpus key of a one-word person cluster, given the full names sharing its surname
 * and those whose given name it is.
 */
export function linkPerson(p: PartialPerson, bySurname: readonly Candidate[], byGiven: readonly Candidate[]): string {
  // A lone given name (`Hillary`) is looked up as one only when no full name has it as its surname.
  const pools = p.initial || bySurname.length > 0 ? [[bySurname, MARGIN] as const] : ([[byGiven, GIVEN_MARGIN]] as const);
  for (const [pool, margin] of pools) {
    const fitting = pool.filter((c) => fits(p.gender, c.gender) && (!p.initial || (c.given ?? "").startsWith(p.initial)) && c.key !== p.key);
    if (fitting.length === 0) continue;
    const local = fitting.filter((c) => p.inArticle.has(c.key));
    if (local.length === 1) return (local[0] as Candidate).key;
    if (local.length > 1) {
      // `Clinton` in an article about Hillary Clinton that names Bill Clinton once: the
      // one its article names LOCAL_MARGIN times as often as any other, if it also leads
      // by MARGIN when its mentions there are weighed by its articles in the corpus.
      const salient = dominant(local.map((c) => ({ ...c, articles: p.inArticle.get(c.key) ?? 0 })), LOCAL_MARGIN);
      const likely = dominant(local.map((c) => ({ ...c, articles: (p.inArticle.get(c.key) ?? 0) * c.articles })), MARGIN);
      if (salient && likely && salient.key === likely.key) return salient.key;
      break;
    }
    // `President Bush` where no Bush is named in full: the one named with that office, by the margin.
    const titled = fitting
      .map((c) => ({ ...c, articles: Math.max(0, ...p.roles.map((r) => c.roles?.get(r) ?? 0)) }))
      .filter((c) => c.articles > 0);
    const office = dominant(titled, MARGIN);
    if (office) return office.key;
    const best = dominant(fitting, margin);
    if (best) return best.key;
    break;
  }
  return p.initial ? p.key : unjoinedPersonKey(p.surname, p.gender);
}

/**
 * The corpus key of a name with a generational suffix that its article did not tell
 * apart from another generation (`Joseph R. Biden Jr.`, key `joseph biden jr`): the
 * plain name's (`joseph biden`), unless some article of the corpus names the two
 * generations as two people (`distinguished`: `Donald Trump Jr.` beside his father).
 */
export function linkSuffixed(key: string, plain: string, distinguished: boolean): string {
  return distinguished ? key : plain;
}

/** The corpus key of an acronym (or a table's club) cluster, given the full names articles state it for (the clubs named with that place). */
export function linkAcronym(acronym: string, inArticle: ReadonlyMap<string, number>, stated: readonly Candidate[]): string {
  const local = stated.filter((c) => inArticle.has(c.key));
  if (local.length === 1) return (local[0] as Candidate).key;
  if (local.length > 1) return acronym;
  return dominant(stated, MARGIN)?.key ?? acronym;
}

/** How often one display name was an article's name for an entity. */
export interface NameVote {
  name: string;
  /** Clusters (articles) that called it so. */
  count: number;
  /** From a full-name cluster rather than a one-word one. */
  full: boolean;
}

const words = (s: string) => s.trim().split(/\s+/u).length;

/**
 * An entity's display name: a person's is the name its full-name clusters use most
 * (`Hillary Clinton` over `Hillary Rodham Clinton` and `Clinton`); an organization's
 * (`fullest`) the one with most words among those used at least a tenth as often as the
 * most used. Ties go to more words, then the longer, then the first in code-point
 * order, so that the choice is a function of the votes alone.
 */
export function chooseName(votes: readonly NameVote[], fullest = false): string {
  const anyFull = votes.some((v) => v.full);
  const counts = new Map<string, number>();
  for (const v of votes) if (v.full || !anyFull) counts.set(v.name, (counts.get(v.name) ?? 0) + v.count);
  // Organizations: the fullest of the names used often enough (`Republican Party` over
  // `GOP`, `Labour Party` over `Labour`), not a one-off long form.
  const top = Math.max(0, ...counts.values());
  const used = fullest ? [...counts].filter(([, n]) => n * 10 >= top) : [...counts];
  const rank = (a: [string, number], b: [string, number]): number => {
    const [name, n] = a;
    const [bName, bn] = b;
    const byCount = n - bn;
    const byWords = words(name) - words(bName);
    const first = fullest ? byWords || byCount : byCount || byWords;
    return first || name.length - bName.length || (name < bName ? 1 : name > bName ? -1 : 0);
  };
  let best: [string, number] | null = null;
  for (const entry of used) if (!best || rank(entry, best) > 0) best = entry;
  return best?.[0] ?? "";
}
