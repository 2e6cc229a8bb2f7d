import { type CatalogFilter, type CatalogOrder, catalogPage, cursorOf, decodeCursor, resolveTagSlugs } from '../../catalog/filter.ts';
import { andThen, catalogCounts, tagsByIds, taxonomy } from '../../catalog/cache.ts';
import { builder } from '../builder.ts';
import { invalid, UnknownTagsError } from '../errors.ts';
import { Avatar, PAGE_TAGS } from './avatar.ts';
import { Tag } from './tag.ts';

const CatalogOrderEnum = builder.enumType('CatalogOrder', { values: ['NEWEST', 'OLDEST', 'NAME'] as const });

const Facet = builder.objectRef<{ tag: { id: string }; count: number }>('TagFacet').implement({
  fields: (t) => ({
    tag: t.field({ type: Tag, resolve: (f) => f.tag as never }),
    count: t.exposeInt('count', { description: 'Avatars that would match with this tag selected as well (OR within its category).' }),
  }),
});

type Page = { filter: CatalogFilter; edges: { node: { id: string }; cursor: string }[]; pageInfo: object };

const PublicAvatarConnection = builder.connectionObject(
  {
    type: Avatar,
    name: 'PublicAvatarConnection',
    fields: (t) => ({
      totalCount: t.int({ resolve: (conn, _args, ctx) => andThen(catalogCounts(ctx.deps, (conn as unknown as Page).filter), (c) => c.total) }),
      facets: t.field({
        type: [Facet],
        description: 'Every tag with its count under the current filter, in category then name order.',
        resolve: (conn, _args, ctx) =>
          andThen(catalogCounts(ctx.deps, (conn as unknown as Page).filter), ({ facets: counts }) =>
            andThen(taxonomy(ctx.deps), ({ tags }) => tags.map((tag) => ({ tag, count: counts.get(tag.id) ?? 0 }))),
          ),
      }),
    }),
  },
  { name: 'PublicAvatarEdge' },
);

const pageSize = (name: string, value: number | null | undefined) => {
  if (value != null && (value < 1 || value > 100)) throw invalid([name], 'Must be between 1 and 100.');
};

builder.queryField('publicAvatars', (t) =>
  t.field({
    type: PublicAvatarConnection,
    errors: { types: [UnknownTagsError], directResult: true, union: { name: 'PublicAvatarsResult' } },
    // Its cursors are the catalog's (catalog/filter.ts), checked by decodeCursor.
    extensions: { ownCursors: true },
    description: 'Public avatars ready to use. Tags of one category are OR-ed, categories are AND-ed. Unknown tags give UnknownTagsError.',
    args: {
      ...t.arg.connectionArgs(),
      tags: t.arg.stringList({ description: 'Tag slugs, e.g. ["femme", "homme", "jeune"] = (femme OR homme) AND jeune.' }),
      search: t.arg.string({ description: 'Case-insensitive part of the name.' }),
      orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NEWEST' }),
    },
    complexity: (args) => ({ field: 2, multiplier: Math.min(100, Math.max(1, args.first ?? args.last ?? 24)) }),
    resolve: async (_root, args, ctx) => {
        pageSize('first', args.first);
        pageSize('last', args.last);
        if (args.first != null && args.last != null) throw invalid(['last'], 'Give first or last, not both.');
        if ((args.tags?.length ?? 0) > 50) throw invalid(['tags'], 'At most 50 tags.');
        if ((args.search?.length ?? 0) > 100) throw invalid(['search'], 'At most 100 characters.');
        const { groups, unknown } = await resolveTagSlugs(ctx.deps, args.tags ?? []);
        if (unknown.length) throw new UnknownTagsError(unknown);
        const order: CatalogOrder = args.orderBy ?? 'NEWEST';
        const forward = args.last == null;
        const cursorArg = forward ? args.after : args.before;
        const cursor = cursorArg ? decodeCursor(cursorArg) : null;
        if (cursorArg && (!cursor || cursor.order !== order)) throw invalid([forward ? 'after' : 'before'], 'Not a cursor of this list and order.');
        const size = (forward ? args.first : args.last) ?? 24;
        const filter: CatalogFilter = { groups, search: args.search?.trim() || null };
        const rows = await catalogPage(ctx.deps, filter, order, cursor, forward, size + 1);
        const more = rows.length > size;
        const page = rows.slice(0, size);
        for (const row of page) {
          const tags = tagsByIds(ctx.deps, row.tagIds);
          Object.assign(row, { [PAGE_TAGS]: tags instanceof Promise ? await tags : tags });
        }
        if (!forward) page.reverse();
        const edges = page.map((node) => ({ node, cursor: cursorOf(order, node) }));
        return {
          filter,
          edges,
          pageInfo: {
            hasNextPage: forward ? more : !!cursorArg,
            hasPreviousPage: forward ? !!cursorArg : more,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        } as never;
    },
  }),
);
