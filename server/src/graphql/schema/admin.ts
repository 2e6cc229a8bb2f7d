// Admin screens' own operations: the display order of categories and tags, and every public avatar
// whatever its status. Adapters of domain/admin; each use case refuses anyone but an admin itself.
import { z } from 'zod';
import { countPublicAvatarsForAdmin, listPublicAvatarsForAdmin } from '../../domain/admin/list-public-avatars.ts';
import { reorderTagCategories } from '../../domain/admin/reorder-tag-categories.ts';
import { reorderTags } from '../../domain/admin/reorder-tags.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { TagCategory } from './tag.ts';

const ids = z.array(z.string()).max(500, 'At most 500.');

const ReorderTagCategoriesInput = builder.inputType('ReorderTagCategoriesInput', {
  fields: (t) => ({
    ids: t.idList({ required: true, description: 'Every category, first to last.', validate: ids }),
  }),
});
const ReorderTagsInput = builder.inputType('ReorderTagsInput', {
  fields: (t) => ({
    categoryId: t.id({ required: true }),
    ids: t.idList({ required: true, description: 'Every tag of the category, first to last.', validate: ids }),
  }),
});

builder.mutationFields((t) => ({
  reorderTagCategories: t.field({
    type: [TagCategory],
    description:
      'Admins: sets every category’s `position` (0, 1, …) in the order given; `data` is the categories in it. ' +
      'A list that misses one, repeats one or names another is a ValidationError on `ids` and changes nothing.',
    args: { input: t.arg({ type: ReorderTagCategoriesInput, required: true }) },
    errors: {},
    resolve: (_root, { input }, ctx) => reorderTagCategories(ctx.deps, actorOf(ctx), { ids: input.ids.map(String) }),
  }),
  reorderTags: t.field({
    type: TagCategory,
    description:
      'Admins: sets the `position` of each of the category’s tags in the order given; `data` is the category. ' +
      'Same rules as reorderTagCategories.',
    args: { input: t.arg({ type: ReorderTagsInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      reorderTags(ctx.deps, actorOf(ctx), { categoryId: input.categoryId, ids: input.ids.map(String) }),
  }),
}));

builder.queryField('adminPublicAvatars', (t) =>
  t.prismaConnection({
    type: 'Avatar',
    cursor: 'id',
    description:
      'Admins: every public avatar, PENDING and FAILED ones included (the catalog lists only SUCCEEDED ones), ' +
      'newest first.',
    args: { search: t.arg.string({ description: 'Case-insensitive part of the name.' }) },
    totalCount: (_connection, args, ctx) => countPublicAvatarsForAdmin(ctx.deps, actorOf(ctx), args),
    resolve: (page, _root, args, ctx) => listPublicAvatarsForAdmin(ctx.deps, actorOf(ctx), args, page),
  }),
);
