// What a query selects below the field being resolved, for a resolver that reads only what is asked.
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

type Fragments = GraphQLResolveInfo['fragments'];

/** The fields of these selection sets, inline fragments and fragment spreads flattened (whatever their type). */
function fieldsOf(sets: readonly SelectionSetNode[], fragments: Fragments): FieldNode[] {
  const fields: FieldNode[] = [];
  const spread = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!spread.has(s.name.value)) {
        spread.add(s.name.value);
        const fragment = fragments[s.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return fields;
}

/**
 * Names (not aliases) of the fields selected at `path` below the resolved field, e.g. ['edges', 'node'] of a
 * connection. A superset: fields under @skip or @include, and under fragments of any type, all count.
 */
export function fieldsSelectedAt(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
): Set<string> {
  const below = (fields: readonly FieldNode[]) => fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  let sets = below(info.fieldNodes);
  for (const name of path) sets = below(fieldsOf(sets, info.fragments).filter((f) => f.name.value === name));
  return new Set(fieldsOf(sets, info.fragments).map((f) => f.name.value));
}
