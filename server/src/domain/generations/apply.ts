// Applying fal's answer to its row, once: the row's move from PENDING and its ledger attempt are one
// statement, so whoever sees the row final sees its attempt final too. Media is stored before it,
// events are published after it commits. Rows sharing one fal request (image variants) each get the answer,
// each its own image, each once.
import { gen } from '../../log.ts';
import { settleDeleted } from './ledger.ts';
import { withPayload } from './outcome.ts';
import { tableOf } from './registry.ts';
import { readableFailure } from './results.ts';
import { settleStatement, type SettleWrite } from './settle-statement.ts';
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
  const write = writeOf(settlement, status);
  const [settled] = await deps.sql<{ n: number }>(settleStatement(table.sqlName, target, requestId, write));
  const written = settled?.n ?? 0;
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

/** What the settle writes: a success its media, a failure its reason, a cancellation only its status. */
const writeOf = (settlement: Settlement, status: FinalStatus): SettleWrite => {
  if (status === 'CANCELLED') return { status };
  if (settlement.kind === 'succeeded') return settlement.write;
  return settlement.kind === 'failed' ? { status, columns: { failureReason: settlement.reason } } : { status };
};

const statusOf = (settlement: Settlement, cancelAsked: boolean): FinalStatus => {
  if (settlement.kind === 'succeeded') return 'SUCCEEDED';
  return settlement.kind === 'cancelled' || cancelAsked ? 'CANCELLED' : 'FAILED';
};

/** `one` for the row, then for each row sharing its fal request; the row's own result. */
async function withMates(
  deps: PipelineDeps,
  target: Target,
  requestId: string | undefined,
  one: (t: Target) => Promise<ApplyResult>,
): Promise<ApplyResult> {
  const result = await one(target);
  for (const id of await tableOf(target.kind).requestMates(deps.db, target.id, requestId))
    await one({ kind: target.kind, id });
  return result;
}

/** Fails a PENDING row with a reason a person can read (a refusal, a timeout, a result that cannot be used). */
export async function fail(
  deps: PipelineDeps,
  target: Target,
  reason: string,
  requestId?: string,
): Promise<ApplyResult> {
  return withMates(deps, target, requestId, (t) => settle(deps, t, null, { kind: 'failed', reason }, requestId));
}

/** PENDING rows fal removed from its queue: CANCELLED, their attempts unbilled, then subscribers told. */
export function cancelled(deps: PipelineDeps, target: Target, requestId: string): Promise<ApplyResult> {
  return withMates(deps, target, requestId, (t) => settle(deps, t, null, { kind: 'cancelled' }, requestId));
}

/** Applies fal's answer: anything not PENDING any more, or for another request, is left alone. */
export async function applyOutcome(deps: PipelineDeps, target: Target, received: Outcome): Promise<ApplyResult> {
  // A payload fetched from the queue for one row serves the rows sharing its request.
  let outcome = received;
  return withMates(deps, target, received.requestId, async (t) => {
    const applied = await applyOne(deps, t, outcome);
    outcome = applied.outcome;
    return applied.result;
  });
}

async function applyOne(
  deps: PipelineDeps,
  target: Target,
  received: Outcome,
): Promise<{ result: ApplyResult; outcome: Outcome }> {
  const table = tableOf(target.kind);
  const loaded = await table.load(deps.db, target.id);
  if (loaded && !isStillOpen(loaded.view, received.requestId)) {
    const reason = loaded.view.status === 'PENDING' ? 'another request' : 'not pending';
    return { result: { kind: 'ignored', reason }, outcome: received };
  }
  const outcome = await withPayload(deps, table, target, loaded?.view ?? null, received);
  if (!loaded) {
    await deps.db.generationProgress.deleteMany({ where: { kind: target.kind, targetId: target.id } });
    await settleDeleted(deps, target, outcome.requestId, outcome.status === 'OK' ? 'SUCCEEDED' : 'FAILED');
    return { result: { kind: 'ignored', reason: 'deleted' }, outcome };
  }
  const settlement = await settlementOf(deps, loaded, outcome);
  return { result: await settle(deps, target, loaded, settlement, outcome.requestId), outcome };
}

async function settlementOf(deps: PipelineDeps, loaded: Loaded, outcome: Outcome): Promise<Settlement> {
  if (outcome.status === 'ERROR') return { kind: 'failed', reason: readableFailure(outcome) };
  const result = loaded.parse(outcome.payload);
  if (result.kind === 'failed') return result;
  return loaded.store(deps, result);
}
