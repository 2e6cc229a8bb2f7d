import type { Deps } from '../../app/deps.ts';
import { type Actor, requireUser } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { rowId } from '../ids.ts';
import { visibleProject } from './visible-project.ts';

/**
 * The actor's project named by its public ID, or a NotFoundError: someone else's project looks exactly
 * like a missing one. What every use case acting inside a project starts with.
 */
export async function ownProject(deps: Pick<Deps, 'db'>, actor: Actor, input: { projectId: string }) {
  const user = requireUser(actor);
  const id = rowId(input.projectId, 'Project');
  const project = await deps.db.project.findFirst({ where: visibleProject(user, id) });
  if (!project) throw new NotFoundError('Project', input.projectId);
  return project;
}
