import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';
import { displayOrder } from './display-order.ts';

/** Admins: the display order of one category's tags, given as each of its tags' IDs once, first to last. */
export async function reorderTags(
  deps: Pick<Deps, 'db' | 'catalog'>,
  actor: Actor,
  input: { categoryId: string; ids: readonly string[] },
) {
  requireAdmin(actor);
  const categoryId = rowId(input.categoryId, 'TagCategory', 'Tag category');
  const category = await deps.db.$transaction(async (tx) => {
    const found = await tx.tagCategory.findUnique({ where: { id: categoryId }, include: { tags: true } });
    if (!found) throw new NotFoundError('Tag category', input.categoryId);
    const ids = displayOrder(
      input.ids,
      'Tag',
      found.tags.map((t) => t.id),
      ['input', 'ids'],
    );
    for (const [position, id] of ids.entries()) await tx.tag.update({ where: { id }, data: { position } });
    const { tags: _tags, ...row } = found;
    return row;
  });
  await catalogChangedEvent(deps, 'tags reordered');
  return category;
}
