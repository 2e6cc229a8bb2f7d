// Catalog filter state: the selected tag slugs, grouped per category for display.
// The API does the semantics (OR within a category, AND across): the client sends the slugs.

export interface FacetTag {
  slug: string;
  name: string;
  category: { slug: string; name?: string };
}
export interface Facet {
  tag: FacetTag;
  count: number;
}
export interface FacetGroup {
  slug: string;
  name: string;
  tags: { slug: string; name: string; count: number; selected: boolean }[];
}

/** The `tags` argument for a selection: sorted and unique, so one selection = one cache entry; null when empty. */
export function tagsArgument(selected: Iterable<string>): string[] | null {
  const tags = [...new Set(selected)].sort();
  return tags.length ? tags : null;
}

/** Adds or removes a slug. */
export function toggleTag(selected: readonly string[], slug: string): string[] {
  return selected.includes(slug) ? selected.filter((s) => s !== slug) : [...selected, slug];
}

/** Removes every selected tag of one category. */
export function clearCategory(selected: readonly string[], facets: readonly Facet[], category: string): string[] {
  const inCategory = new Set(facets.filter((f) => f.tag.category.slug === category).map((f) => f.tag.slug));
  return selected.filter((s) => !inCategory.has(s));
}

/**
 * Facets grouped by category, in the API's order (category, then name), with category names taken
 * from `categories` when known.
 */
export function groupFacets(
  facets: readonly Facet[],
  selected: readonly string[],
  categories: readonly { slug: string; name: string }[] = [],
): FacetGroup[] {
  const names = new Map(categories.map((c) => [c.slug, c.name]));
  const groups: FacetGroup[] = [];
  const bySlug = new Map<string, FacetGroup>();
  for (const f of facets) {
    const cat = f.tag.category.slug;
    let g = bySlug.get(cat);
    if (!g) {
      g = { slug: cat, name: names.get(cat) ?? f.tag.category.name ?? cat, tags: [] };
      bySlug.set(cat, g);
      groups.push(g);
    }
    g.tags.push({ slug: f.tag.slug, name: f.tag.name, count: f.count, selected: selected.includes(f.tag.slug) });
  }
  return groups;
}

/** A human summary of the filter, e.g. "(Femme or Homme) and Jeune". */
export function describeFilter(groups: readonly FacetGroup[]): string {
  const parts = groups
    .map((g) => g.tags.filter((t) => t.selected).map((t) => t.name))
    .filter((names) => names.length)
    .map((names) => (names.length > 1 ? `(${names.join(' or ')})` : names[0]));
  return parts.join(' and ');
}
