// Look-ahead for `node(id:)`: an object's lists (an article's people and quotes, a
// person's articles, related and aliases) are keyed by its id, which the global id gives
// before the row is read. Starting their loads in the same tick as the row's puts them in
// the same statement on PostgreSQL (store/read-batch.ts): an article page reads its row
// and its four lists at once instead of one level after the other. The field resolvers
// later ask the loaders for the same keys and get the same promises (DataLoader's cache).
import {
  getArgumentValues, getNamedType, isAbstractType, isObjectType, visit,
  type DirectiveNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLResolveInfo, type GraphQLSchema,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields.js";
import type { Context } from "./context.ts";
import type { RowInclude } from "../store/by-id.ts";
import type { PageParents } from "../store/edges.ts";

/**
 * A field's `extensions.prefetch`: starts the loads its resolver will make for the parent
 * with this id (whatever else the parent's row holds), from the field's arguments.
 */
export type Prefetch = (parentId: number, args: Record<string, unknown>, ctx: Context, info: PrefetchInfo) => unknown;
export interface PrefetchInfo extends Pick<GraphQLResolveInfo, "parentType"> {
  /** What the field's children bring along (`childIncludes`), as its resolver will ask. */
  include: RowInclude[];
}

/** Starts the prefetchable fields that the current field's selection asks of `typeName` with this id. */
export function prefetchSelected(info: GraphQLResolveInfo, typeName: string, parentId: number, ctx: Context): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  // Unawaited: a failure is the field's own to report, when its resolver asks again.
  for (const nodes of selectedOf(info, type)) void startField(info, type, nodes, "prefetch", (prefetch: Prefetch, args, include) => prefetch(parentId, args, ctx, { parentType: type, include }));
}

/**
 * Calls `start` with the field's `extensions[key]`, its arguments and what its children
 * bring along, where the selected field (its `nodes`) has one; settles once that has, never
 * rejecting: a failure, or bad arguments, is the field's resolver's to report.
 */
function startField<F>(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[], key: "prefetch" | "prefetchPage", start: (fn: F, args: Record<string, unknown>, include: RowInclude[]) => unknown): Promise<unknown> {
  const node = nodes[0]!;
  const field = type.getFields()[node.name.value];
  const fn = field?.extensions?.[key] as F | undefined;
  if (!field || !fn) return Promise.resolve();
  try {
    return Promise.resolve(start(fn, getArgumentValues(field, node, info.variableValues), childIncludes(info, field.type, nodes as FieldNode[]))).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

/**
 * A field's `extensions.prefetchPage`: starts, for the rows of a page read in this tick
 * (`parents`), the loads its resolver will make for each of them, so that they go out in
 * the page's statement (store/lists.ts's `entityPageRead`).
 */
export type PrefetchPage = (parents: PageParents, args: Record<string, unknown>, ctx: Context, info: PrefetchInfo) => unknown;

/**
 * Starts the fields with `extensions.prefetchPage` that the current list field (a
 * connection) selects of its children (`edges { node }`), for the page's rows `parents`.
 */
export function prefetchPageSelected(info: GraphQLResolveInfo, parents: PageParents, ctx: Context): Promise<unknown> {
  const started: Promise<unknown>[] = [];
  for (const { type, nodes: selected } of childSelections(info, info.returnType, info.fieldNodes)) {
    for (const nodes of selected.values()) started.push(startField(info, type, nodes, "prefetchPage", (prefetch: PrefetchPage, args, include) => prefetch(parents, args, ctx, { parentType: type, include })));
  }
  // Settled once every slice is kept in its loader: the rows' fields, resolved after it, find them there.
  return Promise.all(started);
}

/**
 * The subfields of `type` that the current field selects. The same document gives the
 * same ones, unless @skip or @include make them depend on variables: kept per field node.
 */
function selectedOf(info: GraphQLResolveInfo, type: GraphQLObjectType): (readonly FieldNode[])[] {
  const cacheable = info.fieldNodes.length === 1 && !conditional(info.operation, info.fragments);
  const cached = cacheable ? selectedCache.get(info.fieldNodes[0]!)?.get(type.name) : undefined;
  if (cached) return cached;
  const found = [...collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes).values()];
  if (cacheable) {
    let byType = selectedCache.get(info.fieldNodes[0]!);
    if (!byType) selectedCache.set(info.fieldNodes[0]!, (byType = new Map()));
    byType.set(type.name, found);
  }
  return found;
}
const selectedCache = new WeakMap<FieldNode, Map<string, (readonly FieldNode[])[]>>();

/** Whether the current field's selection asks for `name` of its (object) result. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return false;
  for (const [, nodes] of collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes)) {
    if (nodes[0]!.name.value === name) return true;
  }
  return false;
}

type Selection = Pick<GraphQLResolveInfo, "schema" | "fragments" | "variableValues">;

/** The object types a field's (named) type may resolve to. */
export function concreteTypes(schema: GraphQLSchema, type: GraphQLOutputType): readonly GraphQLObjectType[] {
  const named = getNamedType(type);
  if (isObjectType(named)) return [named];
  return isAbstractType(named) ? schema.getPossibleTypes(named) : [];
}

/** The subfields of `fieldNodes` on `type`, by response name. */
export function subfields(s: Selection, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
  return collectSubfields(s.schema, s.fragments as Record<string, FragmentDefinitionNode>, s.variableValues, type, fieldNodes);
}

/**
 * What the children of a list field (a connection's `edges { node }`) select that their rows
 * can bring along in the slice's statement: the fields with `extensions.include` (an
 * entity's aliases, a quote's speaker or article). The field's resolver and the prefetch of
 * `node(id:)` ask the same, so the slice loads once.
 */
export function childIncludes(s: Selection & Pick<GraphQLResolveInfo, "operation">, listType: GraphQLOutputType, fieldNodes: readonly FieldNode[]): RowInclude[] {
  // The same document gives the same answer (Apollo keeps a query's parsed document), unless @skip or @include make it depend on variables.
  const cacheable = fieldNodes.length === 1 && !conditional(s.operation, s.fragments);
  const key = getNamedType(listType).name;
  const cached = cacheable ? includeCache.get(fieldNodes[0]!)?.get(key) : undefined;
  if (cached) return cached;
  const found = findIncludes(s, listType, fieldNodes);
  if (cacheable) {
    let byType = includeCache.get(fieldNodes[0]!);
    if (!byType) includeCache.set(fieldNodes[0]!, (byType = new Map()));
    byType.set(key, found);
  }
  return found;
}

const includeCache = new WeakMap<FieldNode, Map<string, RowInclude[]>>();
const conditionalCache = new WeakMap<OperationDefinitionNode, boolean>();

/** Whether the operation's selections depend on its variables (@skip, @include), in it or its fragments. */
export function conditional(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): boolean {
  let found = conditionalCache.get(operation);
  if (found === undefined) {
    found = false;
    const look = { Directive: (d: DirectiveNode) => void ((found ||= d.name.value === "skip" || d.name.value === "include")) };
    visit(operation, look);
    for (const fragment of Object.values(fragments)) visit(fragment, look);
    conditionalCache.set(operation, found);
  }
  return found;
}

/** The children of a list field (a connection's `edges { node }`): each object type they may be, with its selected subfields. */
function childSelections(s: Selection, listType: GraphQLOutputType, fieldNodes: readonly FieldNode[]): { type: GraphQLObjectType; nodes: Map<string, readonly FieldNode[]> }[] {
  const out: { type: GraphQLObjectType; nodes: Map<string, readonly FieldNode[]> }[] = [];
  for (const connection of concreteTypes(s.schema, listType)) {
    const edgesField = connection.getFields().edges;
    if (!edgesField) continue;
    const edgeNodes = subfieldNodes(s, connection, fieldNodes, "edges");
    if (!edgeNodes.length) continue;
    for (const edge of concreteTypes(s.schema, edgesField.type)) {
      const nodeField = edge.getFields().node;
      if (!nodeField) continue;
      const nodeNodes = subfieldNodes(s, edge, edgeNodes, "node");
      if (!nodeNodes.length) continue;
      for (const child of concreteTypes(s.schema, nodeField.type)) out.push({ type: child, nodes: subfields(s, child, nodeNodes) });
    }
  }
  return out;
}

function findIncludes(s: Selection, listType: GraphQLOutputType, fieldNodes: readonly FieldNode[]): RowInclude[] {
  const found = new Set<RowInclude>();
  for (const { type, nodes: selected } of childSelections(s, listType, fieldNodes)) {
    const fields = type.getFields();
    for (const nodes of selected.values()) {
      const include = fields[nodes[0]!.name.value]?.extensions?.include as RowInclude | undefined;
      if (include) found.add(include);
    }
  }
  return [...found];
}

/** Every node selecting the field `name` (under any alias) of `type`. */
function subfieldNodes(s: Selection, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], name: string): FieldNode[] {
  return [...subfields(s, type, fieldNodes).values()].flat().filter((n) => n.name.value === name);
}
