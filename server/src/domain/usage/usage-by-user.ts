import type { Deps } from '../../app/deps.ts';
import {
  usageByUserPage,
  usageOf,
  usageUserCount,
  type UsagePeriod,
  type UsageSummary,
} from '../../generation/usage.ts';
import { requireAdmin, type Actor } from '../actor.ts';
import { invalid } from '../errors.ts';

export interface UserUsage {
  userId: string;
  email: string;
  name: string;
  usage: UsageSummary;
}

export interface UsagePage {
  edges: { node: UserUsage; cursor: string }[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encodeCursor = (cost: string, userId: string) => Buffer.from(`usage:${cost}:${userId}`).toString('base64url');
function decodeCursor(cursor: string): { cost: string; userId: string } | null {
  const m = /^usage:(\d{1,12}(?:\.\d{1,4})?):([\w-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { cost: m[1]!, userId: m[2]! } : null;
}

/** Admins: usage per user in the period, most expensive first; only users with a generation in it. */
export async function usageByUser(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { period: UsagePeriod; first?: number | null; after?: string | null },
): Promise<UsagePage> {
  requireAdmin(actor);
  const size = input.first ?? 20;
  if (size < 1 || size > 100) throw invalid(['first'], 'Must be between 1 and 100.');
  const after = input.after ? decodeCursor(input.after) : null;
  if (input.after && !after) throw invalid(['after'], 'Not a cursor of this list.');
  const now = new Date();
  const rows = await usageByUserPage(deps, input.period, size, after, now);
  const page = rows.slice(0, size);
  const usage = page.length
    ? await usageOf(
        deps,
        page.map((r) => r.userId),
        input.period,
        now,
      )
    : new Map<string, UsageSummary>();
  const edges = page.map((r) => ({
    cursor: encodeCursor(r.totalCost, r.userId),
    node: { userId: r.userId, email: r.email, name: r.name, usage: usage.get(r.userId)! },
  }));
  return {
    edges,
    totalCount: rows[0]?.totalCount ?? (await usageUserCount(deps, input.period, now)),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: !!after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
