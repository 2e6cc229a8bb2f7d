// Admin screens' own operations: the display order of categories and tags, and every public avatar
// whatever its status. Adapters of domain/admin; each use case refuses anyone but an admin itself.
import { z } from 'zod';
import { countPublicAvatarsForAdmin, listPublicAvatarsForAdmin } from '../../domain/admin/list-public-avatars.ts';
import { reorderTagCategories } from '../../domain/admin/reorder-tag-categories.ts';
import { reorderTags } from '../../domain/admin/reorder-tags.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';
import { TagCategory } from './tag.ts';

const ids = z.array(z.string()).max(500, 'At most 500.');

const ReorderTagCategoriesInput = builder.inputType('ReorderTagCategoriesInput', {
  description: 'The new order of the categories.',
  fields: (t) => ({
    ids: t.idList({ required: true, description: 'Every category, first to last (at most 500).', validate: ids }),
  }),
});
const ReorderTagsInput = builder.inputType('ReorderTagsInput', {
  description: 'The new order of the tags of one category.',
  fields: (t) => ({
    categoryId: t.id({ required: true, description: 'The global ID of the category.' }),
    ids: t.idList({
      required: true,
      description: 'Every tag of the category, first to last (at most 500).',
      validate: ids,
    }),
  }),
});

builder.mutationFields((t) => ({
  reorderTagCategories: t.field({
    type: [TagCategory],
    description: operationDoc('Sets every category’s `position` (0, 1, …) in the order given.', {
      who: WHO.admin,
      errors: 'ValidationError on `ids` (a list that misses one, repeats one or names another); nothing changes then.',
    }),
    args: { input: t.arg({ type: ReorderTagCategoriesInput, required: true, description: 'The new order.' }) },
    errors: data('The categories, in their new order.'),
    resolve: (_root, { input }, ctx) => reorderTagCategories(ctx.deps, actorOf(ctx), { ids: input.ids.map(String) }),
  }),
  reorderTags: t.field({
    type: TagCategory,
    description: operationDoc('Sets the `position` of each of the category’s tags in the order given.', {
      who: WHO.admin,
      errors: 'NotFoundError (no such category), ValidationError on `ids` (as reorderTagCategories).',
    }),
    args: { input: t.arg({ type: ReorderTagsInput, required: true, description: 'The category and its new order.' }) },
    errors: { types: [NotFoundError], ...data('The category, its tags in their new order.') },
    resolve: (_root, { input }, ctx) =>
      reorderTags(ctx.deps, actorOf(ctx), { categoryId: input.categoryId, ids: input.ids.map(String) }),
  }),
}));

builder.queryField('adminPublicAvatars', (t) =>
  t.prismaConnection({
    type: 'Avatar',
    cursor: 'id',
    description: operationDoc(
      'Every public avatar, PENDING and FAILED ones included (the catalog lists only SUCCEEDED ones), newest first.',
      { who: WHO.admin, limits: '`first`/`last` default 20, at most 100; `search` at most 100 characters.' },
    ),
    args: { search: t.arg.string({ description: 'Case-insensitive part of the name, at most 100 characters.' }) },
    totalCount: (_connection, args, ctx) => countPublicAvatarsForAdmin(ctx.deps, actorOf(ctx), args),
    resolve: (page, _root, args, ctx) => listPublicAvatarsForAdmin(ctx.deps, actorOf(ctx), args, page),
  }),
);
