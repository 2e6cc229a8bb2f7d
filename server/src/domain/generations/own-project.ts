import type { Deps } from '../../app/deps.ts';
import { NotFoundError } from '../errors.ts';
import type { NodeRef } from './node-ref.ts';

/** The user's project, or a NotFoundError (someone else's is indistinguishable from a missing one). */
export async function ownProject(deps: Pick<Deps, 'db'>, userId: string, ref: NodeRef) {
  const project = ref.id
    ? await deps.db.project.findFirst({ where: { id: ref.id, ownerId: userId }, select: { id: true } })
    : null;
  if (!project) throw new NotFoundError('Project', ref.globalId);
  return project;
}
