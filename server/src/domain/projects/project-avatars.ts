import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { UserActor } from '../actor.ts';

/** The avatars a project shows: those made in it and those added to it (addAvatarToProject). */
export const inProject = (projectId: string) =>
  ({ OR: [{ projectId }, { projectLinks: { some: { projectId } } }] }) satisfies Prisma.AvatarWhereInput;

/** An avatar the user may add to (or remove from) a project: a private one of theirs, or a finished public one. */
export const linkableBy = (user: UserActor) =>
  ({
    OR: [
      { userId: user.id, visibility: 'PRIVATE' },
      { visibility: 'PUBLIC', status: 'SUCCEEDED' },
    ],
  }) satisfies Prisma.AvatarWhereInput;

/** The projects the avatars were added to (not the ones they were made in): who hears of their change. */
export async function linkedProjectIds(
  deps: Pick<Deps, 'db'>,
  where: Prisma.ProjectAvatarLinkWhereInput,
): Promise<{ projectId: string; avatarId: string }[]> {
  return deps.db.projectAvatarLink.findMany({ where, select: { projectId: true, avatarId: true } });
}
