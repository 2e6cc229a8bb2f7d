import type { PrismaClient, Tag, TagCategory } from '../generated/prisma/client.ts';
import type { CatalogFilter } from './filter.ts';

/** Every category and tag, in display order (position then name, for categories and for tags within one). */
export interface Taxonomy {
  categories: TagCategory[];
  tags: Tag[];
  categoryById: Map<string, TagCategory>;
  tagById: Map<string, Tag>;
  tagsByCategory: Map<string, Tag[]>;
  /**
   * The tag list of each set of ids asked for (tagsIn), kept with the taxonomy and dropped with it: a catalog page
   * asks for one per edge, and avatars share a few sets of tags. Callers read the lists, never change them.
   */
  listsByIds: Map<string, Tag[]>;
  /** The groups of each list of slugs asked for (groupTagSlugs) that names only known tags, kept likewise. */
  groupsBySlugs: Map<string, CatalogFilter['groups']>;
}

export type TaxonomyDb = Pick<PrismaClient, 'tagCategory' | 'tag'>;

/** The few categories and tags every catalog answer names, in one statement. */
export async function loadTaxonomy(db: TaxonomyDb): Promise<Taxonomy> {
  const categories = await db.tagCategory.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    include: { tags: { orderBy: [{ position: 'asc' }, { name: 'asc' }] } },
  });
  const tagsByCategory = new Map(categories.map(({ tags, ...c }) => [c.id, tags]));
  const plain = categories.map(({ tags: _tags, ...c }) => c);
  const tags = [...tagsByCategory.values()].flat();
  return {
    categories: plain,
    tags,
    categoryById: new Map(plain.map((c) => [c.id, c])),
    tagById: new Map(tags.map((t) => [t.id, t])),
    tagsByCategory,
    listsByIds: new Map(),
    groupsBySlugs: new Map(),
  };
}

const bySlug = (a: Tag, b: Tag) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

const MAX_LISTS = 10_000;

/**
 * Tags by id in slug order, from the taxonomy; a tag it does not know yet (written on another instance a
 * moment ago) is read from the database.
 */
export function tagsIn(taxonomy: Taxonomy, ids: readonly string[], db: TaxonomyDb): Tag[] | Promise<Tag[]> {
  return taxonomy.listsByIds.get(ids.join(',')) ?? listOf(taxonomy, ids, db);
}

/**
 * tagsIn for ids joined by commas (a catalog row's, see catalogPage): a list already kept is found by the
 * string itself, with no split or join.
 */
export function tagsInJoined(taxonomy: Taxonomy, joined: string, db: TaxonomyDb): Tag[] | Promise<Tag[]> {
  return taxonomy.listsByIds.get(joined) ?? listOf(taxonomy, joined ? joined.split(',') : [], db);
}

function listOf(taxonomy: Taxonomy, ids: readonly string[], db: TaxonomyDb): Tag[] | Promise<Tag[]> {
  const { tagById, listsByIds: lists } = taxonomy;
  const known = (tags: (Tag | undefined)[]) => tags.filter((t): t is Tag => t !== undefined).sort(bySlug);
  const missing = ids.filter((id) => !tagById.has(id));
  if (!missing.length) {
    const list = known(ids.map((id) => tagById.get(id)));
    if (lists.size < MAX_LISTS) lists.set(ids.join(','), list);
    return list;
  }
  return db.tag.findMany({ where: { id: { in: missing } } }).then((rows) => {
    const fresh = new Map(rows.map((t) => [t.id, t]));
    return known(ids.map((id) => tagById.get(id) ?? fresh.get(id)));
  });
}

/** A filter's tag groups for slugs (one group per category, by category id), and the slugs it does not know. */
export function groupTagSlugs(
  taxonomy: Taxonomy,
  slugs: readonly string[],
): { groups: CatalogFilter['groups']; unknown: string[] } {
  const key = JSON.stringify(slugs);
  const kept = taxonomy.groupsBySlugs.get(key);
  if (kept) return { groups: kept, unknown: [] };
  const wanted = [...new Set(slugs)];
  if (!wanted.length) return { groups: [], unknown: [] };
  const tags = taxonomy.tags.filter((t) => wanted.includes(t.slug));
  const found = new Set(tags.map((t) => t.slug));
  const byCategory = new Map<string, string[]>();
  for (const t of tags) byCategory.set(t.categoryId, [...(byCategory.get(t.categoryId) ?? []), t.id]);
  const groups = [...byCategory]
    .map(([categoryId, tagIds]) => ({ categoryId, tagIds }))
    .sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
  const unknown = wanted.filter((s) => !found.has(s));
  if (!unknown.length && taxonomy.groupsBySlugs.size < MAX_LISTS) taxonomy.groupsBySlugs.set(key, groups);
  return { groups, unknown };
}
