/** What grouping needs of an image or a b-roll: its variant group (null alone) and its place in it. */
export interface VariantOf {
  id: string;
  variantGroupId?: string | null;
  variantIndex: number;
}

/**
 * A list's items with the variants of one request together, in variant order, where the group's first item
 * stood; an item without a group is a group of one.
 */
export function groupVariants<T extends VariantOf>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  const byGroup = new Map<string, T[]>();
  for (const item of items) {
    const key = item.variantGroupId;
    const known = key ? byGroup.get(key) : undefined;
    if (known) {
      known.push(item);
      continue;
    }
    const group = [item];
    if (key) byGroup.set(key, group);
    groups.push(group);
  }
  for (const group of groups) group.sort((a, b) => a.variantIndex - b.variantIndex);
  return groups;
}

/** Every variant of the group is final: one may be kept. */
export const allFinal = (group: readonly { status: string }[]) => group.every((v) => v.status !== 'PENDING');
