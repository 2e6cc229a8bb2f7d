import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';

/** The user `id` if the actor may see them: users are visible to themselves only. */
export const visibleUser = (actor: Actor, id: string) =>
  ({ id: actor.kind === 'user' && actor.id === id ? id : '' }) satisfies Prisma.UserWhereUniqueInput;
