import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { type Actor, requireUser } from '../actor.ts';
import { rowIdOrNull } from '../ids.ts';
import type { Shape } from '../shape.ts';
import { visibleProject } from './visible-project.ts';

/** The actor's project, or null when the ID names none of theirs (malformed, missing or someone else's). */
export async function getProject(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { projectId: string; shape?: Shape<Prisma.ProjectSelect, Prisma.ProjectInclude> },
) {
  const user = requireUser(actor);
  const id = rowIdOrNull(input.projectId, 'Project');
  return id ? deps.db.project.findFirst({ ...input.shape, where: visibleProject(user, id) }) : null;
}
