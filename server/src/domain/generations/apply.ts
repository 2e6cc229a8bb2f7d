// Applying fal's answer to its row, once: the row's move from PENDING and its ledger attempt are one
// transaction, so whoever sees the row final sees its attempt final too. Media is stored before it,
// events are published after it commits.
import { gen } from '../../log.ts';
import { attemptSettled, settleDeleted } from './ledger.ts';
import { withPayload } from './outcome.ts';
import { tableOf } from './registry.ts';
import { readableFailure } from './results.ts';
import type { Loaded, Settlement } from './table.ts';
import {
  isStillOpen,
  type ApplyResult,
  type FinalStatus,
  type Outcome,
  type PipelineDeps,
  type Target,
} from './types.ts';

/**
 * Settles a PENDING row (for `requestId`, or not yet submitted) and its attempt; then tells subscribers.
 * A row whose cancellation was asked and that does not succeed ends CANCELLED, however fal said it stopped.
 */
export async function settle(
  deps: PipelineDeps,
  target: Target,
  loaded: Loaded | null,
  settlement: Settlement,
  requestId?: string,
): Promise<ApplyResult> {
  const table = tableOf(target.kind);
  const progressOf = { kind: target.kind, targetId: target.id };
  const cancelAsked =
    settlement.kind === 'failed' &&
    !!(await deps.db.generationProgress.findUnique({ where: { kind_targetId: progressOf } }))?.cancelRequestedAt;
  const status = statusOf(settlement, cancelAsked);
  const written = await deps.db.$transaction(async (tx) => {
    let rows: number;
    if (status === 'CANCELLED') rows = await table.cancel(tx, target.id, requestId);
    else if (settlement.kind === 'failed') rows = await table.fail(tx, target.id, requestId, settlement.reason);
    else if (settlement.kind === 'succeeded') rows = await settlement.write(tx, requestId);
    else rows = 0;
    if (rows) {
      await attemptSettled(tx, target, requestId, status);
      await tx.generationProgress.deleteMany({ where: progressOf });
    }
    return rows;
  });
  const line = {
    event: `generation.${status.toLowerCase()}`,
    ...gen(target.kind, target.id),
    falRequestId: requestId,
    status,
  };
  if (!written) {
    deps.log.debug({ ...line, event: 'generation.finish_ignored' }, 'not PENDING any more: left alone');
    return { kind: 'ignored', reason: 'not pending' };
  }
  if (settlement.kind === 'failed')
    deps.log.warn({ ...line, failureReason: settlement.reason }, `generation ${status}`);
  else deps.log.info(line, `generation ${status}`);
  const row = loaded ?? (await table.load(deps.db, target.id));
  await row?.publish(deps, status);
  // After the event: bench:status measured the temp image's removal before it at +55 ms per event (p50).
  if (settlement.kind === 'succeeded') await settlement.after?.(deps);
  return { kind: 'applied', status };
}

const statusOf = (settlement: Settlement, cancelAsked: boolean): FinalStatus => {
  if (settlement.kind === 'succeeded') return 'SUCCEEDED';
  return settlement.kind === 'cancelled' || cancelAsked ? 'CANCELLED' : 'FAILED';
};

/** Fails a PENDING row with a reason a person can read (a refusal, a timeout, a result that cannot be used). */
export async function fail(
  deps: PipelineDeps,
  target: Target,
  reason: string,
  requestId?: string,
): Promise<ApplyResult> {
  return settle(deps, target, null, { kind: 'failed', reason }, requestId);
}

/** Applies fal's answer: anything not PENDING any more, or for another request, is left alone. */
export async function applyOutcome(deps: PipelineDeps, target: Target, received: Outcome): Promise<ApplyResult> {
  const table = tableOf(target.kind);
  const loaded = await table.load(deps.db, target.id);
  if (loaded && !isStillOpen(loaded.view, received.requestId)) {
    return { kind: 'ignored', reason: loaded.view.status === 'PENDING' ? 'another request' : 'not pending' };
  }
  const outcome = await withPayload(deps, table, target, loaded?.view ?? null, received);
  if (!loaded) {
    await deps.db.generationProgress.deleteMany({ where: { kind: target.kind, targetId: target.id } });
    await settleDeleted(deps, target, outcome.requestId, outcome.status === 'OK' ? 'SUCCEEDED' : 'FAILED');
    return { kind: 'ignored', reason: 'deleted' };
  }
  return settle(deps, target, loaded, await settlementOf(deps, loaded, outcome), outcome.requestId);
}

async function settlementOf(deps: PipelineDeps, loaded: Loaded, outcome: Outcome): Promise<Settlement> {
  if (outcome.status === 'ERROR') return { kind: 'failed', reason: readableFailure(outcome) };
  const result = loaded.parse(outcome.payload);
  if (result.kind === 'failed') return result;
  return loaded.store(deps, result);
}
