// FLUX dev image-to-image: an edit of one of the user's studio images.
import { z } from 'zod';
import { estimateCostUsd, fluxImageToImageInput, fluxStrengthSchema, promptSchema } from '../../../fal/models.ts';
import type { Image } from '../../../generated/prisma/client.ts';
import { inspectImage } from '../../../generation/media-check.ts';
import { fluxImageResult } from '../results.ts';
import type { KindSpec } from '../table.ts';
import type { ImageResult } from '../tables/image.ts';
import type { PipelineDeps } from '../types.ts';
import { publishGeneration, storeStudioImage } from './common.ts';

const input = z.object({ imageUrl: z.url(), prompt: promptSchema, strength: fluxStrengthSchema });
const model = 'fal-ai/flux/dev/image-to-image';

type Sized = { width: number | null; height: number | null; storagePath: string | null } | null | undefined;

/** The size of an image (fal bills image-to-image on the one edited); undefined when unknown. */
export async function imageSize(
  deps: Pick<PipelineDeps, 'storage'>,
  image: Sized,
): Promise<{ width: number; height: number } | undefined> {
  if (image?.width && image.height) return { width: image.width, height: image.height };
  if (!image?.storagePath) return undefined;
  return (await deps.storage.get(image.storagePath).then(inspectImage, () => null)) ?? undefined;
}

async function parentSize(deps: PipelineDeps, id: string): Promise<{ width: number; height: number } | undefined> {
  const edit = await deps.db.image.findUnique({
    where: { id },
    select: { parent: { select: { width: true, height: true, storagePath: true } } },
  });
  return imageSize(deps, edit?.parent);
}

export const imageToImage: KindSpec<Image, ImageResult, z.infer<typeof input>> = {
  name: 'image-to-image',
  source: 'IMAGE_TO_IMAGE',
  model,
  input,
  falInput: fluxImageToImageInput,
  estimateCost: async (deps, id, falInput) => estimateCostUsd(model, falInput, await parentSize(deps, id)),
  parse: fluxImageResult,
  store: storeStudioImage,
  publish: publishGeneration('IMAGE'),
};
