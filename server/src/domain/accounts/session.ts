import type { Deps } from '../../app/deps.ts';
import { newSecret, SESSION_PREFIX, sha256 } from '../../auth/crypto.ts';

/** A session's bearer token, shown once; only its hash is stored. */
export interface NewSession {
  token: string;
  expiresAt: Date;
  userId: string;
}

export async function startSession(deps: Pick<Deps, 'db' | 'settings'>, userId: string): Promise<NewSession> {
  const token = newSecret(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + deps.settings.sessionTtlMs);
  await deps.db.session.create({ data: { tokenHash: sha256(token), userId, expiresAt } });
  return { token, expiresAt, userId };
}

/** "in 3 minutes", for a RateLimitedError's message. */
export function inMinutes(at: Date): string {
  const minutes = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export const normalisedEmail = (email: string) => email.trim().toLowerCase();
