import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid, NotFoundError } from '../errors.ts';
import { avatarLinksChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from './own-project.ts';
import { linkableBy } from './project-avatars.ts';

/**
 * Takes an avatar added to a project out of it; the avatar itself stays (in its own project, the catalog,
 * the library). One made in this project is deleted instead (deleteAvatar). Removing one that is not
 * there changes nothing.
 */
export async function removeAvatarFromProject(
  deps: Pick<Deps, 'db' | 'pubsub'>,
  actor: Actor,
  input: { projectId: NodeRef; avatarId: NodeRef },
) {
  const user = requireUser(actor);
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const id = input.avatarId.id;
  const avatar = id ? await deps.db.avatar.findFirst({ where: { id, ...linkableBy(user) } }) : null;
  if (!avatar) throw new NotFoundError('Avatar', input.avatarId.globalId);
  if (avatar.projectId === project.id)
    throw invalid(['input', 'avatarId'], 'This avatar was made in this project: delete it instead.');
  const { count } = await deps.db.projectAvatarLink.deleteMany({
    where: { projectId: project.id, avatarId: avatar.id },
  });
  if (count) await avatarLinksChanged(deps, avatar.id, [project.id]);
  return avatar;
}
