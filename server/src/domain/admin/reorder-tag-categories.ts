import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { catalogChangedEvent } from '../events.ts';
import { displayOrder } from './display-order.ts';

/** Admins: the display order of the categories, given as every category's ID once, first to last. */
export async function reorderTagCategories(
  deps: Pick<Deps, 'db' | 'catalog'>,
  actor: Actor,
  input: { ids: readonly string[] },
) {
  requireAdmin(actor);
  const categories = await deps.db.$transaction(async (tx) => {
    const current = await tx.tagCategory.findMany({ select: { id: true } });
    const ids = displayOrder(
      input.ids,
      'TagCategory',
      current.map((c) => c.id),
      ['input', 'ids'],
    );
    for (const [position, id] of ids.entries()) await tx.tagCategory.update({ where: { id }, data: { position } });
    return tx.tagCategory.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  });
  await catalogChangedEvent(deps, 'tag categories reordered');
  return categories;
}
