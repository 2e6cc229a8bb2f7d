import { describe, expect, it } from 'vitest';
import { CostBuckets } from './limits.ts';

describe('CostBuckets', () => {
  it('refuses past the budget and refills with time', () => {
    let now = 0;
    const b = new CostBuckets(() => now);
    b.take('k', 60, 100);
    expect(() => b.take('k', 60, 100)).toThrow(/Rate limit/);
    now += 12_000; // +20 tokens: 40 + 20 = 60
    expect(() => b.take('k', 60, 100)).not.toThrow();
    expect(b.remaining('k', 100)).toBe(0);
    expect(b.remaining('other', 100)).toBe(100);
  });
});
