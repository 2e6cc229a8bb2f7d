import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import type { Shape } from '../shape.ts';

/** Every partner key, newest first, revoked ones included. */
export async function listApiKeys(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  shape: Shape<Prisma.ApiKeySelect, Prisma.ApiKeyInclude> = {},
) {
  requireAdmin(actor);
  return deps.db.apiKey.findMany({ ...shape, orderBy: { createdAt: 'desc' } });
}
