// The user's library: every avatar they made, across projects (User.avatars).
import type { GenerationStatus, Prisma } from '../../generated/prisma/client.ts';
import { rowIdOrNull } from '../ids.ts';
import { inProject } from '../projects/project-avatars.ts';

/** The library's filters: in a project (made there or added to it), with a status. A malformed ID matches none. */
export function libraryFilter(input: {
  projectId?: string | null;
  status?: GenerationStatus | null;
}): Prisma.AvatarWhereInput {
  const projectId = input.projectId ? (rowIdOrNull(input.projectId, 'Project') ?? '') : null;
  return { ...(input.status ? { status: input.status } : {}), ...(projectId !== null ? inProject(projectId) : {}) };
}
