import { arg, extendType, intArg, stringArg } from "nexus";
import type { Context } from "../context.ts";
import { idOfType } from "../ids.ts";
import { keysetConnection, keysetWindow, type KeysetWindow } from "../pagination.ts";
import { badInput } from "../errors.ts";
import {
  articleCount, articlePage, entityCount, organizationPage, personPage, placePage, quoteCount, quotePage,
  type ArticleFilter, type ArticleOrder, type EntityFilter, type EntityOrder, type Page,
} from "../../store/lists.ts";
import { parseSearch, SearchInputError, type SearchQuery } from "../../store/search.ts";
import { publisherCount, publisherPage } from "../../store/publishers.ts";
import { normalizeLanguage } from "../../ingest/formats/fields.ts";

const pageArgs = { first: intArg(), after: stringArg(), last: intArg(), before: stringArg() };
const optionalId = <T extends "Person" | "Organization" | "Place" | "Article" | "Publisher">(id: string | null | undefined, type: T, field: string) =>
  id == null ? null : idOfType(id, [type], field).id;

/** `filter.search` parsed for the full-text index; null/absent is no search, text without words an error. */
function search(text: string | null | undefined): SearchQuery | null {
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
function order<T extends ArticleOrder | EntityOrder>(given: T | null | undefined, searching: boolean, otherwise: T): T {
  if (given === "RELEVANCE" && !searching) throw badInput("orderBy: RELEVANCE needs a filter.search", "orderBy");
  return given ?? (searching ? ("RELEVANCE" as T) : otherwise);
}

/** A search page's cursor must name a row of the same list. */
function checked<T>(page: Page<T>, window: KeysetWindow): Page<T> {
  if (page.cursorMissing) {
    const field = window.backward ? "before" : "after";
    throw badInput(`${field}: the cursor's row is not in this list (the search or filter changed, or the row is gone); start again without it`, field);
  }
  return page;
}

export const ListQueries = extendType({
  type: "Query",
  definition(t) {
    t.nonNull.field("articles", {
      type: "ArticleConnection",
      args: {
        ...pageArgs,
        filter: arg({ type: "ArticleFilter" }),
        orderBy: arg({ type: "ArticleOrder", description: "Default: RELEVANCE with a filter.search, else PUBLISHED_AT_DESC." }),
      },
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args);
        const f = args.filter ?? {};
        const filter: ArticleFilter = {
          search: search(f.search),
          publishedAfter: f.publishedAfter,
          publishedBefore: f.publishedBefore,
          personId: optionalId(f.personId, "Person", "filter.personId"),
          organizationId: optionalId(f.organizationId, "Organization", "filter.organizationId"),
          placeId: optionalId(f.placeId, "Place", "filter.placeId"),
          publisherId: optionalId(f.publisherId, "Publisher", "filter.publisherId"),
          author: f.author?.trim() || null,
          language: f.language == null ? null : languageFilter(f.language),
        };
        const page = await articlePage(ctx.store, filter, order(args.orderBy, !!filter.search, "PUBLISHED_AT_DESC"), window);
        return keysetConnection(checked(page, window), window, () => articleCount(ctx.store, filter));
      },
    });
    const entityArgs = {
      ...pageArgs,
      filter: arg({ type: "EntityFilter" }),
      orderBy: arg({ type: "EntityOrder", description: "Default: RELEVANCE with a filter.search, else MENTION_COUNT_DESC." }),
    };
    const entityLists = [
      ["people", "PersonConnection", "PERSON", personPage],
      ["organizations", "OrganizationConnection", "ORGANIZATION", organizationPage],
      ["places", "PlaceConnection", "PLACE", placePage],
    ] as const;
    for (const [field, type, kind, page] of entityLists) {
      t.nonNull.field(field, {
        type,
        args: entityArgs,
        async resolve(_root, args, ctx: Context) {
          const window = keysetWindow(args);
          const filter: EntityFilter = { search: search(args.filter?.search) };
          const rows = await page(ctx.store, filter, order(args.orderBy, !!filter.search, "MENTION_COUNT_DESC"), window);
          return keysetConnection(checked(rows, window), window, () => entityCount(ctx.store, kind, filter));
        },
      });
    }
    t.nonNull.field("publishers", {
      type: "PublisherConnection",
      description: "Every publisher, by name; with `articleCount`, the facet of `articles(filter: {publisherId})`.",
      args: pageArgs,
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args);
        return keysetConnection(await publisherPage(ctx.store, window), window, () => publisherCount(ctx.store));
      },
    });
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      args: { ...pageArgs, filter: arg({ type: "QuoteFilter" }) },
      async resolve(_root, args, ctx: Context) {
        const window = keysetWindow(args);
        const f = args.filter ?? {};
        const speaker = f.speakerId == null ? null : idOfType(f.speakerId, ["Person", "Organization"], "filter.speakerId");
        const filter = {
          search: search(f.search),
          speakerPersonId: speaker?.type === "Person" ? speaker.id : null,
          speakerOrganizationId: speaker?.type === "Organization" ? speaker.id : null,
          articleId: optionalId(f.articleId, "Article", "filter.articleId"),
        };
        const page = await quotePage(ctx.store, filter, window);
        return keysetConnection(checked(page, window), window, () => quoteCount(ctx.store, filter));
      },
    });
  },
});
