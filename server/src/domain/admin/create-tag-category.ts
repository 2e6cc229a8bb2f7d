import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { ConflictError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import { chooseSlug } from './choose-slug.ts';

export interface CreateTagCategoryInput {
  name: string;
  slug?: string | null;
  position?: number | null;
}

export async function createTagCategory(
  deps: Pick<Deps, 'db' | 'catalog'>,
  actor: Actor,
  input: CreateTagCategoryInput,
) {
  requireAdmin(actor);
  const slug = chooseSlug(input.slug, input.name, ['input', 'slug']);
  if (await deps.db.tagCategory.findUnique({ where: { slug } })) {
    throw new ConflictError(`A category with slug "${slug}" exists.`, ['input', 'slug']);
  }
  const last = input.position == null ? await deps.db.tagCategory.aggregate({ _max: { position: true } }) : null;
  const position = input.position ?? (last?._max.position ?? -1) + 1; // without one, it comes last
  const created = await deps.db.tagCategory.create({ data: { name: input.name.trim(), slug, position } });
  await catalogChangedEvent(deps, 'tag category created');
  return created;
}
