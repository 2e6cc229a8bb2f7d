import { z } from 'zod';
import { builder } from '../builder.ts';
import { ConflictError, invalid, NotFoundError } from '../errors.ts';
import { localId } from '../ids.ts';
import { slugify } from '../slug.ts';
import type { Deps } from '../../app/deps.ts';
import { andThen } from '../../catalog/ttl-cache.ts';
import { listTagCategories } from '../../domain/catalog/list-tag-categories.ts';
import { catalogChangedEvent } from '../../domain/events.ts';
import { actorOf } from '../context.ts';

// Categories and tags come from the catalog's taxonomy cache (a few dozen rows read once per TTL), so a
// catalog page's tags, facets and categories cost no statement and no per-row Prisma selection work.
// A row the cache does not know yet (written on another instance a moment ago) is read from the database.
const categoryOf = ({ catalog, db }: Deps, id: string) =>
  andThen(catalog.taxonomy(), (t) => t.categoryById.get(id) ?? db.tagCategory.findUniqueOrThrow({ where: { id } }));
const tagsOf = ({ catalog, db }: Deps, categoryId: string) =>
  andThen(catalog.taxonomy(), (t) => t.tagsByCategory.get(categoryId) ?? db.tag.findMany({ where: { categoryId }, orderBy: [{ name: 'asc' }] }));

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
    category: t.field({ type: TagCategory, resolve: (tag, _args, ctx) => categoryOf(ctx.deps, tag.categoryId) }),
    avatarCount: t.int({
      description: 'Public avatars ready to use that carry this tag.',
      resolve: (tag, _args, ctx) => andThen(ctx.deps.catalog.counts({ groups: [], search: null }), (c) => c.facets.get(tag.id) ?? 0),
    }),
  }),
});

builder.objectField(TagCategory, 'tags', (t) => t.field({ type: [Tag], description: 'In name order.', resolve: (category, _args, ctx) => tagsOf(ctx.deps, category.id) }));

builder.queryField('tagCategories', (t) =>
  t.field({
    type: [TagCategory],
    description: 'Every category with its tags, in display order (position, then name).',
    resolve: (_root, _args, ctx) => listTagCategories(ctx.deps, actorOf(ctx)),
  }),
);

const name = z.string().trim().min(1, 'Required.').max(60, 'At most 60 characters.');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lowercase letters, digits and dashes.').max(50, 'At most 50 characters.');

function chooseSlug(given: string | null | undefined, fromName: string, path: string[]): string {
  const s = given ?? slugify(fromName);
  if (!s) throw invalid(path, 'A slug cannot be made from this name; give one.');
  return s;
}


const CreateTagCategoryInput = builder.inputType('CreateTagCategoryInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: name }), slug: t.string({ validate: slug }), position: t.int() }),
});
const CreateTagInput = builder.inputType('CreateTagInput', {
  fields: (t) => ({ categoryId: t.id({ required: true }), name: t.string({ required: true, validate: name }), slug: t.string({ validate: slug }) }),
});
const RenameInput = (typeName: string) =>
  builder.inputType(typeName, { fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }) });
const DeleteInput = (typeName: string) => builder.inputType(typeName, { fields: (t) => ({ id: t.id({ required: true }) }) });

builder.mutationFields((t) => ({
  createTagCategory: t.field({
    type: TagCategory,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateTagCategoryInput, required: true }) },
    errors: { types: [ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      const s = chooseSlug(input.slug, input.name, ['input', 'slug']);
      if (await ctx.deps.db.tagCategory.findUnique({ where: { slug: s } })) throw new ConflictError(`A category with slug "${s}" exists.`, ['input', 'slug']);
      const created = await ctx.deps.db.tagCategory.create({ data: { name: input.name.trim(), slug: s, position: input.position ?? 0 } });
      await catalogChangedEvent(ctx.deps, 'tag category created');
      return created;
    },
  }),
  renameTagCategory: t.field({
    type: TagCategory,
    authScopes: { admin: true },
    args: { input: t.arg({ type: RenameInput('RenameTagCategoryInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const id = localId(String(input.id), 'TagCategory', 'Tag category');
      const { count } = await ctx.deps.db.tagCategory.updateMany({ where: { id }, data: { name: input.name.trim() } });
      if (!count) throw new NotFoundError('Tag category', String(input.id));
      await catalogChangedEvent(ctx.deps, 'tag category renamed');
      return ctx.deps.db.tagCategory.findUniqueOrThrow({ where: { id } });
    },
  }),
  deleteTagCategory: t.id({
    authScopes: { admin: true },
    description: 'Deletes the category and its tags (avatars lose those tags). `data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteInput('DeleteTagCategoryInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const id = localId(String(input.id), 'TagCategory', 'Tag category');
      const { count } = await ctx.deps.db.tagCategory.deleteMany({ where: { id } });
      if (!count) throw new NotFoundError('Tag category', String(input.id));
      await catalogChangedEvent(ctx.deps, 'tag category deleted');
      return String(input.id);
    },
  }),
  createTag: t.field({
    type: Tag,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateTagInput, required: true }) },
    errors: { types: [ConflictError, NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const categoryId = localId(String(input.categoryId), 'TagCategory', 'Tag category');
      const s = chooseSlug(input.slug, input.name, ['input', 'slug']);
      if (!(await ctx.deps.db.tagCategory.findUnique({ where: { id: categoryId } }))) throw new NotFoundError('Tag category', String(input.categoryId));
      if (await ctx.deps.db.tag.findUnique({ where: { slug: s } })) throw new ConflictError(`A tag with slug "${s}" exists.`, ['input', 'slug']);
      const created = await ctx.deps.db.tag.create({ data: { name: input.name.trim(), slug: s, categoryId } });
      await catalogChangedEvent(ctx.deps, 'tag created');
      return created;
    },
  }),
  renameTag: t.field({
    type: Tag,
    authScopes: { admin: true },
    args: { input: t.arg({ type: RenameInput('RenameTagInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const id = localId(String(input.id), 'Tag');
      const { count } = await ctx.deps.db.tag.updateMany({ where: { id }, data: { name: input.name.trim() } });
      if (!count) throw new NotFoundError('Tag', String(input.id));
      await catalogChangedEvent(ctx.deps, 'tag renamed');
      return ctx.deps.db.tag.findUniqueOrThrow({ where: { id } });
    },
  }),
  deleteTag: t.id({
    authScopes: { admin: true },
    description: '`data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteInput('DeleteTagInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const id = localId(String(input.id), 'Tag');
      const { count } = await ctx.deps.db.tag.deleteMany({ where: { id } });
      if (!count) throw new NotFoundError('Tag', String(input.id));
      await catalogChangedEvent(ctx.deps, 'tag deleted');
      return String(input.id);
    },
  }),
}));
