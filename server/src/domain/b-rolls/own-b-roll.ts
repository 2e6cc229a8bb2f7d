import type { Deps } from '../../app/deps.ts';
import { NotFoundError } from '../errors.ts';
import type { NodeRef } from '../ids.ts';

/** The user's b-roll, or a NotFoundError. */
export async function ownBRoll(deps: Pick<Deps, 'db'>, userId: string, ref: NodeRef) {
  const bRoll = ref.id ? await deps.db.bRoll.findFirst({ where: { id: ref.id, userId } }) : null;
  if (!bRoll) throw new NotFoundError('B-roll', ref.globalId);
  return bRoll;
}
