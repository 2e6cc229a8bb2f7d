// Seedance text-to-video: a b-roll clip from a prompt.
import { z } from 'zod';
import {
  promptSchema,
  SEEDANCE_MODELS,
  seedanceAspectRatioSchema,
  seedanceDurationSchema,
  seedanceTextToVideoInput,
} from '../../../fal/models.ts';
import type { BRoll } from '../../../generated/prisma/client.ts';
import { seedanceVideoResult } from '../results.ts';
import type { KindSpec } from '../table.ts';
import type { BRollResult } from '../tables/b-roll.ts';
import { storeBRollVideo } from './b-roll-video.ts';
import { priceOf, publishGeneration } from './common.ts';

const input = z.object({
  prompt: promptSchema,
  durationSeconds: seedanceDurationSchema,
  aspectRatio: seedanceAspectRatioSchema,
});
const model = SEEDANCE_MODELS.STANDARD.textToVideo;

export const bRollFromText: KindSpec<BRoll, BRollResult, z.infer<typeof input>> = {
  name: 'b-roll-from-text',
  source: 'TEXT_TO_VIDEO',
  model,
  input,
  falInput: seedanceTextToVideoInput,
  estimateCost: priceOf(model),
  parse: seedanceVideoResult,
  store: storeBRollVideo,
  publish: publishGeneration('BROLL'),
};

/** Seedance 1 Pro Fast: its own model and price, the same inputs and result. */
export const bRollFromTextFast: typeof bRollFromText = {
  ...bRollFromText,
  name: 'b-roll-from-text-fast',
  model: SEEDANCE_MODELS.FAST.textToVideo,
  estimateCost: priceOf(SEEDANCE_MODELS.FAST.textToVideo),
};
