import { describe, expect, it } from 'vitest';
import { LocalCounters, redisCounters } from './limits.ts';
import { normaliseAddress } from '../http/client-address.ts';
import { createLogger } from '../log.ts';

describe('LocalCounters', () => {
  it('refuses past the limit until the window of the first attempt ends, counting nothing meanwhile', () => {
    let now = 0;
    const c = new LocalCounters(() => now);
    const keys = [
      { key: 'account', limit: 2, windowMs: 1000 },
      { key: 'address', limit: 3, windowMs: 1000 },
    ];
    expect(c.takeNow(keys)).toEqual({ ok: true });
    now = 500;
    expect(c.takeNow(keys)).toEqual({ ok: true });
    expect(c.takeNow(keys)).toEqual({ ok: false, retryAfter: new Date(1000) });
    // The refused attempt counted on neither key: the address alone still has one left.
    expect(c.takeNow([keys[1]!])).toEqual({ ok: true });
    expect(c.takeNow([keys[1]!])).toEqual({ ok: false, retryAfter: new Date(1000) });
    now = 1000;
    expect(c.takeNow(keys)).toEqual({ ok: true });
  });

  it('gives an attempt back, and forgets a key', async () => {
    const c = new LocalCounters(() => 0);
    const key = [{ key: 'k', limit: 1, windowMs: 1000 }];
    c.takeNow(key);
    await c.refund('k');
    expect(c.takeNow(key).ok).toBe(true);
    await c.reset('k');
    expect(c.takeNow(key).ok).toBe(true);
  });
});

describe('redisCounters', () => {
  it('counts on this instance when Redis does not answer', async () => {
    const c = redisCounters('redis://127.0.0.1:1', createLogger());
    try {
      const key = [{ key: 'offline', limit: 1, windowMs: 60_000 }];
      expect(await c.take(key)).toEqual({ ok: true });
      expect((await c.take(key)).ok).toBe(false);
      await c.reset('offline');
      expect((await c.take(key)).ok).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('normaliseAddress', () => {
  it('unwraps IPv4-mapped addresses and keys IPv6 by its /64', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(normaliseAddress('2001:0DB8:00aa:bb::9')).toBe('2001:db8:aa:bb::/64');
    expect(normaliseAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(normaliseAddress('[fe80::1%eth0]')).toBe('fe80:0:0:0::/64');
  });
});
