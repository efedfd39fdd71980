import { arg, objectType } from "nexus";
import { childConnection, prefetchSlice, sliceOptions } from "../nested.ts";
import { connectionTypes, pageArgs } from "./connection.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

export const Organization = objectType({
  name: "Organization",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A company, agency, party, newspaper, ministry or other organization named in the articles.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes this organization is the speaker of (reports, statements).",
      args: {
        ...pageArgs,
        orderBy: arg({ type: "QuoteOrder", description: "Default READING_ORDER; RELEVANCE is refused (no search here)." }),
        filter: arg({ type: "PublishedFilter", description: "Only quotes of articles published in this range." }),
      },
      extensions: prefetchSlice(() => "organization.quotes"),
      resolve: (o, args, ctx, info) => childConnection(ctx, info, "organization.quotes", o.id, args, ctx.loaders.quote, sliceOptions(args.orderBy, args.filter)),
    });
  },
});

export const OrganizationConnectionTypes = connectionTypes("Organization", "Organization", "A page of organizations.");
