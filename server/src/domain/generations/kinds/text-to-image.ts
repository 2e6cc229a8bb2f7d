// FLUX dev text-to-image: a studio image from a prompt.
import { z } from 'zod';
import { fluxAspectRatioSchema, fluxNumImagesSchema, fluxTextToImageInput, promptSchema } from '../../../fal/models.ts';
import type { Image } from '../../../generated/prisma/client.ts';
import { fluxImageResult } from '../results.ts';
import type { KindSpec } from '../table.ts';
import type { ImageResult } from '../tables/image.ts';
import { priceOf, publishGeneration, storeStudioImage } from './common.ts';

// numImages: the variants of one request, each its own row (the row of variantIndex i stores images[i]).
const input = z.object({
  prompt: promptSchema,
  aspectRatio: fluxAspectRatioSchema,
  numImages: fluxNumImagesSchema.optional(),
});

export const textToImage: KindSpec<Image, ImageResult, z.infer<typeof input>> = {
  name: 'text-to-image',
  source: 'TEXT_TO_IMAGE',
  model: 'fal-ai/flux/dev',
  input,
  falInput: fluxTextToImageInput,
  estimateCost: priceOf('fal-ai/flux/dev'),
  parse: fluxImageResult,
  store: storeStudioImage,
  publish: publishGeneration('IMAGE'),
};
