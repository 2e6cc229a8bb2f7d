// Per-user caps on generations: how many may be in flight (PENDING) and how many may start in a
// rolling 24 h window. Checked, and the row written, under a per-user transaction-scoped advisory
// lock, so two simultaneous requests cannot both take the last slot.
import type { Deps } from '../app/deps.ts';
import { generationTables } from '../domain/generations/registry.ts';
import type { GenerationSubject } from '../domain/generations/types.ts';
import { GenerationLimitError } from '../domain/errors.ts';
import { sqlIdent } from '../db.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { gen } from '../log.ts';

export const DAY_MS = 24 * 3600_000;
// The two-int4 advisory key space does not overlap pg-boss's single-bigint locks.
const LOCK_CLASS = 4_004;

export type Tx = Prisma.TransactionClient;
export type LimitDeps = Pick<Deps, 'db' | 'log' | 'settings'>;
export interface Starter {
  id: string;
  role: 'USER' | 'ADMIN';
}

interface Counts {
  inFlight: number;
  today: number;
}

async function counts(client: Tx | PrismaClient, userId: string, since: Date): Promise<Counts> {
  // In flight: the user's generations still PENDING, in every generation table (one deleted while
  // running no longer is). The day: attempts in the ledger, whatever their outcome (a failure that the
  // cap ignored could be farmed; a retry is another attempt) and whether or not the generation was deleted since.
  const pending = generationTables.map(
    (t) =>
      Prisma.sql`(SELECT count(*) FROM ${sqlIdent(t.sqlName)}
                   WHERE "userId" = ${userId} AND status = 'PENDING')`,
  );
  const [row] = await client.$queryRaw<Counts[]>`
    SELECT (${Prisma.join(pending, ' + ')})::int AS "inFlight",
           (SELECT count(*) FROM "GenerationAttempt"
             WHERE "userId" = ${userId} AND "createdAt" > ${since})::int AS today`;
  return row ?? { inFlight: 0, today: 0 };
}

/** When enough of the window's generations leave it for one more to fit. */
async function dailyRetryAfter(client: Tx, userId: string, since: Date, over: number): Promise<Date | null> {
  const [row] = await client.$queryRaw<{ at: Date }[]>`
    SELECT "createdAt" AS at FROM "GenerationAttempt" WHERE "userId" = ${userId} AND "createdAt" > ${since}
     ORDER BY "createdAt" OFFSET ${over} LIMIT 1`;
  return row ? new Date(row.at.getTime() + DAY_MS) : null;
}

/** `slots`: how many generations the request starts (variants); all of them must fit, or none is started. */
async function check(deps: LimitDeps, client: Tx, userId: string, kind: string, slots: number): Promise<void> {
  const { maxInFlight, maxPerDay } = deps.settings.generation;
  if (!maxInFlight && !maxPerDay) return;
  const since = new Date(Date.now() - DAY_MS);
  const c = await counts(client, userId, since);
  let error: GenerationLimitError | null = null;
  if (maxPerDay && c.today + slots > maxPerDay) {
    // The window must lose enough attempts for all `slots` to fit (null when they never can).
    const over = c.today + slots - 1 - maxPerDay;
    error = new GenerationLimitError(
      'DAILY',
      maxPerDay,
      slots > maxPerDay ? null : await dailyRetryAfter(client, userId, since, over),
    );
  } else if (maxInFlight && c.inFlight + slots > maxInFlight)
    error = new GenerationLimitError('IN_FLIGHT', maxInFlight, null);
  if (error) {
    const line = {
      event: 'generation.limited',
      generationKind: kind,
      userId,
      limitKind: error.kind,
      limit: error.limit,
      slots,
      inFlight: c.inFlight,
      today: c.today,
    };
    deps.log.info(line, 'generation refused by a limit');
    throw error;
  }
}

/** What a retry writes over a FAILED row: PENDING again, as if just created, with no trace of the failed request. */
export const retryReset = () => ({
  status: 'PENDING' as const,
  failureReason: null,
  falRequestId: null,
  submittedAt: null,
  finishedAt: null,
  createdAt: new Date(),
});

/**
 * Checks the caps and writes the PENDING row (or moves a FAILED one back to PENDING) with its attempt
 * in the ledger, in one transaction holding the user's lock. Admins are exempt from the caps (they
 * curate the catalog) but their attempts are recorded. `write` returns the row's id, or null when it
 * wrote nothing (e.g. a retry that lost a race).
 */
export async function reserveGeneration<T extends { id: string } | null>(
  deps: LimitDeps,
  starter: Starter,
  kind: GenerationSubject,
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  const one = async (tx: Tx) => {
    const row = await write(tx);
    return row ? [row] : [];
  };
  const { rows } = await reserve(deps, starter, kind, one, async () => null, 1);
  // `rows` holds `write`'s row when it wrote one: its own T, or null.
  return (rows[0] ?? null) as T;
}

/**
 * reserveGeneration for a request with an idempotency key. `earlier` finds the user's row with that key.
 * Exactly one request writes the row (`created: true`), and only that one may copy, upload or submit
 * anything; every other one, concurrent or later, gets that row as it stands (`created: false`, perhaps
 * still PENDING without a request id), never a limit error.
 */
export async function reserveIdempotent<T extends { id: string }>(
  deps: LimitDeps,
  starter: Starter,
  kind: GenerationSubject,
  earlier: (client: Tx | PrismaClient) => Promise<T | null>,
  write: (tx: Tx) => Promise<T>,
): Promise<{ row: T; created: boolean }> {
  const { rows, created } = await reserveIdempotentGroup(deps, starter, kind, earlier, 1, async (tx) => [
    await write(tx),
  ]);
  return { row: rows[0]!, created };
}

/**
 * reserveIdempotent for `count` rows at once (variants): the caps must fit all of them, each gets its attempt.
 * `earlier` finds the row holding the key (the group's first); a replay returns it alone (`created: false`).
 */
export async function reserveIdempotentGroup<T extends { id: string }>(
  deps: LimitDeps,
  starter: Starter,
  kind: GenerationSubject,
  earlier: (client: Tx | PrismaClient) => Promise<T | null>,
  count: number,
  write: (tx: Tx) => Promise<T[]>,
): Promise<{ rows: T[]; created: boolean }> {
  const replay = async (client: Tx | PrismaClient) => {
    const row = await earlier(client);
    return row ? [row] : null;
  };
  try {
    return await reserve(deps, starter, kind, write, replay, count);
  } catch (e) {
    // Admins take no lock: a simultaneous request with the key may win at the unique index instead.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    const rows = await replay(deps.db);
    if (!rows) throw e;
    return { rows, created: false };
  }
}

async function reserve<T extends { id: string }>(
  deps: LimitDeps,
  starter: Starter,
  kind: GenerationSubject,
  write: (tx: Tx) => Promise<T[]>,
  earlier: (tx: Tx) => Promise<T[] | null>,
  slots: number,
): Promise<{ rows: T[]; created: boolean }> {
  const reserved = await deps.db.$transaction(
    async (tx) => {
      if (starter.role !== 'ADMIN') {
        await tx.$queryRaw`SELECT 1 AS locked
                             FROM (SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int4, hashtext(${starter.id}))) l`;
      }
      // Under the user's lock, a request with a key sees the row an earlier one with the key committed.
      const replayed = await earlier(tx);
      if (replayed) return { rows: replayed, created: false };
      if (starter.role !== 'ADMIN') await check(deps, tx, starter.id, kind, slots);
      const rows = await write(tx);
      if (rows.length) {
        await tx.generationAttempt.createMany({
          data: rows.map((row) => ({ userId: starter.id, kind, targetId: row.id })),
        });
      }
      return { rows, created: true };
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  if (reserved.created) {
    for (const row of reserved.rows) {
      deps.log.info(
        { event: 'generation.created', ...gen(kind, row.id), userId: starter.id },
        'generation row written (PENDING)',
      );
    }
  }
  return reserved;
}
