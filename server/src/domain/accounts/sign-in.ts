import type { Deps } from '../../app/deps.ts';
import { checkPassword } from '../../auth/crypto.ts';
import type { Actor } from '../actor.ts';
import { InvalidCredentialsError, RateLimitedError } from '../errors.ts';
import { inMinutes, type NewSession, normalisedEmail, startSession } from './session.ts';

export interface SignInInput {
  email: string;
  password: string;
  /** Where the request came from: failed sign-ins are limited per account and per address. */
  clientAddress: string;
}

/** A new session for the account whose password this is. */
export async function signIn(deps: Deps, _actor: Actor, input: SignInInput): Promise<NewSession> {
  const email = normalisedEmail(input.email);
  // Refused before the password is looked at: past the limit even the right one gets this answer.
  const allowed = await deps.authLimits.signInAttempt(email, input.clientAddress);
  if (!allowed.ok) {
    throw new RateLimitedError(
      `Too many failed sign-ins; try again ${inMinutes(allowed.retryAfter)}.`,
      allowed.retryAfter,
    );
  }
  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  // An unknown email is checked against a dummy hash, so it answers after the same work as a wrong password.
  if (!(await checkPassword(input.password, user?.passwordHash)) || !user) throw new InvalidCredentialsError();
  await deps.authLimits.signInSucceeded(email, input.clientAddress);
  return startSession(deps, user.id);
}
