import type { Deps } from '../../app/deps.ts';
import { API_KEY_PREFIX, newSecret, sha256 } from '../../auth/crypto.ts';
import { type Actor, requireAdmin } from '../actor.ts';

/** What a partner key may do: read the public catalog. */
export const PARTNER_SCOPES = ['catalog:read'] as const;

/** A read-only partner key; its secret is returned this once and stored hashed. */
export async function createApiKey(deps: Pick<Deps, 'db'>, actor: Actor, input: { name: string }) {
  const admin = requireAdmin(actor);
  const key = newSecret(API_KEY_PREFIX);
  const apiKey = await deps.db.apiKey.create({
    data: {
      name: input.name.trim(),
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      scopes: [...PARTNER_SCOPES],
      createdById: admin.id,
    },
  });
  return { key, apiKey };
}
