import type { Deps } from '../../app/deps.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { type Actor, requireAdmin } from '../actor.ts';
import { invalid } from '../errors.ts';

const publicNamed = (search: string | undefined): Prisma.AvatarWhereInput => ({
  visibility: 'PUBLIC',
  ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
});

/** A page of a connection as its reader plans it (cursor, take, skip) with the columns it reads. */
export type AvatarPage = Pick<Prisma.AvatarFindManyArgs, 'cursor' | 'take' | 'skip' | 'select' | 'include'>;

/**
 * Admins: every public avatar whatever its status (the catalog shows only SUCCEEDED ones), newest
 * first, optionally those whose name contains `search` (case-insensitive).
 */
export async function listPublicAvatarsForAdmin(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { search?: string | null },
  page: AvatarPage,
) {
  requireAdmin(actor);
  const search = input.search?.trim();
  if ((search?.length ?? 0) > 100) throw invalid(['search'], 'At most 100 characters.');
  return deps.db.avatar.findMany({
    ...page,
    where: publicNamed(search),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/** How many public avatars listPublicAvatarsForAdmin lists for `search`. */
export async function countPublicAvatarsForAdmin(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { search?: string | null },
) {
  requireAdmin(actor);
  return deps.db.avatar.count({ where: publicNamed(input.search?.trim()) });
}
