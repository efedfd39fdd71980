// Top-level pages of articles, entities and quotes, with Prisma's keyset cursors:
// a page is `take` rows after (or before) the row with the cursor id, in a total
// order that always ends with the id.
import type { Prisma } from "./generated/sqlite/client.ts";
import type { DbHandle } from "./client.ts";
import type { EntityType } from "../extract/types.ts";

export interface Window {
  take: number;
  /** Id of the row the page starts after (forward) or ends before (backward). */
  cursorId?: number;
  backward?: boolean;
}

export interface Page<T> {
  rows: T[];
  /** More rows exist beyond the page in the direction of travel. */
  hasMore: boolean;
}

export type SortDirection = "asc" | "desc";

/** Case-insensitive containment on both databases (SQLite's LIKE already ignores ASCII case). */
function contains(h: DbHandle, text: string): Prisma.StringFilter {
  const filter = { contains: text };
  return (h.provider === "postgresql" ? { ...filter, mode: "insensitive" } : filter) as Prisma.StringFilter;
}

function windowArgs(w: Window) {
  return {
    take: (w.backward ? -1 : 1) * (w.take + 1),
    ...(w.cursorId !== undefined ? { cursor: { id: w.cursorId }, skip: 1 } : {}),
  };
}

function toPage<T>(rows: T[], w: Window): Page<T> {
  const hasMore = rows.length > w.take;
  if (!hasMore) return { rows, hasMore };
  // Prisma returns a backward page in forward order; the extra row is then the first.
  return { rows: w.backward ? rows.slice(1) : rows.slice(0, w.take), hasMore };
}

// ---- articles

export interface ArticleFilter {
  search?: string | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
  personId?: number | null;
  organizationId?: number | null;
  placeId?: number | null;
}

export type ArticleOrder = "PUBLISHED_AT_DESC" | "PUBLISHED_AT_ASC" | "TITLE_ASC" | "TITLE_DESC";

function articleWhere(h: DbHandle, f: ArticleFilter = {}): Prisma.ArticleWhereInput {
  const where: Prisma.ArticleWhereInput[] = [];
  if (f.search) where.push({ OR: [{ title: contains(h, f.search) }, { body: contains(h, f.search) }] });
  if (f.publishedAfter) where.push({ publishedAt: { gte: f.publishedAfter } });
  if (f.publishedBefore) where.push({ publishedAt: { lt: f.publishedBefore } });
  if (f.personId != null) where.push({ people: { some: { personId: f.personId } } });
  if (f.organizationId != null) where.push({ organizations: { some: { organizationId: f.organizationId } } });
  if (f.placeId != null) where.push({ places: { some: { placeId: f.placeId } } });
  return { AND: where };
}

const ARTICLE_ORDER: Record<ArticleOrder, Prisma.ArticleOrderByWithRelationInput[]> = {
  // Undated articles sort after dated ones in both directions.
  PUBLISHED_AT_DESC: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  PUBLISHED_AT_ASC: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  TITLE_ASC: [{ title: "asc" }, { id: "asc" }],
  TITLE_DESC: [{ title: "desc" }, { id: "desc" }],
};

export async function articlePage(h: DbHandle, filter: ArticleFilter, order: ArticleOrder, w: Window) {
  const rows = await h.db.article.findMany({ where: articleWhere(h, filter), orderBy: ARTICLE_ORDER[order], ...windowArgs(w) });
  return toPage(rows, w);
}

export function articleCount(h: DbHandle, filter: ArticleFilter) {
  return h.db.article.count({ where: articleWhere(h, filter) });
}

// ---- people, organizations, places

export interface EntityFilter {
  search?: string | null;
}

export type EntityOrder = "MENTION_COUNT_DESC" | "ARTICLE_COUNT_DESC" | "NAME_ASC" | "NAME_DESC";

const ENTITY_ORDER = {
  MENTION_COUNT_DESC: [{ mentionCount: "desc" }, { id: "asc" }],
  ARTICLE_COUNT_DESC: [{ articleCount: "desc" }, { id: "asc" }],
  NAME_ASC: [{ name: "asc" }, { id: "asc" }],
  NAME_DESC: [{ name: "desc" }, { id: "desc" }],
} as const satisfies Record<EntityOrder, Prisma.PersonOrderByWithRelationInput[]>;

/** Name or any alias contains the search text. */
function entityWhere(h: DbHandle, f: EntityFilter = {}) {
  return f.search ? { OR: [{ name: contains(h, f.search) }, { aliases: { some: { alias: contains(h, f.search) } } }] } : {};
}

export async function personPage(h: DbHandle, filter: EntityFilter, order: EntityOrder, w: Window) {
  const rows = await h.db.person.findMany({ where: entityWhere(h, filter), orderBy: [...ENTITY_ORDER[order]], ...windowArgs(w) });
  return toPage(rows, w);
}
export async function organizationPage(h: DbHandle, filter: EntityFilter, order: EntityOrder, w: Window) {
  const rows = await h.db.organization.findMany({ where: entityWhere(h, filter), orderBy: [...ENTITY_ORDER[order]], ...windowArgs(w) });
  return toPage(rows, w);
}
export async function placePage(h: DbHandle, filter: EntityFilter, order: EntityOrder, w: Window) {
  const rows = await h.db.place.findMany({ where: entityWhere(h, filter), orderBy: [...ENTITY_ORDER[order]], ...windowArgs(w) });
  return toPage(rows, w);
}

export function entityCount(h: DbHandle, type: EntityType, filter: EntityFilter): Promise<number> {
  const where = entityWhere(h, filter);
  switch (type) {
    case "PERSON": return h.db.person.count({ where });
    case "ORGANIZATION": return h.db.organization.count({ where });
    case "PLACE": return h.db.place.count({ where });
  }
}

// ---- quotes

export interface QuoteFilter {
  search?: string | null;
  speakerPersonId?: number | null;
  speakerOrganizationId?: number | null;
  articleId?: number | null;
}

function quoteWhere(h: DbHandle, f: QuoteFilter = {}): Prisma.QuoteWhereInput {
  return {
    ...(f.search ? { text: contains(h, f.search) } : {}),
    ...(f.speakerPersonId != null ? { speakerPersonId: f.speakerPersonId } : {}),
    ...(f.speakerOrganizationId != null ? { speakerOrganizationId: f.speakerOrganizationId } : {}),
    ...(f.articleId != null ? { articleId: f.articleId } : {}),
  };
}

/** In load order: article by article, each in reading order (a quote's id grows with both). */
export async function quotePage(h: DbHandle, filter: QuoteFilter, w: Window) {
  const rows = await h.db.quote.findMany({ where: quoteWhere(h, filter), orderBy: [{ id: "asc" }], ...windowArgs(w) });
  return toPage(rows, w);
}

export function quoteCount(h: DbHandle, filter: QuoteFilter) {
  return h.db.quote.count({ where: quoteWhere(h, filter) });
}

/** Whether the database holds no article yet (npm start seeds it then). */
export async function hasNoArticles(h: DbHandle): Promise<boolean> {
  return (await h.db.article.findFirst({ select: { id: true } })) === null;
}
