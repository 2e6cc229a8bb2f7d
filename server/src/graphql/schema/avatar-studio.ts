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
import { GenerationLimitError, NotFoundError, UnknownTagsError } from '../../domain/errors.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { nodeRef } from '../../domain/ids.ts';
import { Avatar } from './avatar.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

const CreateAvatarInput = builder.inputType('CreateAvatarInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: name }),
    imageId: t.id({ required: true, description: 'A SUCCEEDED image of yours (generated, edited or uploaded).' }),
    aspectRatio: t.field({ type: VideoAspectRatio, description: "Omitted: the reference image's proportions." }),
    durationSeconds: t.int({ description: 'Seedance accepts 5 or 10 seconds (default 5).', validate: videoDuration }),
    quality: t.field({ type: VideoQuality, description: 'Default STANDARD.' }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('avatar'), validate: idempotencyKey }),
  }),
});
const CreatePublicAvatarInput = builder.inputType('CreatePublicAvatarInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: name }),
    imageId: t.id({ required: true }),
    tagSlugs: t.stringList({ required: true, validate: z.array(z.string().max(50)).max(30) }),
  }),
});
const AvatarIdInput = (n: string) => builder.inputType(n, { fields: (t) => ({ id: t.id({ required: true }) }) });
const RenameAvatarInput = builder.inputType('RenameAvatarInput', {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }),
});
const avatarRef = (id: string | number) => nodeRef(id, 'Avatar');

builder.mutationFields((t) => ({
  createAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    description: 'Returns the PENDING avatar at once; avatarUpdated / projectUpdated tell when its video is ready.',
    args: { input: t.arg({ type: CreateAvatarInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
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
    description: 'Same pipeline, PUBLIC, stored under the public paths, with catalog tags.',
    args: { input: t.arg({ type: CreatePublicAvatarInput, required: true }) },
    errors: { types: [NotFoundError, UnknownTagsError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) =>
      createPublicAvatar(ctx.deps, actorOf(ctx), { ...input, imageId: nodeRef(input.imageId, 'Image') }),
  }),
  retryAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    args: { input: t.arg({ type: AvatarIdInput('RetryAvatarInput'), required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) => retryAvatar(ctx.deps, actorOf(ctx), { id: avatarRef(input.id) }),
  }),
  renameAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    args: { input: t.arg({ type: RenameAvatarInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_r, { input }, ctx) =>
      renameAvatar(ctx.deps, actorOf(ctx), { id: avatarRef(input.id), name: input.name }),
  }),
  deleteAvatar: t.id({
    authScopes: { user: true },
    description:
      'Deletes the avatar and its image and video; a late result for it is ignored. `data` is the deleted ID. ' +
      'Admins may delete any public avatar: it leaves the catalog at once.',
    args: { input: t.arg({ type: AvatarIdInput('DeleteAvatarInput'), required: true }) },
    errors: { types: [NotFoundError] },
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
    description: 'Every change of one of your avatars (status, name); null once it is deleted.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const avatar = await findAvatarToWatch(ctx.deps, actorOf(ctx), { id: avatarRef(args.id) });
      return ctx.deps.pubsub.subscribe('avatarUpdated', avatar.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.avatar.findUnique({ where: { id: event.avatarId } }),
  }),
);
