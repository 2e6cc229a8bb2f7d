// The catalog's counts (totalCount, facets) and tag list are the same for every page, order and viewer,
// and costly to compute over the whole catalog: each is computed once per filter and TTL (one flight for
// concurrent requests), and dropped whenever the public catalog changes (`catalogChanged`, on every instance).
import { db } from '../db.ts';
import { type CatalogFilter, facetCounts, prismaWhere } from './filter.ts';

export const CATALOG_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 500;

type Entry<T> = { at: number; value: Promise<T> };

class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  get(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < CATALOG_CACHE_TTL_MS) return hit.value;
    const value = load();
    value.catch(() => this.entries.delete(key));
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
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
const tags = new TtlCache<{ id: string; slug: string; categoryId: string }[]>();
const facetTagLists = new TtlCache<{ id: string }[]>();

export function catalogCounts(f: CatalogFilter): Promise<CatalogCounts> {
  const key = JSON.stringify([f.groups.map((g) => [g.categoryId, [...g.tagIds].sort()]), f.search]);
  return counts.get(key, async () => {
    const [total, facets] = await Promise.all([db.avatar.count({ where: prismaWhere(f) }), facetCounts(f)]);
    return { total, facets };
  });
}

export const allTags = () => tags.get('all', () => db.tag.findMany({ select: { id: true, slug: true, categoryId: true } }));

/** Tag objects as a GraphQL selection wants them (the query planned from it is the key): facets, avatars' tags. */
export const facetTagList = <T extends { id: string }>(args: object, load: () => Promise<T[]>) => facetTagLists.get(JSON.stringify(args), load) as Promise<T[]>;

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

  set(key: string, body: string, at = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { at, body: Buffer.from(body) });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
const responseCaches = new Set<ResponseCache>();

/** `cache-control: no-cache` on a request asks for an answer computed now (and skips the cache). */
export const wantsFresh = (cacheControl: string | string[] | undefined) => /\bno-cache\b/i.test(String(cacheControl ?? ''));

export function clearCatalogCache(): void {
  counts.clear();
  tags.clear();
  facetTagLists.clear();
  for (const c of responseCaches) c.clear();
}
