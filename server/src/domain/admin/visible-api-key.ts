import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';

/** The key `id` if the actor may see it: admins see every key, nobody else any. */
export const visibleApiKey = (actor: Actor, id: string) =>
  ({
    id,
    ...(actor.kind === 'user' && actor.role === 'ADMIN' ? {} : { createdById: '' }),
  }) satisfies Prisma.ApiKeyWhereUniqueInput;
