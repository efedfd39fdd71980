// The schema documents itself where Sandbox and GraphiQL users read it: every type,
// field, argument, input field and enum value has a description, and the page-size
// defaults and limits are stated with the numbers the code uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getNamedType, isCompositeType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { buildSchema } from "../src/graphql/schema.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../src/graphql/pagination.ts";

/** Every place of the schema that takes a description and has none, as `Type.field(arg:)`. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

test("every type, field, argument, input field and enum value is described", () => {
  assert.deepEqual(undocumented(buildSchema()), []);
});

test("the walk finds what is missing (a type, a field, an argument, an enum value)", async () => {
  const { buildSchema: fromSdl } = await import("graphql");
  const bare = fromSdl(`"""Q""" type Query { "x" a(n: Int): Int b: E } """E""" enum E { "one" ONE TWO }`);
  assert.deepEqual(undocumented(bare), ["Query.a(n:)", "Query.b", "E.TWO"]);
});

test("page arguments state the default and the limit the code applies", () => {
  const schema = buildSchema();
  const checked: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const first = field.args.find((a) => a.name === "first");
      if (!first) continue;
      checked.push(`${type.name}.${field.name}`);
      assert.match(first.description ?? "", new RegExp(`Default ${DEFAULT_PAGE_SIZE}\\b`), `${type.name}.${field.name}(first:)`);
      assert.match(first.description ?? "", new RegExp(`\\b${MAX_PAGE_SIZE}\\b`), `${type.name}.${field.name}(first:)`);
      // A ranking (topEntities) is a plain list with `first` only; connections page both ways.
      if (!getNamedType(field.type).name.endsWith("Connection")) continue;
      const last = field.args.find((a) => a.name === "last");
      assert.ok(last, `${type.name}.${field.name} takes last as well as first`);
      assert.ok(field.args.some((a) => a.name === "before"), `${type.name}.${field.name} takes before`);
    }
  }
  // The top-level lists and the nested ones.
  for (const list of ["Query.articles", "Query.quotes", "Article.people", "Article.quotes", "Person.articles", "Person.quotes", "Publisher.articles", "Place.related"]) {
    assert.ok(checked.includes(list), list);
  }
});

test("every type a read can reach carries a cache hint, so a new field does not make anonymous GETs uncacheable", () => {
  const schema = buildSchema();
  const missing = new Set<string>();
  const seen = new Set<string>();
  const visitType = (type: GraphQLNamedType) => {
    if (seen.has(type.name) || type.name.startsWith("__")) return;
    seen.add(type.name);
    if (!isCompositeType(type)) return;
    if (!(type.extensions as { cacheControl?: unknown }).cacheControl) missing.add(type.name);
    if (isUnionType(type)) for (const member of type.getTypes()) visitType(member);
    else for (const field of Object.values(type.getFields())) visitType(getNamedType(field.type));
  };
  // `ingestion` answers the state of a write in progress: never cached, on purpose.
  for (const field of Object.values(schema.getQueryType()!.getFields())) if (field.name !== "ingestion") visitType(getNamedType(field.type));
  assert.deepEqual([...missing].sort(), []);
  assert.ok(seen.has("Snippet") && seen.has("TimelineBucket") && seen.has("TopEntity") && seen.has("EntityMention"));
});
