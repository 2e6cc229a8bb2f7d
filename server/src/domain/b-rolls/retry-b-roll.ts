import type { Deps } from '../../app/deps.ts';
import { reserveGeneration, retryReset } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';
import { startBRoll } from './start-b-roll.ts';

/** A FAILED b-roll back to PENDING and submitted again. */
export async function retryBRoll(deps: Deps, actor: Actor, input: { id: NodeRef }) {
  const user = requireUser(actor);
  const bRoll = await ownBRoll(deps, user.id, input.id);
  if (bRoll.status !== 'FAILED') throw invalid(['input', 'id'], 'Only a FAILED b-roll can be retried.');
  const retried = await reserveGeneration(deps, user, 'BROLL', async (tx) => {
    const { count } = await tx.bRoll.updateMany({ where: { id: bRoll.id, status: 'FAILED' }, data: retryReset() });
    return count ? { id: bRoll.id } : null;
  });
  if (retried) await startBRoll(deps, bRoll);
  return deps.db.bRoll.findUniqueOrThrow({ where: { id: bRoll.id } });
}
