// B-rolls: Seedance text-to-video from a prompt, or image-to-video from one of your studio images.
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../../db.ts';
import { z } from 'zod';
import { PROMPT_MAX_LENGTH, SEEDANCE_ASPECT_RATIOS, SEEDANCE_DURATIONS, seedanceImageToVideoInput, seedanceTextToVideoInput } from '../../fal/models.ts';
import type { Pipeline } from '../../generation/pipeline.ts';
import type { Storage } from '../../storage/storage.ts';
import { builder } from '../builder.ts';
import { GenerationLimitError, invalid, NotFoundError } from '../errors.ts';
import { reserveGeneration, reserveIdempotent, retryReset, type Tx } from '../../generation/limits.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { localId } from '../ids.ts';
import { GenerationStatus } from './avatar.ts';
import { readyImage } from './image.ts';
import { ownProject, Project } from './project.ts';
import { User } from './user.ts';

const BRollSource = builder.enumType('BRollSource', { values: ['TEXT_TO_VIDEO', 'IMAGE_TO_VIDEO'] as const });
const VideoAspectRatio = builder.enumType('VideoAspectRatio', {
  values: Object.fromEntries(SEEDANCE_ASPECT_RATIOS.map((r) => [`R${r.replace(':', '_')}`, { value: r }])) as Record<string, { value: (typeof SEEDANCE_ASPECT_RATIOS)[number] }>,
});

export const BRoll = builder.prismaNode('BRoll', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  fields: (t) => ({
    name: t.exposeString('name'),
    prompt: t.exposeString('prompt'),
    source: t.expose('source', { type: BRollSource }),
    status: t.expose('status', { type: GenerationStatus }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    durationSeconds: t.exposeInt('durationSeconds', { nullable: true }),
    aspectRatio: t.exposeString('aspectRatio', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    videoUrl: t.string({
      nullable: true,
      select: { videoStoragePath: true, status: true },
      resolve: (b, _a, ctx) => (b.status === 'SUCCEEDED' && b.videoStoragePath ? ctx.storage.presignGet(b.videoStoragePath) : null),
    }),
    thumbnailUrl: t.string({
      nullable: true,
      description: 'A JPEG frame of the video, for grids.',
      select: { thumbnailStoragePath: true, status: true },
      resolve: (b, _a, ctx) => (b.status === 'SUCCEEDED' && b.thumbnailStoragePath ? ctx.storage.presignGet(b.thumbnailStoragePath) : null),
    }),
  }),
});

const order = { orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }] };
builder.prismaObjectField(Project, 'bRolls', (t) =>
  t.relatedConnection('bRolls', {
    cursor: 'id',
    totalCount: true,
    args: { status: t.arg({ type: GenerationStatus }) },
    query: (args) => ({ ...order, ...(args.status ? { where: { status: args.status } } : {}) }),
  }),
);
builder.prismaObjectField(User, 'bRolls', (t) => t.relatedConnection('bRolls', { cursor: 'id', totalCount: true, query: order }));

/** Hands fal what it needs and submits; a provider that cannot be reached leaves the b-roll FAILED with a reason. */
async function startBRoll(b: { id: string; prompt: string; durationSeconds: number | null; aspectRatio: string | null; imageStoragePath: string | null }, storage: Storage, pipeline: Pipeline) {
  const common = { prompt: b.prompt, durationSeconds: (b.durationSeconds ?? 5) as 5 | 10, aspectRatio: (b.aspectRatio ?? '16:9') as (typeof SEEDANCE_ASPECT_RATIOS)[number] };
  if (!b.imageStoragePath) {
    await pipeline.submit({ kind: 'BROLL', id: b.id }, 'fal-ai/bytedance/seedance/v1/pro/text-to-video', seedanceTextToVideoInput(common));
  } else {
    const stat = await storage.stat(b.imageStoragePath);
    const uploaded = stat ? await pipeline.deps.gateway.uploadFile(await storage.get(b.imageStoragePath), stat.contentType ?? 'image/png') : null;
    if (!uploaded?.ok) {
      const reason = uploaded ? `The generator could not be reached (${uploaded.error.message}). Try again.` : 'The source image is gone; create a new b-roll.';
      await pipeline.finish({ kind: 'BROLL', id: b.id }, { status: 'FAILED', failureReason: reason });
      return;
    }
    await pipeline.submit({ kind: 'BROLL', id: b.id }, 'fal-ai/bytedance/seedance/v1/pro/image-to-video', seedanceImageToVideoInput({ ...common, imageUrl: uploaded.value.url }));
  }
  await pipeline.publish({ kind: 'BROLL', id: b.id });
}

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');
const CreateBRollInput = builder.inputType('CreateBRollInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: name }),
    prompt: t.string({ required: true, multiline: true, validate: z.string().trim().min(1, 'Required.').max(PROMPT_MAX_LENGTH, `At most ${PROMPT_MAX_LENGTH} characters.`) }),
    imageId: t.id({ description: 'Animate this image (image-to-video); without it, text-to-video.' }),
    durationSeconds: t.int({ description: `Seedance accepts ${SEEDANCE_DURATIONS.join(' or ')} seconds (default 5).`, validate: z.number().refine((n) => (SEEDANCE_DURATIONS as readonly number[]).includes(n), `Must be ${SEEDANCE_DURATIONS.join(' or ')}.`) }),
    aspectRatio: t.field({ type: VideoAspectRatio, description: 'Default 16:9.' }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('b-roll'), validate: idempotencyKey }),
  }),
});
const IdInput = (n: string) => builder.inputType(n, { fields: (t) => ({ id: t.id({ required: true }) }) });
const RenameBRollInput = builder.inputType('RenameBRollInput', { fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }) });

async function ownBRoll(db: PrismaClient, globalId: string, userId: string) {
  const bRoll = await db.bRoll.findFirst({ where: { id: localId(globalId, 'BRoll', 'B-roll'), userId } });
  if (!bRoll) throw new NotFoundError('B-roll', globalId);
  return bRoll;
}

builder.mutationFields((t) => ({
  createBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    description: 'Returns the PENDING b-roll at once; bRollUpdated / projectUpdated tell when its video and thumbnail are ready.',
    args: { input: t.arg({ type: CreateBRollInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const userId = ctx.viewer!.id;
      const key = input.idempotencyKey ?? null;
      const earlier = (client: Tx | PrismaClient) => (key ? client.bRoll.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey: key } } }) : Promise.resolve(null));
      const replayed = await earlier(ctx.deps.db);
      if (replayed) return replayed;
      const project = await ownProject(ctx.deps.db, String(input.projectId), userId);
      let imageStoragePath: string | null = null;
      if (input.imageId) imageStoragePath = (await readyImage(ctx.deps.db, String(input.imageId), userId, { toAnimate: true })).storagePath;
      const { row: bRoll, created } = await reserveIdempotent(ctx.deps, ctx.viewer!, 'BROLL', earlier, (tx) => tx.bRoll.create({
        data: {
          name: input.name.trim(),
          prompt: input.prompt.trim(),
          source: imageStoragePath ? 'IMAGE_TO_VIDEO' : 'TEXT_TO_VIDEO',
          imageStoragePath,
          durationSeconds: input.durationSeconds ?? 5,
          aspectRatio: input.aspectRatio ?? '16:9',
          userId,
          projectId: project.id,
          idempotencyKey: key,
        },
      }));
      // Only the request that wrote the row uploads and submits.
      if (!created) return bRoll;
      await startBRoll(bRoll, ctx.storage, ctx.pipeline);
      return ctx.deps.db.bRoll.findUniqueOrThrow({ where: { id: bRoll.id } });
    },
  }),
  retryBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    args: { input: t.arg({ type: IdInput('RetryBRollInput'), required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: async (_r, { input }, ctx) => {
      const bRoll = await ownBRoll(ctx.deps.db, String(input.id), ctx.viewer!.id);
      if (bRoll.status !== 'FAILED') throw invalid(['input', 'id'], 'Only a FAILED b-roll can be retried.');
      const retried = await reserveGeneration(ctx.deps, ctx.viewer!, 'BROLL', async (tx) => {
        const { count } = await tx.bRoll.updateMany({
          where: { id: bRoll.id, status: 'FAILED' },
          data: retryReset(),
        });
        return count ? { id: bRoll.id } : null;
      });
      if (retried) await startBRoll(bRoll, ctx.storage, ctx.pipeline);
      return ctx.deps.db.bRoll.findUniqueOrThrow({ where: { id: bRoll.id } });
    },
  }),
  renameBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    args: { input: t.arg({ type: RenameBRollInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const bRoll = await ownBRoll(ctx.deps.db, String(input.id), ctx.viewer!.id);
      const updated = await ctx.deps.db.bRoll.update({ where: { id: bRoll.id }, data: { name: input.name.trim() } });
      await ctx.pipeline.publish({ kind: 'BROLL', id: bRoll.id });
      return updated;
    },
  }),
  deleteBRoll: t.id({
    authScopes: { user: true },
    description: 'Deletes the b-roll, its video and thumbnail; a late result for it is ignored. `data` is the deleted ID.',
    args: { input: t.arg({ type: IdInput('DeleteBRollInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      const bRoll = await ownBRoll(ctx.deps.db, String(input.id), ctx.viewer!.id);
      await ctx.deps.db.bRoll.delete({ where: { id: bRoll.id } });
      await ctx.storage.remove([bRoll.videoStoragePath, bRoll.thumbnailStoragePath].filter((k): k is string => !!k));
      await ctx.pubsub.publish('bRollUpdated', bRoll.id, { bRollId: bRoll.id });
      await ctx.pubsub.publish('projectUpdated', bRoll.projectId, { projectId: bRoll.projectId, kind: 'BROLL', id: bRoll.id });
      return String(input.id);
    },
  }),
}));

builder.subscriptionField('bRollUpdated', (t) =>
  t.field({
    type: BRoll,
    nullable: true,
    authScopes: { user: true },
    description: 'Every change of one of your b-rolls; null once it is deleted.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      let bRoll: { id: string };
      try {
        bRoll = await ownBRoll(ctx.deps.db, String(args.id), ctx.viewer!.id);
      } catch {
        throw new GraphQLError(`B-roll ${args.id} was not found.`, { extensions: { code: 'NOT_FOUND' } });
      }
      return ctx.pubsub.subscribe('bRollUpdated', bRoll.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.bRoll.findUnique({ where: { id: event.bRollId } }),
  }),
);
