import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { Tag as TagRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { updatePublicAvatar } from '../../domain/avatars/update-public-avatar.ts';
import { actorOf, type Context } from '../context.ts';
import { data } from '../docs.ts';
import { avatarDocs as d } from './avatar.docs.ts';
import { NotFoundError, UnknownTagsError } from '../../domain/errors.ts';
import { nodeRef } from '../../domain/ids.ts';
import { GenerationProgress, progressOf } from './generation-progress.ts';
import { Tag } from './tag.ts';

export const Visibility = builder.enumType('Visibility', { description: d.Visibility, values: d.visibilities });
export const GenerationStatus = builder.enumType('GenerationStatus', {
  values: d.statuses,
  description:
    'PENDING until the provider answers, then SUCCEEDED or FAILED (with a reason); CANCELLED when you cancelled it ' +
    'and the provider did not produce it.',
});

const presigned = (key: string | null, ctx: Context) => (key ? ctx.deps.storage.presignGet(key) : null);

/** Tags a catalog page read with its rows (schema/catalog.ts): given as they are, without a promise per avatar. */
export const PAGE_TAGS = Symbol('tags read with the page');

/**
 * Tags of avatars for one request, by avatar id: one statement for all the avatars a request resolves
 * (a catalog page brings its own, see PAGE_TAGS).
 */
export const avatarTags = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, TagRow[]>(async (ids) => {
      const rows = await ctx.deps.db.avatarTag.findMany({
        where: { avatarId: { in: [...ids] } },
        select: { avatarId: true, tagId: true },
      });
      const byAvatar = new Map<string, string[]>();
      for (const r of rows) byAvatar.set(r.avatarId, [...(byAvatar.get(r.avatarId) ?? []), r.tagId]);
      return Promise.all(ids.map(async (id) => ctx.deps.catalog.tagsByIds(byAvatar.get(id) ?? [])));
    }),
);

// Fields read the row as it is (no per-field Prisma selection): an avatar row is small, and a catalog
// page reads the columns these fields need in one statement of its own (schema/catalog.ts).
export const Avatar = builder.prismaNode('Avatar', {
  id: { field: 'id' },
  nullable: true,
  description: d.Avatar,
  // A finished public avatar is anyone's to see; a private one only its owner's; admins see every public one.
  findUnique: (id, ctx) => ({
    id,
    OR: [
      { visibility: 'PUBLIC', ...(ctx.viewer?.role === 'ADMIN' ? {} : { status: 'SUCCEEDED' }) },
      { userId: ctx.viewer?.id ?? '' },
    ],
  }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name, 1–100 characters.' }),
    visibility: t.expose('visibility', { type: Visibility, description: 'PRIVATE (yours) or PUBLIC (catalog).' }),
    status: t.expose('status', { type: GenerationStatus, description: 'Where its video generation stands.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: d.failureReason }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked for.' }),
    progress: t.field({
      type: GenerationProgress,
      nullable: true,
      description: d.progress,
      resolve: progressOf('AVATAR'),
    }),
    tags: t.field({
      type: [Tag],
      description: 'In slug order.',
      complexity: { field: 1, multiplier: 3 },
      resolve: (avatar, _args, ctx) =>
        (avatar as { [PAGE_TAGS]?: TagRow[] })[PAGE_TAGS] ?? avatarTags(ctx).load(avatar.id),
    }),
    imageUrl: t.string({
      nullable: true,
      description: 'Presigned GET URL of the reference image, valid 15 minutes.',
      resolve: (a, _args, ctx) => presigned(a.imageStoragePath, ctx),
    }),
    videoUrl: t.string({
      nullable: true,
      description: 'Presigned GET URL of the mute MP4, valid 15 minutes; null until SUCCEEDED.',
      resolve: (a, _args, ctx) => (a.status === 'SUCCEEDED' ? presigned(a.videoStoragePath, ctx) : null),
    }),
  }),
});

const UpdatePublicAvatarInput = builder.inputType('UpdatePublicAvatarInput', {
  description: 'A public avatar and what to change; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The global ID of a public avatar.' }),
    name: t.string({
      description: 'New display name, 1–100 characters (trimmed).',
      validate: z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.'),
    }),
    tagSlugs: t.stringList({
      description: 'Tag slugs, at most 30; replaces all its tags when given.',
      validate: z.array(z.string().max(50)).max(30, 'At most 30 tags.'),
    }),
  }),
});

builder.mutationField('updatePublicAvatar', (t) =>
  t.field({
    type: Avatar,
    authScopes: { admin: true },
    description: d.updatePublicAvatar,
    args: { input: t.arg({ type: UpdatePublicAvatarInput, required: true, description: 'What to change.' }) },
    errors: { types: [NotFoundError, UnknownTagsError], ...data('The public avatar as it is now.') },
    resolve: (_root, { input }, ctx) =>
      updatePublicAvatar(ctx.deps, actorOf(ctx), { ...input, id: nodeRef(input.id, 'Avatar') }),
  }),
);
