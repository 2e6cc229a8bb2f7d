import type { Deps } from '../../app/deps.ts';
import {
  isSeedanceAspectRatio,
  isSeedanceDuration,
  SEEDANCE_DEFAULT_DURATION,
  type SeedanceAspectRatio,
  type VideoQuality,
} from '../../fal/models.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { reserveIdempotent, type Tx } from '../../generation/limits.ts';
import { keys } from '../../storage/keys.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import { VIDEO_DURATION_RULE } from '../fields.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from '../projects/own-project.ts';
import { readyImage } from '../studio-images/own-image.ts';
import { copyReference, startAvatar } from './start-avatar.ts';

export interface CreateAvatarInput {
  projectId: NodeRef;
  name: string;
  imageId: NodeRef;
  /** Omitted: the reference image's proportions. */
  aspectRatio?: SeedanceAspectRatio | null;
  durationSeconds?: number | null;
  quality?: VideoQuality | null;
  idempotencyKey?: string | null;
}

/** A private avatar in a project from one of the user's images: PENDING at once, its video comes by event. */
export async function createAvatar(deps: Deps, actor: Actor, input: CreateAvatarInput) {
  const user = requireUser(actor);
  // Checked before anything is read or written: a refused format costs nothing.
  if (input.durationSeconds != null && !isSeedanceDuration(input.durationSeconds))
    throw invalid(['input', 'durationSeconds'], VIDEO_DURATION_RULE);
  if (input.aspectRatio != null && !isSeedanceAspectRatio(input.aspectRatio))
    throw invalid(['input', 'aspectRatio'], 'Not a format Seedance makes.');
  const idempotencyKey = input.idempotencyKey ?? null;
  const earlier = (client: Tx | PrismaClient) =>
    idempotencyKey
      ? client.avatar.findUnique({ where: { userId_idempotencyKey: { userId: user.id, idempotencyKey } } })
      : Promise.resolve(null);
  const replayed = await earlier(deps.db);
  if (replayed) return replayed;
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const image = await readyImage(deps, user.id, input.imageId, { toAnimate: true });
  const contentType = image.contentType ?? 'image/png';
  const { row: avatar, created } = await reserveIdempotent(deps, user, 'AVATAR', earlier, (tx) =>
    tx.avatar.create({
      data: {
        name: input.name.trim(),
        visibility: 'PRIVATE',
        userId: user.id,
        projectId: project.id,
        sourceImageId: image.id,
        aspectRatio: input.aspectRatio ?? null,
        durationSeconds: input.durationSeconds ?? SEEDANCE_DEFAULT_DURATION,
        quality: input.quality ?? 'STANDARD',
        idempotencyKey,
      },
    }),
  );
  // Only the request that wrote the row copies the reference and submits: one key, one fal bill.
  if (!created) return avatar;
  const key = keys.privateAvatarImage(user.id, avatar.id, contentType);
  if (await copyReference(deps, avatar.id, image.storagePath, key))
    await startAvatar(deps, avatar.id, key, contentType, avatar);
  return deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
}
