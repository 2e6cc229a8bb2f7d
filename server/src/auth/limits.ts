import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { sha256 } from './crypto.ts';

export interface AuthLimitSettings {
  /** A counter runs this long from the first attempt it counts, then starts again from zero. */
  failureWindowMs: number;
  /** Failed sign-ins per account (normalised email) per window; 0: no limit. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins per client address per window, whatever the emails; 0: no limit. */
  maxFailuresPerAddress: number;
  /** Sign-up attempts per client address per hour; 0: no limit. */
  maxSignUpsPerAddressPerHour: number;
}

export interface Counted {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Attempt counters: `take` counts one attempt on every key at once, unless one of them is at its limit —
 * then it counts nothing and answers when that key's window ends.
 */
export interface AttemptCounters {
  take(keys: Counted[]): Promise<{ ok: true } | { ok: false; retryAfter: Date }>;
  /** Takes one attempt back (it turned out not to be a failure). */
  refund(key: string): Promise<void>;
  /** Forgets every attempt of `key`. */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** This instance's own counters. */
export class LocalCounters implements AttemptCounters {
  private readonly counts = new Map<string, { n: number; until: number }>();
  private sweepAt = 10_000;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string, t: number) {
    const c = this.counts.get(key);
    if (c && c.until <= t) {
      this.counts.delete(key);
      return undefined;
    }
    return c;
  }

  takeNow(keys: Counted[]): { ok: true } | { ok: false; retryAfter: Date } {
    const t = this.now();
    let until = 0;
    for (const k of keys) {
      const c = this.live(k.key, t);
      if (c && c.n >= k.limit) until = Math.max(until, c.until);
    }
    if (until) return { ok: false, retryAfter: new Date(until) };
    for (const k of keys) {
      const c = this.live(k.key, t);
      if (c) c.n++;
      else this.counts.set(k.key, { n: 1, until: t + k.windowMs });
    }
    // Ended windows are dropped when read; many keys (a guesser cycling emails) are swept in bulk, less often as they
    // grow.
    if (this.counts.size > this.sweepAt) {
      for (const key of [...this.counts.keys()]) this.live(key, t);
      this.sweepAt = Math.max(10_000, this.counts.size * 2);
    }
    return { ok: true };
  }

  async take(keys: Counted[]) {
    return this.takeNow(keys);
  }

  async refund(key: string) {
    const c = this.live(key, this.now());
    if (c && c.n > 0) c.n--;
  }

  async reset(key: string) {
    this.counts.delete(key);
  }

  async close() {
    // In-process counters: nothing to release.
  }
}

// All keys checked, then all counted, in one step on the Redis server and on its clock, so instances
// neither race each other nor need synchronised clocks. ARGV holds limit and window (ms) per key.
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n >= tonumber(ARGV[i * 2 - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return { 0, tostring(now + wait) } end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[i * 2]) end
end
return { 1, tostring(now) }`;

const REFUND_SCRIPT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Counters shared by every instance on the same Redis, so a guesser gets one allowance however many
 * instances serve it. If Redis does not answer, this instance's own counters take over (logged).
 */
export function redisCounters(url: string, log: Logger): AttemptCounters {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, enableOfflineQueue: false });
  redis.on('error', () => {}); // reported per call below
  const local = new LocalCounters();
  let warnedAt = 0;
  const unavailable = (e: unknown) => {
    if (Date.now() - warnedAt > 60_000) {
      warnedAt = Date.now();
      log.warn(
        { event: 'auth_limit.redis_unavailable', err: e },
        'Redis did not answer: this instance counts sign-in attempts alone (said at most once a minute)',
      );
    }
  };
  return {
    async take(keys) {
      if (!keys.length) return { ok: true };
      let answer: [number, string];
      try {
        const args = keys.flatMap((k) => [k.limit, Math.ceil(k.windowMs)]);
        answer = (await redis.eval(TAKE_SCRIPT, keys.length, ...keys.map((k) => k.key), ...args)) as [number, string];
      } catch (e) {
        unavailable(e);
        return local.takeNow(keys);
      }
      return answer[0] === 1 ? { ok: true } : { ok: false, retryAfter: new Date(Number(answer[1])) };
    },
    async refund(key) {
      await redis.eval(REFUND_SCRIPT, 1, key).catch((e: unknown) => {
        unavailable(e);
        return local.refund(key);
      });
    },
    async reset(key) {
      await redis.del(key).catch((e: unknown) => {
        unavailable(e);
        return local.reset(key);
      });
    },
    async close() {
      redis.disconnect();
    },
  };
}

const HOUR = 3600_000;

/**
 * Sign-in and sign-up allowances. Sign-ins count as failures up front (so concurrent guesses cannot all
 * pass the check before any failure is recorded); a success then resets the account's count and gives
 * the address its attempt back.
 */
export class AuthLimits {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly settings: AuthLimitSettings,
  ) {}

  private accountKey = (email: string) => `better-ads:auth:account:${sha256(email)}`;
  private addressKey = (address: string) => `better-ads:auth:address:${address}`;

  /** Counts a sign-in attempt for `email` (normalised) from `address`, or says when one is allowed again. */
  signInAttempt(email: string, address: string) {
    const s = this.settings;
    const keys: Counted[] = [];
    if (s.maxFailuresPerAccount > 0)
      keys.push({ key: this.accountKey(email), limit: s.maxFailuresPerAccount, windowMs: s.failureWindowMs });
    if (s.maxFailuresPerAddress > 0)
      keys.push({ key: this.addressKey(address), limit: s.maxFailuresPerAddress, windowMs: s.failureWindowMs });
    return this.counters.take(keys);
  }

  /** The attempt succeeded: the account starts afresh; the address only gets this attempt back. */
  async signInSucceeded(email: string, address: string): Promise<void> {
    if (this.settings.maxFailuresPerAccount > 0) await this.counters.reset(this.accountKey(email));
    if (this.settings.maxFailuresPerAddress > 0) await this.counters.refund(this.addressKey(address));
  }

  signUpAttempt(address: string) {
    const limit = this.settings.maxSignUpsPerAddressPerHour;
    return this.counters.take(limit > 0 ? [{ key: `better-ads:auth:signup:${address}`, limit, windowMs: HOUR }] : []);
  }

  close() {
    return this.counters.close();
  }
}
