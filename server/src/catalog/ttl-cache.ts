/** A value, or the promise of one: cached values are handed out as they are, so resolvers stay synchronous. */
export type MaybePromise<T> = T | Promise<T>;

/** `f(value)`, at once when the value is there, after it otherwise. */
export const andThen = <T, R>(value: MaybePromise<T>, f: (v: T) => MaybePromise<R>): MaybePromise<R> =>
  value instanceof Promise ? value.then(f) : f(value);

interface Entry<T> {
  at: number;
  value: Promise<T>;
  settled?: { value: T };
}

/**
 * Values by key for `ttlMs`, at most `maxEntries` (the oldest written goes first). Concurrent misses of
 * one key share one load; a load that fails is forgotten, so the next read tries again.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /**
   * The kept value (itself once loaded: graphql-js completes a field that returns a plain value without
   * a promise per object), or the one flight loading it.
   */
  get(key: string, load: () => Promise<T>, now = Date.now()): MaybePromise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.settled ? hit.settled.value : hit.value;
    const entry: Entry<T> = { at: now, value: load() };
    entry.value.then(
      (value) => {
        entry.settled = { value };
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}
