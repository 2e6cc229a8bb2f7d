import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { avatarLinksChanged, catalogChangedEvent, generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { linkedProjectIds } from '../projects/project-avatars.ts';
import { ownAvatar } from './own-avatar.ts';

/**
 * Deletes the avatar with its image and video, from every project it was added to as well; a late result
 * for it only reaches the ledger.
 */
export async function deleteAvatar(
  deps: Pick<Deps, 'db' | 'storage' | 'pubsub' | 'catalog'>,
  actor: Actor,
  input: { id: NodeRef },
): Promise<void> {
  const avatar = await ownAvatar(deps, requireUser(actor), input.id);
  const links = await linkedProjectIds(deps, { avatarId: avatar.id });
  await deps.db.avatar.delete({ where: { id: avatar.id } });
  await deps.storage.remove([avatar.imageStoragePath, avatar.videoStoragePath].filter((k): k is string => !!k));
  await generationChanged(deps, { kind: 'AVATAR', id: avatar.id, projectId: avatar.projectId });
  await avatarLinksChanged(
    deps,
    avatar.id,
    links.map((l) => l.projectId),
  );
  if (avatar.visibility === 'PUBLIC') await catalogChangedEvent(deps, 'public avatar deleted');
}
