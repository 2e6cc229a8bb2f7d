// Cancelling a PENDING image, avatar or b-roll: an adapter of domain/generations/cancel-generation.ts.
import { cancelGeneration } from '../../domain/generations/cancel-generation.ts';
import type { GenerationSubject } from '../../domain/generations/types.ts';
import type { Avatar as AvatarRow, BRoll as BRollRow, Image as ImageRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';
import { NotFoundError, ProviderUnavailableError } from '../../domain/errors.ts';
import { decodePublicId } from '../../domain/ids.ts';
import { Avatar } from './avatar.ts';
import { BRoll } from './b-roll.ts';
import { Image } from './image.ts';

const KIND_OF: Record<string, GenerationSubject> = { Image: 'IMAGE', Avatar: 'AVATAR', BRoll: 'BROLL' };

const Generation = builder.unionType('Generation', {
  types: [Image, Avatar, BRoll],
  description: 'An image, avatar or b-roll.',
  resolveType: (row) => ('visibility' in row ? 'Avatar' : 'thumbnailStoragePath' in row ? 'BRoll' : 'Image'),
});

const CancelAnswer = builder.enumType('CancelAnswer', {
  description: 'What fal answered to a cancel.',
  values: {
    CANCELLED: { description: 'fal removed it from its queue: CANCELLED now, not billed.' },
    CANCELLATION_REQUESTED: {
      description:
        'It was running: fal signalled it to stop; it ends CANCELLED, or SUCCEEDED (and billed) if it finishes.',
    },
    ALREADY_COMPLETED: { description: 'fal had finished it: its result stands.' },
  } as const,
});

interface Cancelled {
  answer: 'CANCELLED' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED';
  generation: AvatarRow | BRollRow | ImageRow | null;
}

const CancelGenerationPayload = builder.objectRef<Cancelled>('CancelGenerationPayload').implement({
  description: 'The outcome of a cancel: what fal answered, and the generation as it stands.',
  fields: (t) => ({
    answer: t.field({ type: CancelAnswer, description: 'What fal answered.', resolve: (c) => c.answer }),
    generation: t.field({
      type: Generation,
      nullable: true,
      description: 'As it stands now; null if it was deleted meanwhile.',
      resolve: (c) => c.generation,
    }),
  }),
});

const CancelGenerationInput = builder.inputType('CancelGenerationInput', {
  description: 'The generation to cancel.',
  fields: (t) => ({ id: t.id({ required: true, description: 'A PENDING image, avatar or b-roll of yours.' }) }),
});

builder.mutationField('cancelGeneration', (t) =>
  t.field({
    type: CancelGenerationPayload,
    authScopes: { user: true },
    description: operationDoc(
      'Asks fal to cancel a PENDING image, avatar or b-roll. A queued one is CANCELLED at once and not billed; ' +
        'a running one may still finish (CANCELLATION_REQUESTED).',
      {
        who: WHO.user,
        errors:
          "NotFoundError (someone else's, missing or malformed ID), ValidationError (not PENDING, or not yet " +
          'handed to fal), ProviderUnavailableError (fal unreachable). Nothing changes then.',
      },
    ),
    args: { input: t.arg({ type: CancelGenerationInput, required: true, description: 'Which generation.' }) },
    errors: { types: [NotFoundError, ProviderUnavailableError], ...data("fal's answer and the generation.") },
    resolve: async (_r, { input }, ctx) => {
      const globalId = input.id;
      const decoded = decodePublicId(globalId);
      const kind = (decoded && KIND_OF[decoded.typename]) ?? null;
      const done = await cancelGeneration(ctx.deps, actorOf(ctx), {
        kind,
        id: { id: kind && decoded ? decoded.id : null, globalId },
      });
      const { db } = ctx.deps;
      const where = { where: { id: done.id } };
      const generation =
        done.kind === 'AVATAR'
          ? await db.avatar.findUnique(where)
          : done.kind === 'BROLL'
            ? await db.bRoll.findUnique(where)
            : await db.image.findUnique(where);
      return { answer: done.answer, generation };
    },
  }),
);
