import { arg, objectType } from "nexus";
import { childConnection, prefetchSlice, sliceOptions } from "../nested.ts";
import { connectionTypes, pageArgs } from "./connection.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

export const Person = objectType({
  name: "Person",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A person named in the articles, with every alias resolved to one entity.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes this person is the speaker of.",
      args: {
        ...pageArgs,
        orderBy: arg({ type: "QuoteOrder", description: "Default READING_ORDER; RELEVANCE is refused (no search here)." }),
        filter: arg({ type: "PublishedFilter", description: "Only quotes of articles published in this range." }),
      },
      extensions: prefetchSlice(() => "person.quotes"),
      resolve: (p, args, ctx, info) => childConnection(ctx, info, "person.quotes", p.id, args, ctx.loaders.quote, sliceOptions(args.orderBy, args.filter)),
    });
  },
});

export const PersonConnectionTypes = connectionTypes("Person", "Person", "A page of people.");
