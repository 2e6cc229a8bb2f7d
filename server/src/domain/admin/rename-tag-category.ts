import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';

export async function renameTagCategory(
  deps: Pick<Deps, 'db' | 'catalog'>,
  actor: Actor,
  input: { id: string; name: string },
) {
  requireAdmin(actor);
  const id = rowId(input.id, 'TagCategory', 'Tag category');
  const { count } = await deps.db.tagCategory.updateMany({ where: { id }, data: { name: input.name.trim() } });
  if (!count) throw new NotFoundError('Tag category', input.id);
  await catalogChangedEvent(deps, 'tag category renamed');
  return deps.db.tagCategory.findUniqueOrThrow({ where: { id } });
}
