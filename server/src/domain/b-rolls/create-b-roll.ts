import type { Deps } from '../../app/deps.ts';
import { isSeedanceDuration, type SeedanceAspectRatio, type VideoQuality } from '../../fal/models.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { reserveIdempotent, type Tx } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { VIDEO_DURATION_RULE } from '../fields.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { readyImage } from '../studio-images/own-image.ts';
import { startBRoll } from './start-b-roll.ts';

export interface CreateBRollInput {
  projectId: NodeRef;
  name: string;
  prompt: string;
  /** Animate this image (image-to-video); without it, text-to-video. */
  imageId?: NodeRef | null;
  durationSeconds?: number | null;
  aspectRatio?: SeedanceAspectRatio | null;
  /** Seedance 1 Pro (default) or Pro Fast. */
  quality?: VideoQuality | null;
  idempotencyKey?: string | null;
}

/** A PENDING b-roll at once; its video and thumbnail come by event. */
export async function createBRoll(deps: Deps, actor: Actor, input: CreateBRollInput) {
  const user = requireUser(actor);
  if (input.durationSeconds != null && !isSeedanceDuration(input.durationSeconds))
    throw invalid(['input', 'durationSeconds'], VIDEO_DURATION_RULE);
  const key = input.idempotencyKey ?? null;
  const earlier = (client: Tx | PrismaClient) =>
    key
      ? client.bRoll.findUnique({ where: { userId_idempotencyKey: { userId: user.id, idempotencyKey: key } } })
      : Promise.resolve(null);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const imageStoragePath = input.imageId
    ? (await readyImage(deps, user.id, input.imageId, { toAnimate: true })).storagePath
    : null;
  const { row: bRoll, created } = await reserveIdempotent(deps, user, 'BROLL', earlier, (tx) =>
    tx.bRoll.create({
      data: {
        name: input.name.trim(),
        prompt: input.prompt.trim(),
        source: imageStoragePath ? 'IMAGE_TO_VIDEO' : 'TEXT_TO_VIDEO',
        imageStoragePath,
        durationSeconds: input.durationSeconds ?? 5,
        aspectRatio: input.aspectRatio ?? '16:9',
        quality: input.quality ?? 'STANDARD',
        userId: user.id,
        projectId: project.id,
        idempotencyKey: key,
      },
    }),
  );
  // Only the request that wrote the row uploads and submits.
  if (!created) return bRoll;
  await startBRoll(deps, bRoll);
  return deps.db.bRoll.findUniqueOrThrow({ where: { id: bRoll.id } });
}
