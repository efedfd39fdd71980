// Mentions over time (src/store/timelines.ts): `Entity.mentionTimeline`, an entity's
// mentions per day, week or month, and `topEntities`, the most mentioned entities of a
// date range. Both count mentions in articles by their publishedAt, in UTC.
import { arg, enumType, extendType, intArg, nonNull, objectType } from "nexus";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";
import { badInput } from "../errors.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination.ts";
import { bucketKey, bucketStarts, topEntities, type TimelineInterval as Interval } from "../../store/timelines.ts";
import { ENTITY_TYPE_INFO, NODE_OF_TABLE, TABLE_OF_NODE } from "../../domain/entity-types.ts";

/** Most buckets one timeline may have: a little under three years of days, twenty years of weeks. */
export const MAX_TIMELINE_BUCKETS = 1000;

export const TimelineInterval = enumType({
  name: "TimelineInterval",
  description: "The length of a timeline's buckets, in UTC.",
  members: [
    { name: "DAY", description: "From midnight UTC." },
    { name: "WEEK", description: "From Monday, midnight UTC (ISO 8601 weeks)." },
    { name: "MONTH", description: "From the first of the month, midnight UTC." },
  ],
});

export const TimelineBucket = objectType({
  name: "TimelineBucket",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "An entity's mentions in the articles published in one day, week or month.",
  definition(t) {
    t.nonNull.field("start", { type: "DateTime", description: "When the bucket starts (midnight UTC); it ends where the next starts." });
    t.nonNull.int("mentionCount", { description: "Mentions in the bucket's articles (within the timeline's from and to)." });
    t.nonNull.int("articleCount", { description: "Articles in the bucket that mention it." });
  },
});

const TABLE = TABLE_OF_NODE;

/** `from`..`to` as buckets, checked: to after from, at most MAX_TIMELINE_BUCKETS. */
function timelineBuckets(interval: Interval, from: Date, to: Date): Date[] {
  if (!(to > from)) throw badInput(`to (${to.toISOString()}) must be later than from (${from.toISOString()})`, "to");
  const starts = bucketStarts(interval, from, to, MAX_TIMELINE_BUCKETS);
  if (starts.length > MAX_TIMELINE_BUCKETS) {
    throw badInput(`from..to spans more than ${MAX_TIMELINE_BUCKETS} ${interval} buckets; ask for a shorter range or a longer interval`, "from");
  }
  return starts;
}

/** Entity.mentionTimeline, defined on the interface (Nexus extends no interface from outside: entity.ts calls this). */
export const mentionTimelineField = {
  type: "TimelineBucket",
  description:
    `Its mentions per day, week or month (UTC; weeks start on Monday) in the articles published at or after \`from\` and before \`to\`, by their publishedAt; ` +
    `one bucket for each interval that the range touches, in order, empty ones included (the first and last may be partial). Undated articles are not counted; ` +
    `demonyms are not mentions. At most ${MAX_TIMELINE_BUCKETS} buckets (BAD_USER_INPUT beyond).`,
  args: {
    interval: nonNull(arg({ type: "TimelineInterval", description: "The buckets' length." })),
    from: nonNull(arg({ type: "DateTime", description: "Counts articles published at or after this instant; the first bucket is the one holding it." })),
    to: nonNull(arg({ type: "DateTime", description: "Counts articles published before this instant; later than `from`." })),
  },
  async resolve(e: { id: number }, args: { interval: Interval; from: Date; to: Date }, ctx: Context, info: GraphQLResolveInfo) {
    const starts = timelineBuckets(args.interval, args.from, args.to);
    const table = TABLE[info.parentType.name as keyof typeof TABLE];
    const request = { interval: args.interval, from: args.from, to: args.to };
    const group = `${args.interval}:${args.from.toISOString()}:${args.to.toISOString()}`;
    const counts = await ctx.loaders.timeline(table).load({ args: request, group, id: e.id });
    return starts.map((start) => ({ start, ...(counts?.get(bucketKey(start)) ?? { mentionCount: 0, articleCount: 0 }) }));
  },
} as const;


export const TopEntityOrder = enumType({
  name: "TopEntityOrder",
  description: "How `topEntities` ranks: by one count, ties by the other, then by type and id.",
  members: [
    { name: "MENTION_COUNT_DESC", description: "Most mentions first (the default)." },
    { name: "ARTICLE_COUNT_DESC", description: "Most articles first." },
  ],
});

export const TopEntity = objectType({
  name: "TopEntity",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "An entity with its counts in the articles of a date range.",
  definition(t) {
    t.nonNull.field("entity", { type: "Entity", description: "The person, organization or place." });
    t.nonNull.int("mentionCount", { description: "Its mentions in the range's articles." });
    t.nonNull.int("articleCount", { description: "The range's articles that mention it." });
  },
});


export const TopEntitiesQuery = extendType({
  type: "Query",
  definition(t) {
    t.nonNull.list.nonNull.field("topEntities", {
      type: "TopEntity",
      description:
        "The entities most mentioned in the articles published at or after `from` and before `to` (by publishedAt; undated articles only when neither is given, " +
        "then the counts are the entities' own mentionCount and articleCount), with their counts there. Demonyms are not mentions.",
      args: {
        type: arg({ type: "EntityType", description: "Only entities of this type; default: people, organizations and places together." }),
        from: arg({ type: "DateTime", description: "Articles published at or after this instant; default: no lower bound." }),
        to: arg({ type: "DateTime", description: "Articles published before this instant; default: no upper bound." }),
        first: intArg({ description: `How many entities, 0 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.`, default: DEFAULT_PAGE_SIZE }),
        orderBy: arg({ type: "TopEntityOrder", description: "The ranking.", default: "MENTION_COUNT_DESC" }),
      },
      async resolve(_root, args, ctx: Context) {
        const first = args.first ?? DEFAULT_PAGE_SIZE;
        if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, "first");
        const from = args.from ?? null;
        const to = args.to ?? null;
        if (from && to && !(to > from)) throw badInput(`to (${to.toISOString()}) must be later than from (${from.toISOString()})`, "to");
        if (first === 0) return [];
        const rows = await topEntities(ctx.store, {
          table: args.type ? ENTITY_TYPE_INFO[args.type].table : null, from, to, first, order: args.orderBy ?? "MENTION_COUNT_DESC",
        });
        const entities = await Promise.all(rows.map((r) => ctx.loaders[r.table].load(r.id)));
        return rows.flatMap((r, i) => {
          const entity = entities[i];
          return entity ? [{ entity: { ...entity, __typename: NODE_OF_TABLE[r.table] }, mentionCount: r.mentionCount, articleCount: r.articleCount }] : [];
        });
      },
    });
  },
});
