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

export function clearCatalogCache(): void {
  counts.clear();
  tags.clear();
  facetTagLists.clear();
}
