// Submitting a row already written as PENDING: a refusal fails it; a transient error leaves it to the reconciler.
import type { FalModel } from '../../fal/models.ts';
import { estimateCostUsd } from '../../fal/models.ts';
import { signedTargetQuery } from '../../generation/webhook-target.ts';
import { gen } from '../../log.ts';
import { fail } from './apply.ts';
import { kindOf, tableOf } from './registry.ts';
import { unreachable } from './results.ts';
import { submitStatement } from './submit-statement.ts';
import type { ApplyResult, PipelineDeps, Target } from './types.ts';

/**
 * Our own id rides in the URL, so a webhook always finds its row, even before the request id is saved;
 * signed by us, since fal's signature does not say which account a webhook belongs to.
 */
export const webhookUrl = (deps: Pick<PipelineDeps, 'publicUrl' | 'webhookSecret'>, target: Target): string =>
  `${deps.publicUrl()}/webhooks/fal?${signedTargetQuery(deps.webhookSecret, `${target.kind}:${target.id}`)}`;

export async function submit(
  deps: PipelineDeps,
  target: Target,
  model: FalModel,
  input: Record<string, unknown>,
): Promise<{ kind: 'submitted'; requestId: string } | ApplyResult> {
  const result = await deps.gateway.submit(model, input, webhookUrl(deps, target));
  if (!result.ok) {
    const line = {
      event: 'generation.submit_failed',
      ...gen(target.kind, target.id),
      falModel: model,
      error: result.error.message,
    };
    deps.log.warn(line, 'fal submit failed');
    return fail(deps, target, unreachable(result.error.message));
  }
  const kind = kindOf(target.kind, model);
  const estimatedCostUsd = kind ? await kind.estimateCost(deps, target.id, input) : estimateCostUsd(model, input);
  const falRequestId = result.value.requestId;
  const data = { falRequestId, submittedAt: new Date(), falModel: model, estimatedCostUsd };
  const table = tableOf(target.kind);
  // Image variants: one request for the group, each row its own attempt at the per-image price.
  const ids = [target.id, ...(await table.requestMates(deps.db, target.id, undefined))];
  const [recorded] = await deps.sql<{ n: number }>(submitStatement(table.sqlName, target.kind, ids, data));
  const pending = recorded?.n ?? 0;
  // Polled for its queue position and logs while it stays PENDING (progress-poller.ts).
  if (pending) deps.progressWake?.();
  const line = {
    event: 'generation.submitted',
    ...gen(target.kind, target.id),
    falModel: model,
    falRequestId,
    estimatedCostUsd,
  };
  deps.log.info(line, 'submitted to fal');
  return { kind: 'submitted', requestId: falRequestId };
}
