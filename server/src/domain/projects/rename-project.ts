import type { Deps } from '../../app/deps.ts';
import type { Actor } from '../actor.ts';
import { projectChanged } from '../events.ts';
import { ownProject } from './own-project.ts';

export async function renameProject(
  deps: Pick<Deps, 'db' | 'pubsub'>,
  actor: Actor,
  input: { projectId: string; name: string },
) {
  const project = await ownProject(deps, actor, input);
  const renamed = await deps.db.project.update({ where: { id: project.id }, data: { name: input.name.trim() } });
  await projectChanged(deps, project.id);
  return renamed;
}
