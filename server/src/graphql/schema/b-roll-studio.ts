// Making b-rolls: create, retry, rename and delete. Adapters of domain/b-rolls.
import { z } from 'zod';
import { bRollVariants, createBRoll } from '../../domain/b-rolls/create-b-roll.ts';
import { deleteBRoll } from '../../domain/b-rolls/delete-b-roll.ts';
import { renameBRoll } from '../../domain/b-rolls/rename-b-roll.ts';
import { retryBRoll } from '../../domain/b-rolls/retry-b-roll.ts';
import { GenerationLimitError, NotFoundError } from '../../domain/errors.ts';
import { variantCount, videoDuration } from '../../domain/fields.ts';
import { nodeRef } from '../../domain/ids.ts';
import { PROMPT_MAX_LENGTH, SEEDANCE_DURATIONS } from '../../fal/models.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { idempotencyKey, IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency.ts';
import { BRoll } from './b-roll.ts';
import { bRollDocs as d } from './b-roll.docs.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';
import { variantDocs } from './variants.docs.ts';

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');
const durations = SEEDANCE_DURATIONS.join(' or ');
const prompt = z.string().trim().min(1, 'Required.').max(PROMPT_MAX_LENGTH, `At most ${PROMPT_MAX_LENGTH} characters.`);
const nameField = { required: true, description: 'Display name, 1–100 characters (trimmed).', validate: name } as const;
const CreateBRollInput = builder.inputType('CreateBRollInput', {
  description: 'A new b-roll: a Seedance clip from a prompt, optionally animating one of your studio images.',
  fields: (t) => ({
    projectId: t.id({
      required: true,
      description: 'The global ID of one of your projects; the b-roll is made there.',
    }),
    name: t.string(nameField),
    prompt: t.string({ required: true, multiline: true, description: d.prompt, validate: prompt }),
    imageId: t.id({ description: d.imageId }),
    durationSeconds: t.int({
      description: `Seedance accepts ${durations} seconds (default 5).`,
      validate: videoDuration,
    }),
    aspectRatio: t.field({ type: VideoAspectRatio, description: 'Default R16_9.' }),
    quality: t.field({ type: VideoQuality, description: 'Default STANDARD.' }),
    count: t.int({ description: variantDocs.bRollCount, validate: variantCount }),
    idempotencyKey: t.string({ description: IDEMPOTENCY_KEY_DESCRIPTION('b-roll'), validate: idempotencyKey }),
  }),
});
const idField = { required: true, description: 'The global ID of one of your b-rolls.' } as const;
const IdInput = (n: string, what: string) =>
  builder.inputType(n, { description: what, fields: (t) => ({ id: t.id(idField) }) });
const RenameBRollInput = builder.inputType('RenameBRollInput', {
  description: 'A b-roll and its new name.',
  fields: (t) => ({ id: t.id(idField), name: t.string(nameField) }),
});
const input = <T extends object>(type: T) => ({ type, required: true, description: 'What to do.' }) as const;
const bRollRef = (id: string | number) => nodeRef(id, 'BRoll');

builder.mutationFields((t) => ({
  createBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    description: d.createBRoll,
    args: { input: t.arg(input(CreateBRollInput)) },
    errors: {
      types: [NotFoundError, GenerationLimitError],
      ...data('The b-roll, PENDING (or as an earlier key made it); the first of its variants.'),
      result: {
        fields: (r) => ({
          bRolls: r.field({
            type: [BRoll],
            description: variantDocs.bRolls,
            resolve: (b: { id: string; variantGroupId: string | null }, _a, ctx) => bRollVariants(ctx.deps, b),
          }),
        }),
      },
    },
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
    description: d.retryBRoll,
    args: { input: t.arg(input(IdInput('RetryBRollInput', 'The FAILED or CANCELLED b-roll to retry.'))) },
    errors: { types: [NotFoundError, GenerationLimitError], ...data('The b-roll, PENDING again.') },
    resolve: (_r, { input }, ctx) => retryBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id) }),
  }),
  renameBRoll: t.field({
    type: BRoll,
    authScopes: { user: true },
    description: d.renameBRoll,
    args: { input: t.arg(input(RenameBRollInput)) },
    errors: { types: [NotFoundError], ...data('The renamed b-roll.') },
    resolve: (_r, { input }, ctx) => renameBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id), name: input.name }),
  }),
  deleteBRoll: t.id({
    authScopes: { user: true },
    description: d.deleteBRoll,
    args: { input: t.arg(input(IdInput('DeleteBRollInput', 'The b-roll to delete.'))) },
    errors: { types: [NotFoundError], ...data('The global ID of the deleted b-roll.') },
    resolve: async (_r, { input }, ctx) => {
      await deleteBRoll(ctx.deps, actorOf(ctx), { id: bRollRef(input.id) });
      return input.id;
    },
  }),
}));
