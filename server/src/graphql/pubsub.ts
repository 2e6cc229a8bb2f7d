import { EventEmitter, on } from 'node:events';
import { Redis } from 'ioredis';

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
  publish<T extends keyof Topics>(topic: T, key: string, payload: Topics[T]): Promise<void>;
  subscribe<T extends keyof Topics>(topic: T, key: string, signal?: AbortSignal): AsyncIterable<Topics[T]>;
  close(): Promise<void>;
}

const channel = (topic: keyof Topics, key: string): Channel => `${topic}:${key}`;

async function* iterate<T>(emitter: EventEmitter, name: string, signal?: AbortSignal): AsyncIterable<T> {
  try {
    for await (const [payload] of on(emitter, name, signal ? { signal } : {})) yield payload as T;
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  }
}

export function inProcessPubSub(): PubSub {
  const emitter = new EventEmitter().setMaxListeners(0);
  return {
    async publish(topic, key, payload) {
      emitter.emit(channel(topic, key), payload);
    },
    subscribe: (topic, key, signal) => iterate(emitter, channel(topic, key), signal),
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** Events reach subscribers on every server instance sharing the Redis. */
export function redisPubSub(url: string): PubSub {
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: false });
  const emitter = new EventEmitter().setMaxListeners(0);
  const counts = new Map<string, number>();
  sub.on('message', (ch: string, message: string) => emitter.emit(ch, JSON.parse(message)));
  return {
    async publish(topic, key, payload) {
      await pub.publish(channel(topic, key), JSON.stringify(payload));
    },
    async *subscribe(topic, key, signal) {
      const ch = channel(topic, key);
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      if (counts.get(ch) === 1) await sub.subscribe(ch);
      try {
        yield* iterate(emitter, ch, signal);
      } finally {
        const left = (counts.get(ch) ?? 1) - 1;
        counts.set(ch, left);
        if (!left) {
          counts.delete(ch);
          await sub.unsubscribe(ch).catch(() => {});
        }
      }
    },
    async close() {
      emitter.removeAllListeners();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
