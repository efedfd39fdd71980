import { intArg, objectType, stringArg } from "nexus";
import { childConnection } from "../nested.ts";
import { connectionTypes } from "./connection.ts";

export const Person = objectType({
  name: "Person",
  description: "A person named in the articles, with every alias resolved to one entity.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("quotes", {
      type: "QuoteConnection",
      description: "Direct quotes this person is the speaker of.",
      args: { first: intArg(), after: stringArg() },
      resolve: (p, args, ctx) => childConnection(ctx, "person.quotes", p.id, args, ctx.loaders.quote),
    });
  },
});

export const PersonConnectionTypes = connectionTypes("Person", "Person", "A page of people.");
