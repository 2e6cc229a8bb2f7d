import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';

/** Deletes the b-roll, its video and thumbnail; a late result for it only reaches the ledger. */
export async function deleteBRoll(
  deps: Pick<Deps, 'db' | 'storage' | 'pubsub'>,
  actor: Actor,
  input: { id: NodeRef },
): Promise<void> {
  const bRoll = await ownBRoll(deps, requireUser(actor).id, input.id);
  await deps.db.bRoll.delete({ where: { id: bRoll.id } });
  await deps.storage.remove([bRoll.videoStoragePath, bRoll.thumbnailStoragePath].filter((k): k is string => !!k));
  await generationChanged(deps, { kind: 'BROLL', id: bRoll.id, projectId: bRoll.projectId });
}
