import { invalid } from '../errors.ts';
import { rowIdOrNull } from '../ids.ts';

/**
 * The row ids of `given` (public IDs of `typename`, first to last) when they name each of `current` exactly
 * once; else a refusal at `path`, so a reorder made from a stale list changes nothing.
 */
export function displayOrder(
  given: readonly string[],
  typename: string,
  current: readonly string[],
  path: readonly string[],
): string[] {
  const ids = given.map((id) => rowIdOrNull(id, typename));
  const known = new Set(current);
  const complete =
    ids.length === known.size && new Set(ids).size === ids.length && ids.every((id) => id !== null && known.has(id));
  if (!complete) throw invalid(path, 'Give each of them once, in the new order (the list has changed: reload it).');
  return ids as string[];
}
