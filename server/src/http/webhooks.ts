import { createHash } from 'node:crypto';
import express, { type Router } from 'express';
import type { Deps } from '../app/deps.ts';
import type { WebhookVerifier } from '../fal/webhook.ts';
import type { Jobs } from '../jobs/runner.ts';
import { parseTarget } from '../domain/generations/registry.ts';
import { recordDelivery, recordedDeliveryId } from '../generation/deliveries.ts';
import { isSignedTarget } from '../generation/webhook-target.ts';
import { gen } from '../log.ts';

export interface WebhookStats {
  accepted: number;
  rejected: number;
  duplicate: number;
}

/**
 * POST /webhooks/fal: verify the signature over the raw body, record the delivery once, enqueue the
 * durable job, answer fast. A replay of the same body is recorded once and answered 200.
 */
export function falWebhookRouter(
  { sql, log }: Pick<Deps, 'sql' | 'log'>,
  verifier: WebhookVerifier,
  jobs: Jobs,
  stats: WebhookStats,
  webhookSecret: string,
  afterBody: express.RequestHandler,
): Router {
  const router = express.Router();
  router.post('/webhooks/fal', express.raw({ type: () => true, limit: '2mb' }), afterBody, async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const claimed = typeof req.query.target === 'string' ? req.query.target.slice(0, 100) : null;
    const sig = typeof req.query.sig === 'string' ? req.query.sig.slice(0, 100) : null;
    // Only a target we signed names the row: any fal account can send fal-signed webhooks here. An
    // unsigned one is recorded without it, so only its request id can match a row (never a foreign one's).
    const target = isSignedTarget(webhookSecret, claimed, sig) ? claimed : null;
    const named = parseTarget(target);
    const ids = { ...(named ? gen(named.kind, named.id) : {}), falRequestId: req.headers['x-fal-webhook-request-id'] };
    if (claimed && !target)
      log.warn(
        { event: 'webhook.target_unsigned', claimedTarget: claimed, falRequestId: ids.falRequestId },
        'fal webhook names a target we did not sign: ignoring the target',
      );
    log.info({ event: 'webhook.received', ...ids, bytes: raw.length }, 'fal webhook received');
    const verdict = await verifier.verify(req.headers, raw);
    if (!verdict.ok) {
      stats.rejected++;
      log.warn(
        { event: 'webhook.rejected', ...ids, reason: verdict.reason, retryable: !!verdict.retryable },
        'fal webhook rejected',
      );
      // Keys we could not fetch are our problem, not the sender's: a 5xx makes fal deliver again.
      res.status(verdict.retryable ? 503 : 401).json({ error: verdict.reason });
      return;
    }
    log.info(
      { event: 'webhook.verified', ...ids, falRequestId: verdict.requestId, status: verdict.body.status },
      'fal webhook signature verified',
    );
    const bodySha256 = createHash('sha256').update(raw).digest('hex');
    const deliveryId = await recordDelivery(sql, {
      requestId: verdict.requestId,
      bodySha256,
      status: verdict.body.status,
      target,
      body: verdict.body,
    });
    if (!deliveryId) {
      stats.duplicate++;
      // A crash between recording the delivery and enqueueing its job leaves it unapplied: fal's retry
      // of that same body (it got no 200) is what brings its job back.
      const recorded = await recordedDeliveryId(sql, verdict.requestId, bodySha256);
      const requeued = recorded ? await jobs.requeueOutcome(recorded) : false;
      log.info(
        { event: 'webhook.duplicate', ...ids, falRequestId: verdict.requestId, requeued },
        requeued
          ? 'fal webhook replayed for a delivery never applied: job enqueued again'
          : 'fal webhook replayed: ignored',
      );
      res.json({ ok: true, duplicate: true });
      return;
    }
    stats.accepted++;
    log.info(
      { event: 'webhook.accepted', ...ids, falRequestId: verdict.requestId, deliveryId },
      'fal webhook recorded, job enqueued',
    );
    // If this enqueue is lost (crash), the reconciler still finishes the row from fal's status API.
    await jobs.enqueueOutcome(deliveryId);
    res.json({ ok: true });
  });
  return router;
}
