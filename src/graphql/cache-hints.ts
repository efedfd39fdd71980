// HTTP caching of anonymous reads. A type or field says how long its data may be reused
// with `extensions: cacheHint(seconds)` (the `@cacheControl(maxAge:)` of SDL-first
// schemas); an operation may be reused for the least maxAge of what it selects.
//
// Apollo's cache-control plugin reads hints from SDL directives only (a Nexus schema has
// none) and wraps every field's resolver to combine them at run time. The hints here are
// per type and field, so the same answer comes from the operation's document alone:
// walked once per document (Apollo keeps parsed documents, the WeakMap keeps the answer).
import {
  getNamedType, isCompositeType, Kind, OperationTypeNode, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLSchema,
} from "graphql";

/** How long anonymous reads of the stored news may be reused: articles arrive, counts change. */
export const READ_MAX_AGE_SECONDS = 60;

export interface CacheHint {
  maxAge: number;
}

/** Nexus `extensions` of a type or field that may be cached `maxAge` seconds. */
export const cacheHint = (maxAge: number) => ({ cacheControl: { maxAge } satisfies CacheHint });

function hintOf(extensions: unknown): number | undefined {
  const hint = (extensions as { cacheControl?: CacheHint } | undefined)?.cacheControl;
  return hint?.maxAge;
}

/**
 * Seconds the operation's answer may be reused; 0 when it may not. A field's own hint
 * wins, else one returning an object, interface or union takes its type's; a scalar field
 * inherits from its parent. A composite field without a hint (`ingestion`, introspection)
 * makes the operation uncacheable, as do mutations and subscriptions.
 */
export function operationMaxAge(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): number {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return 0;
  let maxAge = Number.POSITIVE_INFINITY;
  const typeInfo = new TypeInfo(schema);
  // Every field of the document (other operations' and unused fragments' too): at worst, less caching.
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const field = typeInfo.getFieldDef();
      if (!field) return;
      const type = getNamedType(field.type);
      const hint = hintOf(field.extensions) ?? (isCompositeType(type) ? hintOf(type.extensions) ?? 0 : undefined);
      if (hint !== undefined) maxAge = Math.min(maxAge, hint);
    },
  }));
  return Number.isFinite(maxAge) ? maxAge : 0;
}

const remembered = new WeakMap<DocumentNode, Map<string, number>>();

/** operationMaxAge, once per document and operation name. */
export function cachedOperationMaxAge(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): number {
  let byName = remembered.get(document);
  if (!byName) remembered.set(document, (byName = new Map()));
  const key = operationName ?? "";
  let maxAge = byName.get(key);
  if (maxAge === undefined) byName.set(key, (maxAge = operationMaxAge(schema, document, operationName)));
  return maxAge;
}
