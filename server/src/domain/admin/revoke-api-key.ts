import type { Deps } from '../../app/deps.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { rowId } from '../ids.ts';

/** Ends a key at once; revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: Pick<Deps, 'db'>, actor: Actor, input: { id: string }) {
  requireAdmin(actor);
  const id = rowId(input.id, 'ApiKey', 'API key');
  const { count } = await deps.db.apiKey.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (!count && !(await deps.db.apiKey.findUnique({ where: { id } }))) throw new NotFoundError('API key', input.id);
  return deps.db.apiKey.findUniqueOrThrow({ where: { id } });
}
