import type { Deps } from '../../app/deps.ts';
import { requireUser, type Actor } from '../actor.ts';
import { generationChanged } from '../events.ts';
import type { NodeRef } from '../ids.ts';
import { ownBRoll } from './own-b-roll.ts';

export async function renameBRoll(
  deps: Pick<Deps, 'db' | 'pubsub'>,
  actor: Actor,
  input: { id: NodeRef; name: string },
) {
  const bRoll = await ownBRoll(deps, requireUser(actor).id, input.id);
  const updated = await deps.db.bRoll.update({ where: { id: bRoll.id }, data: { name: input.name.trim() } });
  await generationChanged(deps, { kind: 'BROLL', id: bRoll.id, projectId: bRoll.projectId });
  return updated;
}
