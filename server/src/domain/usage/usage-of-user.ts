import type { Deps } from '../../app/deps.ts';
import { usageOf, type UsagePeriod, type UsageSummary } from '../../generation/usage.ts';
import { requireUser, type Actor } from '../actor.ts';
import { ForbiddenError } from '../errors.ts';

/** A user's own usage in the period (an admin may read anyone's). */
export async function usageOfUser(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { userId: string; period: UsagePeriod },
): Promise<UsageSummary> {
  const user = requireUser(actor);
  if (user.id !== input.userId && user.role !== 'ADMIN') throw new ForbiddenError();
  return (await usageOf(deps, [input.userId], input.period)).get(input.userId)!;
}
