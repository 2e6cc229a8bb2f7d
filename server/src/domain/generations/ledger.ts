// The ledger of attempts (GenerationAttempt): one per start or retry, kept when its row is deleted,
// read by usage and the daily limit. Its writes ride in the transaction (or statement) of the row they follow.
import { sqlIdent, sqlTimestamp } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { gen } from '../../log.ts';
import { generationTables } from './registry.ts';
import type { Db, FinalStatus, GenerationSubject, PipelineDeps, Target } from './types.ts';

/** The model of an attempt's request, when its row is gone or never recorded it. */
export async function attemptModel(db: Db, target: Target, requestId: string): Promise<string | null> {
  const attempt = await db.generationAttempt.findFirst({
    where: { kind: target.kind, targetId: target.id, falRequestId: requestId },
    select: { falModel: true },
  });
  return attempt?.falModel ?? null;
}

/**
 * The generation was deleted while fal worked on it: nothing to store, but fal bills a result all
 * the same, so its attempt (usage, cost) gets the outcome.
 */
export async function settleDeleted(
  deps: Pick<PipelineDeps, 'db' | 'log'>,
  target: Target,
  requestId: string | null,
  status: FinalStatus,
): Promise<number> {
  const { count } = await deps.db.generationAttempt.updateMany({
    where: { kind: target.kind, targetId: target.id, status: 'PENDING', falRequestId: requestId },
    data: { status, finishedAt: new Date() },
  });
  if (count) {
    const line = {
      event: 'generation.deleted_settled',
      ...gen(target.kind, target.id),
      falRequestId: requestId,
      status,
    };
    deps.log.info(line, 'result for a deleted generation: recorded for usage only');
  }
  return count;
}

export interface OrphanAttempt {
  kind: GenerationSubject;
  targetId: string;
  falRequestId: string | null;
  falModel: string | null;
  createdAt: Date;
}

/** PENDING attempts older than `before` whose row is gone (deleted while fal worked on it). */
export function orphanAttempts(db: Db, before: Date): Promise<OrphanAttempt[]> {
  const noRow = generationTables.map(
    (t) => Prisma.sql`NOT EXISTS (SELECT 1 FROM ${sqlIdent(t.sqlName)} x WHERE x.id = g."targetId")`,
  );
  return db.$queryRaw<OrphanAttempt[]>`
    SELECT g.kind, g."targetId", g."falRequestId", g."falModel", g."createdAt" AT TIME ZONE 'UTC' AS "createdAt"
      FROM "GenerationAttempt" g
     WHERE g.status = 'PENDING' AND g."createdAt" < ${sqlTimestamp(before)}
       AND ${Prisma.join(noRow, ' AND ')}
     ORDER BY g."createdAt" LIMIT 200`;
}
