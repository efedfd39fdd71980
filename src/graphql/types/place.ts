import { enumType, objectType } from "nexus";
import { connectionTypes } from "./connection.ts";

export const PlaceKind = enumType({
  name: "PlaceKind",
  members: ["COUNTRY", "REGION", "CITY", "OTHER"],
});

export const Place = objectType({
  name: "Place",
  description: "A country, region, city or other place named in the articles.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("kind", { type: "PlaceKind" });
    t.string("countryCode", { description: "ISO 3166-1 alpha-2 code of the country it lies in (or is)." });
    t.float("latitude");
    t.float("longitude");
  },
});

export const PlaceConnectionTypes = connectionTypes("Place", "Place", "A page of places.");
