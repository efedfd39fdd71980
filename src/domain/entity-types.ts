// The entity types, once: what each is called by the tagger's labels, the API and the
// database. The layers read their names from here; the Prisma models (a table per type,
// its alias and mention tables) and the Nexus object types are still written per type.

export const ENTITY_TYPE_INFO = {
  PERSON: { node: "Person", table: "person", nerLabel: "PER" },
  ORGANIZATION: { node: "Organization", table: "organization", nerLabel: "ORG" },
  PLACE: { node: "Place", table: "place", nerLabel: "LOC" },
} as const;

export type EntityType = keyof typeof ENTITY_TYPE_INFO;
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_INFO) as EntityType[];
/** The GraphQL object type of an entity type (`Person`). */
export type EntityNode = (typeof ENTITY_TYPE_INFO)[EntityType]["node"];
/** The table of an entity type (`person`). */
export type EntityTable = (typeof ENTITY_TYPE_INFO)[EntityType]["table"];


type Info = typeof ENTITY_TYPE_INFO;
const byType = <K extends string, V>(key: (t: EntityType) => K, value: (t: EntityType) => V) => Object.fromEntries(ENTITY_TYPES.map((t) => [key(t), value(t)]));

/** GraphQL type to entity type (`Person` → `PERSON`). */
export const TYPE_OF_NODE = byType((t) => ENTITY_TYPE_INFO[t].node, (t) => t) as { [T in EntityType as Info[T]["node"]]: T };
/** GraphQL type to table (`Person` → `person`). */
export const TABLE_OF_NODE = byType((t) => ENTITY_TYPE_INFO[t].node, (t) => ENTITY_TYPE_INFO[t].table) as { [T in EntityType as Info[T]["node"]]: Info[T]["table"] };
/** Table to entity type (`person` → `PERSON`). */
export const TYPE_OF_TABLE = byType((t) => ENTITY_TYPE_INFO[t].table, (t) => t) as { [T in EntityType as Info[T]["table"]]: T };
/** Table to GraphQL type (`person` → `Person`). */
export const NODE_OF_TABLE = byType((t) => ENTITY_TYPE_INFO[t].table, (t) => ENTITY_TYPE_INFO[t].node) as { [T in EntityType as Info[T]["table"]]: Info[T]["node"] };
/** The tagger's label to entity type (`PER` → `PERSON`); other labels (`MISC`) are no entity. */
export const TYPE_OF_NER_LABEL = byType((t) => ENTITY_TYPE_INFO[t].nerLabel, (t) => t) as Record<string, EntityType | undefined>;
