import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { avatarLinksChanged, catalogChangedEvent, generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { linkedProjectIds } from '../projects/project-avatars.ts';
import { ownAvatar } from './own-avatar.ts';

export async function renameAvatar(
  deps: Pick<Deps, 'db' | 'pubsub' | 'catalog'>,
  actor: Actor,
  input: { id: NodeRef; name: string },
) {
  const avatar = await ownAvatar(deps, requireUser(actor), input.id);
  const updated = await deps.db.avatar.update({ where: { id: avatar.id }, data: { name: input.name.trim() } });
  await generationChanged(deps, { kind: 'AVATAR', id: avatar.id, projectId: avatar.projectId });
  const links = await linkedProjectIds(deps, { avatarId: avatar.id });
  await avatarLinksChanged(
    deps,
    avatar.id,
    links.map((l) => l.projectId),
  );
  if (avatar.visibility === 'PUBLIC') await catalogChangedEvent(deps, 'public avatar renamed');
  return updated;
}
