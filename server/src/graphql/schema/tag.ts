import { andThen } from '../../catalog/ttl-cache.ts';
import { listTagCategories } from '../../domain/catalog/list-tag-categories.ts';
import { builder } from '../builder.ts';
import { actorOf, type Context } from '../context.ts';
import { tagDocs as d } from './tag.docs.ts';

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
  description: d.TagCategory,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: d.slug }),
    name: t.exposeString('name', { description: 'Display name, 1–60 characters.' }),
    position: t.exposeInt('position', { description: 'Display order among categories (then name).' }),
  }),
});

export const Tag = builder.prismaNode('Tag', {
  id: { field: 'id' },
  nullable: true,
  description: d.Tag,
  fields: (t) => ({
    slug: t.exposeString('slug', { description: d.tagSlug }),
    name: t.exposeString('name', { description: 'Display name, 1–60 characters (a filter chip).' }),
    position: t.exposeInt('position', { description: 'Display order within the category (then name).' }),
    category: t.field({
      type: TagCategory,
      description: 'The category it belongs to.',
      resolve: (tag, _args, ctx) => categoryOf(tag.categoryId, ctx),
    }),
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
    description: d.tagCategories,
    resolve: (_root, _args, ctx) => listTagCategories(ctx.deps, actorOf(ctx)),
  }),
);
