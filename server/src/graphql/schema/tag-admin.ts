// Admins' taxonomy mutations: create, rename and delete tag categories and tags (their order: admin.ts).
// Adapters of domain/admin; each use case refuses anyone but an admin itself.
import { createTag } from '../../domain/admin/create-tag.ts';
import { createTagCategory } from '../../domain/admin/create-tag-category.ts';
import { deleteTag } from '../../domain/admin/delete-tag.ts';
import { deleteTagCategory } from '../../domain/admin/delete-tag-category.ts';
import { renameTag } from '../../domain/admin/rename-tag.ts';
import { renameTagCategory } from '../../domain/admin/rename-tag-category.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { slug, tagName } from '../../domain/fields.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { tagDocs as d } from './tag.docs.ts';
import { Tag, TagCategory } from './tag.ts';

const name = () => ({ required: true, description: d.name, validate: tagName }) as const;
const newSlug = () => ({ description: d.newSlug, validate: slug }) as const;
const CreateTagCategoryInput = builder.inputType('CreateTagCategoryInput', {
  description: 'A new tag category.',
  fields: (t) => ({
    name: t.string(name()),
    slug: t.string(newSlug()),
    position: t.int({ description: 'Display position (0 first); omitted: after the last category.' }),
  }),
});
const CreateTagInput = builder.inputType('CreateTagInput', {
  description: 'A new tag, last in its category.',
  fields: (t) => ({
    categoryId: t.id({ required: true, description: 'The global ID of its category.' }),
    name: t.string(name()),
    slug: t.string(newSlug()),
  }),
});
const RenameInput = (typeName: string, what: string) =>
  builder.inputType(typeName, {
    description: `A ${what} and its new name (the slug does not change).`,
    fields: (t) => ({
      id: t.id({ required: true, description: `The global ID of the ${what}.` }),
      name: t.string(name()),
    }),
  });
const DeleteInput = (typeName: string, what: string) =>
  builder.inputType(typeName, {
    description: `The ${what} to delete.`,
    fields: (t) => ({ id: t.id({ required: true, description: `The global ID of the ${what}.` }) }),
  });
const input = <T extends object>(type: T) => ({ type, required: true, description: 'What to change.' }) as const;

builder.mutationFields((t) => ({
  createTagCategory: t.field({
    type: TagCategory,
    description: d.createTagCategory,
    args: { input: t.arg(input(CreateTagCategoryInput)) },
    errors: { types: [ConflictError], ...data('The new category, without tags.') },
    resolve: (_root, { input }, ctx) => createTagCategory(ctx.deps, actorOf(ctx), input),
  }),
  renameTagCategory: t.field({
    type: TagCategory,
    description: d.renameTagCategory,
    args: { input: t.arg(input(RenameInput('RenameTagCategoryInput', 'tag category'))) },
    errors: { types: [NotFoundError], ...data('The renamed category.') },
    resolve: (_root, { input }, ctx) => renameTagCategory(ctx.deps, actorOf(ctx), { id: input.id, name: input.name }),
  }),
  deleteTagCategory: t.id({
    description: d.deleteTagCategory,
    args: { input: t.arg(input(DeleteInput('DeleteTagCategoryInput', 'tag category'))) },
    errors: { types: [NotFoundError], ...data('The global ID of the deleted category.') },
    resolve: async (_root, { input }, ctx) => (await deleteTagCategory(ctx.deps, actorOf(ctx), { id: input.id })).id,
  }),
  createTag: t.field({
    type: Tag,
    description: d.createTag,
    args: { input: t.arg(input(CreateTagInput)) },
    errors: { types: [ConflictError, NotFoundError], ...data('The new tag.') },
    resolve: (_root, { input }, ctx) => createTag(ctx.deps, actorOf(ctx), { ...input, categoryId: input.categoryId }),
  }),
  renameTag: t.field({
    type: Tag,
    description: d.renameTag,
    args: { input: t.arg(input(RenameInput('RenameTagInput', 'tag'))) },
    errors: { types: [NotFoundError], ...data('The renamed tag.') },
    resolve: (_root, { input }, ctx) => renameTag(ctx.deps, actorOf(ctx), { id: input.id, name: input.name }),
  }),
  deleteTag: t.id({
    description: d.deleteTag,
    args: { input: t.arg(input(DeleteInput('DeleteTagInput', 'tag'))) },
    errors: { types: [NotFoundError], ...data('The global ID of the deleted tag.') },
    resolve: async (_root, { input }, ctx) => (await deleteTag(ctx.deps, actorOf(ctx), { id: input.id })).id,
  }),
}));
