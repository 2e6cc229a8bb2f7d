// Seedance image-to-video: a b-roll clip that animates one of the user's studio images.
import { z } from 'zod';
import {
  promptSchema,
  SEEDANCE_MODELS,
  seedanceAspectRatioSchema,
  seedanceDurationSchema,
  seedanceImageToVideoInput,
} from '../../../fal/models.ts';
import type { BRoll } from '../../../generated/prisma/client.ts';
import { seedanceVideoResult } from '../results.ts';
import type { KindSpec } from '../table.ts';
import type { BRollResult } from '../tables/b-roll.ts';
import { storeBRollVideo } from './b-roll-video.ts';
import { priceOf, publishGeneration } from './common.ts';

const input = z.object({
  imageUrl: z.url(),
  prompt: promptSchema,
  durationSeconds: seedanceDurationSchema,
  aspectRatio: seedanceAspectRatioSchema,
});
const model = SEEDANCE_MODELS.STANDARD.imageToVideo;

export const bRollFromImage: KindSpec<BRoll, BRollResult, z.infer<typeof input>> = {
  name: 'b-roll-from-image',
  source: 'IMAGE_TO_VIDEO',
  model,
  input,
  falInput: seedanceImageToVideoInput,
  estimateCost: priceOf(model),
  parse: seedanceVideoResult,
  store: storeBRollVideo,
  publish: publishGeneration('BROLL'),
};

/** Seedance 1 Pro Fast: its own model and price, the same inputs and result. */
export const bRollFromImageFast: typeof bRollFromImage = {
  ...bRollFromImage,
  name: 'b-roll-from-image-fast',
  model: SEEDANCE_MODELS.FAST.imageToVideo,
  estimateCost: priceOf(SEEDANCE_MODELS.FAST.imageToVideo),
};
