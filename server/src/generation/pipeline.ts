// The generation pipeline, one object per app: submit a PENDING row to fal, apply fal's answer once,
// fail a row with a reason, reconcile what webhooks missed. Its parts live in domain/generations/.
import type { FalModel } from '../fal/models.ts';
import { applyOutcome, cancelled, fail } from '../domain/generations/apply.ts';
import { reconcile, type ReconcileReport } from '../domain/generations/reconcile.ts';
import { tableOf } from '../domain/generations/registry.ts';
import { submit, webhookUrl } from '../domain/generations/submit.ts';
import type { ColumnsOf } from '../domain/generations/settle-statement.ts';
import type { KindSpec } from '../domain/generations/table.ts';
import type { ApplyResult, Outcome, PipelineDeps, Target } from '../domain/generations/types.ts';

export type { Outcome, PipelineDeps, PipelineSettings, Target } from '../domain/generations/types.ts';
export type TargetKind = Target['kind'];
export { parseTarget } from '../domain/generations/registry.ts';
export { readableFailure } from '../domain/generations/results.ts';

export class Pipeline {
  constructor(readonly deps: PipelineDeps) {}

  webhookUrl(target: Target): string {
    return webhookUrl(this.deps, target);
  }

  /**
   * Submits a row already written as PENDING. A refusal marks it FAILED; a transient error leaves it to the
   * reconciler.
   */
  async submit(target: Target, model: FalModel, input: Record<string, unknown>): Promise<void> {
    await submit(this.deps, target, model, input);
  }

  /**
   * Submits a row of `kind` with the kind's own input (checked by its schema, built into fal's), then tells
   * subscribers.
   */
  async start<Row, Data extends ColumnsOf<Data>, Input>(
    kind: KindSpec<Row, Data, Input>,
    target: Target,
    input: Input,
  ): Promise<void> {
    const submitted = await submit(this.deps, target, kind.model, kind.falInput(kind.input.parse(input)));
    if (submitted.kind !== 'submitted') return;
    await this.publish(target);
    // Image variants sharing the request were submitted with it.
    for (const id of await tableOf(target.kind).requestMates(this.deps.db, target.id, submitted.requestId))
      await this.publish({ kind: target.kind, id });
  }

  /** Applies fal's answer to its row, once: anything not PENDING any more, or for another request, is left alone. */
  async apply(target: Target, received: Outcome): Promise<ApplyResult['kind']> {
    return (await applyOutcome(this.deps, target, received)).kind;
  }

  /** Moves a PENDING row (for `requestId`, or not yet submitted) to FAILED with a reason, then tells subscribers. */
  fail(target: Target, reason: string, requestId?: string): Promise<ApplyResult> {
    return fail(this.deps, target, reason, requestId);
  }

  /** A PENDING row fal removed from its queue (and those sharing its request): CANCELLED, unbilled, told. */
  cancelled(target: Target, requestId: string): Promise<ApplyResult> {
    return cancelled(this.deps, target, requestId);
  }

  /** Tells subscribers that a row changed (as it stands now). */
  async publish(target: Target): Promise<void> {
    const loaded = await tableOf(target.kind).load(this.deps.db, target.id);
    await loaded?.publish(this.deps, loaded.view.status);
  }

  reconcile(now = Date.now()): Promise<ReconcileReport> {
    return reconcile(this.deps, now);
  }
}
