import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';

/** Deletes the category and its tags (avatars lose those tags). */
export async function deleteTagCategory(deps: Pick<Deps, 'db' | 'catalog'>, actor: Actor, input: { id: string }) {
  requireAdmin(actor);
  const id = rowId(input.id, 'TagCategory', 'Tag category');
  const { count } = await deps.db.tagCategory.deleteMany({ where: { id } });
  if (!count) throw new NotFoundError('Tag category', input.id);
  await catalogChangedEvent(deps, 'tag category deleted');
  return { id: input.id };
}
