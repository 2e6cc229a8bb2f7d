import type { Deps } from '../../app/deps.ts';
import { reserveGeneration, retryReset } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import type { NodeRef } from '../ids.ts';
import { ownAvatar } from './own-avatar.ts';
import { contentTypeOfKey, startAvatar } from './start-avatar.ts';

/** A FAILED or CANCELLED avatar back to PENDING and submitted again from its own copy of the reference. */
export async function retryAvatar(deps: Deps, actor: Actor, input: { id: NodeRef }) {
  const user = requireUser(actor);
  const avatar = await ownAvatar(deps, user, input.id);
  if (avatar.status !== 'FAILED' && avatar.status !== 'CANCELLED')
    throw invalid(['input', 'id'], 'Only a FAILED or CANCELLED avatar can be retried.');
  const reference = avatar.imageStoragePath;
  if (!reference) throw invalid(['input', 'id'], 'This avatar has no reference image left; create a new one.');
  const retried = await reserveGeneration(deps, user, 'AVATAR', async (tx) => {
    const { count } = await tx.avatar.updateMany({
      where: { id: avatar.id, status: { in: ['FAILED', 'CANCELLED'] } },
      data: retryReset(),
    });
    return count ? { id: avatar.id } : null;
  });
  if (retried) await startAvatar(deps, avatar.id, reference, contentTypeOfKey(reference), avatar);
  return deps.db.avatar.findUniqueOrThrow({ where: { id: avatar.id } });
}
