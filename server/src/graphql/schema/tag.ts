import { andThen } from '../../catalog/ttl-cache.ts';
import { listTagCategories } from '../../domain/catalog/list-tag-categories.ts';
import { createTag } from '../../domain/admin/create-tag.ts';
import { createTagCategory } from '../../domain/admin/create-tag-category.ts';
import { deleteTag } from '../../domain/admin/delete-tag.ts';
import { deleteTagCategory } from '../../domain/admin/delete-tag-category.ts';
import { renameTag } from '../../domain/admin/rename-tag.ts';
import { renameTagCategory } from '../../domain/admin/rename-tag-category.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { slug, tagName } from '../../domain/fields.ts';
import { builder } from '../builder.ts';
import { actorOf, type Context } from '../context.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

// Categories and tags come from the catalog's taxonomy cache (a few dozen rows read once per TTL), so a
// catalog page's tags, facets and categories cost no statement and no per-row Prisma selection work.
// A row the cache does not know yet (written on another instance a moment ago) is read from the database.
const categoryOf = (id: string, ctx: Context) =>
  andThen(
    ctx.deps.catalog.taxonomy(),
    (t) => t.categoryById.get(id) ?? ctx.deps.db.tagCategory.findUniqueOrThrow({ where: { id } }),
  );
const tagsOf = (categoryId: string, ctx: Context) =>
  andThen(
    ctx.deps.catalog.taxonomy(),
    (t) =>
      t.tagsByCategory.get(categoryId) ??
      ctx.deps.db.tag.findMany({ where: { categoryId }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
  );

export const TagCategory = builder.prismaNode('TagCategory', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
  }),
});

export const Tag = builder.prismaNode('Tag', {
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    position: t.exposeInt('position', { description: 'Display order within the category (then name).' }),
    category: t.field({ type: TagCategory, resolve: (tag, _args, ctx) => categoryOf(tag.categoryId, ctx) }),
    avatarCount: t.int({
      description: 'Public avatars ready to use that carry this tag.',
      resolve: (tag, _args, ctx) =>
        andThen(ctx.deps.catalog.counts({ groups: [], search: null }), (c) => c.facets.get(tag.id) ?? 0),
    }),
  }),
});

builder.objectField(TagCategory, 'tags', (t) =>
  t.field({
    type: [Tag],
    description: 'In display order (position, then name).',
    resolve: (category, _args, ctx) => tagsOf(category.id, ctx),
  }),
);

builder.queryField('tagCategories', (t) =>
  t.field({
    type: [TagCategory],
    description: 'Every category with its tags, in display order (position, then name).',
    resolve: (_root, _args, ctx) => listTagCategories(ctx.deps, actorOf(ctx)),
  }),
);

const CreateTagCategoryInput = builder.inputType('CreateTagCategoryInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: tagName }),
    slug: t.string({ validate: slug }),
    position: t.int(),
  }),
});
const CreateTagInput = builder.inputType('CreateTagInput', {
  fields: (t) => ({
    categoryId: t.id({ required: true }),
    name: t.string({ required: true, validate: tagName }),
    slug: t.string({ validate: slug }),
  }),
});
const RenameInput = (typeName: string) =>
  builder.inputType(typeName, {
    fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: tagName }) }),
  });
const DeleteInput = (typeName: string) =>
  builder.inputType(typeName, { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationFields((t) => ({
  createTagCategory: t.field({
    type: TagCategory,
    args: { input: t.arg({ type: CreateTagCategoryInput, required: true }) },
    errors: { types: [ConflictError] },
    resolve: (_root, { input }, ctx) => createTagCategory(ctx.deps, actorOf(ctx), input),
  }),
  renameTagCategory: t.field({
    type: TagCategory,
    args: { input: t.arg({ type: RenameInput('RenameTagCategoryInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => renameTagCategory(ctx.deps, actorOf(ctx), { id: input.id, name: input.name }),
  }),
  deleteTagCategory: t.id({
    description: 'Deletes the category and its tags (avatars lose those tags). `data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteInput('DeleteTagCategoryInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => (await deleteTagCategory(ctx.deps, actorOf(ctx), { id: input.id })).id,
  }),
  createTag: t.field({
    type: Tag,
    args: { input: t.arg({ type: CreateTagInput, required: true }) },
    errors: { types: [ConflictError, NotFoundError] },
    resolve: (_root, { input }, ctx) => createTag(ctx.deps, actorOf(ctx), { ...input, categoryId: input.categoryId }),
  }),
  renameTag: t.field({
    type: Tag,
    args: { input: t.arg({ type: RenameInput('RenameTagInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => renameTag(ctx.deps, actorOf(ctx), { id: input.id, name: input.name }),
  }),
  deleteTag: t.id({
    description: '`data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteInput('DeleteTagInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => (await deleteTag(ctx.deps, actorOf(ctx), { id: input.id })).id,
  }),
}));
