import type { Deps } from '../../app/deps.ts';
import type { UserActor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import type { NodeRef } from '../ids.ts';

/** An avatar the user may change: their own, or (admins) any public one. Else a NotFoundError. */
export async function ownAvatar(deps: Pick<Deps, 'db'>, user: UserActor, ref: NodeRef) {
  const mine = [{ userId: user.id }, ...(user.role === 'ADMIN' ? [{ visibility: 'PUBLIC' as const }] : [])];
  const avatar = ref.id ? await deps.db.avatar.findFirst({ where: { id: ref.id, OR: mine } }) : null;
  if (!avatar) throw new NotFoundError('Avatar', ref.globalId);
  return avatar;
}
