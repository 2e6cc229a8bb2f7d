// The public catalog over GraphQL: `publicAvatars` maps its arguments to listPublicAvatars and its page
// to a relay connection (plus the filter's totalCount and facets).
import {
  DEFAULT_PAGE_SIZE,
  listPublicAvatars,
  type PublicAvatarEdge,
} from '../../domain/catalog/list-public-avatars.ts';
import { CATALOG_COLUMNS, type CatalogColumn } from '../../catalog/filter.ts';
import { andThen } from '../../catalog/ttl-cache.ts';
import type { Avatar as AvatarRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { operationDoc, WHO } from '../docs.ts';
import { fieldsSelectedAt } from '../selection.ts';
import { UnknownTagsError } from '../../domain/errors.ts';
import { Avatar, PAGE_TAGS } from './avatar.ts';
import { Tag } from './tag.ts';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

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
 * type's shape is the whole Prisma row, of which a page selects the columns the query's fields read
 * (CatalogAvatar, columnsFor): the one narrowing of this file, from those columns back to the model.
 */
const avatarOf = (edge: PublicAvatarEdge): AvatarRow =>
  Object.assign(edge.node as AvatarRow, { [PAGE_TAGS]: edge.tags });

/**
 * Avatar fields a page answers from the columns given (besides id, name, createdAt and tag ids, always read).
 * A field not named here (a field added tomorrow too) makes the page read every column.
 */
const COLUMNS_OF_FIELD = new Map<string, readonly CatalogColumn[]>([
  ['__typename', []],
  ['id', []],
  ['name', []],
  ['createdAt', []],
  ['tags', []],
  ['visibility', ['visibility']],
  ['status', ['status']],
  ['failureReason', ['failureReason']],
  ['imageUrl', ['imageStoragePath']],
  ['videoUrl', ['status', 'videoStoragePath']],
  ['aspectRatio', ['aspectRatio']],
  ['durationSeconds', ['durationSeconds']],
  ['quality', ['quality']],
  ['seed', ['seed']],
]);

/** The columns the page's avatars need for the fields this query selects of them. */
function columnsFor(fields: ReadonlySet<string>): readonly CatalogColumn[] {
  const columns = new Set<CatalogColumn>();
  for (const field of fields) {
    const needs = COLUMNS_OF_FIELD.get(field);
    if (!needs) return CATALOG_COLUMNS;
    for (const c of needs) columns.add(c);
  }
  return [...columns];
}

// By the field's node in its document (graphql-jit hands the same one to every run of a compiled query).
const columnsOfNode = new WeakMap<FieldNode, readonly CatalogColumn[]>();
const columnsAsked = (info: GraphQLResolveInfo): readonly CatalogColumn[] => {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
  let columns = node && columnsOfNode.get(node);
  if (!columns) {
    columns = columnsFor(fieldsSelectedAt(info, ['edges', 'node']));
    if (node) columnsOfNode.set(node, columns);
  }
  return columns;
};

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
      resolve: async (_root, args, ctx, info) => {
        const columns = columnsAsked(info);
        const page = await listPublicAvatars(ctx.deps, actorOf(ctx), { ...args, columns });
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
