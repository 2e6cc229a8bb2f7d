import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';

/** The b-roll whose changes `bRollUpdated` follows; a NotFoundError when it is not the user's. */
export async function findBRollToWatch(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { id: NodeRef },
): Promise<{ id: string }> {
  return ownBRoll(deps, requireUser(actor).id, input.id);
}
