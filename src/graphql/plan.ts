// Whether a query is answered whole by the statement its first tick sends. `node(id:)`
// starts the lists it selects with its row (./prefetch.ts), each list's children come
// with the slice and bring what is asked of them (./prefetch.ts's `childIncludes`), and on
// PostgreSQL the reads of one tick share a statement (store/postgres/read-batch.ts). When
// every field the query selects is among those, that one statement sees one committed
// state by itself, so the operation needs no snapshot (./snapshot-plugin.ts): no BEGIN and
// COMMIT around it, two statements of three on an article page. Any other field (a field
// that reads apart, a list not started with the row) leaves the operation in a snapshot.
import {
  getArgumentValues, getNamedType, isLeafType, isObjectType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields.js";
import { concreteTypes, conditional, subfields } from "./prefetch.ts";

/**
 * A root field's `extensions.planRoot`: the object type its value has, from its arguments,
 * when it reads that row in the first tick and starts the lists its selection asks there
 * (./prefetch.ts's `prefetchSelected`); undefined when it may read more first.
 */
export type PlanRoot = (args: Record<string, unknown>) => string | undefined;

/**
 * A root list field's `extensions.planPage`: whether, with these arguments, it reads its page
 * in the first tick, with its count and the lists of its rows that have `extensions.prefetchPage`
 * (./prefetch.ts's `prefetchPageSelected`), where the database batches reads.
 */
export type PlanPage = (args: Record<string, unknown>) => boolean;

type Selection = { schema: GraphQLSchema; fragments: Record<string, FragmentDefinitionNode>; variableValues: Record<string, unknown> };
type Field = GraphQLField<unknown, unknown>;

/**
 * A field whose value the row it is on already holds: a scalar or enum of the row, unless
 * marked `extensions.loads` (it reads apart: an article's body, a publisher's count).
 */
const fromRow = (field: Field) => isLeafType(getNamedType(field.type)) && !field.extensions?.loads;

/** Every field of `type` selected by `nodes` passes `ok` (`__typename` always does). */
function every(s: Selection, type: GraphQLOutputType, nodes: readonly FieldNode[], ok: (field: Field, nodes: readonly FieldNode[]) => boolean): boolean {
  const types = concreteTypes(s.schema, type);
  if (!types.length) return false;
  return types.every((object) => {
    const fields = object.getFields();
    for (const selected of subfields(s, object, nodes).values()) {
      const name = selected[0]!.name.value;
      if (name === "__typename") continue;
      const field = fields[name];
      if (!field || !ok(field, selected)) return false;
    }
    return true;
  });
}

/** Fields of a row that come with it: its own values only. */
const rowOnly = (s: Selection, type: GraphQLOutputType, nodes: readonly FieldNode[]) => every(s, type, nodes, fromRow);

/** A list's child: its own values, and what its row brings along (`extensions.include`) with that one's own values. */
const child = (s: Selection, type: GraphQLOutputType, nodes: readonly FieldNode[]) =>
  every(s, type, nodes, (field, selected) => fromRow(field) || (!!field.extensions?.include && (isLeafType(getNamedType(field.type)) || rowOnly(s, field.type, selected))));

type Check = (s: Selection, type: GraphQLOutputType, nodes: readonly FieldNode[]) => boolean;

/** A connection whose count, page info and edges' values come with it, and its nodes as `row` says. */
const connection =
  (row: Check): Check =>
  (s, type, nodes) =>
    every(s, type, nodes, (field, selected) => {
      if (fromRow(field)) return true;
      if (field.name === "pageInfo") return rowOnly(s, field.type, selected);
      if (field.name !== "edges") return false;
      return every(s, field.type, selected, (edgeField, edgeSelected) => fromRow(edgeField) || (edgeField.name === "node" && row(s, edgeField.type, edgeSelected)));
    });

/** A slice of children (a connection of offset pages): its count, page info, edges' values and children all come with the slice. */
const slice = connection(child);

/** A page's row: its values, what it brings along, and the lists started with the page (`extensions.prefetchPage`), each a slice. */
const pageRow = (s: Selection, type: GraphQLOutputType, nodes: readonly FieldNode[]) =>
  every(s, type, nodes, (field, selected) => {
    if (fromRow(field)) return true;
    if (field.extensions?.include) return isLeafType(getNamedType(field.type)) || rowOnly(s, field.type, selected);
    return !!field.extensions?.prefetchPage && slice(s, field.type, selected);
  });

/** A root page (a connection): its count, page info and edges' values, and its rows (`pageRow`). */
const page = connection(pageRow);

/** The root row's fields: its values, and the fields it starts with the row (`extensions.prefetch`). */
const root = (s: Selection, type: GraphQLObjectType, nodes: readonly FieldNode[]) =>
  every(s, type, nodes, (field, selected) => {
    if (fromRow(field)) return true;
    if (!field.extensions?.prefetch) return false;
    return isLeafType(getNamedType(field.type)) || slice(s, field.type, selected);
  });

/** Whether the query `operation` reads everything in the first tick's statement. */
export function readsInOneStatement(schema: GraphQLSchema, fragments: Record<string, FragmentDefinitionNode>, operation: OperationDefinitionNode, variableValues: Record<string, unknown>): boolean {
  const queryType = schema.getQueryType();
  if (operation.operation !== "query" || !queryType) return false;
  const s: Selection = { schema, fragments, variableValues };
  try {
    const fields = queryType.getFields();
    const roots: { type: GraphQLObjectType; nodes: readonly FieldNode[]; page: boolean }[] = [];
    // The root fields depend on the document only, unless @skip or @include make them depend on variables.
    const cacheable = !conditional(operation, fragments);
    let rootNodes = cacheable ? rootCache.get(operation) : undefined;
    if (!rootNodes) {
      rootNodes = [...collectFields(schema, fragments, variableValues, queryType, operation.selectionSet).values()];
      if (cacheable) rootCache.set(operation, rootNodes);
    }
    for (const nodes of rootNodes) {
      const node = nodes[0]!;
      if (node.name.value === "__typename") continue;
      const field = fields[node.name.value];
      const planRoot = field?.extensions?.planRoot as PlanRoot | undefined;
      const planPage = field?.extensions?.planPage as PlanPage | undefined;
      if (!field || !(planRoot || planPage)) return false;
      const args = getArgumentValues(field, node, variableValues);
      if (planPage) {
        const type = getNamedType(field.type);
        if (!planPage(args) || !isObjectType(type)) return false;
        roots.push({ type, nodes, page: true });
        continue;
      }
      const typeName = planRoot!(args);
      const type = typeName ? schema.getType(typeName) : undefined;
      if (!isObjectType(type)) return false;
      roots.push({ type, nodes, page: false });
    }
    // The rest depends on the document and the roots' types only (and, as above, on @skip or @include).
    const key = roots.map((r) => (r.page ? `[${r.type.name}]` : r.type.name)).join(",");
    const cached = cacheable ? planCache.get(operation)?.get(key) : undefined;
    if (cached !== undefined) return cached;
    const planned = roots.every(({ type, nodes, page: isPage }) => (isPage ? page(s, type, nodes) : root(s, type, nodes)));
    if (cacheable) {
      let byRoots = planCache.get(operation);
      if (!byRoots) planCache.set(operation, (byRoots = new Map()));
      byRoots.set(key, planned);
    }
    return planned;
  } catch {
    // Bad arguments or variables: the operation reports them, in a snapshot as usual.
    return false;
  }
}

const planCache = new WeakMap<OperationDefinitionNode, Map<string, boolean>>();
const rootCache = new WeakMap<OperationDefinitionNode, (readonly FieldNode[])[]>();
