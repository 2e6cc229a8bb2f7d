// Cancelling a PENDING image, avatar or b-roll: an adapter of domain/generations/cancel-generation.ts.
import { cancelGeneration } from '../../domain/generations/cancel-generation.ts';
import type { GenerationSubject } from '../../domain/generations/types.ts';
import type { Avatar as AvatarRow, BRoll as BRollRow, Image as ImageRow } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
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
  fields: (t) => ({
    answer: t.field({ type: CancelAnswer, resolve: (c) => c.answer }),
    generation: t.field({
      type: Generation,
      nullable: true,
      description: 'As it stands now; null if it was deleted meanwhile.',
      resolve: (c) => c.generation,
    }),
  }),
});

const CancelGenerationInput = builder.inputType('CancelGenerationInput', {
  fields: (t) => ({ id: t.id({ required: true, description: 'A PENDING image, avatar or b-roll of yours.' }) }),
});

builder.mutationField('cancelGeneration', (t) =>
  t.field({
    type: CancelGenerationPayload,
    authScopes: { user: true },
    description:
      "Asks fal to cancel a PENDING generation. Someone else's or a missing one: NotFoundError; one not PENDING " +
      '(or not yet handed to fal): ValidationError; fal unreachable: ProviderUnavailableError. Nothing changes then.',
    args: { input: t.arg({ type: CancelGenerationInput, required: true }) },
    errors: { types: [NotFoundError, ProviderUnavailableError] },
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
