// Seedance text-to-video: a b-roll clip from a prompt.
import { z } from 'zod';
import {
  promptSchema,
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
const model = 'fal-ai/bytedance/seedance/v1/pro/text-to-video';

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
