import { arg, extendType, queryType } from "nexus";
import { pageArgs } from "./connection.ts";
import { MAX_NEAR_KM } from "./inputs.ts";
import type { Context } from "../context.ts";
import type { NexusGenInputs } from "../generated/nexus-typegen.ts";
import { idOfType } from "../ids.ts";
import { DEFAULT_PAGE_SIZE, keysetConnection, keysetWindow, MAX_PAGE_SIZE, type KeysetWindow } from "../pagination.ts";
import { badInput } from "../errors.ts";
import {
  articleCount, articlePage, entityCount, organizationPage, personPage, placePage, quoteCount, quotePage,
  type ArticleFilter, type ArticleOrder, type EntityOrder, type Page, type PlaceFilter, type QuoteOrder,
} from "../../store/lists.ts";
import { placeScope } from "../../store/places.ts";
import { parseSearch, SearchInputError, type SearchQuery } from "../../store/search.ts";
import { publisherCount, publisherPage } from "../../store/publishers.ts";
import { rememberSearch, rowsThrough } from "../list-search.ts";
import { normalizeLanguage } from "../../domain/language.ts";
import { ENTITY_TYPE_INFO } from "../../domain/entity-types.ts";
import { childIncludes, prefetchPageSelected, selectsField } from "../prefetch.ts";
import type { PlanPage } from "../plan.ts";
import type { GraphQLResolveInfo } from "graphql";

export const optionalId = <T extends "Person" | "Organization" | "Place" | "Article" | "Publisher">(id: string | null | undefined, type: T, field: string) =>
  id == null ? null : idOfType(id, [type], field).id;

/** `filter.search` parsed for the full-text index; null/absent is no search, text without words an error. */
export function search(text: string | null | undefined): SearchQuery | null {
  if (text == null) return null;
  try {
    return parseSearch(text);
  } catch (error) {
    if (error instanceof SearchInputError) throw badInput(`filter.search ${error.message}`, "filter.search");
    throw error;
  }
}

function languageFilter(value: string): string {
  const tag = normalizeLanguage(value);
  if (!tag) throw badInput(`filter.language: "${value.slice(0, 40)}" is not a language tag (like en or en-GB)`, "filter.language");
  return tag;
}

/** RELEVANCE by default with a search, and only with one. */
function order<T extends ArticleOrder | EntityOrder | QuoteOrder>(given: T | null | undefined, searching: boolean, otherwise: T): T {
  if (given === "RELEVANCE" && !searching) throw badInput("orderBy: RELEVANCE needs a filter.search", "orderBy");
  return given ?? (searching ? ("RELEVANCE" as T) : otherwise);
}

/** A search page's cursor must name a row of the same list. */
/** A search page counts its matches in its own statement when totalCount is selected (other lists count apart, when asked). */
const withTotal = (window: KeysetWindow, info: GraphQLResolveInfo) => ({ ...window, withTotal: selectsField(info, "totalCount") });

function checked<T>(page: Page<T>, window: KeysetWindow): Page<T> {
  if (page.cursorMissing) {
    const field = window.backward ? "before" : "after";
    throw badInput(`${field}: the cursor's row is not in this list (the search or filter changed, or the row is gone); start again without it`, field);
  }
  return page;
}

type GeoArgs = { near?: { latitude: number; longitude: number; km: number } | null; countryCode?: string | null; kind?: PlaceFilter["kind"] };

/** `places(filter: {near, countryCode, kind})`, checked: a bad circle or code is BAD_USER_INPUT naming the field. */
function geoFilter(f: GeoArgs | null | undefined): Pick<PlaceFilter, "near" | "countryCode" | "kind"> {
  if (!f) return {};
  const near = f.near;
  if (near) {
    if (!(near.latitude >= -90 && near.latitude <= 90)) throw badInput(`filter.near.latitude must be from -90 to 90, not ${near.latitude}`, "filter.near.latitude");
    if (!(near.longitude >= -180 && near.longitude <= 180)) throw badInput(`filter.near.longitude must be from -180 to 180, not ${near.longitude}`, "filter.near.longitude");
    if (!(near.km > 0 && near.km <= MAX_NEAR_KM)) throw badInput(`filter.near.km must be more than 0 and at most ${MAX_NEAR_KM}, not ${near.km}`, "filter.near.km");
  }
  if (f.countryCode != null && !/^[A-Za-z]{2}$/u.test(f.countryCode)) {
    throw badInput(`filter.countryCode must be an ISO 3166-1 alpha-2 code (two letters, e.g. "FR"), not "${f.countryCode}"`, "filter.countryCode");
  }
  return { near: near ?? null, countryCode: f.countryCode ?? null, kind: f.kind ?? null };
}

export const Query = queryType({
  description: `Reads. Lists are Relay connections: pages of ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}; anonymous GET reads may be cached (see the README).`,
  definition() {},
});

export const ListQueries = extendType({
  type: "Query",
  definition(t) {
    t.nonNull.field("articles", {
      type: "ArticleConnection",
      description: "Articles, filtered and ordered; a full-text search with `filter.search`.",
      args: {
        ...pageArgs,
        filter: arg({ type: "ArticleFilter", description: "Which articles; none: all." }),
        orderBy: arg({ type: "ArticleOrder", description: "Default: RELEVANCE with a filter.search, else PUBLISHED_AT_DESC." }),
      },
      async resolve(_root, args, ctx: Context, info) {
        const window = withTotal(keysetWindow(args, "articles"), info);
        const f = args.filter ?? {};
        const filter = await articleFilter(ctx, f);
        const page = await articlePage(ctx.store, filter, order(args.orderBy, !!filter.search, "PUBLISHED_AT_DESC"), window, rowsThrough(ctx.loaders.article, ctx.loaders.jsonRows("article")));
        rememberSearch(page.rows, filter.search);
        return keysetConnection(checked(page, window), window, () => (page.total !== undefined ? Promise.resolve(page.total) : articleCount(ctx.store, filter)));
      },
    });
    const entityArgs = {
      ...pageArgs,
      filter: arg({ type: "EntityFilter", description: "Which entities; none: all." }),
      orderBy: arg({ type: "EntityOrder", description: "Default: RELEVANCE with a filter.search, else MENTION_COUNT_DESC." }),
    };
    const placeArgs = { ...entityArgs, filter: arg({ type: "PlaceFilter", description: "Which places; none: all." }) };
    const entityLists = [
      ["people", "PersonConnection", "PERSON", personPage, "People"],
      ["organizations", "OrganizationConnection", "ORGANIZATION", organizationPage, "Organizations"],
      ["places", "PlaceConnection", "PLACE", placePage, "Places"],
    ] as const;
    for (const [field, type, kind, page, what] of entityLists) {
      t.nonNull.field(field, {
        type,
        description: `${what}, most mentioned first unless orderBy says otherwise; a search of names and aliases with \`filter.search\`.`,
        args: kind === "PLACE" ? placeArgs : entityArgs,
        extensions: { planPage: ((args) => !(args.filter as { search?: unknown } | null | undefined)?.search) satisfies PlanPage },
        async resolve(_root, args, ctx: Context, info) {
          const window = withTotal(keysetWindow(args, field), info);
          const filter: PlaceFilter = { search: search(args.filter?.search), ...(kind === "PLACE" ? geoFilter(args.filter as GeoArgs | null | undefined) : {}) };
          const sort = order(args.orderBy, !!filter.search, "MENTION_COUNT_DESC");
          // PostgreSQL: the page, its count and its rows' lists in one statement (../plan.ts).
          const read = ctx.loaders.entityPage(ENTITY_TYPE_INFO[kind].table, filter, sort, window, childIncludes(info, info.returnType, info.fieldNodes));
          if (read) {
            const prefetched = prefetchPageSelected(info, read.parents, ctx);
            const [rows, total] = await Promise.all([read.page, read.total, prefetched]);
            return keysetConnection(checked(rows, window), window, () => (total !== undefined ? Promise.resolve(total) : entityCount(ctx.store, kind, filter)));
          }
          const rows = await page(ctx.store, filter, sort, window);
          return keysetConnection(checked(rows, window), window, () => (rows.total !== undefined ? Promise.resolve(rows.total) : entityCount(ctx.store, kind, filter)));
        },
      });
    }
    t.nonNull.field("publishers", {
      type: "PublisherConnection",
      description: "Every publisher, by name; with `articleCount`, the facet of `articles(filter: {publisherId})`.",
      args: pageArgs,
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args, "publishers");
        return keysetConnection(await publisherPage(ctx.store, window), window, () => publisherCount(ctx.store));
      },
    });
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes, filtered and ordered; a full-text search with `filter.search`.",
      args: {
        ...pageArgs,
        filter: arg({ type: "QuoteFilter", description: "Which quotes; none: all." }),
        orderBy: arg({ type: "QuoteOrder", description: "Default: RELEVANCE with a filter.search, else READING_ORDER." }),
      },
      async resolve(_root, args, ctx: Context, info) {
        const window = withTotal(keysetWindow(args, "quotes"), info);
        const f = args.filter ?? {};
        const speaker = f.speakerId == null ? null : idOfType(f.speakerId, ["Person", "Organization"], "filter.speakerId");
        const filter = {
          search: search(f.search),
          speakerPersonId: speaker?.type === "Person" ? speaker.id : null,
          speakerOrganizationId: speaker?.type === "Organization" ? speaker.id : null,
          articleId: optionalId(f.articleId, "Article", "filter.articleId"),
          publishedAfter: f.publishedAfter ?? null,
          publishedBefore: f.publishedBefore ?? null,
        };
        const page = await quotePage(ctx.store, filter, order(args.orderBy, !!filter.search, "READING_ORDER"), window, rowsThrough(ctx.loaders.quote, ctx.loaders.jsonRows("quote")));
        rememberSearch(page.rows, filter.search);
        return keysetConnection(checked(page, window), window, () => (page.total !== undefined ? Promise.resolve(page.total) : quoteCount(ctx.store, filter)));
      },
    });
  },
});

/** The articles filter of `articles` and of the `articleAdded` subscription, checked and with its place scope. */
export async function articleFilter(ctx: Context, f: NexusGenInputs["ArticleFilter"]): Promise<ArticleFilter> {
  const filter: ArticleFilter = {
    search: search(f.search),
    publishedAfter: f.publishedAfter,
    publishedBefore: f.publishedBefore,
    personId: optionalId(f.personId, "Person", "filter.personId"),
    organizationId: optionalId(f.organizationId, "Organization", "filter.organizationId"),
    placeId: optionalId(f.placeId, "Place", "filter.placeId"),
    includeDemonyms: f.includeDemonyms,
    publisherId: optionalId(f.publisherId, "Publisher", "filter.publisherId"),
    author: f.author?.trim() || null,
    language: f.language == null ? null : languageFilter(f.language),
  };
  if ((f.includeSubplaces || f.includeDemonyms) && filter.placeId == null) {
    throw badInput(`filter.${f.includeSubplaces ? "includeSubplaces" : "includeDemonyms"} needs filter.placeId`, "filter");
  }
  if (f.includeSubplaces && filter.placeId != null) filter.placeScope = await placeScope(ctx.store, filter.placeId, true);
  return filter;
}
