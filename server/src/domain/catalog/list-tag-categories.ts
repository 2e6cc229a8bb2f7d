import type { Deps } from '../../app/deps.ts';
import { andThen, type MaybePromise } from '../../catalog/ttl-cache.ts';
import type { TagCategory } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';

/**
 * Every tag category, in display order (position, then name): public. The taxonomy's cached value is
 * handed as it is, not wrapped in a promise (a catalog read: see README "Performance notes").
 */
export const listTagCategories = (
  deps: Pick<Deps, 'catalog'>,
  _actor: Actor,
  _input: Record<string, never> = {},
): MaybePromise<TagCategory[]> => andThen(deps.catalog.taxonomy(), (t) => t.categories);
