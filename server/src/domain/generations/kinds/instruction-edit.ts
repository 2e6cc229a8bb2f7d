// FLUX Kontext pro: an instruction edit ("make the coat red") of one of the user's studio images.
import { z } from 'zod';
import { fluxKontextInput, promptSchema } from '../../../fal/models.ts';
import type { Image } from '../../../generated/prisma/client.ts';
import { fluxImageResult } from '../results.ts';
import type { KindSpec } from '../table.ts';
import type { ImageResult } from '../tables/image.ts';
import { priceOf, publishGeneration, storeStudioImage } from './common.ts';

const input = z.object({ imageUrl: z.url(), prompt: promptSchema });
const model = 'fal-ai/flux-pro/kontext';

export const instructionEdit: KindSpec<Image, ImageResult, z.infer<typeof input>> = {
  name: 'instruction-edit',
  source: 'INSTRUCTION_EDIT',
  model,
  input,
  falInput: fluxKontextInput,
  // Flat per image: the size of the image edited does not change the price.
  estimateCost: priceOf(model),
  parse: fluxImageResult,
  store: storeStudioImage,
  publish: publishGeneration('IMAGE'),
};
