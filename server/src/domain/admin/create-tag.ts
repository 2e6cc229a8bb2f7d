import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { rowId } from '../ids.ts';
import { chooseSlug } from './choose-slug.ts';

export interface CreateTagInput {
  categoryId: string;
  name: string;
  slug?: string | null;
}

export async function createTag(deps: Pick<Deps, 'db' | 'catalog'>, actor: Actor, input: CreateTagInput) {
  requireAdmin(actor);
  const categoryId = rowId(input.categoryId, 'TagCategory', 'Tag category');
  const slug = chooseSlug(input.slug, input.name, ['input', 'slug']);
  if (!(await deps.db.tagCategory.findUnique({ where: { id: categoryId } }))) {
    throw new NotFoundError('Tag category', input.categoryId);
  }
  if (await deps.db.tag.findUnique({ where: { slug } }))
    throw new ConflictError(`A tag with slug "${slug}" exists.`, ['input', 'slug']);
  const last = await deps.db.tag.aggregate({ where: { categoryId }, _max: { position: true } });
  const position = (last._max.position ?? -1) + 1; // a new tag comes last in its category
  const created = await deps.db.tag.create({ data: { name: input.name.trim(), slug, categoryId, position } });
  await catalogChangedEvent(deps, 'tag created');
  return created;
}
