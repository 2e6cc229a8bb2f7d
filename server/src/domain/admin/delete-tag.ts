import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';

export async function deleteTag(deps: Pick<Deps, 'db' | 'catalog'>, actor: Actor, input: { id: string }) {
  requireAdmin(actor);
  const id = rowId(input.id, 'Tag');
  const { count } = await deps.db.tag.deleteMany({ where: { id } });
  if (!count) throw new NotFoundError('Tag', input.id);
  await catalogChangedEvent(deps, 'tag deleted');
  return { id: input.id };
}
