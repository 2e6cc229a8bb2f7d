import type { Deps } from '../../app/deps.ts';
import { type Actor, requireUser } from '../actor.ts';

export async function createProject(deps: Pick<Deps, 'db'>, actor: Actor, input: { name: string }) {
  const user = requireUser(actor);
  return deps.db.project.create({ data: { name: input.name.trim(), ownerId: user.id } });
}
