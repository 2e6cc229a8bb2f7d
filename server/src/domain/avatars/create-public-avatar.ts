import type { Deps } from '../../app/deps.ts';
import { reserveGeneration } from '../../generation/limits.ts';
import { keys } from '../../storage/keys.ts';
import { requireAdmin, type Actor } from '../actor.ts';
import type { NodeRef } from '../ids.ts';
import { readyImage } from '../studio-images/own-image.ts';
import { copyReference, startAvatar } from './start-avatar.ts';
import { tagIdsFor } from './tag-ids.ts';

/** Admins: a PUBLIC avatar for the catalog, with its tags; same pipeline, stored under the public paths. */
export async function createPublicAvatar(
  deps: Deps,
  actor: Actor,
  input: { name: string; imageId: NodeRef; tagSlugs: string[] },
) {
  const admin = requireAdmin(actor);
  const image = await readyImage(deps, admin.id, input.imageId, { toAnimate: true });
  const tagIds = await tagIdsFor(deps, input.tagSlugs);
  const contentType = image.contentType ?? 'image/png';
  const avatar = await reserveGeneration(deps, admin, 'AVATAR', (tx) =>
    tx.avatar.create({
      data: {
        name: input.name.trim(),
        visibility: 'PUBLIC',
        sourceImageId: image.id,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
    }),
  );
  const key = keys.publicAvatarImage(avatar.id, contentType);
  if (await copyReference(deps, avatar.id, image.storagePath, key))
    await startAvatar(deps, avatar.id, key, contentType);
  return deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
}
