// Live updates over WebSocket (graphql-ws, see ../../server.ts). Each subscription
// listens to the store's events (src/store/events.ts: the ids of articles stored, by any
// process on PostgreSQL) and re-reads what it was asked for: one statement per event
// and subscription, whatever the event's size.
import { arg, idArg, inputObjectType, nonNull, subscriptionType } from "nexus";
import type { Context } from "../context.ts";
import { createLoaders } from "../loaders.ts";
import { idOfType } from "../ids.ts";
import { eventStream, SUBSCRIBER_QUEUE_SIZE } from "../subscriptions/stream.ts";
import { articlesAmong, entityIfMentioned, quotesAmong, type ArticleFilter, type QuoteFilter } from "../../store/lists.ts";
import type { StoreEvent } from "../../store/events.ts";
import { organizationsById, peopleById, placesById } from "../../store/by-id.ts";
import { rememberSearch } from "../list-search.ts";
import { articleFilter, optionalId, search } from "./query.ts";
import { TYPE_OF_NODE } from "../../domain/entity-types.ts";

/** Most quotes one event sends a subscriber: a batch of 100 long articles has a few thousand. */
const MAX_QUOTES_PER_EVENT = 1000;

export const QuoteAddedFilter = inputObjectType({
  name: "QuoteAddedFilter",
  description: "Which new quotes to send; all given conditions must hold.",
  definition(t) {
    t.string("search", { description: "Words in the quote or the speaker's name as the text gives it; the syntax of `QuoteFilter.search`." });
    t.id("speakerId", { description: "Said by this person or organization." });
  },
});

function liveOf(ctx: Context) {
  if (!ctx.live) throw new Error("subscriptions are served over WebSocket only");
  return ctx.live;
}

function stream<T>(ctx: Context, expand: (event: StoreEvent) => Promise<T[]>) {
  const { events, onOverflow } = liveOf(ctx);
  return eventStream({ events, expand, onOverflow, capacity: SUBSCRIBER_QUEUE_SIZE });
}

/**
 * Each event's fields are resolved with fresh loaders: a subscription's context lives as
 * long as it does, and loaders cache, so counts would otherwise stay as first read.
 */
function fresh<T>(value: T, _args: unknown, ctx: Context): T {
  ctx.loaders = createLoaders(ctx.store, ctx.signal);
  return value;
}

const LIVE =
  " Over WebSocket at /graphql (graphql-ws); on PostgreSQL from every process writing to the database (loaders, queue workers, other servers), " +
  `on SQLite from this server's process. A subscriber ${SUBSCRIBER_QUEUE_SIZE} events behind is disconnected (close code 4413).`;

export const Subscription = subscriptionType({
  // Nexus's typing of subscriptionType leaves the description out; it passes it on as objectType does.
  ...({ description: "Live updates, over WebSocket at /graphql (graphql-ws). Authorization and the query limits apply as to queries." } as object),
  definition(t) {
    t.nonNull.field("articleAdded", {
      type: "Article",
      description: "Each article stored from now on that the filter keeps (a document loaded again is not new)." + LIVE,
      args: { filter: arg({ type: "ArticleFilter", description: "Which articles to send; none: every new article." }) },
      async subscribe(_root, args, ctx: Context) {
        const f = args.filter ?? {};
        const filter = await articleFilter(ctx, f);
        return stream(ctx, async (event) => (event.articleIds.length ? rememberSearch(await articlesAmong(ctx.store, filter, event.articleIds), filter.search) : []));
      },
      resolve: fresh,
    });
    t.nonNull.field("quoteAdded", {
      type: "Quote",
      description: `Each quote of the articles stored from now on that the filter keeps, in reading order (at most ${MAX_QUOTES_PER_EVENT} per stored batch).` + LIVE,
      args: { filter: arg({ type: "QuoteAddedFilter", description: "Which quotes to send; none: every new quote." }) },
      subscribe(_root, args, ctx: Context) {
        const f = args.filter ?? {};
        const speaker = f.speakerId == null ? null : idOfType(f.speakerId, ["Person", "Organization"], "filter.speakerId");
        const filter: QuoteFilter = {
          search: search(f.search),
          speakerPersonId: speaker?.type === "Person" ? speaker.id : null,
          speakerOrganizationId: speaker?.type === "Organization" ? speaker.id : null,
        };
        return stream(ctx, async (event) => (event.articleIds.length ? rememberSearch(await quotesAmong(ctx.store, filter, event.articleIds, MAX_QUOTES_PER_EVENT), filter.search) : []));
      },
      resolve: fresh,
    });
    t.nonNull.field("entityUpdated", {
      type: "Entity",
      description: "The person, organization or place, re-read each time an article that mentions it is stored or deleted (its counts, aliases and lists change); nothing more once it is gone." + LIVE,
      args: { id: nonNull(idArg({ description: "The global id of a Person, Organization or Place." })) },
      subscribe(_root, args, ctx: Context) {
        const id = idOfType(args.id, ["Person", "Organization", "Place"], "id");
        const type = TYPE_OF_NODE[id.type];
        return stream(ctx, async (event) => {
          const changed = event.entities?.some((e) => e.type === type && e.id === id.id);
          const byId = { PERSON: peopleById, ORGANIZATION: organizationsById, PLACE: placesById }[type];
          const row = changed ? (await byId(ctx.store, [id.id]))[0] : event.articleIds.length ? await entityIfMentioned(ctx.store, type, id.id, event.articleIds) : null;
          return row ? [{ ...row, __typename: id.type }] : [];
        });
      },
      resolve: fresh,
    });
  },
});
