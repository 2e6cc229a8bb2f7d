// The user's library: every avatar they made, across projects (User.avatars), and what remaking one costs.
import type { GenerationStatus, Prisma } from '../../generated/prisma/client.ts';
import { estimateCostUsd } from '../../fal/models.ts';
import { avatar as avatarKind } from '../generations/kinds/avatar.ts';
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

/**
 * The price table's estimate for a new avatar generation from a reference (createAvatar with the model's
 * default settings): what "make my own version" of an avatar costs, where adding it to a project is free.
 */
export const newAvatarEstimatedCost = (): number => estimateCostUsd(avatarKind.model, {});
