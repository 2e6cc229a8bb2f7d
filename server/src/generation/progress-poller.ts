// Live progress: while submitted generations are PENDING, asks fal's queue status (with logs) of each every
// `intervalMs`, stores what changed in GenerationProgress and tells subscribers. Owned by its app (createApp);
// idle while there is nothing PENDING to poll, woken by a submission; rows are claimed in SQL, so instances
// sharing a database poll each request once per interval between them.
import { MAX_LOG_LINES } from '../domain/generations/progress.ts';
import { tableOf } from '../domain/generations/registry.ts';
import type { GenerationSubject, PipelineDeps } from '../domain/generations/types.ts';
import type { FalProgress } from '../fal/gateway.ts';
import { sqlTimestamp } from '../db.ts';
import { isFalModel } from '../fal/models.ts';

export interface ProgressPoller {
  /** Something was submitted: poll from now on. */
  wake(): void;
  stop(): Promise<void>;
}

interface Due {
  kind: GenerationSubject;
  targetId: string;
  falModel: string;
  falRequestId: string;
  queuePosition: number | null;
  started: boolean;
  logs: string[];
}

const BATCH = 50;
const AT_ONCE = 8;
/** A COMPLETED request waits for its webhook (or the reconciler): asked again much later only. */
const COMPLETED_BACKOFF_MS = 60_000;

const sameLogs = (a: string[], b: string[]) => a.length === b.length && a.every((l, i) => l === b[i]);

/** What to write of fal's answer, if anything changed; null when nothing did. */
function changes(due: Due, answer: FalProgress) {
  if (answer.state === 'IN_QUEUE')
    return due.queuePosition === answer.queuePosition ? null : { queuePosition: answer.queuePosition };
  if (answer.state !== 'IN_PROGRESS') return null;
  const logs = answer.logs.slice(-MAX_LOG_LINES);
  if (due.started && due.queuePosition === null && sameLogs(due.logs, logs)) return null;
  return { queuePosition: null, logs, ...(due.started ? {} : { startedAt: new Date() }) };
}

export function startProgressPoller(deps: PipelineDeps, intervalMs: number): ProgressPoller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let woken = false;
  let stopped = false;

  async function pollOne(due: Due) {
    if (!isFalModel(due.falModel)) return;
    const answer = await deps.gateway.progress(due.falModel, due.falRequestId);
    if (!answer.ok) return;
    const where = { kind: due.kind, targetId: due.targetId };
    if (answer.value.state === 'COMPLETED') {
      const later = new Date(Date.now() + COMPLETED_BACKOFF_MS);
      await deps.db.generationProgress.updateMany({ where, data: { polledAt: later } });
      return;
    }
    const data = changes(due, answer.value);
    if (!data || !(await deps.db.generationProgress.updateMany({ where, data })).count) return;
    const loaded = await tableOf(due.kind).load(deps.db, due.targetId);
    if (loaded?.view.status === 'PENDING') await loaded.publish(deps, 'PENDING');
  }

  /** One round; true while there are rows to poll. */
  async function pass(): Promise<boolean> {
    const now = new Date();
    const due = await deps.db.$queryRaw<Due[]>`
      UPDATE "GenerationProgress" p SET "polledAt" = ${sqlTimestamp(now)}
        FROM (SELECT kind, "targetId" FROM "GenerationProgress"
               WHERE "polledAt" <= ${sqlTimestamp(new Date(now.getTime() - intervalMs / 2))}
               ORDER BY "polledAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) d
       WHERE p.kind = d.kind AND p."targetId" = d."targetId"
      RETURNING p.kind, p."targetId", p."falModel", p."falRequestId", p."queuePosition",
                p."startedAt" IS NOT NULL AS started, p.logs`;
    for (let i = 0; i < due.length; i += AT_ONCE) await Promise.all(due.slice(i, i + AT_ONCE).map(pollOne));
    return due.length > 0 || (await deps.db.generationProgress.count()) > 0;
  }

  function schedule(ms: number) {
    if (stopped || timer || running) return;
    timer = setTimeout(() => {
      timer = undefined;
      woken = false;
      running = pass()
        .catch((e: unknown) => {
          deps.log.warn({ event: 'progress.poll_failed', error: (e as Error).message }, 'progress poll failed');
          return true;
        })
        .then((more) => {
          running = undefined;
          if (more || woken) schedule(intervalMs);
        });
    }, ms);
    timer.unref();
  }

  // Rows left PENDING by an earlier run of the app are polled too.
  schedule(0);
  return {
    wake() {
      woken = true;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
