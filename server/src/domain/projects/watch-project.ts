import type { Deps } from '../../app/deps.ts';
import type { Actor } from '../actor.ts';
import { ownProject } from './own-project.ts';

/** The events of the actor's project (projectUpdated); a NotFoundError when it names none of theirs. */
export async function watchProject(deps: Pick<Deps, 'db' | 'pubsub'>, actor: Actor, input: { projectId: string }) {
  const project = await ownProject(deps, actor, input);
  return deps.pubsub.subscribe('projectUpdated', project.id);
}
