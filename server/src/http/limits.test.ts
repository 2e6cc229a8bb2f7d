import { describe, expect, it } from 'vitest';
import { CostBuckets } from './limits.ts';

describe('CostBuckets', () => {
  it('refuses past the budget and refills with time', () => {
    let now = 0;
    const b = new CostBuckets(() => now);
    b.takeNow('k', 60, 100);
    expect(() => b.takeNow('k', 60, 100)).toThrow(/Rate limit/);
    now += 12_000; // +20 tokens: 40 + 20 = 60
    expect(b.takeNow('k', 60, 100)).toBe(0);
    expect(b.takeNow('other', 0, 100)).toBe(100);
  });
});
