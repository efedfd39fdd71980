import { unionType } from "nexus";
import { connectionTypes } from "./connection.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

export const RelatedEntity = unionType({
  name: "RelatedEntity",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "An entity that shares articles with another.",
  definition(t) {
    t.members("Person", "Organization", "Place");
  },
});

export const RelatedEntityConnectionTypes = connectionTypes(
  "RelatedEntity",
  "RelatedEntity",
  "Entities that appear in the same articles.",
  { sharedArticles: "Articles that mention both." },
);

