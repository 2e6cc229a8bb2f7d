// B-rolls: Seedance text-to-video from a prompt, or image-to-video from one of your studio images. The type,
// its lists and its subscription; making, retrying, renaming and deleting them: b-roll-studio.ts.
import { findBRollToWatch } from '../../domain/b-rolls/find-b-roll-to-watch.ts';
import { builder } from '../builder.ts';
import { actorOf, type Context } from '../context.ts';
import { bRollDocs as d } from './b-roll.docs.ts';
import { nodeRef } from '../../domain/ids.ts';
import { GenerationStatus } from './avatar.ts';
import { GenerationProgress, progressOf } from './generation-progress.ts';
import { Project } from './project.ts';
import { User } from './user.ts';

const BRollSource = builder.enumType('BRollSource', { description: 'How a b-roll is made.', values: d.sources });
const bRollRef = (id: string | number) => nodeRef(id, 'BRoll');
const presignedWhenDone = (b: { status: string }, key: string | null, ctx: Context) =>
  b.status === 'SUCCEEDED' && key ? ctx.deps.storage.presignGet(key) : null;

export const BRoll = builder.prismaNode('BRoll', {
  id: { field: 'id' },
  nullable: true,
  description: d.BRoll,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name, 1–100 characters.' }),
    prompt: t.exposeString('prompt', { description: 'What the clip shows, as asked (at most 2000 characters).' }),
    source: t.expose('source', { type: BRollSource, description: 'Text-to-video, or image-to-video.' }),
    status: t.expose('status', { type: GenerationStatus, description: 'Where its generation stands.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: d.failureReason }),
    durationSeconds: t.exposeInt('durationSeconds', { nullable: true, description: 'Length in seconds: 5 or 10.' }),
    aspectRatio: t.exposeString('aspectRatio', { nullable: true, description: 'As Seedance names it: 16:9, 9:16, …' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked for.' }),
    progress: t.field({
      type: GenerationProgress,
      nullable: true,
      description: d.progress,
      resolve: progressOf('BROLL'),
    }),
    videoUrl: t.string({
      nullable: true,
      description: 'Presigned GET URL of the mute MP4, valid 15 minutes; null unless SUCCEEDED.',
      select: { videoStoragePath: true, status: true },
      resolve: (b, _a, ctx) => presignedWhenDone(b, b.videoStoragePath, ctx),
    }),
    thumbnailUrl: t.string({
      nullable: true,
      description: 'Presigned GET URL (15 minutes) of a JPEG frame of the video, for grids; null unless SUCCEEDED.',
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
    description: "The project's b-rolls, newest first.",
    args: { status: t.arg({ type: GenerationStatus, description: 'Only those of this status.' }) },
    query: (args) => ({ ...order, ...(args.status ? { where: { status: args.status } } : {}) }),
  }),
);
builder.prismaObjectField(User, 'bRolls', (t) =>
  t.relatedConnection('bRolls', { cursor: 'id', totalCount: true, description: d.userBRolls, query: order }),
);

builder.subscriptionField('bRollUpdated', (t) =>
  t.field({
    type: BRoll,
    nullable: true,
    authScopes: { user: true },
    description: d.bRollUpdated,
    args: { id: t.arg.id({ required: true, description: 'The global ID of one of your b-rolls.' }) },
    subscribe: async (_root, args, ctx) => {
      const bRoll = await findBRollToWatch(ctx.deps, actorOf(ctx), { id: bRollRef(args.id) });
      return ctx.deps.pubsub.subscribe('bRollUpdated', bRoll.id);
    },
    resolve: (event, _args, ctx) => ctx.deps.db.bRoll.findUnique({ where: { id: event.bRollId } }),
  }),
);
