import { enumType, objectType } from "nexus";
import { connectionTypes } from "./connection.ts";
import { countryKey } from "../../resolve/places.ts";
import { cacheHint, READ_MAX_AGE_SECONDS } from "../cache-hints.ts";

export const PlaceKind = enumType({
  name: "PlaceKind",
  description: "What kind of place it is, from the gazetteer.",
  members: [
    { name: "COUNTRY", description: "A country (it has a countryCode and is its own country)." },
    { name: "REGION", description: "A first-level division (a US state, a province), a continent, a well-known region, sea or landmark." },
    { name: "CITY", description: "A city or town." },
    { name: "OTHER", description: "A place the gazetteer does not know (no coordinates)." },
  ],
});

export const Place = objectType({
  name: "Place",
  extensions: cacheHint(READ_MAX_AGE_SECONDS),
  description: "A country, region, city or other place named in the articles.",
  definition(t) {
    t.implements("Entity");
    t.nonNull.field("kind", { type: "PlaceKind", description: "Country, region, city or other." });
    t.string("countryCode", { description: "ISO 3166-1 alpha-2 code of the country it lies in (or is)." });
    t.string("regionCode", { description: "ISO 3166-2 code of the first-level region it lies in (a city) or is (a region), e.g. `US-GA`, when known." });
    t.float("latitude", { description: "A representative point's latitude: a city's centre, a region's or country's centroid (from the gazetteer); null for OTHER." });
    t.float("longitude", { description: "The representative point's longitude (with `latitude`)." });
    t.field("country", {
      type: "Place",
      description: "The country it lies in (a country: itself; England: the United Kingdom), when some article names that country.",
      resolve: (p, _args, ctx) => (p.countryCode ? ctx.loaders.placeByKey.load(countryKey(p.countryCode)) : null),
    });
    t.field("containedIn", {
      type: "Place",
      description:
        "The next larger place that some article names: a city's region (`Atlanta` → `Georgia (U.S. state)`), else its country; a region's country; null for a country.",
      async resolve(p, _args, ctx) {
        if (p.kind === "COUNTRY" || !p.countryCode) return null;
        if (p.kind !== "REGION" && p.regionCode) {
          const region = await ctx.loaders.regionByCode.load(p.regionCode);
          if (region && region.id !== p.id) return region;
        }
        const country = await ctx.loaders.placeByKey.load(countryKey(p.countryCode));
        return country && country.id !== p.id ? country : null;
      },
    });
  },
});

export const PlaceConnectionTypes = connectionTypes("Place", "Place", "A page of places.");
