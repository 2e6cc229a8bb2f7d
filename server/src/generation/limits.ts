// Per-user caps on generations: how many may be in flight (PENDING) and how many may start in a
// rolling 24 h window. Checked, and the row written, under a per-user transaction-scoped advisory
// lock, so two simultaneous requests cannot both take the last slot.
import type { Deps } from '../app/deps.ts';
import { generationTables } from '../domain/generations/registry.ts';
import type { GenerationSubject } from '../domain/generations/types.ts';
import { GenerationLimitError } from '../domain/errors.ts';
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
      Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(`"${t.sqlName}"`)}
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

async function check(deps: LimitDeps, client: Tx, userId: string, kind: string): Promise<void> {
  const { maxInFlight, maxPerDay } = deps.settings.generation;
  if (!maxInFlight && !maxPerDay) return;
  const since = new Date(Date.now() - DAY_MS);
  const c = await counts(client, userId, since);
  let error: GenerationLimitError | null = null;
  if (maxPerDay && c.today >= maxPerDay) {
    error = new GenerationLimitError(
      'DAILY',
      maxPerDay,
      await dailyRetryAfter(client, userId, since, c.today - maxPerDay),
    );
  } else if (maxInFlight && c.inFlight >= maxInFlight) error = new GenerationLimitError('IN_FLIGHT', maxInFlight, null);
  if (error) {
    const line = {
      event: 'generation.limited',
      generationKind: kind,
      userId,
      limitKind: error.kind,
      limit: error.limit,
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
  return (await reserve(deps, starter, kind, write, async () => null)).row;
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
  try {
    return await reserve(deps, starter, kind, write, earlier);
  } catch (e) {
    // Admins take no lock: a simultaneous request with the key may win at the unique index instead.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    const row = await earlier(deps.db);
    if (!row) throw e;
    return { row, created: false };
  }
}

async function reserve<T extends { id: string } | null>(
  deps: LimitDeps,
  starter: Starter,
  kind: GenerationSubject,
  write: (tx: Tx) => Promise<T>,
  earlier: (tx: Tx) => Promise<T | null>,
): Promise<{ row: T; created: boolean }> {
  const reserved = await deps.db.$transaction(
    async (tx) => {
      if (starter.role !== 'ADMIN') {
        await tx.$queryRaw`SELECT 1 AS locked
                             FROM (SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int4, hashtext(${starter.id}))) l`;
      }
      // Under the user's lock, a request with a key sees the row an earlier one with the key committed.
      const replayed = await earlier(tx);
      if (replayed) return { row: replayed, created: false };
      if (starter.role !== 'ADMIN') await check(deps, tx, starter.id, kind);
      const row = await write(tx);
      if (row) await tx.generationAttempt.create({ data: { userId: starter.id, kind, targetId: row.id } });
      return { row, created: true };
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  if (reserved.row && reserved.created) {
    deps.log.info(
      { event: 'generation.created', ...gen(kind, reserved.row.id), userId: starter.id },
      'generation row written (PENDING)',
    );
  }
  return reserved;
}
