// The workflow of an avatar once its row is PENDING: its own copy of the reference, then Seedance (mute).
import type { Deps } from '../../app/deps.ts';
import type { SeedanceAspectRatio, SeedanceDuration, VideoQuality } from '../../fal/models.ts';
import { handToFal } from '../generations/hand-to-fal.ts';
import { avatar as avatarKind, avatarFast } from '../generations/kinds/avatar.ts';

/** An avatar's format as its row keeps it: no aspect ratio = the reference's proportions. */
export interface AvatarFormat {
  aspectRatio?: string | null;
  durationSeconds?: number | null;
  quality?: VideoQuality | null;
}

/**
 * Copies the studio image to the avatar's own key. The studio image may vanish between the check and the
 * copy (the TTL sweep, a delete in another tab): the avatar then fails with a reason, not the request with a 500.
 */
export async function copyReference(
  deps: Pick<Deps, 'db' | 'storage' | 'pipeline'>,
  avatarId: string,
  fromKey: string,
  toKey: string,
): Promise<boolean> {
  try {
    await deps.storage.copy(fromKey, toKey);
  } catch (e) {
    const reason = `The reference image is no longer available (${(e as Error).message}). Pick or make another one.`;
    await deps.pipeline.fail({ kind: 'AVATAR', id: avatarId }, reason);
    return false;
  }
  await deps.db.avatar.update({ where: { id: avatarId }, data: { imageStoragePath: toKey } });
  return true;
}

/** Hands fal a URL of the avatar's reference and submits it, in the avatar's format. */
export async function startAvatar(
  deps: Pick<Deps, 'storage' | 'gateway' | 'pipeline'>,
  avatarId: string,
  imageKey: string,
  contentType: string,
  format: AvatarFormat = {},
) {
  const target = { kind: 'AVATAR' as const, id: avatarId };
  const handed = await handToFal(
    deps,
    target,
    { key: imageKey, contentType },
    'The reference image is no longer available. Create a new avatar.',
  );
  if (handed.kind !== 'uploaded') return;
  // The row's values were checked by the use case that wrote them; the kind's schema checks them again.
  const input = {
    imageUrl: handed.url,
    ...(format.durationSeconds ? { durationSeconds: format.durationSeconds as SeedanceDuration } : {}),
    ...(format.aspectRatio ? { aspectRatio: format.aspectRatio as SeedanceAspectRatio } : {}),
  };
  await deps.pipeline.start(format.quality === 'FAST' ? avatarFast : avatarKind, target, input);
}

export const contentTypeOfKey = (key: string) =>
  key.endsWith('.jpg') ? 'image/jpeg' : key.endsWith('.webp') ? 'image/webp' : 'image/png';
