// An OK outcome without a payload (fal's `payload_error`: the result could not be put in the webhook)
// gets it from the queue API. A transient failure to fetch it is thrown for the job to retry.
import type { FalModel } from '../../fal/gateway.ts';
import { isFalModel } from '../../fal/models.ts';
import { DownloadError } from '../../generation/download.ts';
import { gen } from '../../log.ts';
import { attemptModel } from './ledger.ts';
import type { GenerationTable } from './table.ts';
import type { GenerationView, Outcome, PipelineDeps, Target } from './types.ts';

export async function withPayload(
  deps: PipelineDeps,
  table: GenerationTable,
  target: Target,
  row: GenerationView | null,
  outcome: Outcome,
): Promise<Outcome> {
  if (outcome.status !== 'OK' || outcome.payload != null) return outcome;
  // The queue of the request: the row's model, else its attempt's, else the table's first kind's
  // (status and result URLs only use fal's owner/app).
  const recorded = row?.falModel ?? (await attemptModel(deps.db, target, outcome.requestId));
  const model: FalModel = recorded && isFalModel(recorded) ? recorded : table.kinds[0]!.model;
  const ids = { ...gen(target.kind, target.id), falRequestId: outcome.requestId, falModel: model };
  deps.log.info(
    { event: 'generation.fetch_result', ...ids },
    'webhook without payload: fetching the result from the queue',
  );
  const result = await deps.gateway.result(model, outcome.requestId);
  if (!result.ok) {
    if (result.error.kind !== 'rejected') throw new DownloadError(result.error.message, true);
    return {
      requestId: outcome.requestId,
      status: 'ERROR',
      error: `the result could not be fetched (${result.error.message})`,
    };
  }
  const done = result.value;
  return done.state === 'COMPLETED'
    ? { requestId: outcome.requestId, status: 'OK', payload: done.payload }
    : { requestId: outcome.requestId, status: 'ERROR', error: done.error, payload: done.payload };
}
