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
import { operationDoc, WHO } from '../docs.ts';
import { UnknownTagsError } from '../../domain/errors.ts';
import { Avatar, PAGE_TAGS } from './avatar.ts';
import { Tag } from './tag.ts';

const CatalogOrderEnum = builder.enumType('CatalogOrder', {
  description: 'The order of a catalog page; ties are broken by ID, so pages are stable.',
  values: {
    NEWEST: { description: 'Most recently created first (the default).' },
    OLDEST: { description: 'Oldest first.' },
    NAME: { description: 'By name, A to Z.' },
  } as const,
});

const Facet = builder.objectRef<{ tag: AvatarTag; count: number }>('TagFacet').implement({
  description: 'A tag with the number of catalog avatars it would match under the current filter.',
  fields: (t) => ({
    tag: t.field({ type: Tag, description: 'The tag.', resolve: (f) => f.tag }),
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
      description: operationDoc(
        'The public catalog: SUCCEEDED public avatars. Tags of one category are OR-ed, categories AND-ed; ' +
          "totalCount and facets are the whole filter's. Anonymous GET answers may be cached 10 s (Cache-Control).",
        {
          who: WHO.anyone,
          limits:
            '`first` or `last` 1–100 (default 24), not both; at most 50 tags; `search` at most 100 characters. ' +
            'API keys: a query-cost budget per minute (API_KEY_COST_PER_MINUTE).',
          errors: 'UnknownTagsError (slugs that name no tag), ValidationError (a bad page size or cursor).',
        },
      ),
      args: {
        tags: t.arg.stringList({
          description: 'Tag slugs, e.g. ["femme", "homme", "jeune"] = (femme OR homme) AND jeune.',
        }),
        search: t.arg.string({
          description: 'Case-insensitive part of the name (`%` and `_` are literal), at most 100 characters.',
        }),
        orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NEWEST', description: 'Default NEWEST.' }),
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
      description: 'A page of the public catalog, with the counts of the whole filter.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'Avatars matching the filter, on every page (computed once per filter, kept 10 s).',
          resolve: ({ page }) => andThen(page.counts(), (c) => c.total),
        }),
        facets: t.field({
          type: [Facet],
          description: 'Every tag with its count under the current filter, in display order (category, then tag).',
          resolve: ({ page }) => page.facets(),
        }),
      }),
    },
    { name: 'PublicAvatarEdge', description: 'A catalog avatar with its cursor.' },
  ),
);
