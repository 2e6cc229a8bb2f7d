import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';

/** The row `id` if the actor may see it: their own project only (anyone else's is as good as missing). */
export const visibleProject = (actor: Actor, id: string) =>
  ({ id, ownerId: actor.kind === 'user' ? actor.id : '' }) satisfies Prisma.ProjectWhereUniqueInput;
