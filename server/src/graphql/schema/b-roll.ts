// B-rolls: Seedance text-to-video from a prompt, or image-to-video from one of your studio images.
import { z } from 'zod';
import { createBRoll } from '../../domain/b-rolls/create-b-roll.ts';
import { deleteBRoll } from '../../domain/b-rolls/delete-b-roll.ts';
import { findBRollToWatch } from '../../domain/b-rolls/find-b-roll-to-watch.ts';
import { renameBRoll } from '../../domain/b-rolls/rename-b-roll.ts';
import { retryBRoll } from '../../domain/b-rolls/retry-b-roll.ts';
import { PROMPT_MAX_LENGTH, SEEDANCE_DURATIONS } from '../../fal/models.ts';
import { videoDuration } from '../../domain/fields.ts';
import { builder } from '../builder.ts';
import { actorOf, type Context } from '../context.ts';
import { GenerationLimitError, NotFoundError } from '../../domain/errors.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { nodeRef } from '../../domain/ids.ts';
import { GenerationStatus } from './avatar.ts';
import { GenerationProgress, progressOf } from './generation-progress.ts';
import { Project } from './project.ts';
import { User } from './user.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';

const BRollSource = builder.enumType('BRollSource', { values: ['TEXT_TO_VIDEO', 'IMAGE_TO_VIDEO'] as const });
const presignedWhenDone = (b: { status: string }, key: string | null, ctx: Context) =>
  b.status === 'SUCCEEDED' && key ? ctx.deps.storage.presignGet(key) : null;

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
    progress: t.field({ type: GenerationProgress, nullable: true, resolve: progressOf('BROLL') }),
    videoUrl: t.string({
      nullable: true,
      select: { videoStoragePath: true, status: true },
      resolve: (b, _a, ctx) => presignedWhenDone(b, b.videoStoragePath, ctx),
    }),
    thumbnailUrl: t.string({
      nullable: true,
      description: 'A JPEG frame of the video, for grids.',
      select: { thumbnailStoragePath: true, status: true },
      resolve: (b, _a, ctx) => presignedWhenDone(b, b.thumbnailStoragePath, ctx),
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
builder.prismaObjectField(User, 'bRolls', (t) =>
  t.relatedConnection('bRolls', { cursor: 'id', totalCount: true, query: order }),
);

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');
const durations = SEEDANCE_DURATIONS.join(' or ');
const prompt = z.string().trim().min(1, 'Required.').max(PROMPT_MAX_LENGTH, `At most ${PROMPT_MAX_LENGTH} characters.`);
const CreateBRollInput = builder.inputType('CreateBRollInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string({ required: true, validate: name }),
    prompt: t.string({ required: true, multiline: true, validate: prompt }),
    imageId: t.id({ description: 'Animate this image (image-to-video); without it, text-to-video.' }),
    durationSeconds: t.int({
      description: `Seedance accepts ${durations} seconds (default 5).`,
      validate: videoDuration,
    }),
    aspectRatio: t.field({ type: VideoAspectRatio, description: 'Default 16:9.' }),
    quality: t.field({ type: VideoQuality, description: 'Default STANDARD.' }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('b-roll'), validate: idempotencyKey }),
  }),
});
const IdInput = (n: string) => builder.inputType(n, { fields: (t) => ({ id: t.id({ required: true }) }) });
const RenameBRollInput = builder.inputType('RenameBRollInput', {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }),
});
const bRollRef = (id: string | number) => nodeRef(id, 'BRoll');

builder.mutationFields((t) => ({
  createBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    description:
      'Returns the PENDING b-roll at once; bRollUpdated / projectUpdated tell when its video and thumbnail are ready.',
    args: { input: t.arg({ type: CreateBRollInput, required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) =>
      createBRoll(ctx.deps, actorOf(ctx), {
        ...input,
        projectId: nodeRef(input.projectId, 'Project'),
        imageId: input.imageId ? nodeRef(input.imageId, 'Image') : null,
      }),
  }),
  retryBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    args: { input: t.arg({ type: IdInput('RetryBRollInput'), required: true }) },
    errors: { types: [NotFoundError, GenerationLimitError] },
    resolve: (_r, { input }, ctx) => retryBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id) }),
  }),
  renameBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    args: { input: t.arg({ type: RenameBRollInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_r, { input }, ctx) => renameBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id), name: input.name }),
  }),
  deleteBRoll: t.id({
    authScopes: { user: true },
    description:
      'Deletes the b-roll, its video and thumbnail; a late result for it is ignored. `data` is the deleted ID.',
    args: { input: t.arg({ type: IdInput('DeleteBRollInput'), required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_r, { input }, ctx) => {
      await deleteBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id) });
      return input.id;
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
      const bRoll = await findBRollToWatch(ctx.deps, actorOf(ctx), { id: bRollRef(args.id) });
      return ctx.deps.pubsub.subscribe('bRollUpdated', bRoll.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.bRoll.findUnique({ where: { id: event.bRollId } }),
  }),
);
