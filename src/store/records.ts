// The rows the store hands out, as Prisma infers them from the models (prisma/models.prisma):
// the types that the API's source types (src/graphql/source-types.ts) are made of.
export type { Article, ArticleCopy, Organization, Person, Place, Publisher, Quote } from "./generated/sqlite/client.ts";
