import { queryFromInfo } from '@pothos/plugin-prisma';
import { z } from 'zod';
import {
  type CatalogFilter,
  type CatalogOrder,
  cursorOf,
  decodeCursor,
  facetCounts,
  keysetWhere,
  orderBy,
  prismaWhere,
  resolveTagSlugs,
} from '../../catalog/filter.ts';
import { db } from '../../db.ts';
import { builder } from '../builder.ts';
import { invalid, UnknownTagsError } from '../errors.ts';
import { Avatar } from './avatar.ts';
import { Tag } from './tag.ts';

const CatalogOrderEnum = builder.enumType('CatalogOrder', { values: ['NEWEST', 'OLDEST', 'NAME'] as const });

const Facet = builder.objectRef<{ tag: { id: string }; count: number }>('TagFacet').implement({
  fields: (t) => ({
    tag: t.field({ type: Tag, resolve: (f) => f.tag as never }),
    count: t.exposeInt('count', { description: 'Avatars that would match with this tag selected as well (OR within its category).' }),
  }),
});

const pageSize = z.number().int().min(1, 'Must be between 1 and 100.').max(100, 'Must be between 1 and 100.');

builder.queryField('publicAvatars', (t) =>
  t.connection(
    {
      type: Avatar,
      description: 'Public avatars ready to use. Tags of one category are OR-ed, categories are AND-ed.',
      args: {
        tags: t.arg.stringList({ validate: z.array(z.string().max(50, 'At most 50 characters.')).max(50, 'At most 50 tags.') }),
        search: t.arg.string({ validate: z.string().max(100, 'At most 100 characters.') }),
        orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NEWEST' }),
      },
      validate: z
        .object({ first: pageSize.nullish(), last: pageSize.nullish() })
        .refine((a) => a.first == null || a.last == null, { message: 'Give first or last, not both.', path: ['last'] }),
      complexity: (args) => ({ field: 2, multiplier: args.first ?? args.last ?? 24 }),
      errors: { types: [UnknownTagsError], directResult: true },
      resolve: async (_root, args, ctx, info) => {
        const { groups, unknown } = await resolveTagSlugs(args.tags ?? []);
        if (unknown.length) throw new UnknownTagsError(unknown);
        const order: CatalogOrder = args.orderBy ?? 'NEWEST';
        const forward = args.last == null;
        const cursorArg = forward ? args.after : args.before;
        const cursor = cursorArg ? decodeCursor(cursorArg) : null;
        if (cursorArg && (!cursor || cursor.order !== order)) throw invalid([forward ? 'after' : 'before'], 'Not a cursor of this list and order.');
        const size = (forward ? args.first : args.last) ?? 24;
        const filter: CatalogFilter = { groups, search: args.search?.trim() || null };
        const where = prismaWhere(filter);
        const rows = await db.avatar.findMany({
          ...queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'Avatar' }),
          where: cursor ? { AND: [where, keysetWhere(cursor, forward)] } : where,
          orderBy: orderBy(order, forward),
          take: size + 1,
        });
        const more = rows.length > size;
        const page = rows.slice(0, size);
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
        };
      },
    },
    {
      name: 'PublicAvatarConnection',
      fields: (t) => ({
        totalCount: t.int({
          resolve: (conn) => db.avatar.count({ where: prismaWhere((conn as unknown as { filter: CatalogFilter }).filter) }),
        }),
        facets: t.field({
          type: [Facet],
          description: 'Every tag with its count under the current filter, in category then name order.',
          resolve: async (conn, _args, ctx, info) => {
            const [counts, tags] = await Promise.all([
              facetCounts((conn as unknown as { filter: CatalogFilter }).filter),
              db.tag.findMany({
                ...queryFromInfo({ context: ctx, info, path: ['tag'], typeName: 'Tag' }),
                orderBy: [{ category: { position: 'asc' } }, { name: 'asc' }],
              }),
            ]);
            return tags.map((tag) => ({ tag, count: counts.get(tag.id) ?? 0 }));
          },
        }),
      }),
    },
  ),
);
