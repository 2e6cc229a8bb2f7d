import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';

export async function renameTag(deps: Pick<Deps, 'db' | 'catalog'>, actor: Actor, input: { id: string; name: string }) {
  requireAdmin(actor);
  const id = rowId(input.id, 'Tag');
  const { count } = await deps.db.tag.updateMany({ where: { id }, data: { name: input.name.trim() } });
  if (!count) throw new NotFoundError('Tag', input.id);
  await catalogChangedEvent(deps, 'tag renamed');
  return deps.db.tag.findUniqueOrThrow({ where: { id } });
}
