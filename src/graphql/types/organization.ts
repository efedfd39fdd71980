import { intArg, objectType, stringArg } from "nexus";
import { childConnection } from "../nested.ts";
import { connectionTypes } from "./connection.ts";

export const Organization = objectType({
  name: "Organization",
  description: "A company, agency, party, newspaper, ministry or other organization named in the articles.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes this organization is the speaker of (reports, statements).",
      args: { first: intArg(), after: stringArg() },
      resolve: (o, args, ctx) => childConnection(ctx, "organization.quotes", o.id, args, ctx.loaders.quote),
    });
  },
});

export const OrganizationConnectionTypes = connectionTypes("Organization", "Organization", "A page of organizations.");
