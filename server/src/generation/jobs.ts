import PgBoss from 'pg-boss';
import { db } from '../db.ts';
import { isTransient } from './download.ts';
import { parseTarget, type Pipeline, type Target } from './pipeline.ts';
import { gen, log } from '../log.ts';
import { sweepTempImages, type SweepResult } from './cleanup.ts';

const OUTCOME = 'fal-outcome';
const RECONCILE = 'reconcile';
const CLEANUP = 'cleanup-temp-images';

export interface Jobs {
  /** Durable: survives a crash between the webhook's 200 and the result being applied. */
  enqueueOutcome(deliveryId: string): Promise<void>;
  reconcileNow(): Promise<void>;
  /** The TTL sweep the schedule runs, now. */
  sweepNow(): Promise<SweepResult>;
  /** Per queue: jobs waiting to run, and those among them waiting for a retry. */
  queueStats(): Promise<{ name: string; waiting: number; retrying: number }[]>;
  stop(): Promise<void>;
}

export interface JobSettings {
  pollingIntervalSeconds: number;
  reconcileEverySeconds: number;
  outcomeWorkers: number;
  tempImageTtlMs: number;
  cleanupCron: string;
}

/** Finds the row of a delivery: by the target we put in the webhook URL, else by fal's request id. */
async function targetOf(delivery: { target: string | null; requestId: string }): Promise<Target | null> {
  const named = parseTarget(delivery.target);
  if (named) return named;
  const avatar = await db.avatar.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  if (avatar) return { kind: 'AVATAR', id: avatar.id };
  const image = await db.image.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  if (image) return { kind: 'IMAGE', id: image.id };
  const bRoll = await db.bRoll.findUnique({ where: { falRequestId: delivery.requestId }, select: { id: true } });
  return bRoll ? { kind: 'BROLL', id: bRoll.id } : null;
}

export async function startJobs(databaseUrl: string, pipeline: Pipeline, settings: JobSettings): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, supervise: true });
  boss.on('error', (e) => log.error({ event: 'jobs.error', error: e.message }, 'pg-boss error'));
  await boss.start();
  await boss.createQueue(OUTCOME, { name: OUTCOME, retryLimit: 6, retryDelay: 1, retryBackoff: true, expireInMinutes: 15 });
  await boss.createQueue(RECONCILE, { name: RECONCILE, policy: 'singleton', retryLimit: 0, expireInMinutes: 10 });
  await boss.createQueue(CLEANUP, { name: CLEANUP, policy: 'singleton', retryLimit: 2, expireInMinutes: 30 });

  // pg-boss 10 runs one fetch loop per worker: several workers apply several results at once.
  const applyOutcomes = async (batch: PgBoss.JobWithMetadata<{ deliveryId: string }>[]) => {
    await Promise.all(
      batch.map(async (job) => {
        const delivery = await db.falWebhookDelivery.findUnique({ where: { id: job.data.deliveryId } });
        if (!delivery || delivery.processedAt) return;
        const target = await targetOf(delivery);
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
      }),
    );
  };
  const outcomeWorkers = await Promise.all(
    Array.from({ length: settings.outcomeWorkers }, () => boss.work(OUTCOME, { pollingIntervalSeconds: settings.pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, applyOutcomes)),
  );
  await boss.work(RECONCILE, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    const r = await pipeline.reconcile();
    if (r.finished || r.timedOut) log.info({ event: 'reconcile.done', ...r }, 'reconciler pass');
  });
  const sweep = () => sweepTempImages(pipeline.deps, settings.tempImageTtlMs);
  // pg-boss keeps one schedule per name across instances and sends one job per cron tick.
  await boss.schedule(CLEANUP, settings.cleanupCron, {}, { tz: 'UTC' });
  await boss.work(CLEANUP, { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5) }, async ([job]) => {
    log.info({ event: 'job.started', jobId: job?.id, queue: CLEANUP }, 'temp image sweep started');
    const r = await sweep();
    log.info({ event: 'job.finished', jobId: job?.id, queue: CLEANUP, ...r }, 'temp image sweep finished');
  });
  // Every instance asks; the singleton queue runs one reconciliation at a time across instances.
  const timer = setInterval(() => void boss.send(RECONCILE, {}).catch(() => {}), settings.reconcileEverySeconds * 1000);
  void boss.send(RECONCILE, {});

  return {
    async enqueueOutcome(deliveryId) {
      await boss.send(OUTCOME, { deliveryId });
      // Wake this instance's workers now rather than at their next poll: status latency is the product.
      for (const id of outcomeWorkers) boss.notifyWorker(id);
    },
    async reconcileNow() {
      await pipeline.reconcile();
    },
    sweepNow: sweep,
    async queueStats() {
      return Promise.all(
        [OUTCOME, RECONCILE, CLEANUP].map(async (name) => {
          const rows = await db.$queryRawUnsafe<{ state: string; n: number }[]>(
            `SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry') GROUP BY state`,
            name,
          );
          const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
          return { name, waiting: count('created') + count('retry'), retrying: count('retry') };
        }),
      );
    },
    async stop() {
      clearInterval(timer);
      // A job cut short stays in the queue and runs again after expiry; the reconciler covers it sooner.
      // Bounded: on Ctrl-C the embedded database may already be gone.
      await Promise.race([boss.stop({ graceful: true, wait: true, timeout: 3_000 }).catch(() => {}), new Promise((r) => setTimeout(r, 4_000).unref())]);
    },
  };
}
