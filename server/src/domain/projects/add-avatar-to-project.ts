import type { Deps } from '../../app/deps.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid, NotFoundError } from '../errors.ts';
import { avatarLinksChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownProject } from './own-project.ts';
import { linkableBy } from './project-avatars.ts';

/**
 * Adds an existing avatar to one of the user's projects: a SUCCEEDED private avatar of theirs (made in any
 * project) or a public one. A link only: no copy, no generation, nothing in the ledger. Adding it again, or
 * to the project it was made in, changes nothing and answers the same.
 */
export async function addAvatarToProject(
  deps: Pick<Deps, 'db' | 'pubsub'>,
  actor: Actor,
  input: { projectId: NodeRef; avatarId: NodeRef },
) {
  const user = requireUser(actor);
  const project = await ownProject(deps, user, { projectId: input.projectId.globalId });
  const id = input.avatarId.id;
  const avatar = id ? await deps.db.avatar.findFirst({ where: { id, ...linkableBy(user) } }) : null;
  if (!avatar) throw new NotFoundError('Avatar', input.avatarId.globalId);
  if (avatar.status !== 'SUCCEEDED')
    throw invalid(
      ['input', 'avatarId'],
      `Only a finished avatar can be added to a project (this one is ${avatar.status}).`,
    );
  if (avatar.projectId === project.id) return avatar;
  try {
    const { count } = await deps.db.projectAvatarLink.createMany({
      data: [{ projectId: project.id, avatarId: avatar.id }],
      skipDuplicates: true,
    });
    if (count) await avatarLinksChanged(deps, avatar.id, [project.id]);
  } catch (e) {
    // The avatar or the project was deleted meanwhile (in another tab): as missing as if it had been before.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2003')
      throw new NotFoundError('Avatar', input.avatarId.globalId);
    throw e;
  }
  return avatar;
}
