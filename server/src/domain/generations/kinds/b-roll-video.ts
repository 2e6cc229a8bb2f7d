// What both b-roll kinds do with a Seedance result: the clip and a thumbnail frame, next to each other.
import type { BRoll } from '../../../generated/prisma/client.ts';
import { keys } from '../../../storage/keys.ts';
import { NOT_MP4, storeVideoWithThumbnail } from '../store-media.ts';
import type { BRollResult } from '../tables/b-roll.ts';
import type { FalResult, PipelineDeps, Stored } from '../types.ts';

export async function storeBRollVideo(
  deps: PipelineDeps,
  row: BRoll,
  result: Exclude<FalResult, { kind: 'failed' }>,
): Promise<Stored<BRollResult>> {
  if (result.kind !== 'video') return { kind: 'failed', reason: NOT_MP4 };
  const video = keys.bRollVideo(row.userId, row.projectId, row.id);
  const thumbnail = keys.bRollThumbnail(row.userId, row.projectId, row.id);
  const stored = await storeVideoWithThumbnail(deps, { kind: 'BROLL', id: row.id }, result.url, { video, thumbnail });
  if (stored.kind === 'failed') return stored;
  const { videoKey: videoStoragePath, thumbnailKey: thumbnailStoragePath } = stored;
  return { kind: 'stored', data: { videoStoragePath, thumbnailStoragePath, seed: result.seed } };
}
