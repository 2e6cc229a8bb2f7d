// Browsing the public catalog: anyone may (anonymous callers, users, partner keys). The hottest read of
// the API: one statement for the page, the tags and counts from the catalog's caches.
import type { Deps } from '../../app/deps.ts';
import type { CatalogCounts } from '../../catalog/counts.ts';
import { cursorOf, decodeCursor } from '../../catalog/cursor.ts';
import {
  type CatalogAvatar,
  type CatalogColumn,
  type CatalogFilter,
  type CatalogOrder,
  catalogPage,
} from '../../catalog/filter.ts';
import { groupTagSlugs } from '../../catalog/taxonomy.ts';
import { andThen, type MaybePromise } from '../../catalog/ttl-cache.ts';
import type { Tag } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';
import { invalid, UnknownTagsError } from '../errors.ts';

export interface ListPublicAvatarsInput {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  /** Tag slugs: OR-ed within a category, categories AND-ed. */
  tags?: readonly string[] | null;
  /** Case-insensitive part of the name. */
  search?: string | null;
  orderBy?: CatalogOrder | null;
  /** The optional avatar columns the caller reads (omitted: all of them); the others stay undefined. */
  columns?: readonly CatalogColumn[];
}

export interface PublicAvatarEdge {
  cursor: string;
  node: CatalogAvatar;
  /** The avatar's tags, in slug order. */
  tags: Tag[];
}

export interface PublicAvatarPage {
  filter: CatalogFilter;
  edges: PublicAvatarEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** The filter's total and facet counts: the same for every page, cached per filter, computed when read. */
  counts(): MaybePromise<CatalogCounts>;
  /** Every tag with its count under the filter, in category then name order. */
  facets(): MaybePromise<{ tag: Tag; count: number }[]>;
}

export const DEFAULT_PAGE_SIZE = 24;

const checkPageSize = (name: string, value: number | null | undefined) => {
  if (value != null && (value < 1 || value > 100)) throw invalid([name], 'Must be between 1 and 100.');
};

export async function listPublicAvatars(
  deps: Pick<Deps, 'sql' | 'catalog'>,
  _actor: Actor,
  input: ListPublicAvatarsInput,
): Promise<PublicAvatarPage> {
  const { catalog } = deps;
  checkPageSize('first', input.first);
  checkPageSize('last', input.last);
  if (input.first != null && input.last != null) throw invalid(['last'], 'Give first or last, not both.');
  if ((input.tags?.length ?? 0) > 50) throw invalid(['tags'], 'At most 50 tags.');
  if ((input.search?.length ?? 0) > 100) throw invalid(['search'], 'At most 100 characters.');
  const slugs = input.tags ?? [];
  const noTags = { groups: [], unknown: [] };
  const { groups, unknown } = slugs.length ? groupTagSlugs(await catalog.taxonomy(), slugs) : noTags;
  if (unknown.length) throw new UnknownTagsError(unknown);

  const order: CatalogOrder = input.orderBy ?? 'NEWEST';
  const forward = input.last == null;
  const cursorArg = forward ? input.after : input.before;
  const cursor = cursorArg ? decodeCursor(cursorArg) : null;
  if (cursorArg && cursor?.order !== order) {
    throw invalid([forward ? 'after' : 'before'], 'Not a cursor of this list and order.');
  }
  const size = (forward ? input.first : input.last) ?? DEFAULT_PAGE_SIZE;
  const filter: CatalogFilter = { groups, search: input.search?.trim() || null };
  const rows = await catalogPage(deps.sql, filter, { order, cursor, forward, take: size + 1 }, input.columns);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (!forward) page.reverse();

  // Ids are cuids: a comma never occurs in one. A string, not text[]: pg's array parser cost more than the split.
  const lists = catalog.tagLists(page.map((node) => node.tagIds));
  const tags = lists instanceof Promise ? await lists : lists;
  const edges = page.map((node, i): PublicAvatarEdge => ({ cursor: cursorOf(order, node), node, tags: tags[i]! }));
  // Read by totalCount and facets alike: one lookup of the filter's key per page.
  let kept: MaybePromise<CatalogCounts> | undefined;
  const counts = () => (kept ??= catalog.counts(filter));
  return {
    filter,
    edges,
    pageInfo: {
      hasNextPage: forward ? more : !!cursorArg,
      hasPreviousPage: forward ? !!cursorArg : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    counts,
    facets: () =>
      andThen(counts(), ({ facets }) =>
        andThen(catalog.taxonomy(), ({ tags }) => tags.map((tag) => ({ tag, count: facets.get(tag.id) ?? 0 }))),
      ),
  };
}
