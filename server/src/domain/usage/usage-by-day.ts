import type { Deps } from '../../app/deps.ts';
import { usageByDay as daily, type DailyUsage, type UsagePeriod } from '../../generation/usage.ts';
import { requireUser, type Actor } from '../actor.ts';
import { ForbiddenError } from '../errors.ts';

/** A user's spend per UTC day of the period, every day listed (an admin may read anyone's). */
export async function usageByDay(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { userId: string; period: UsagePeriod },
): Promise<DailyUsage[]> {
  const user = requireUser(actor);
  if (user.id !== input.userId && user.role !== 'ADMIN') throw new ForbiddenError();
  return daily(deps, input.userId, input.period);
}
