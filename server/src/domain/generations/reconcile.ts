// Finishing what webhooks missed: PENDING rows older than `reconcileAfterMs` are asked of fal; past their
// deadline they fail. Rows never submitted (a crash between write and submit) fail too, so nothing stays PENDING.
import { isFalModel } from '../../fal/models.ts';
import { gen } from '../../log.ts';
import { applyOutcome, fail } from './apply.ts';
import { orphanAttempts, settleDeleted } from './ledger.ts';
import { generationTables } from './registry.ts';
import type { GenerationTable } from './table.ts';
import type { GenerationSubject, GenerationView, Outcome, PipelineDeps } from './types.ts';

export interface ReconcileReport {
  checked: number;
  finished: number;
  timedOut: number;
  deletedSettled: number;
}

const deadlineOf = (deps: PipelineDeps, kind: GenerationSubject, createdAt: Date): number => {
  const { imageDeadlineMs, videoDeadlineMs } = deps.settings;
  const table = generationTables.find((t) => t.subject === kind);
  return createdAt.getTime() + (table?.deadline === 'image' ? imageDeadlineMs : videoDeadlineMs);
};

/** fal's final answer for a request, or null while it works (or cannot be asked). */
export async function askFal(
  deps: PipelineDeps,
  model: string | null,
  requestId: string | null,
): Promise<Outcome | null> {
  if (!requestId || !model || !isFalModel(model)) return null;
  const status = await deps.gateway.status(model, requestId);
  if (!status.ok) return null;
  const s = status.value;
  if (s.state === 'COMPLETED') return { requestId, status: 'OK', payload: s.payload };
  if (s.state === 'FAILED') return { requestId, status: 'ERROR', error: s.error, payload: s.payload };
  return null;
}

async function reconcileRow(
  deps: PipelineDeps,
  table: GenerationTable,
  row: GenerationView,
  now: number,
): Promise<'finished' | 'timedOut' | null> {
  const target = { kind: table.subject, id: row.id };
  const ids = { ...gen(target.kind, target.id), falRequestId: row.falRequestId };
  const answer = await askFal(deps, row.falModel, row.falRequestId);
  deps.log.debug(
    { event: 'reconcile.asked', ...ids, state: answer?.status ?? 'unfinished' },
    'asked fal for a PENDING row',
  );
  if (answer) {
    const event = answer.status === 'OK' ? 'reconcile.completed' : 'reconcile.failed';
    deps.log.info(
      { event, ...ids },
      `reconciler applies a ${answer.status === 'OK' ? 'result' : 'failure'} the webhook missed`,
    );
    return (await applyOutcome(deps, target, answer)).kind === 'applied' ? 'finished' : null;
  }
  if (now <= deadlineOf(deps, target.kind, row.createdAt)) return null;
  const minutes = Math.round((now - row.createdAt.getTime()) / 60_000);
  const reason = row.falRequestId
    ? `Timed out: no result after ${minutes} min.`
    : 'Timed out: the generation could not be submitted. Try again.';
  deps.log.warn({ event: 'reconcile.timed_out', ...ids, minutes }, 'reconciler times out a PENDING row');
  return (await fail(deps, target, reason)).kind === 'applied' ? 'timedOut' : null;
}

export async function reconcile(deps: PipelineDeps, now = Date.now()): Promise<ReconcileReport> {
  const before = new Date(now - deps.settings.reconcileAfterMs);
  const report: ReconcileReport = { checked: 0, finished: 0, timedOut: 0, deletedSettled: 0 };
  for (const table of generationTables) {
    for (const row of await table.pending(deps.db, before, 200)) {
      report.checked++;
      const done = await reconcileRow(deps, table, row, now);
      if (done) report[done]++;
    }
  }
  report.deletedSettled = await reconcileDeleted(deps, before, now);
  return report;
}

/**
 * Attempts of generations deleted while fal worked on them whose webhook never came: asked of fal like a
 * row (fal bills the result, so usage records it), or FAILED past the deadline, so none stays PENDING.
 */
async function reconcileDeleted(deps: PipelineDeps, before: Date, now: number): Promise<number> {
  let settled = 0;
  for (const o of await orphanAttempts(deps.db, before)) {
    const target = { kind: o.kind, id: o.targetId };
    const answer = await askFal(deps, o.falModel, o.falRequestId);
    if (answer) {
      await settleDeleted(deps, target, answer.requestId, answer.status === 'OK' ? 'SUCCEEDED' : 'FAILED');
      settled++;
      continue;
    }
    if (now <= deadlineOf(deps, o.kind, new Date(o.createdAt))) continue;
    const { count } = await deps.db.generationAttempt.updateMany({
      where: { kind: o.kind, targetId: o.targetId, status: 'PENDING', falRequestId: o.falRequestId },
      data: { status: 'FAILED', finishedAt: new Date() },
    });
    const line = { event: 'reconcile.deleted_timed_out', ...gen(o.kind, o.targetId), falRequestId: o.falRequestId };
    if (count) deps.log.warn(line, 'attempt of a deleted generation timed out');
    settled += count;
  }
  return settled;
}
