// Prices before generating: `quote`, from the price table the ledger records (domain/usage/quote.ts).
import { GENERATION_KINDS, quote, type Quote } from '../../domain/usage/quote.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { operationDoc, WHO } from '../docs.ts';
import { nodeRef } from '../../domain/ids.ts';
import { VideoAspectRatio, VideoQuality } from './generation-enums.ts';

const WHAT: Record<(typeof GENERATION_KINDS)[number], string> = {
  TEXT_TO_IMAGE: 'generateImage: FLUX dev, $0.025 per megapixel (rounded up).',
  IMAGE_TO_IMAGE: 'editImage, mode STRENGTH: FLUX dev image-to-image, $0.03 per megapixel of the image edited.',
  INSTRUCTION_EDIT: 'editImage, mode INSTRUCTION: FLUX Kontext pro, $0.04 per image.',
  AVATAR: 'createAvatar: Seedance image-to-video, priced per second.',
  TEXT_TO_VIDEO: 'createBRoll without imageId: Seedance text-to-video, priced per second.',
  IMAGE_TO_VIDEO: 'createBRoll with imageId: Seedance image-to-video, priced per second.',
};
const kindValues = Object.fromEntries(GENERATION_KINDS.map((k) => [k, { value: k, description: WHAT[k] }]));
const GenerationKind = builder.enumType('GenerationKind', {
  description:
    'TEXT_TO_IMAGE generateImage; IMAGE_TO_IMAGE and INSTRUCTION_EDIT editImage (STRENGTH, INSTRUCTION); ' +
    'AVATAR createAvatar; TEXT_TO_VIDEO and IMAGE_TO_VIDEO createBRoll (without, with imageId).',
  values: kindValues,
});

const QuoteInput = builder.inputType('QuoteInput', {
  description: 'The generation to price, with the inputs the mutation would take.',
  fields: (t) => ({
    kind: t.field({ type: GenerationKind, required: true, description: 'Which generation.' }),
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
    kind: t.field({ type: GenerationKind, description: 'The kind priced.', resolve: (q) => q.kind }),
    model: t.exposeString('model', { description: 'The fal endpoint that would be called.' }),
    count: t.exposeInt('count', { description: 'How many generations are priced.' }),
    estimatedCost: t.exposeFloat('estimatedCost', { description: 'USD, 4 decimals, for all `count` of them.' }),
  }),
});

builder.queryField('quote', (t) =>
  t.field({
    type: QuoteRef,
    description: operationDoc(
      'What a generation would cost, before asking for it. Reads nothing else, writes nothing, calls no generator.',
      {
        who: `${WHO.anyone}; an \`imageId\` must be one of yours (signed in)`,
        errors: 'BAD_USER_INPUT with fieldErrors for values a mutation would refuse (no error union).',
      },
    ),
    args: { input: t.arg({ type: QuoteInput, required: true, description: 'What to price.' }) },
    resolve: (_r, { input }, ctx) =>
      quote(ctx.deps, actorOf(ctx), { ...input, imageId: input.imageId ? nodeRef(input.imageId, 'Image') : null }),
  }),
);
