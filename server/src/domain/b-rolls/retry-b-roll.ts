import type { Deps } from '../../app/deps.ts';
import { reserveGeneration, retryReset } from '../../generation/limits.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';
import { startBRoll } from './start-b-roll.ts';

/** A FAILED or CANCELLED b-roll back to PENDING and submitted again. */
export async function retryBRoll(deps: Deps, actor: Actor, input: { id: NodeRef }) {
  const user = requireUser(actor);
  const bRoll = await ownBRoll(deps, user.id, input.id);
  if (bRoll.status !== 'FAILED' && bRoll.status !== 'CANCELLED')
    throw invalid(['input', 'id'], 'Only a FAILED or CANCELLED b-roll can be retried.');
  const retried = await reserveGeneration(deps, user, 'BROLL', async (tx) => {
    const { count } = await tx.bRoll.updateMany({
      where: { id: bRoll.id, status: { in: ['FAILED', 'CANCELLED'] } },
      data: retryReset(),
    });
    return count ? { id: bRoll.id } : null;
  });
  if (retried) await startBRoll(deps, bRoll);
  return deps.db.bRoll.findUniqueOrThrow({ where: { id: bRoll.id } });
}
