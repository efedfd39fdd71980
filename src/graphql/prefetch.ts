// Look-ahead for `node(id:)`: an object's lists (an article's people and quotes, a
// person's articles, related and aliases) are keyed by its id, which the global id gives
// before the row is read. Starting their loads in the same tick as the row's puts them in
// the same statement on PostgreSQL (store/read-batch.ts): an article page reads its row
// and its four lists at once instead of one level after the other. The field resolvers
// later ask the loaders for the same keys and get the same promises (DataLoader's cache).
import { getArgumentValues, getNamedType, isObjectType, type GraphQLResolveInfo } from "graphql";
import { collectSubfields } from "graphql/execution/collectFields.js";
import type { Context } from "./context.ts";

/**
 * A field's `extensions.prefetch`: starts the loads its resolver will make for the parent
 * with this id (whatever else the parent's row holds), from the field's arguments.
 */
export type Prefetch = (parentId: number, args: Record<string, unknown>, ctx: Context, info: Pick<GraphQLResolveInfo, "parentType">) => unknown;

/** Starts the prefetchable fields that the current field's selection asks of `typeName` with this id. */
export function prefetchSelected(info: GraphQLResolveInfo, typeName: string, parentId: number, ctx: Context): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  const fields = type.getFields();
  for (const [, nodes] of collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes)) {
    const node = nodes[0]!;
    const field = fields[node.name.value];
    const prefetch = field?.extensions?.prefetch as Prefetch | undefined;
    if (!field || !prefetch) continue;
    try {
      // Unawaited: a failure is the field's own to report, when its resolver asks again.
      void Promise.resolve(prefetch(parentId, getArgumentValues(field, node, info.variableValues), ctx, { parentType: type })).catch(() => undefined);
    } catch {
      // Bad arguments: the field's resolver reports them.
    }
  }
}

/** Whether the current field's selection asks for `name` of its (object) result. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return false;
  for (const [, nodes] of collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes)) {
    if (nodes[0]!.name.value === name) return true;
  }
  return false;
}
