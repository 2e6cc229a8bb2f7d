import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';
import type { Shape } from '../shape.ts';

/** The signed-in user's own row, or null for anyone else (anonymous, a partner key). */
export async function getViewer(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  shape: Shape<Prisma.UserSelect, Prisma.UserInclude> = {},
) {
  return actor.kind === 'user' ? deps.db.user.findUnique({ ...shape, where: { id: actor.id } }) : null;
}
