// Seedance image-to-video: a mute avatar from a reference image (private in a project, or public).
import { z } from 'zod';
import {
  SEEDANCE_MODELS,
  seedanceAspectRatioSchema,
  seedanceDurationSchema,
  seedanceImageToVideoInput,
} from '../../../fal/models.ts';
import { Prisma, type Avatar } from '../../../generated/prisma/client.ts';
import { gen } from '../../../log.ts';
import { keys } from '../../../storage/keys.ts';
import { catalogChangedEvent, generationChanged } from '../../events.ts';
import { seedanceVideoResult } from '../results.ts';
import { ifSettled } from '../settle-statement.ts';
import { NOT_MP4, streamVideo } from '../store-media.ts';
import type { KindSpec } from '../table.ts';
import type { AvatarResult } from '../tables/avatar.ts';
import type { FollowUps, PipelineDeps } from '../types.ts';
import { priceOf } from './common.ts';

// No aspect ratio: the reference's proportions (Seedance's `auto`).
const input = z.object({
  imageUrl: z.url(),
  durationSeconds: seedanceDurationSchema.optional(),
  aspectRatio: seedanceAspectRatioSchema.optional(),
});
const model = SEEDANCE_MODELS.STANDARD.imageToVideo;

/**
 * The studio image an avatar was made from was copied next to the avatar: the temp one is no longer needed. Its
 * row goes in the statement that makes the avatar SUCCEEDED, its object and its event after the avatar's event.
 */
async function discardTempImage(deps: PipelineDeps, imageId: string): Promise<FollowUps> {
  const image = await deps.db.image.findUnique({
    where: { id: imageId },
    select: { storagePath: true, projectId: true },
  });
  if (!image) return {};
  return {
    also: [Prisma.sql`DELETE FROM "Image" WHERE "id" = ${imageId} AND ${ifSettled}`],
    after: async (d) => {
      if (image.storagePath) await d.storage.remove([image.storagePath]);
      d.log.info(
        { event: 'cleanup.temp_image_used', ...gen('IMAGE', imageId), key: image.storagePath },
        'temp studio image deleted after use',
      );
      await generationChanged(d, { kind: 'IMAGE', id: imageId, projectId: image.projectId });
    },
  };
}

export const avatar: KindSpec<Avatar, AvatarResult, z.infer<typeof input>> = {
  name: 'avatar',
  source: null,
  model,
  input,
  falInput: seedanceImageToVideoInput,
  estimateCost: priceOf(model),
  parse: seedanceVideoResult,
  async store(deps, row, result) {
    if (result.kind !== 'video') return { kind: 'failed', reason: NOT_MP4 };
    const key =
      row.visibility === 'PUBLIC' ? keys.publicAvatarVideo(row.id) : keys.privateAvatarVideo(row.userId!, row.id);
    const stored = await streamVideo(deps, { kind: 'AVATAR', id: row.id }, result.url, key);
    if (stored.kind === 'failed') return stored;
    const discard = row.sourceImageId ? await discardTempImage(deps, row.sourceImageId) : {};
    return { kind: 'stored', data: { videoStoragePath: key, seed: result.seed }, ...discard };
  },
  async publish(deps, row, status) {
    await generationChanged(deps, { kind: 'AVATAR', id: row.id, projectId: row.projectId });
    if (row.visibility === 'PUBLIC' && status === 'SUCCEEDED') await catalogChangedEvent(deps, 'public avatar ready');
  },
};

/** The same avatar from Seedance 1 Pro Fast: its own model and price, the same inputs and result. */
export const avatarFast: typeof avatar = {
  ...avatar,
  name: 'avatar-fast',
  model: SEEDANCE_MODELS.FAST.imageToVideo,
  estimateCost: priceOf(SEEDANCE_MODELS.FAST.imageToVideo),
};
