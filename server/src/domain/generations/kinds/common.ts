// What most kinds declare alike: a price from fal/models.ts, the generation event, the studio image store.
import type { Image } from '../../../generated/prisma/client.ts';
import { estimateCostUsd, type FalModel } from '../../../fal/models.ts';
import { keys } from '../../../storage/keys.ts';
import { generationChanged } from '../../events.ts';
import type { ImageResult } from '../tables/image.ts';
import { storeImage } from '../store-media.ts';
import type { FalResult, GenerationSubject, PipelineDeps, Stored } from '../types.ts';

/** The price table's estimate for one row of the input as built (a request of `num_images` is that many rows). */
export const priceOf =
  (model: FalModel) => async (_deps: PipelineDeps, _id: string, falInput: Record<string, unknown>) =>
    estimateCostUsd(model, { ...falInput, num_images: 1 });

/** The row's own topic and its project's. */
export const publishGeneration =
  (kind: GenerationSubject) =>
  (deps: PipelineDeps, row: { id: string; projectId: string | null }): Promise<void> =>
    generationChanged(deps, { kind, id: row.id, projectId: row.projectId });

/** A FLUX image, kept among the project's temp studio images. */
export async function storeStudioImage(
  deps: PipelineDeps,
  row: Image,
  result: Exclude<FalResult, { kind: 'failed' }>,
): Promise<Stored<ImageResult>> {
  if (result.kind !== 'image')
    return { kind: 'failed', reason: 'The generator returned something that is not an image.' };
  const stored = await storeImage(deps, { kind: 'IMAGE', id: row.id }, result.url, (type) =>
    keys.tempImage(row.userId, row.projectId, row.id, type),
  );
  if (stored.kind === 'failed') return stored;
  const { key: storagePath, contentType, bytes: byteSize, width, height } = stored;
  const data = { storagePath, contentType, byteSize, width, height, nsfw: result.nsfw, seed: result.seed };
  return { kind: 'stored', data };
}
