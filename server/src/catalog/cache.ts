// The catalog's counts (totalCount, facets) and tag list are the same for every page, order and viewer,
// and costly to compute over the whole catalog: each is computed once per filter and TTL (one flight for
// concurrent requests), and dropped whenever the public catalog changes (`catalogChanged`, on every instance).
import type { Deps } from '../app/deps.ts';
import type { Tag, TagCategory } from '../generated/prisma/client.ts';
import type { PubSub } from '../graphql/pubsub.ts';
import { type CatalogFilter, catalogTotal, facetCounts } from './filter.ts';

export const CATALOG_CACHE_TTL_MS = 10_000;

/** What the catalog reads with (transitional: the catalog's own factory will hold it). */
export type CatalogDeps = Pick<Deps, 'db' | 'sql'>;
const MAX_ENTRIES = 500;

/** A value, or the promise of one: cached values are handed out as they are, so resolvers stay synchronous. */
export type MaybePromise<T> = T | Promise<T>;

/** `f(value)`, at once when the value is there, after it otherwise. */
export const andThen = <T, R>(value: MaybePromise<T>, f: (v: T) => MaybePromise<R>): MaybePromise<R> =>
  value instanceof Promise ? value.then(f) : f(value);

type Entry<T> = { at: number; value: Promise<T>; settled?: { value: T } };

class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  /**
   * The kept value (itself once loaded: graphql-js completes a field that returns a plain value without
   * a promise per object), or the one flight loading it.
   */
  get(key: string, load: () => Promise<T>, now = Date.now()): MaybePromise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < CATALOG_CACHE_TTL_MS) return hit.settled ? hit.settled.value : hit.value;
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
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface CatalogCounts {
  total: number;
  facets: Map<string, number>;
}

const counts = new TtlCache<CatalogCounts>();
const taxonomies = new TtlCache<Taxonomy>();

export function catalogCounts(deps: CatalogDeps, f: CatalogFilter): MaybePromise<CatalogCounts> {
  const key = JSON.stringify([f.groups.map((g) => [g.categoryId, [...g.tagIds].sort()]), f.search]);
  return counts.get(key, async () => {
    const [total, facets] = await Promise.all([catalogTotal(deps, f), facetCounts(deps, f)]);
    return { total, facets };
  });
}

/** Every category and tag, in display order (category position then name; tags by name within one). */
export interface Taxonomy {
  categories: TagCategory[];
  tags: Tag[];
  categoryById: Map<string, TagCategory>;
  tagById: Map<string, Tag>;
  tagsByCategory: Map<string, Tag[]>;
}

/** The few categories and tags every catalog answer names, read once per TTL instead of once per request. */
export const taxonomy = (deps: CatalogDeps): MaybePromise<Taxonomy> =>
  taxonomies.get('all', async () => {
    const categories = await deps.db.tagCategory.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], include: { tags: { orderBy: [{ name: 'asc' }] } } });
    const tagsByCategory = new Map(categories.map(({ tags, ...c }) => [c.id, tags]));
    const plain = categories.map(({ tags: _tags, ...c }) => c);
    const tags = [...tagsByCategory.values()].flat();
    return { categories: plain, tags, categoryById: new Map(plain.map((c) => [c.id, c])), tagById: new Map(tags.map((t) => [t.id, t])), tagsByCategory };
  });

/** Tags by id in slug order, from the taxonomy; a tag it does not know yet is read from the database. */
export function tagsByIds(deps: CatalogDeps, ids: readonly string[]): MaybePromise<Tag[]> {
  return andThen(taxonomy(deps), ({ tagById }) => {
    const bySlug = (tags: (Tag | undefined)[]) =>
      tags.filter((t): t is Tag => t !== undefined).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const missing = ids.filter((id) => !tagById.has(id));
    if (!missing.length) return bySlug(ids.map((id) => tagById.get(id)));
    return deps.db.tag.findMany({ where: { id: { in: missing } } }).then((rows) => {
      const fresh = new Map(rows.map((t) => [t.id, t]));
      return bySlug(ids.map((id) => tagById.get(id) ?? fresh.get(id)));
    });
  });
}

/**
 * Whole answers to anonymous catalog requests (the same for every anonymous caller), by request, for the
 * same TTL as the counts and dropped with them on any catalog change. Presigned URLs in them stay valid
 * far longer (15 min) than an answer is kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { at: number; body: Buffer }>();

  constructor() {
    responseCaches.add(this);
  }

  /** The answer's bytes, encoded once when kept. */
  get(key: string, now = Date.now()): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < CATALOG_CACHE_TTL_MS) return hit.body;
    if (hit) this.entries.delete(key);
    return undefined;
  }

  set(key: string, body: string | Buffer, at = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { at, body: typeof body === 'string' ? Buffer.from(body) : body });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
const responseCaches = new Set<ResponseCache>();

/** `cache-control: no-cache` on a request asks for an answer computed now (and skips the cache). */
export const wantsFresh = (cacheControl: string | string[] | undefined) => /\bno-cache\b/i.test(String(cacheControl ?? ''));

/**
 * The public catalog changed: drops this instance's caches at once (the answer that follows, a
 * mutation's own, reads them), then tells every instance (each clears on the event).
 */
export function catalogChanged(pubsub: PubSub, reason: string): Promise<void> {
  clearCatalogCache();
  return pubsub.publish('catalogChanged', 'all', { reason });
}

export function clearCatalogCache(): void {
  counts.clear();
  taxonomies.clear();
  for (const c of responseCaches) c.clear();
}
