// Making avatars: private ones in a project, public ones for the catalog (admins). Adapters of domain/avatars.
import { z } from 'zod';
import { createAvatar } from '../../domain/avatars/create-avatar.ts';
import { createPublicAvatar } from '../../domain/avatars/create-public-avatar.ts';
import { deleteAvatar } from '../../domain/avatars/delete-avatar.ts';
import { findAvatarToWatch } from '../../domain/avatars/find-avatar-to-watch.ts';
import { renameAvatar } from '../../domain/avatars/rename-avatar.ts';
import { retryAvatar } from '../../domain/avatars/retry-avatar.ts';
import { videoDuration } from '../../domain/fields.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { avatarDocs as d } from './avatar.docs.ts';
import { GenerationLimitError, NotFoundError, UnknownTagsError } from '../../domain/errors.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { nodeRef } from '../../domain/ids.ts';
import { Avatar } from './avatar.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

const nameField = { required: true, description: 'Display name, 1–100 characters (trimmed).', validate: name } as const;
const CreateAvatarInput = builder.inputType('CreateAvatarInput', {
  description: 'A new private avatar: a mute Seedance image-to-video of a reference image.',
  fields: (t) => ({
    projectId: t.id({
      required: true,
      description: 'The global ID of one of your projects; the avatar is made there.',
    }),
    name: t.string(nameField),
    imageId: t.id({ required: true, description: 'A SUCCEEDED image of yours (generated, edited or uploaded).' }),
    aspectRatio: t.field({ type: VideoAspectRatio, description: "Omitted: the reference image's proportions." }),
    durationSeconds: t.int({ description: 'Seedance accepts 5 or 10 seconds (default 5).', validate: videoDuration }),
    quality: t.field({ type: VideoQuality, description: 'Default STANDARD.' }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('avatar'), validate: idempotencyKey }),
  }),
});
const CreatePublicAvatarInput = builder.inputType('CreatePublicAvatarInput', {
  description: "A new public catalog avatar (5 s, STANDARD, the reference image's proportions).",
  fields: (t) => ({
    name: t.string(nameField),
    imageId: t.id({ required: true, description: "A SUCCEEDED studio image of yours (the admin's)." }),
    tagSlugs: t.stringList({
      required: true,
      description: 'Catalog tag slugs, at most 30, each at most 50 characters.',
      validate: z.array(z.string().max(50)).max(30),
    }),
  }),
});
const idField = { required: true, description: 'The global ID of the avatar.' } as const;
const AvatarIdInput = (n: string, what: string) =>
  builder.inputType(n, { description: what, fields: (t) => ({ id: t.id(idField) }) });
const RenameAvatarInput = builder.inputType('RenameAvatarInput', {
  description: 'An avatar and its new name.',
  fields: (t) => ({ id: t.id(idField), name: t.string(nameField) }),
});
const input = <T extends object>(type: T) => ({ type, required: true, description: 'What to do.' }) as const;
const avatarRef = (id: string | number) => nodeRef(id, 'Avatar');

builder.mutationFields((t) => ({
  createAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    description: d.createAvatar,
    args: { input: t.arg(input(CreateAvatarInput)) },
    errors: {
      types: [NotFoundError, GenerationLimitError],
      ...data('The avatar, PENDING (or as an earlier key made it).'),
    },
    resolve: (_r, { input }, ctx) =>
      createAvatar(ctx.deps, actorOf(ctx), {
        ...input,
        projectId: nodeRef(input.projectId, 'Project'),
        imageId: nodeRef(input.imageId, 'Image'),
      }),
  }),
  createPublicAvatar: t.field({
    type: Avatar,
    authScopes: { admin: true },
    description: d.createPublicAvatar,
    args: { input: t.arg(input(CreatePublicAvatarInput)) },
    errors: { types: [NotFoundError, UnknownTagsError, GenerationLimitError], ...data('The public avatar, PENDING.') },
    resolve: (_r, { input }, ctx) =>
      createPublicAvatar(ctx.deps, actorOf(ctx), { ...input, imageId: nodeRef(input.imageId, 'Image') }),
  }),
  retryAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    description: d.retryAvatar,
    args: { input: t.arg(input(AvatarIdInput('RetryAvatarInput', 'The FAILED or CANCELLED avatar to retry.'))) },
    errors: { types: [NotFoundError, GenerationLimitError], ...data('The avatar, PENDING again.') },
    resolve: (_r, { input }, ctx) => retryAvatar(ctx.deps, actorOf(ctx), { id: avatarRef(input.id) }),
  }),
  renameAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    description: d.renameAvatar,
    args: { input: t.arg(input(RenameAvatarInput)) },
    errors: { types: [NotFoundError], ...data('The renamed avatar.') },
    resolve: (_r, { input }, ctx) =>
      renameAvatar(ctx.deps, actorOf(ctx), { id: avatarRef(input.id), name: input.name }),
  }),
  deleteAvatar: t.id({
    authScopes: { user: true },
    description: d.deleteAvatar,
    args: { input: t.arg(input(AvatarIdInput('DeleteAvatarInput', 'The avatar to delete.'))) },
    errors: { types: [NotFoundError], ...data('The global ID of the deleted avatar.') },
    resolve: async (_r, { input }, ctx) => {
      await deleteAvatar(ctx.deps, actorOf(ctx), { id: avatarRef(input.id) });
      return input.id;
    },
  }),
}));

// User.avatars and Project.avatars (with the avatars added to a project): schema/library.ts.

builder.subscriptionField('avatarUpdated', (t) =>
  t.field({
    type: Avatar,
    nullable: true,
    authScopes: { user: true },
    description: d.avatarUpdated,
    args: { id: t.arg.id({ required: true, description: 'The global ID of one of your avatars.' }) },
    subscribe: async (_root, args, ctx) => {
      const avatar = await findAvatarToWatch(ctx.deps, actorOf(ctx), { id: avatarRef(args.id) });
      return ctx.deps.pubsub.subscribe('avatarUpdated', avatar.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.avatar.findUnique({ where: { id: event.avatarId } }),
  }),
);
