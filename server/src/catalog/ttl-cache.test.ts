import { describe, expect, it } from 'vitest';
import { andThen, TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('loads once for concurrent misses, then hands the value itself until the TTL ends', async () => {
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const first = cache.get('k', load, 0);
    const second = cache.get('k', load, 10);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(await first).toBe(1);
    expect(cache.get('k', load, 999)).toBe(1);
    expect(loads).toBe(1);
    expect(await cache.get('k', load, 1_000)).toBe(2);
    expect(cache.get('other', load, 1_000)).toBeInstanceOf(Promise);
  });

  it('forgets a failed load, so the next read tries again', async () => {
    const cache = new TtlCache<string>(1_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'up', 1)).toBe('up');
  });

  it('keeps at most maxEntries, dropping the oldest written, and clears', async () => {
    const cache = new TtlCache<string>(1_000, 2);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k, 0);
    const reload = async () => 'again';
    expect(cache.get('b', reload, 1)).toBe('b');
    expect(cache.get('c', reload, 1)).toBe('c');
    expect(await cache.get('a', reload, 1)).toBe('again');
    cache.clear();
    expect(await cache.get('b', reload, 1)).toBe('again');
  });
});

describe('andThen', () => {
  it('applies at once to a value and after a promise', async () => {
    expect(andThen(2, (n) => n * 3)).toBe(6);
    expect(await andThen(Promise.resolve(2), (n) => Promise.resolve(n * 3))).toBe(6);
  });
});
