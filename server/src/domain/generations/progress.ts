// Progress of a PENDING generation as the API shows it: what fal last said of it (progress-poller.ts keeps
// GenerationProgress up to date) and an ETA from the model's recent durations in the ledger.
import type { Db, GenerationSubject } from './types.ts';

export interface ProgressView {
  /** 1 = next to run. */
  queuePosition: number | null;
  startedAt: Date | null;
  elapsedSeconds: number;
  etaSeconds: number | null;
  logs: string[];
}

export interface ProgressRow {
  queuePosition: number | null;
  startedAt: Date | null;
  logs: string[];
}

/** How many of a model's latest successes its typical duration is the median of. */
export const RECENT_DURATIONS = 20;
/** Log lines kept per generation (the latest). */
export const MAX_LOG_LINES = 20;

/** The stored progress of rows of one kind, by id. */
export async function progressRows(db: Db, kind: GenerationSubject, ids: readonly string[]) {
  const rows = await db.generationProgress.findMany({
    where: { kind, targetId: { in: [...ids] } },
    select: { targetId: true, queuePosition: true, startedAt: true, logs: true },
  });
  return new Map(rows.map((r) => [r.targetId, r]));
}

/**
 * Median seconds from submission to result of each model's last RECENT_DURATIONS successes (null without
 * any): one statement for all the models.
 */
export async function typicalSeconds(db: Db, models: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db.$queryRaw<{ model: string; median: number | null }[]>`
    SELECT m.model, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r.d) FROM (
             SELECT extract(epoch FROM a."finishedAt" - a."submittedAt") AS d FROM "GenerationAttempt" a
              WHERE a."falModel" = m.model AND a.status = 'SUCCEEDED'
                AND a."finishedAt" IS NOT NULL AND a."submittedAt" IS NOT NULL
              ORDER BY a."finishedAt" DESC LIMIT ${RECENT_DURATIONS}) r)::float8 AS median
      FROM unnest(${[...models]}::text[]) AS m(model)`;
  return new Map(rows.map((r) => [r.model, r.median]));
}

export function progressView(
  row: { submittedAt: Date | null; createdAt: Date },
  stored: ProgressRow | undefined,
  typical: number | null,
  now = Date.now(),
): ProgressView {
  const elapsedSeconds = Math.max(0, Math.floor((now - (row.submittedAt ?? row.createdAt).getTime()) / 1000));
  return {
    queuePosition: stored?.queuePosition != null ? stored.queuePosition + 1 : null,
    startedAt: stored?.startedAt ?? null,
    elapsedSeconds,
    etaSeconds: typical == null ? null : Math.max(0, Math.round(typical - elapsedSeconds)),
    logs: stored?.logs ?? [],
  };
}
