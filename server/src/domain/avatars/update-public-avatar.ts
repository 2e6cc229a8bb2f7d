import type { Deps } from '../../app/deps.ts';
import { requireAdmin, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { catalogChangedEvent } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { tagIdsFor } from './tag-ids.ts';

/** Admins: a public avatar's name and (all of) its tags. */
export async function updatePublicAvatar(
  deps: Pick<Deps, 'db' | 'pubsub' | 'catalog'>,
  actor: Actor,
  input: { id: NodeRef; name?: string | null; tagSlugs?: string[] | null },
) {
  requireAdmin(actor);
  const id = input.id.id;
  const avatar = id
    ? await deps.db.avatar.findFirst({ where: { id, visibility: 'PUBLIC' }, select: { id: true } })
    : null;
  if (!avatar) throw new NotFoundError('Public avatar', input.id.globalId);
  const tagIds = input.tagSlugs ? await tagIdsFor(deps, input.tagSlugs) : null;
  const updated = await deps.db.avatar.update({
    where: { id: avatar.id },
    data: {
      ...(input.name ? { name: input.name.trim() } : {}),
      ...(tagIds ? { tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) } } : {}),
    },
  });
  await catalogChangedEvent(deps, 'public avatar updated');
  return updated;
}
