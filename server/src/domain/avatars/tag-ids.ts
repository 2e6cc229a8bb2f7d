import type { Deps } from '../../app/deps.ts';
import { UnknownTagsError } from '../errors.ts';

/** Tag ids for slugs, or an UnknownTagsError naming every unknown one. */
export async function tagIdsFor(deps: Pick<Deps, 'db'>, slugs: string[]): Promise<string[]> {
  const wanted = [...new Set(slugs)];
  const tags = await deps.db.tag.findMany({ where: { slug: { in: wanted } }, select: { id: true, slug: true } });
  const unknown = wanted.filter((s) => !tags.some((t) => t.slug === s));
  if (unknown.length) throw new UnknownTagsError(unknown);
  return tags.map((t) => t.id);
}
