import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import type { NodeRef } from '../ids.ts';
import { ownAvatar } from './own-avatar.ts';

/** The avatar whose changes `avatarUpdated` follows; a NotFoundError when it is not the user's to follow. */
export async function findAvatarToWatch(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { id: NodeRef },
): Promise<{ id: string }> {
  return ownAvatar(deps, requireUser(actor), input.id);
}
