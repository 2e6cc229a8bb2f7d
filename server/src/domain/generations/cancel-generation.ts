// Cancelling a PENDING image, avatar or b-roll through fal's cancel. fal removes a queued request (OK): the
// row is CANCELLED at once, unbilled, out of the in-flight cap. A running one is only signalled
// (CANCELLATION_REQUESTED): it stays PENDING and ends as fal ends it, SUCCEEDED (and billed) or CANCELLED.
// Image variants share one request: cancelling one cancels the request, and every row of the group follows.
import type { Deps } from '../../app/deps.ts';
import { isFalModel } from '../../fal/models.ts';
import { gen } from '../../log.ts';
import { requireUser, type Actor } from '../actor.ts';
import { invalid, NotFoundError, ProviderUnavailableError } from '../errors.ts';
import type { NodeRef } from '../ids.ts';
import { askFal } from './reconcile.ts';
import { tableOf } from './registry.ts';
import type { GenerationSubject } from './types.ts';

/** What fal answered: the row is CANCELLED now, fal was asked to stop it, or it had finished already. */
export type CancelAnswer = 'CANCELLED' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED';

export async function cancelGeneration(
  deps: Deps,
  actor: Actor,
  input: { kind: GenerationSubject | null; id: NodeRef },
): Promise<{ kind: GenerationSubject; id: string; answer: CancelAnswer }> {
  const user = requireUser(actor);
  const { kind, id: ref } = input;
  const loaded = kind && ref.id ? await tableOf(kind).load(deps.db, ref.id) : null;
  if (!kind || loaded?.view.userId !== user.id) throw new NotFoundError('Generation', ref.globalId);
  const { id, status, falRequestId, falModel } = loaded.view;
  if (status !== 'PENDING')
    throw invalid(['input', 'id'], `Only a PENDING generation can be cancelled; this one is ${status}.`);
  if (!falRequestId || !falModel || !isFalModel(falModel))
    throw invalid(['input', 'id'], 'This generation is still being sent to the generator; try again in a moment.');
  const target = { kind, id };
  const ids = [id, ...(await tableOf(kind).requestMates(deps.db, id, falRequestId))];
  // Recorded before fal is asked: an ERROR the cancellation causes (webhook, reconciler) then ends CANCELLED too.
  const asked = { cancelRequestedAt: new Date() };
  for (const targetId of ids) {
    await deps.db.generationProgress.upsert({
      where: { kind_targetId: { kind, targetId } },
      create: { kind, targetId, falModel, falRequestId, ...asked },
      update: asked,
    });
  }
  const forget = () =>
    deps.db.generationProgress.updateMany({
      where: { kind, targetId: { in: ids } },
      data: { cancelRequestedAt: null },
    });
  const answer = await deps.gateway.cancel(falModel, falRequestId);
  const line = { ...gen(kind, id), falRequestId, userId: user.id };
  if (!answer.ok) {
    await forget();
    deps.log.warn({ event: 'generation.cancel_failed', ...line, error: answer.error.message }, 'fal cancel failed');
    throw new ProviderUnavailableError(answer.error.message);
  }
  deps.log.info({ event: 'generation.cancel', ...line, answer: answer.value.status }, 'cancellation asked of fal');
  if (answer.value.status === 'OK') {
    await deps.pipeline.cancelled(target, falRequestId);
    return { kind, id, answer: 'CANCELLED' };
  }
  if (answer.value.status === 'CANCELLATION_REQUESTED') {
    for (const targetId of ids) await deps.pipeline.publish({ kind, id: targetId });
    return { kind, id, answer: 'CANCELLATION_REQUESTED' };
  }
  // Done already: its result stands (a failure stays FAILED), applied now rather than at the webhook.
  await forget();
  const done = await askFal(deps.pipeline.deps, falModel, falRequestId);
  if (done) await deps.pipeline.apply(target, done);
  return { kind, id, answer: 'ALREADY_COMPLETED' };
}
