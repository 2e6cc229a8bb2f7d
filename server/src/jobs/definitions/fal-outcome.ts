import { z } from 'zod';
import type { PrismaClient } from '../../db.ts';
import { isTransient } from '../../generation/download.ts';
import { parseTarget, type Target } from '../../generation/pipeline.ts';
import { gen } from '../../log.ts';
import { defineJob } from '../definition.ts';

/** Finds the row of a delivery: by the target we put in the webhook URL, else by fal's request id. */
async function targetOf(db: PrismaClient, delivery: { target: string | null; requestId: string }): Promise<Target | null> {
  const named = parseTarget(delivery.target);
  if (named) return named;
  const avatar = await db.avatar.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  if (avatar) return { kind: 'AVATAR', id: avatar.id };
  const image = await db.image.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  if (image) return { kind: 'IMAGE', id: image.id };
  const bRoll = await db.bRoll.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  return bRoll ? { kind: 'BROLL', id: bRoll.id } : null;
}

/** Applies a recorded fal webhook delivery; durable, so a crash after the webhook's 200 loses nothing. */
export const falOutcome = defineJob({
  name: 'fal-outcome',
  payload: z.object({ deliveryId: z.string().min(1) }),
  queue: { policy: 'standard', retryLimit: 6, retryDelay: 1, retryBackoff: true },
  maxRunSeconds: 15 * 60,
  async handler({ db, log, pipeline }, { deliveryId }, job) {
    const delivery = await db.falWebhookDelivery.findUnique({ where: { id: deliveryId } });
    if (!delivery || delivery.processedAt) return;
    const target = await targetOf(db, delivery);
    const ids = { jobId: job.id, deliveryId: delivery.id, falRequestId: delivery.requestId, attempt: job.retryCount + 1, ...(target ? gen(target.kind, target.id) : {}) };
    log.info({ event: job.retryCount ? 'job.retried' : 'job.started', ...ids }, 'applying a fal result');
    let outcome: string;
    const body = delivery.body as { status?: 'OK' | 'ERROR'; payload?: unknown; error?: string | null };
    try {
      outcome = target ? await pipeline.apply(target, { requestId: delivery.requestId, status: body.status ?? 'ERROR', payload: body.payload, error: body.error ?? null }) : 'no row';
    } catch (e) {
      if (isTransient(e)) {
        log.warn({ event: 'job.failed_transient', ...ids, error: (e as Error).message, retryLimit: job.retryLimit }, 'transient failure: pg-boss retries with backoff');
        throw e;
      }
      // Not worth retrying (a malformed result): the row fails with the reason instead of staying PENDING.
      outcome = target ? await pipeline.finish(target, { status: 'FAILED', failureReason: `The result could not be used: ${(e as Error).message}` }, delivery.requestId) : 'no row';
    }
    await db.falWebhookDelivery.update({ where: { id: delivery.id }, data: { processedAt: new Date() } });
    log.info({ event: 'job.finished', ...ids, outcome }, 'fal result applied');
  },
});
