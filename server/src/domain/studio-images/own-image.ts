import type { Deps } from '../../app/deps.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Tx } from '../../generation/limits.ts';
import { invalid, NotFoundError } from '../errors.ts';
import type { NodeRef } from '../ids.ts';

/** The user's image, or a NotFoundError (someone else's is indistinguishable from a missing one). */
export async function ownImage(deps: Pick<Deps, 'db'>, userId: string, ref: NodeRef) {
  const image = ref.id ? await deps.db.image.findFirst({ where: { id: ref.id, userId } }) : null;
  if (!image) throw new NotFoundError('Image', ref.globalId);
  return image;
}

/** One of the user's finished images; to be animated (avatar, b-roll) it must not be flagged NSFW either. */
export async function readyImage(deps: Pick<Deps, 'db'>, userId: string, ref: NodeRef, { toAnimate = false } = {}) {
  const image = await ownImage(deps, userId, ref);
  if (image.status !== 'SUCCEEDED' || !image.storagePath)
    throw invalid(['input', 'imageId'], 'This image is not ready yet.');
  if (toAnimate && image.nsfw)
    throw invalid(['input', 'imageId'], 'This image was flagged as not safe for work and cannot be animated.');
  return { ...image, storagePath: image.storagePath };
}

/** The user's image with this idempotency key, if the request has one (generateImage and editImage share the keys). */
export const earlierImage =
  (userId: string, idempotencyKey: string | null | undefined) => (client: Tx | PrismaClient) =>
    idempotencyKey
      ? client.image.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } })
      : Promise.resolve(null);
