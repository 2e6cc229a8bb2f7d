// Automatic persisted queries: Apollo keeps query texts by their SHA-256. Behind a load balancer each instance
// would learn every hash anew (a partner's GET by hash fails on every instance it has not reached yet), so
// with REDIS_URL the texts are kept in Redis, where every instance finds them.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/** Apollo's KeyValueCache (get, set with a TTL in seconds, delete), as `persistedQueries.cache` takes it. */
export interface QueryTextCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** Unused texts age out; a client whose hash is gone gets PERSISTED_QUERY_NOT_FOUND and sends the text again. */
const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;
const PREFIX = 'better-ads:apq:';

/**
 * Query texts in Redis. Redis not answering is a cache miss, never a failed request: the client sends
 * the text again (logged at most once a minute).
 */
export function redisQueryCache(url: string, log: Logger): { cache: QueryTextCache; close(): Promise<void> } {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, enableOfflineQueue: false });
  redis.on('error', () => {}); // reported per command below
  let warnedAt = 0;
  const unavailable = (e: unknown) => {
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    log.warn({ event: 'apq.redis_unavailable', err: e }, 'Redis did not answer: persisted queries are not shared');
  };
  const cache: QueryTextCache = {
    async get(key) {
      try {
        return (await redis.get(PREFIX + key)) ?? undefined;
      } catch (e) {
        unavailable(e);
        return undefined;
      }
    },
    async set(key, value, options) {
      const ttl = options?.ttl === null ? undefined : (options?.ttl ?? DEFAULT_TTL_SECONDS);
      try {
        if (ttl === undefined) await redis.set(PREFIX + key, value);
        else await redis.set(PREFIX + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      } catch (e) {
        unavailable(e);
      }
    },
    async delete(key) {
      try {
        return (await redis.del(PREFIX + key)) > 0;
      } catch (e) {
        unavailable(e);
        return false;
      }
    },
  };
  return {
    cache,
    async close() {
      redis.disconnect();
    },
  };
}
