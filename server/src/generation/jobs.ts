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

  const applyOutcome = async (job: PgBoss.JobWithMetadata<{ deliveryId: string }>) => {
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
  };
  const dispatcher = settings.outcomeWorkers > 0 ? new Dispatcher(boss, OUTCOME, settings.outcomeWorkers, settings.pollingIntervalSeconds * 1000, applyOutcome) : null;
  dispatcher?.start();
  await boss.work(RECONCILE, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    const r = await pipeline.reconcile();
    if (r.finished || r.timedOut || r.deletedSettled) log.info({ event: 'reconcile.done', ...r }, 'reconciler pass');
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
      // Fetch now rather than at the next poll: status latency is the product.
      dispatcher?.wake();
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
      await dispatcher?.stop(3_000);
      // A job cut short stays in the queue and runs again after expiry; the reconciler covers it sooner.
      // Bounded: on Ctrl-C the embedded database may already be gone.
      await Promise.race([boss.stop({ graceful: true, wait: true, timeout: 3_000 }).catch(() => {}), new Promise((r) => setTimeout(r, 4_000).unref())]);
    },
  };
}

/**
 * One fetch loop for up to `concurrency` jobs at a time, instead of pg-boss's one loop per worker: a
 * burst of webhooks is fetched in one statement, a freed slot is refilled at once while work is waiting,
 * and an idle instance polls once per interval (not once per worker, nor once per worker per wake-up).
 */
class Dispatcher<T extends object> {
  private running = 0;
  private wanted = false;
  private fetching = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly boss: PgBoss,
    private readonly queue: string,
    private readonly concurrency: number,
    private readonly pollMs: number,
    private readonly handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
  ) {}

  start(): void {
    this.wake();
  }

  /** New work may be waiting (just enqueued, a slot freed, or the poll interval passed). */
  wake(): void {
    this.wanted = true;
    void this.fill();
  }

  private async fill(): Promise<void> {
    if (this.fetching || this.stopped) return;
    this.fetching = true;
    try {
      while (this.wanted && !this.stopped && this.running < this.concurrency) {
        this.wanted = false;
        const free = this.concurrency - this.running;
        const jobs = ((await this.boss.fetch<T>(this.queue, { batchSize: free, includeMetadata: true }).catch((e: Error) => {
          log.error({ event: 'jobs.error', queue: this.queue, error: e.message }, 'fetching jobs failed');
          return null;
        })) ?? []) as PgBoss.JobWithMetadata<T>[];
        for (const job of jobs) this.run(job);
        // A full batch may have left more behind.
        if (jobs.length === free) this.wanted = true;
      }
    } finally {
      this.fetching = false;
    }
    if (!this.stopped) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.wake(), this.pollMs);
    }
  }

  private run(job: PgBoss.JobWithMetadata<T>): void {
    this.running++;
    const done = (async () => {
      try {
        await this.handle(job);
        await this.boss.complete(this.queue, job.id);
      } catch (e) {
        // pg-boss retries it with backoff (the queue's retryLimit/retryDelay).
        await this.boss.fail(this.queue, job.id, { message: (e as Error).message }).catch(() => {});
      }
    })().finally(() => {
      this.running--;
      this.inFlight.delete(done);
      this.wake();
    });
    this.inFlight.add(done);
  }

  /** Stops fetching and waits (bounded) for the jobs in hand; one cut short runs again after expiry. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
