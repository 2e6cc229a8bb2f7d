import { type CatalogFilter, catalogTotal, facetCounts, type RunSql } from './filter.ts';

/** What a filter's every page shares: how many avatars match, and each tag's disjunctive count. */
export interface CatalogCounts {
  total: number;
  facets: Map<string, number>;
}

/** One key per filter, whatever the order of its groups' tags. */
export const countsKey = (f: CatalogFilter): string =>
  JSON.stringify([f.groups.map((g) => [g.categoryId, [...g.tagIds].sort()]), f.search]);

/** The filter's total and facets, their two statements in parallel. */
export async function loadCounts(sql: RunSql, f: CatalogFilter): Promise<CatalogCounts> {
  const [total, facets] = await Promise.all([catalogTotal(sql, f), facetCounts(sql, f)]);
  return { total, facets };
}
