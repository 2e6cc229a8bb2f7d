// Prices before generating: `quote`, from the price table the ledger records (domain/usage/quote.ts).
import { GENERATION_KINDS, quote, type Quote } from '../../domain/usage/quote.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { nodeRef } from '../../domain/ids.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';

const GenerationKind = builder.enumType('GenerationKind', {
  description:
    'TEXT_TO_IMAGE generateImage; IMAGE_TO_IMAGE and INSTRUCTION_EDIT editImage (STRENGTH, INSTRUCTION); ' +
    'AVATAR createAvatar; TEXT_TO_VIDEO and IMAGE_TO_VIDEO createBRoll (without, with imageId).',
  values: GENERATION_KINDS,
});

const QuoteInput = builder.inputType('QuoteInput', {
  fields: (t) => ({
    kind: t.field({ type: GenerationKind, required: true }),
    count: t.int({ description: 'How many generations, 1–4 (default 1); each is priced.' }),
    durationSeconds: t.int({ description: 'Videos: 5 or 10 (default 5).' }),
    aspectRatio: t.field({
      type: VideoAspectRatio,
      description: "Images: FLUX's formats (all but 21:9). Omitted: the mutation's default.",
    }),
    quality: t.field({ type: VideoQuality, description: 'Videos: default STANDARD.' }),
    imageId: t.id({ description: 'IMAGE_TO_IMAGE: the image to edit (billed on its size; 1 megapixel without).' }),
  }),
});

const QuoteRef = builder.objectRef<Quote>('Quote').implement({
  description:
    'An estimate in USD from the same price table the ledger records (Usage), so what is quoted is what a ' +
    'SUCCEEDED generation with the same inputs costs.',
  fields: (t) => ({
    kind: t.field({ type: GenerationKind, resolve: (q) => q.kind }),
    model: t.exposeString('model', { description: 'The fal endpoint that would be called.' }),
    count: t.exposeInt('count'),
    estimatedCost: t.exposeFloat('estimatedCost', { description: 'USD, 4 decimals, for all `count` of them.' }),
  }),
});

builder.queryField('quote', (t) =>
  t.field({
    type: QuoteRef,
    description: 'What a generation would cost, before asking for it. Changes nothing; anyone may ask.',
    args: { input: t.arg({ type: QuoteInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      quote(ctx.deps, actorOf(ctx), { ...input, imageId: input.imageId ? nodeRef(input.imageId, 'Image') : null }),
  }),
);
