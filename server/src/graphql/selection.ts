// Walking what a document selects: through inline fragments and fragment spreads, for the checks made on a
// document before it runs (catalog/operations.ts, http/limits.ts) and for a resolver that reads only what is
// asked (fieldsSelectedAt).
import { type DocumentNode, type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** What walking some selection sets found. */
export interface Selections {
  /**
   * Their fields in document order, inline fragments and fragment spreads (each fragment once) looked
   * through, whatever their type.
   */
  fields: FieldNode[];
  /** A directive on any selection walked (`@skip`, `@include`, or any other). */
  directives: boolean;
  /** A spread of a fragment that `fragmentNamed` does not know. */
  unknownFragment: boolean;
}

export function flattenSelections(
  sets: readonly SelectionSetNode[],
  fragmentNamed: (name: string) => SelectionSetNode | undefined,
): Selections {
  const out: Selections = { fields: [], directives: false, unknownFragment: false };
  const spread = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.directives?.length) out.directives = true;
      if (s.kind === Kind.FIELD) out.fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!spread.has(s.name.value)) {
        spread.add(s.name.value);
        const fragment = fragmentNamed(s.name.value);
        if (fragment) walk(fragment);
        else out.unknownFragment = true;
      }
    }
  };
  for (const set of sets) walk(set);
  return out;
}

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): (name: string) => SelectionSetNode | undefined {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  }
  return (name) => fragments.get(name);
}

/**
 * Names (not aliases) of the fields selected at `path` below the resolved field, e.g. ['edges', 'node'] of a
 * connection. A superset: fields under @skip or @include, and under fragments of any type, all count.
 */
export function fieldsSelectedAt(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
): Set<string> {
  const fragmentNamed = (name: string) => info.fragments[name]?.selectionSet;
  const fieldsOf = (sets: SelectionSetNode[]) => flattenSelections(sets, fragmentNamed).fields;
  const below = (fields: readonly FieldNode[]) => fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  let sets = below(info.fieldNodes);
  for (const name of path) sets = below(fieldsOf(sets).filter((f) => f.name.value === name));
  return new Set(fieldsOf(sets).map((f) => f.name.value));
}
