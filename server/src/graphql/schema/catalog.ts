// The public catalog over GraphQL: `publicAvatars` maps its arguments to listPublicAvatars and its page
// to a relay connection (plus the filter's totalCount and facets).
import {
  DEFAULT_PAGE_SIZE,
  listPublicAvatars,
  type PublicAvatarEdge,
} from '../../domain/catalog/list-public-avatars.ts';
import { andThen } from '../../catalog/ttl-cache.ts';
import type { Avatar as AvatarRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { UnknownTagsError } from '../../domain/errors.ts';
import { Avatar, PAGE_TAGS } from './avatar.ts';
import { Tag } from './tag.ts';

const CatalogOrderEnum = builder.enumType('CatalogOrder', { values: ['NEWEST', 'OLDEST', 'NAME'] as const });

const Facet = builder.objectRef<{ tag: AvatarTag; count: number }>('TagFacet').implement({
  fields: (t) => ({
    tag: t.field({ type: Tag, resolve: (f) => f.tag }),
    count: t.exposeInt('count', {
      description: 'Avatars that would match with this tag selected as well (OR within its category).',
    }),
  }),
});
type AvatarTag = PublicAvatarEdge['tags'][number];

/**
 * A page's avatar as the Avatar type reads it, with its tags given as they are (PAGE_TAGS). The Avatar
 * type's shape is the whole Prisma row, of which a page selects the columns that type's fields read
 * (CatalogAvatar, a Pick of it): the one narrowing of this file, from a Pick back to its model.
 */
const avatarOf = (edge: PublicAvatarEdge): AvatarRow =>
  Object.assign(edge.node as AvatarRow, { [PAGE_TAGS]: edge.tags });

builder.queryField('publicAvatars', (t) =>
  t.connection(
    {
      type: Avatar,
      errors: { types: [UnknownTagsError], directResult: true, union: { name: 'PublicAvatarsResult' } },
      // Its cursors are the catalog's (catalog/cursor.ts), checked by decodeCursor.
      extensions: { ownCursors: true },
      description:
        'Public avatars ready to use. Tags of one category are OR-ed, categories are AND-ed. ' +
        'Unknown tags give UnknownTagsError.',
      args: {
        tags: t.arg.stringList({
          description: 'Tag slugs, e.g. ["femme", "homme", "jeune"] = (femme OR homme) AND jeune.',
        }),
        search: t.arg.string({ description: 'Case-insensitive part of the name.' }),
        orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NEWEST' }),
      },
      complexity: (args) => {
        const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
        return { field: 2, multiplier: Math.min(100, Math.max(1, size)) };
      },
      resolve: async (_root, args, ctx) => {
        const page = await listPublicAvatars(ctx.deps, actorOf(ctx), args);
        const edges = page.edges.map((e) => ({ cursor: e.cursor, node: avatarOf(e) }));
        return { page, pageInfo: page.pageInfo, edges };
      },
    },
    {
      name: 'PublicAvatarConnection',
      fields: (t) => ({
        totalCount: t.int({ resolve: ({ page }) => andThen(page.counts(), (c) => c.total) }),
        facets: t.field({
          type: [Facet],
          description: 'Every tag with its count under the current filter, in display order (category, then tag).',
          resolve: ({ page }) => page.facets(),
        }),
      }),
    },
    { name: 'PublicAvatarEdge' },
  ),
);
