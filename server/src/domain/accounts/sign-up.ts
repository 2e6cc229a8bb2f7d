import type { Deps } from '../../app/deps.ts';
import { hashPassword } from '../../auth/crypto.ts';
import type { Actor } from '../actor.ts';
import { ConflictError, RateLimitedError } from '../errors.ts';
import { inMinutes, type NewSession, normalisedEmail, startSession } from './session.ts';

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
  /** Where the request came from: sign-ups are limited per address. */
  clientAddress: string;
}

/** A new account and its first session. Anyone may sign up; the actor is not read. */
export async function signUp(deps: Deps, _actor: Actor, input: SignUpInput): Promise<NewSession> {
  const allowed = await deps.authLimits.signUpAttempt(input.clientAddress);
  if (!allowed.ok) {
    throw new RateLimitedError(
      `Too many sign-ups from your network; try again ${inMinutes(allowed.retryAfter)}.`,
      allowed.retryAfter,
    );
  }
  const email = normalisedEmail(input.email);
  if (await deps.db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError('An account with this email already exists.', ['input', 'email']);
  }
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.user.create({ data: { email, name: input.name.trim(), passwordHash } });
  return startSession(deps, user.id);
}
