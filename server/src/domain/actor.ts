// Who asks. Use cases take the actor and do their own authorization with these guards.
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

export type Actor =
  | { kind: 'user'; id: string; role: 'USER' | 'ADMIN' }
  | { kind: 'apiKey'; id: string; name: string }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}

export function requireAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (user.role !== 'ADMIN') throw new ForbiddenError();
  return user;
}
