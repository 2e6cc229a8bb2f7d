// Usage and estimated cost of generations, aggregated in SQL over the ledger of attempts (every kind
// writes one per start, whatever its table).
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

interface Db {
  db: PrismaClient;
}

export type UsagePeriod = 'DAY' | 'WEEK' | 'MONTH' | 'ALL';

export interface ModelUsage {
  model: string;
  count: number;
  succeeded: number;
  cost: number;
}
export interface UsageSummary {
  /** Whose usage: what its per-day breakdown is read for. */
  userId: string;
  period: UsagePeriod;
  from: Date | null;
  to: Date;
  generations: number;
  succeeded: number;
  failed: number;
  pending: number;
  cancelled: number;
  totalCost: number;
  byModel: ModelUsage[];
}

/** Calendar periods in UTC, up to now: today, this ISO week (from Monday), this month, or everything. */
export function periodRange(period: UsagePeriod, now = new Date()): { from: Date | null; to: Date } {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (period === 'DAY') return { from: new Date(day), to: now };
  if (period === 'WEEK') return { from: new Date(day - ((now.getUTCDay() + 6) % 7) * 86_400_000), to: now };
  if (period === 'MONTH') return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: now };
  return { from: null, to: now };
}

const EPOCH = new Date(0);

/** Ledger attempts that reached fal in the period (one that never did has no model and cost nothing). */
const submittedIn = ({ from, to }: { from: Date | null; to: Date }) =>
  Prisma.sql`"submittedAt" >= ${from ?? EPOCH} AND "submittedAt" < ${to} AND "falModel" IS NOT NULL`;

/**
 * Read from the ledger of attempts (GenerationAttempt), so a deleted generation, or a studio image
 * removed once animated, still counts. An attempt is counted when it was submitted to fal in the
 * period (one that never reached fal has no model and cost nothing); a retry is a new attempt.
 * Cost sums only SUCCEEDED attempts: fal does not bill a refused, failed or cancelled request. A public avatar
 * counts for the admin who made it. Sums are exact (numeric) in SQL; they become Float on the way out.
 * One statement whatever the number of users.
 */
export async function usageOf(
  { db }: Db,
  userIds: string[],
  period: UsagePeriod,
  now = new Date(),
): Promise<Map<string, UsageSummary>> {
  const { from, to } = periodRange(period, now);
  const rows = await db.$queryRaw<
    {
      uid: string;
      model: string | null;
      total: number;
      count: number;
      succeeded: number;
      failed: number;
      pending: number;
      cancelled: number;
      cost: number;
    }[]
  >`
    WITH g AS (
      SELECT "userId" AS uid, "falModel" AS model, status::text AS status, "estimatedCostUsd" AS cost
        FROM "GenerationAttempt"
       WHERE "userId" = ANY(${userIds}) AND ${submittedIn({ from, to })})
    SELECT uid, model, GROUPING(model)::int AS total, count(*)::int AS count,
           count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
           coalesce(sum(cost) FILTER (WHERE status = 'SUCCEEDED'), 0)::float8 AS cost
      FROM g GROUP BY GROUPING SETS ((uid, model), (uid)) ORDER BY uid, model`;
  const out = new Map<string, UsageSummary>();
  for (const id of userIds)
    out.set(id, {
      userId: id,
      period,
      from,
      to,
      generations: 0,
      succeeded: 0,
      failed: 0,
      pending: 0,
      cancelled: 0,
      totalCost: 0,
      byModel: [],
    });
  for (const r of rows) {
    const u = out.get(r.uid);
    if (!u) continue;
    if (r.total)
      Object.assign(u, {
        generations: r.count,
        succeeded: r.succeeded,
        failed: r.failed,
        pending: r.pending,
        cancelled: r.cancelled,
        totalCost: r.cost,
      });
    else u.byModel.push({ model: r.model!, count: r.count, succeeded: r.succeeded, cost: r.cost });
  }
  return out;
}

export interface UserUsageRow {
  userId: string;
  email: string;
  name: string;
  generations: number;
  /** Exact decimal, as text: the keyset cursor compares it in SQL. */
  totalCost: string;
}

/** Users with at least one generation in the period, most expensive first (then by id): one keyset page. */
export async function usageByUserPage(
  { db }: Db,
  period: UsagePeriod,
  size: number,
  after: { cost: string; userId: string } | null,
  now = new Date(),
) {
  const afterCursor = after
    ? Prisma.sql`(u.total < ${after.cost}::numeric OR (u.total = ${after.cost}::numeric AND u.uid > ${after.userId}))`
    : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<(UserUsageRow & { totalCount: number })[]>`
    WITH u AS (
      SELECT "userId" AS uid, count(*)::int AS generations,
             coalesce(sum("estimatedCostUsd") FILTER (WHERE status = 'SUCCEEDED'), 0) AS total
        FROM "GenerationAttempt" WHERE ${submittedIn(periodRange(period, now))} GROUP BY "userId")
    SELECT u.uid AS "userId", usr.email, usr.name, u.generations, u.total::text AS "totalCost",
           (SELECT count(*) FROM u)::int AS "totalCount"
      FROM u JOIN "User" usr ON usr.id = u.uid
     WHERE ${afterCursor}
     ORDER BY u.total DESC, u.uid ASC
     LIMIT ${size + 1}`;
  return rows;
}

/** The total count when the page is empty (past the last cursor). */
export async function usageUserCount({ db }: Db, period: UsagePeriod, now = new Date()): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT "userId")::int AS n FROM "GenerationAttempt" WHERE ${submittedIn(periodRange(period, now))}`;
  return row?.n ?? 0;
}

export interface DailyUsage {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  generations: number;
  cost: number;
}

/**
 * One user's attempts and SUCCEEDED cost per UTC day of the period (ALL: from the first attempt, at most
 * `maxDays` back), every day listed, spent or not: one statement.
 */
export async function usageByDay(
  { db }: Db,
  userId: string,
  period: UsagePeriod,
  now = new Date(),
  maxDays = 366,
): Promise<DailyUsage[]> {
  const range = periodRange(period, now);
  const floor = new Date(now.getTime() - (maxDays - 1) * 86_400_000);
  // Stored timestamps are UTC wall times; the ISO text casts to the same.
  const [from, today] = [range.from?.toISOString() ?? null, now.toISOString()];
  const rows = await db.$queryRaw<DailyUsage[]>`
    WITH a AS (
      SELECT date_trunc('day', "submittedAt") AS day, status::text AS status, "estimatedCostUsd" AS cost
        FROM "GenerationAttempt"
       WHERE "userId" = ${userId} AND ${submittedIn(range)} AND "submittedAt" >= ${floor}),
    days AS (
      SELECT generate_series(
               date_trunc('day', coalesce(${from}::timestamp, (SELECT min(day) FROM a), ${today}::timestamp)),
               date_trunc('day', ${today}::timestamp), interval '1 day') AS day)
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, count(a.day)::int AS generations,
           coalesce(sum(a.cost) FILTER (WHERE a.status = 'SUCCEEDED'), 0)::float8 AS cost
      FROM days d LEFT JOIN a ON a.day = d.day
     GROUP BY d.day ORDER BY d.day`;
  return rows;
}
