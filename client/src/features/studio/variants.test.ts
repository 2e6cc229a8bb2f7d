import { describe, expect, it } from 'vitest';
import { allFinal, groupVariants } from './variants.ts';

describe('groupVariants', () => {
  it('puts the variants of a request together in variant order, where the first of them stood', () => {
    const items = [
      { id: 'a', variantGroupId: null, variantIndex: 0 },
      { id: 'g2', variantGroupId: 'g', variantIndex: 2 },
      { id: 'b', variantGroupId: null, variantIndex: 0 },
      { id: 'g0', variantGroupId: 'g', variantIndex: 0 },
      { id: 'g1', variantGroupId: 'g', variantIndex: 1 },
    ];
    expect(groupVariants(items).map((g) => g.map((i) => i.id))).toEqual([['a'], ['g0', 'g1', 'g2'], ['b']]);
  });

  it('knows when a group may be picked from', () => {
    expect(allFinal([{ status: 'SUCCEEDED' }, { status: 'FAILED' }])).toBe(true);
    expect(allFinal([{ status: 'SUCCEEDED' }, { status: 'PENDING' }])).toBe(false);
  });
});
