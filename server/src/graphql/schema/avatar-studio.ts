// Making avatars: private ones in a project, public ones for the catalog (admins); same pipeline.
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../../db.ts';
import { z } from 'zod';
import { seedanceImageToVideoInput } from '../../fal/models.ts';
import type { Pipeline } from '../../generation/pipeline.ts';
import { keys } from '../../storage/keys.ts';
import type { Storage } from '../../storage/storage.ts';
import { builder } from '../builder.ts';
import { GenerationLimitError, invalid, NotFoundError, UnknownTagsError } from '../errors.ts';
import { reserveGeneration, reserveIdempotent, retryReset, type Tx } from '../../generation/limits.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { localId } from '../ids.ts';
import { Avatar, tagIdsFor } from './avatar.ts';
import { readyImage } from './image.ts';
import { ownProject, Project } from './project.ts';
import { catalogChangedEvent } from '../../domain/events.ts';
import { User } from './user.ts';

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

/**
 * Copies the studio image to the avatar's own key. The studio image may vanish between the check and the
 * copy (the TTL sweep, a delete in another tab): the avatar then fails with a reason, not the request with a 500.
 */
async function copyReference(avatarId: string, fromKey: string, toKey: string, storage: Storage, pipeline: Pipeline): Promise<boolean> {
  try {
    await storage.copy(fromKey, toKey);
  } catch (e) {
    await pipeline.finish(
      { kind: 'AVATAR', id: avatarId },
      { status: 'FAILED', failureReason: `The reference image is no longer available (${(e as Error).message}). Pick or make another one.` },
    );
    return false;
  }
  await pipeline.deps.db.avatar.update({ where: { id: avatarId }, data: { imageStoragePath: toKey } });
  return true;
}

/** Hands fal a URL of the avatar's reference, submits Seedance (mute). */
async function startAvatar(avatarId: string, imageKey: string, contentType: string, storage: Storage, pipeline: Pipeline) {
  const uploaded = await pipeline.deps.gateway.uploadFile(await storage.get(imageKey), contentType);
  if (!uploaded.ok) {
    await pipeline.finish({ kind: 'AVATAR', id: avatarId }, { status: 'FAILED', failureReason: `The generator could not be reached (${uploaded.error.message}). Try again.` });
    return;
  }
  await pipeline.submit({ kind: 'AVATAR', id: avatarId }, 'fal-ai/bytedance/seedance/v1/pro/image-to-video', seedanceImageToVideoInput({ imageUrl: uploaded.value.url }));
  await pipeline.publish({ kind: 'AVATAR', id: avatarId });
}

const CreateAvatarInput = builder.inputType('CreateAvatarInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: name }),
    imageId: t.id({ required: true, description: 'A SUCCEEDED image of yours (generated, edited or uploaded).' }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('avatar'), validate: idempotencyKey }),
  }),
});
const CreatePublicAvatarInput = builder.inputType('CreatePublicAvatarInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: name }), imageId: t.id({ required: true }), tagSlugs: t.stringList({ required: true, validate: z.array(z.string().max(50)).max(30) }) }),
});
const AvatarIdInput = (n: string) => builder.inputType(n, { fields: (t) => ({ id: t.id({ required: true }) }) });
const RenameAvatarInput = builder.inputType('RenameAvatarInput', { fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }) });

async function ownAvatar(db: PrismaClient, globalId: string, viewer: { id: string; role: string }) {
  const id = localId(globalId, 'Avatar');
  const avatar = await db.avatar.findFirst({ where: { id, OR: [{ userId: viewer.id }, ...(viewer.role === 'ADMIN' ? [{ visibility: 'PUBLIC' as const }] : [])] } });
  if (!avatar) throw new NotFoundError('Avatar', globalId);
  return avatar;
}

builder.mutationFields((t) => ({
  createAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    description: 'Returns the PENDING avatar at once; avatarUpdated / projectUpdated tell when its video is ready.',
    args: { input: t.arg({ type: CreateAvatarInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const userId = ctx.viewer!.id;
      const idempotencyKey = input.idempotencyKey ?? null;
      const earlier = (client: Tx | PrismaClient) => (idempotencyKey ? client.avatar.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } }) : Promise.resolve(null));
      const replayed = await earlier(ctx.deps.db);
      if (replayed) return replayed;
      const project = await ownProject(ctx.deps.db, String(input.projectId), userId);
      const image = await readyImage(ctx.deps.db, String(input.imageId), userId, { toAnimate: true });
      const contentType = image.contentType ?? 'image/png';
      const { row: avatar, created } = await reserveIdempotent(ctx.deps, ctx.viewer!, 'AVATAR', earlier, (tx) =>
        tx.avatar.create({
          data: { name: input.name.trim(), visibility: 'PRIVATE', userId, projectId: project.id, sourceImageId: image.id, idempotencyKey },
        }),
      );
      // Only the request that wrote the row copies the reference and submits: one key, one fal bill.
      if (!created) return avatar;
      const key = keys.privateAvatarImage(userId, avatar.id, contentType);
      if (await copyReference(avatar.id, image.storagePath, key, ctx.storage, ctx.pipeline)) await startAvatar(avatar.id, key, contentType, ctx.storage, ctx.pipeline);
      return ctx.deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
    },
  }),
  createPublicAvatar: t.field({
    type: Avatar,
    authScopes: { admin: true },
    description: 'Same pipeline, PUBLIC, stored under the public paths, with catalog tags.',
    args: { input: t.arg({ type: CreatePublicAvatarInput, required: true }) },
    errors: { types: [NotFoundError, UnknownTagsError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const image = await readyImage(ctx.deps.db, String(input.imageId), ctx.viewer!.id, { toAnimate: true });
      const tagIds = await tagIdsFor(ctx.deps.db, input.tagSlugs);
      const contentType = image.contentType ?? 'image/png';
      const avatar = await reserveGeneration(ctx.deps, ctx.viewer!, 'AVATAR', (tx) =>
        tx.avatar.create({ data: { name: input.name.trim(), visibility: 'PUBLIC', sourceImageId: image.id, tags: { create: tagIds.map((tagId) => ({ tagId })) } } }),
      );
      const key = keys.publicAvatarImage(avatar.id, contentType);
      if (await copyReference(avatar.id, image.storagePath, key, ctx.storage, ctx.pipeline)) await startAvatar(avatar.id, key, contentType, ctx.storage, ctx.pipeline);
      return ctx.deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
    },
  }),
  retryAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    args: { input: t.arg({ type: AvatarIdInput('RetryAvatarInput'), required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const avatar = await ownAvatar(ctx.deps.db, String(input.id), ctx.viewer!);
      if (avatar.status !== 'FAILED') throw invalid(['input', 'id'], 'Only a FAILED avatar can be retried.');
      if (!avatar.imageStoragePath) throw invalid(['input', 'id'], 'This avatar has no reference image left; create a new one.');
      const retried = await reserveGeneration(ctx.deps, ctx.viewer!, 'AVATAR', async (tx) => {
        const { count } = await tx.avatar.updateMany({
          where: { id: avatar.id, status: 'FAILED' },
          data: retryReset(),
        });
        return count ? { id: avatar.id } : null;
      });
      if (retried) {
        const contentType = avatar.imageStoragePath.endsWith('.jpg') ? 'image/jpeg' : avatar.imageStoragePath.endsWith('.webp') ? 'image/webp' : 'image/png';
        await startAvatar(avatar.id, avatar.imageStoragePath, contentType, ctx.storage, ctx.pipeline);
      }
      return ctx.deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
    },
  }),
  renameAvatar: t.field({
    type: Avatar,
    authScopes: { user: true },
    args: { input: t.arg({ type: RenameAvatarInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const avatar = await ownAvatar(ctx.deps.db, String(input.id), ctx.viewer!);
      const updated = await ctx.deps.db.avatar.update({ where: { id: avatar.id }, data: { name: input.name.trim() } });
      await ctx.pipeline.publish({ kind: 'AVATAR', id: avatar.id });
      if (avatar.visibility === 'PUBLIC') await catalogChangedEvent(ctx.deps, 'public avatar renamed');
      return updated;
    },
  }),
  deleteAvatar: t.id({
    authScopes: { user: true },
    description: 'Deletes the avatar and its image and video; a late result for it is ignored. `data` is the deleted ID.',
    args: { input: t.arg({ type: AvatarIdInput('DeleteAvatarInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const avatar = await ownAvatar(ctx.deps.db, String(input.id), ctx.viewer!);
      await ctx.deps.db.avatar.delete({ where: { id: avatar.id } });
      await ctx.storage.remove([avatar.imageStoragePath, avatar.videoStoragePath].filter((k): k is string => !!k));
      await ctx.pubsub.publish('avatarUpdated', avatar.id, { avatarId: avatar.id });
      if (avatar.projectId) await ctx.pubsub.publish('projectUpdated', avatar.projectId, { projectId: avatar.projectId, kind: 'AVATAR', id: avatar.id });
      if (avatar.visibility === 'PUBLIC') await catalogChangedEvent(ctx.deps, 'public avatar deleted');
      return String(input.id);
    },
  }),
}));

const avatarsOrder = { orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }] };
builder.prismaObjectField(User, 'avatars', (t) => t.relatedConnection('avatars', { cursor: 'id', totalCount: true, query: avatarsOrder }));
builder.prismaObjectField(Project, 'avatars', (t) => t.relatedConnection('avatars', { cursor: 'id', totalCount: true, query: avatarsOrder }));

builder.subscriptionField('avatarUpdated', (t) =>
  t.field({
    type: Avatar,
    nullable: true,
    authScopes: { user: true },
    description: 'Every change of one of your avatars (status, name); null once it is deleted.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      let avatar: { id: string } | undefined;
      try {
        avatar = await ownAvatar(ctx.deps.db, String(args.id), ctx.viewer!);
      } catch {
        throw new GraphQLError(`Avatar ${args.id} was not found.`, { extensions: { code: 'NOT_FOUND' } });
      }
      return ctx.pubsub.subscribe('avatarUpdated', avatar.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.avatar.findUnique({ where: { id: event.avatarId } }),
  }),
);
