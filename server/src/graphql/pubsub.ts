import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/** Every topic and what it carries. Publish only after the database write has committed. */
export interface Topics {
  projectUpdated: { projectId: string; kind: 'PROJECT' | 'AVATAR' | 'IMAGE' | 'BROLL' | 'EXPORT'; id: string };
  avatarUpdated: { avatarId: string };
  bRollUpdated: { bRollId: string };
  /** The public catalog changed (tags, public avatars): cached counts are dropped on every instance. */
  catalogChanged: { reason: string };
}

type Channel = `${keyof Topics}:${string}`;

export interface PubSub {
  /**
   * Returns at once: subscribers on this instance hear of it on the next turn of the event loop, other
   * instances through Redis, so that a mutation never waits for (nor is slowed by) the fan-out.
   */
  publish<T extends keyof Topics>(topic: T, key: string, payload: Topics[T]): void;
  subscribe<T extends keyof Topics>(topic: T, key: string, signal?: AbortSignal): AsyncGenerator<Topics[T]>;
  close(): Promise<void>;
}

const channel = (topic: keyof Topics, key: string): Channel => `${topic}:${key}`;

/**
 * The events of one channel, in order. Not events.on(): that keeps two fixed queues of 2,048 slots for
 * every iterator (about 32 kB), once per live subscription.
 */
function iterate<T>(emitter: EventEmitter, name: string, signal?: AbortSignal, onEnd?: () => void): AsyncGenerator<T> {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | null = null;
  let done = false;
  const listener = (payload: T) => {
    if (!waiting) return void queue.push(payload);
    const resolve = waiting;
    waiting = null;
    resolve({ value: payload, done: false });
  };
  const end = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      queue.length = 0;
      emitter.off(name, listener);
      signal?.removeEventListener('abort', onAbort);
      onEnd?.();
      waiting?.({ value: undefined, done: true });
      waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  const onAbort = () => void end();
  emitter.on(name, listener);
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) void end();
  const iterator: AsyncGenerator<T> = {
    next: () =>
      queue.length
        ? Promise.resolve({ value: queue.shift()!, done: false })
        : done
          ? Promise.resolve({ value: undefined, done: true })
          : new Promise((resolve) => (waiting = resolve)),
    return: end,
    throw: async (e: unknown) => {
      await end();
      throw e;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function inProcessPubSub(): PubSub {
  const emitter = new EventEmitter().setMaxListeners(0);
  return {
    publish(topic, key, payload) {
      setImmediate(() => emitter.emit(channel(topic, key), payload));
    },
    subscribe: (topic, key, signal) => iterate(emitter, channel(topic, key), signal),
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Events reach subscribers on every server instance sharing the Redis. Each instance delivers its own
 * events itself (as inProcessPubSub does) and skips them when Redis hands them back (`_origin`).
 */
export function redisPubSub(url: string, log: Logger): PubSub {
  const origin = randomUUID();
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // No ready check (INFO) on the subscriber: a SUBSCRIBE sent while connecting races with it, Redis refuses the
  // INFO in subscriber mode, and ioredis reconnects in a loop (redis/ioredis#2037; seen in bench:subscriptions).
  const sub = new Redis(url, { lazyConnect: false, enableReadyCheck: false });
  for (const [name, connection] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const)
    connection.on('error', (err: Error) =>
      log.warn({ event: 'pubsub.redis_error', connection: name, err }, err.message),
    );
  const emitter = new EventEmitter().setMaxListeners(0);
  const counts = new Map<string, number>();
  sub.on('message', (ch: string, message: string) => {
    const { _origin, ...payload } = JSON.parse(message) as { _origin?: string };
    if (_origin !== origin) emitter.emit(ch, payload);
  });
  const failed = (action: string) => (err: Error) =>
    log.warn({ event: 'pubsub.redis_error', action, err }, `Redis ${action} failed: ${err.message}`);
  return {
    publish(topic, key, payload) {
      const ch = channel(topic, key);
      setImmediate(() => emitter.emit(ch, payload));
      pub.publish(ch, JSON.stringify({ ...payload, _origin: origin })).catch(failed('publish'));
    },
    subscribe(topic, key, signal) {
      const ch = channel(topic, key);
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      if (counts.get(ch) === 1) sub.subscribe(ch).catch(failed('subscribe'));
      return iterate(emitter, ch, signal, () => {
        const left = (counts.get(ch) ?? 1) - 1;
        counts.set(ch, left);
        if (left) return;
        counts.delete(ch);
        sub.unsubscribe(ch).catch(() => {});
      });
    },
    async close() {
      emitter.removeAllListeners();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
