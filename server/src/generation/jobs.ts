import PgBoss from 'pg-boss';
import { db } from '../db.ts';
import { isTransient } from './download.ts';
import { parseTarget, type Pipeline, type Target } from './pipeline.ts';
import { gen, log } from '../log.ts';
import { sweepTempImages, type SweepResult } from './cleanup.ts';

const OUTCOME = 'fal-outcome';
const RECONCILE = 'reconcile';
const CLEANUP = 'cleanup-temp-images';

/** The longest a live instance keeps renewing a job's lease: a handler stuck past it is reclaimed as if dead. */
const MAX_RUN_SECONDS: Record<string, number> = { [OUTCOME]: 15 * 60, [RECONCILE]: 10 * 60, [CLEANUP]: 30 * 60 };

export interface Jobs {
  /** Durable: survives a crash between the webhook's 200 and the result being applied. */
  enqueueOutcome(deliveryId: string): Promise<void>;
  /** Enqueues a recorded delivery again unless it was applied or a job for it is still waiting or running. */
  requeueOutcome(deliveryId: string): Promise<boolean>;
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
  jobLeaseSeconds: number;
  jobHeartbeatSeconds: number;
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
  // Maintenance is what fails expired jobs (pg-boss's default: every 2 min). Each instance ticks at this
  // interval and one runs it when the last run is older than the interval; a tick just short of that
  // skips, so ticking at half the heartbeat looks for expired leases at least once per heartbeat.
  const maintenanceIntervalSeconds = Math.max(1, Math.floor(settings.jobHeartbeatSeconds / 2));
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, supervise: true, maintenanceIntervalSeconds });
  boss.on('error', (e) => log.error({ event: 'jobs.error', error: e.message }, 'pg-boss error'));
  await boss.start();
  const queues: PgBoss.Queue[] = [
    { name: OUTCOME, policy: 'standard', retryLimit: 6, retryDelay: 1, retryBackoff: true },
    { name: RECONCILE, policy: 'singleton', retryLimit: 0 },
    { name: CLEANUP, policy: 'singleton', retryLimit: 2 },
  ];
  for (const queue of queues) {
    // A job's expiry is its lease, renewed by heartbeats while it runs. pg-boss 10 stores only
    // expireInSeconds for a queue (expireInMinutes is dropped: jobs got its 15-minute default), and
    // createQueue leaves an existing queue as it was, so the setting is also applied by updateQueue.
    const options = { ...queue, expireInSeconds: settings.jobLeaseSeconds };
    await boss.createQueue(queue.name, options);
    await boss.updateQueue(queue.name, options);
  }
  const leases = new Leases(boss, settings.jobLeaseSeconds);
  const heartbeat = setInterval(() => void leases.renew(), settings.jobHeartbeatSeconds * 1000);
  heartbeat.unref();

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
  const dispatcher = settings.outcomeWorkers > 0 ? new Dispatcher(boss, OUTCOME, settings.outcomeWorkers, settings.pollingIntervalSeconds * 1000, leases.holding(OUTCOME, applyOutcome)) : null;
  dispatcher?.start();
  await boss.work(
    RECONCILE,
    { pollingIntervalSeconds: settings.pollingIntervalSeconds },
    leases.holdingAll(RECONCILE, async () => {
      const r = await pipeline.reconcile();
      if (r.finished || r.timedOut || r.deletedSettled) log.info({ event: 'reconcile.done', ...r }, 'reconciler pass');
    }),
  );
  const sweep = () => sweepTempImages(pipeline.deps, settings.tempImageTtlMs);
  // pg-boss keeps one schedule per name across instances and sends one job per cron tick.
  await boss.schedule(CLEANUP, settings.cleanupCron, {}, { tz: 'UTC' });
  await boss.work(
    CLEANUP,
    { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5) },
    leases.holdingAll(CLEANUP, async ([job]) => {
      log.info({ event: 'job.started', jobId: job?.id, queue: CLEANUP }, 'temp image sweep started');
      const r = await sweep();
      log.info({ event: 'job.finished', jobId: job?.id, queue: CLEANUP, ...r }, 'temp image sweep finished');
    }),
  );
  // Every instance asks; the singleton queue runs one reconciliation at a time across instances.
  const timer = setInterval(() => void boss.send(RECONCILE, {}).catch(() => {}), settings.reconcileEverySeconds * 1000);
  void boss.send(RECONCILE, {});

  return {
    async enqueueOutcome(deliveryId) {
      await boss.send(OUTCOME, { deliveryId });
      // Fetch now rather than at the next poll: status latency is the product.
      dispatcher?.wake();
    },
    async requeueOutcome(deliveryId) {
      const delivery = await db.falWebhookDelivery.findUnique({ where: { id: deliveryId }, select: { processedAt: true } });
      if (!delivery || delivery.processedAt) return false;
      const rows = await db.$queryRawUnsafe<{ queued: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = $2 AND state IN ('created', 'retry', 'active')) AS queued`,
        OUTCOME,
        deliveryId,
      );
      if (rows[0]?.queued) return false;
      await boss.send(OUTCOME, { deliveryId });
      dispatcher?.wake();
      return true;
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
      clearInterval(heartbeat);
      // A job cut short stays in the queue and runs again after expiry; the reconciler covers it sooner.
      // Bounded: on Ctrl-C the embedded database may already be gone.
      await Promise.race([boss.stop({ graceful: true, wait: true, timeout: 3_000 }).catch(() => {}), new Promise((r) => setTimeout(r, 4_000).unref())]);
    },
  };
}

/**
 * Heartbeats for the jobs this instance runs (pg-boss 10 has none). A job's lease is pg-boss's expiry,
 * `started_on + expire_in`, which maintenance enforces (a retry, or a failure that frees a singleton
 * queue); each heartbeat moves it one lease past now. A dead instance stops beating, so its jobs are
 * reclaimed one lease after its last beat, while a live one keeps a long job (a video download, a long
 * reconciler pass) for up to MAX_RUN_SECONDS. A job that runs twice all the same (a stuck handler, a
 * lost heartbeat) is harmless: a result is applied only to a row still PENDING for that request.
 */
class Leases {
  private readonly held = new Map<string, { queue: string; since: number }>();
  private renewing = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly leaseSeconds: number,
  ) {}

  /** `handle`, holding the lease of its job while it runs. */
  holding<J extends { id: string }>(queue: string, handle: (job: J) => Promise<void>): (job: J) => Promise<void> {
    return async (job) => {
      this.held.set(job.id, { queue, since: Date.now() });
      try {
        await handle(job);
      } finally {
        this.held.delete(job.id);
      }
    };
  }

  /** The same for a pg-boss work handler, which gets its jobs as a batch. */
  holdingAll<J extends { id: string }>(queue: string, handle: (jobs: J[]) => Promise<void>): (jobs: J[]) => Promise<void> {
    return async (jobs) => {
      for (const job of jobs) this.held.set(job.id, { queue, since: Date.now() });
      try {
        await handle(jobs);
      } finally {
        for (const job of jobs) this.held.delete(job.id);
      }
    };
  }

  async renew(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    this.renewing = true;
    try {
      const byQueue = new Map<string, string[]>();
      for (const [id, { queue, since }] of this.held) {
        if (Date.now() - since > (MAX_RUN_SECONDS[queue] ?? 0) * 1000) continue;
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), id]);
      }
      for (const [queue, ids] of byQueue) {
        await this.boss
          .getDb()
          .executeSql(
            `UPDATE pgboss.job SET expire_in = (now() - started_on) + $3 * interval '1 second' WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
            [queue, ids, this.leaseSeconds],
          );
      }
    } catch (e) {
      log.warn({ event: 'jobs.heartbeat_failed', error: (e as Error).message }, 'renewing job leases failed; retried at the next heartbeat');
    } finally {
      this.renewing = false;
    }
  }
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
