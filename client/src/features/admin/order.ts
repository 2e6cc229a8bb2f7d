/** `ids` with the one at `index` moved by `by` places (−1 up, +1 down); unchanged at either end. */
export function moved<T>(ids: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
