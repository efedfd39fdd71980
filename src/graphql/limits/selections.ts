// A measure of an operation's selections, fragments expanded, computed once per fragment:
// a document that spreads a fragment many times (a "fragment bomb") is measured in time
// linear in its text, not in its expansion.
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type FieldNode } from "graphql";

export interface Measure {
  /** The value of one field, given the measure of its own selections. */
  field(node: FieldNode, inner: number): number;
  /** Sibling selections combine with this: Math.max for depth, a sum for counts. */
  combine(a: number, b: number): number;
}

export function measureOperation(context: ValidationContext, operation: OperationDefinitionNode, measure: Measure): number {
  const fragments = new Map<string, number | "pending">();
  const ofFragment = (fragment: FragmentDefinitionNode | null | undefined): number => {
    if (!fragment) return 0;
    const known = fragments.get(fragment.name.value);
    // "pending": a cycle, which the standard NoFragmentCycles rule reports on its own.
    if (known !== undefined) return known === "pending" ? 0 : known;
    fragments.set(fragment.name.value, "pending");
    const value = ofSet(fragment.selectionSet);
    fragments.set(fragment.name.value, value);
    return value;
  };
  const ofSet = (set: SelectionSetNode | undefined): number => {
    let total = 0;
    for (const selection of set?.selections ?? []) {
      let value: number;
      if (selection.kind === Kind.FIELD) value = measure.field(selection, ofSet(selection.selectionSet));
      else if (selection.kind === Kind.INLINE_FRAGMENT) value = ofSet(selection.selectionSet);
      else value = ofFragment(context.getFragment(selection.name.value));
      total = measure.combine(total, value);
    }
    return total;
  };
  return ofSet(operation.selectionSet);
}

export const operationLabel = (operation: OperationDefinitionNode) => (operation.name ? `operation "${operation.name.value}"` : "the operation");
