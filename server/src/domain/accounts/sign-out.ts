import type { Deps } from '../../app/deps.ts';
import { type Actor, requireUser } from '../actor.ts';

export interface SignOutInput {
  /** End every session of the user, not only this one. */
  everywhere: boolean;
  /** Hash of the token the request came with: the session that ends. */
  sessionTokenHash: string | null;
}

export async function signOut(deps: Pick<Deps, 'db'>, actor: Actor, input: SignOutInput): Promise<true> {
  const user = requireUser(actor);
  const where = input.everywhere ? { userId: user.id } : { userId: user.id, tokenHash: input.sessionTokenHash ?? '' };
  await deps.db.session.deleteMany({ where });
  return true;
}
