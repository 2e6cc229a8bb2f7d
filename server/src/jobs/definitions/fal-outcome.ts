import { z } from 'zod';
import { generationTables, parseTarget } from '../../domain/generations/registry.ts';
import type { Target } from '../../domain/generations/types.ts';
import { deliveryById, markProcessed } from '../../generation/deliveries.ts';
import { isTransient } from '../../generation/download.ts';
import type { Pipeline } from '../../generation/pipeline.ts';
import { gen } from '../../log.ts';
import { defineJob } from '../definition.ts';

/** Finds the row of a delivery: by the target we put in the webhook URL, else by fal's request id. */
async function targetOf(
  pipeline: Pipeline,
  delivery: { target: string | null; requestId: string },
): Promise<Target | null> {
  const named = parseTarget(delivery.target);
  if (named) return named;
  for (const table of generationTables) {
    const id = await table.idByRequest(pipeline.deps.db, delivery.requestId);
    if (id) return { kind: table.subject, id };
  }
  return null;
}

/** Applies a recorded fal webhook delivery; durable, so a crash after the webhook's 200 loses nothing. */
export const falOutcome = defineJob({
  name: 'fal-outcome',
  payload: z.object({ deliveryId: z.string().min(1) }),
  queue: { policy: 'standard', retryLimit: 6, retryDelay: 1, retryBackoff: true },
  maxRunSeconds: 15 * 60,
  async handler({ pipeline }, { deliveryId }, job) {
    const { sql, log } = pipeline.deps;
    const delivery = await deliveryById(sql, deliveryId);
    if (!delivery || delivery.processedAt) return;
    const target = await targetOf(pipeline, delivery);
    const ids = {
      jobId: job.id,
      deliveryId: delivery.id,
      falRequestId: delivery.requestId,
      attempt: job.retryCount + 1,
      ...(target ? gen(target.kind, target.id) : {}),
    };
    log.info({ event: job.retryCount ? 'job.retried' : 'job.started', ...ids }, 'applying a fal result');
    let outcome = 'no row';
    const { body } = delivery;
    if (target) {
      try {
        outcome = await pipeline.apply(target, {
          requestId: delivery.requestId,
          status: body.status ?? 'ERROR',
          payload: body.payload,
          error: body.error ?? null,
        });
      } catch (e) {
        if (isTransient(e)) {
          log.warn(
            { event: 'job.failed_transient', ...ids, error: (e as Error).message, retryLimit: job.retryLimit },
            'transient failure: pg-boss retries with backoff',
          );
          throw e;
        }
        // Not worth retrying (a malformed result): the row fails with the reason instead of staying PENDING.
        outcome = (
          await pipeline.fail(target, `The result could not be used: ${(e as Error).message}`, delivery.requestId)
        ).kind;
      }
    }
    await markProcessed(sql, delivery.id);
    log.info({ event: 'job.finished', ...ids, outcome }, 'fal result applied');
  },
});
