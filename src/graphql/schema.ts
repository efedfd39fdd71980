// The Nexus schema. `npm run generate:graphql` writes schema.graphql and the typegen
// (both committed; CI fails when they are stale). Serving never writes files.
import { core, makeSchema } from "nexus";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import * as types from "./types/index.ts";
import type { Sources } from "./source-types.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_FILE = join(here, "../../schema.graphql");
export const TYPEGEN_FILE = join(here, "generated/nexus-typegen.ts");

// Every GraphQL object type backed by a value of ./source-types.ts.
const SOURCE_TYPES: (keyof Sources)[] = [
  "Article", "Person", "Organization", "Place", "Quote", "Entity",
  "ArticleConnection", "PersonConnection", "OrganizationConnection", "PlaceConnection", "QuoteConnection",
  "ArticlePersonConnection", "ArticleOrganizationConnection", "ArticlePlaceConnection",
  "EntityArticleConnection", "RelatedEntityConnection",
  "ArticleEdge", "PersonEdge", "OrganizationEdge", "PlaceEdge", "QuoteEdge",
  "ArticlePersonEdge", "ArticleOrganizationEdge", "ArticlePlaceEdge", "EntityArticleEdge", "RelatedEntityEdge", "PageInfo",
  "IngestArticlePayload", "Ingestion", "DeleteArticlePayload",
  "Publisher", "ArticleCopy", "PublisherConnection", "PublisherEdge",
  "EntityMention", "ArticleMentionConnection", "ArticleMentionEdge",
];

type SchemaConfig = Parameters<typeof makeSchema>[0];

function schemaConfig(outputs: { schema: string; typegen: string } | false): SchemaConfig {
  return {
    types,
    outputs,
    shouldGenerateArtifacts: outputs !== false,
    contextType: { module: join(here, "context.ts"), export: "Context" },
    sourceTypes: {
      modules: [],
      headers: ['import type { Sources } from "../source-types.ts";'],
      mapping: Object.fromEntries(SOURCE_TYPES.map((name) => [name, `Sources["${name}"]`])),
    },
    features: { abstractTypeStrategies: { __typename: true } },
    nonNullDefaults: { input: false, output: false },
    // Nexus writes extension-less relative imports; this project's ESM needs `.ts`.
    formatTypegen: (content, type) => (type === "types" ? content.replace(/from "(\.{1,2}\/[^"]+?)(\.ts)?"/g, 'from "$1.ts"') : content),
  };
}

/** The executable schema; serving never writes files. */
export const buildSchema = () => makeSchema(schemaConfig(false));

/** Writes schema.graphql and the typegen to the given paths (the committed ones by default). */
export async function writeSchemaArtifacts(outputs = { schema: SCHEMA_FILE, typegen: TYPEGEN_FILE }): Promise<void> {
  await core.generateSchema(schemaConfig(outputs));
}
