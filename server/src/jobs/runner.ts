import PgBoss from 'pg-boss';
import type { PrismaClient } from '../db.ts';
import type { Pipeline } from '../generation/pipeline.ts';
import type { SweepResult } from '../generation/cleanup.ts';
import { sweepTempImages } from '../generation/cleanup.ts';
import type { JobQueue } from '../app/deps.ts';
import type { Logger } from '../log.ts';
import { InvalidPayload, parsePayload, type JobDefinition, type JobDeps } from './definition.ts';
import { buildProjectExport } from './definitions/build-project-export.ts';
import { cleanupExports } from './definitions/cleanup-exports.ts';
import { cleanupTempImages } from './definitions/cleanup-temp-images.ts';
import { falOutcome } from './definitions/fal-outcome.ts';
import { reconcile } from './definitions/reconcile.ts';
import { Dispatcher } from './dispatcher.ts';
import { Leases } from './leases.ts';

const DEFINITIONS: JobDefinition[] = [falOutcome, reconcile, cleanupTempImages, buildProjectExport, cleanupExports];

export interface Jobs extends JobQueue {
  /** Durable: survives a crash between the webhook's 200 and the result being applied. */
  enqueueOutcome(deliveryId: string): Promise<void>;
  /** Enqueues a recorded delivery again unless it was applied or a job for it is still waiting or running. */
  requeueOutcome(deliveryId: string): Promise<boolean>;
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
  exportTtlMs: number;
  cleanupCron: string;
}

/** Runs one job of `definition`; an invalid payload fails it without retry, since a retry would be as invalid. */
function runner(boss: PgBoss, definition: JobDefinition, deps: JobDeps) {
  const { log } = deps;
  return async (job: PgBoss.JobWithMetadata<unknown>) => {
    let payload: unknown;
    try {
      payload = parsePayload(definition, job.data);
    } catch (e) {
      if (!(e instanceof InvalidPayload)) throw e;
      log.error(
        { event: 'job.invalid_payload', queue: definition.name, jobId: job.id, error: e.message },
        'job payload refused',
      );
      await boss
        .getDb()
        .executeSql(`UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
          definition.name,
          job.id,
        ]);
      throw e;
    }
    await definition.handler(deps, payload, job);
  };
}

/** What the job runner needs of its app: its own queue connection (`databaseUrl`), client, logger and pipeline. */
export interface JobsDeps {
  databaseUrl: string;
  db: PrismaClient;
  log: Logger;
  pipeline: Pipeline;
}

export async function startJobs({ databaseUrl, db, log, pipeline }: JobsDeps, settings: JobSettings): Promise<Jobs> {
  // Maintenance is what fails expired jobs (pg-boss's default: every 2 min). Each instance ticks at this
  // interval and one runs it when the last run is older than the interval; a tick just short of that
  // skips, so ticking at half the heartbeat looks for expired leases at least once per heartbeat.
  const maintenanceIntervalSeconds = Math.max(1, Math.floor(settings.jobHeartbeatSeconds / 2));
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    supervise: true,
    maintenanceIntervalSeconds,
  });
  boss.on('error', (e) => log.error({ event: 'jobs.error', error: e.message }, 'pg-boss error'));
  await boss.start();
  for (const { name, queue } of DEFINITIONS) {
    // A job's expiry is its lease, renewed by heartbeats while it runs. pg-boss 10 stores only
    // expireInSeconds for a queue (expireInMinutes is dropped: jobs got its 15-minute default), and
    // createQueue leaves an existing queue as it was, so the setting is also applied by updateQueue.
    const options = { name, ...queue, expireInSeconds: settings.jobLeaseSeconds };
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
  const leases = new Leases(
    boss,
    settings.jobLeaseSeconds,
    Object.fromEntries(DEFINITIONS.map((d) => [d.name, d.maxRunSeconds])),
    log,
  );
  const heartbeat = setInterval(() => void leases.renew(), settings.jobHeartbeatSeconds * 1000);
  heartbeat.unref();
  const deps: JobDeps = {
    db,
    log,
    pipeline,
    tempImageTtlMs: settings.tempImageTtlMs,
    exportTtlMs: settings.exportTtlMs,
  };
  const send = async (definition: JobDefinition, data: unknown) => {
    await boss.send(definition.name, parsePayload(definition, data) as object);
  };
  /** A pg-boss work handler for `definition`, which gets its jobs as a batch. */
  const work = (definition: JobDefinition) => {
    const run = runner(boss, definition, deps);
    return leases.holdingAll(definition.name, async (jobs: PgBoss.JobWithMetadata<unknown>[]) => {
      for (const job of jobs) await run(job);
    });
  };

  const dispatcher =
    settings.outcomeWorkers > 0
      ? new Dispatcher(
          boss,
          falOutcome.name,
          settings.outcomeWorkers,
          settings.pollingIntervalSeconds * 1000,
          leases.holding(falOutcome.name, runner(boss, falOutcome, deps)),
          log,
        )
      : null;
  dispatcher?.start();
  await boss.work(
    reconcile.name,
    { pollingIntervalSeconds: settings.pollingIntervalSeconds, includeMetadata: true },
    work(reconcile),
  );
  // pg-boss keeps one schedule per name across instances and sends one job per cron tick.
  await boss.schedule(cleanupTempImages.name, settings.cleanupCron, {}, { tz: 'UTC' });
  await boss.work(
    cleanupTempImages.name,
    { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5), includeMetadata: true },
    work(cleanupTempImages),
  );
  await boss.schedule(cleanupExports.name, settings.cleanupCron, {}, { tz: 'UTC' });
  await boss.work(
    cleanupExports.name,
    { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5), includeMetadata: true },
    work(cleanupExports),
  );
  await boss.work(
    buildProjectExport.name,
    { pollingIntervalSeconds: settings.pollingIntervalSeconds, includeMetadata: true },
    work(buildProjectExport),
  );
  // Every instance asks; the singleton queue runs one reconciliation at a time across instances.
  const timer = setInterval(() => void send(reconcile, {}).catch(() => {}), settings.reconcileEverySeconds * 1000);
  void send(reconcile, {});

  return {
    async send(job, data) {
      const definition = DEFINITIONS.find((d) => d.name === job.name);
      if (!definition) throw new Error(`no job named ${job.name}`);
      await send(definition, data);
    },
    async enqueueOutcome(deliveryId) {
      await send(falOutcome, { deliveryId });
      // Fetch now rather than at the next poll: status latency is the product.
      dispatcher?.wake();
    },
    async requeueOutcome(deliveryId) {
      const delivery = await db.falWebhookDelivery.findUnique({
        where: { id: deliveryId },
        select: { processedAt: true },
      });
      if (!delivery || delivery.processedAt) return false;
      const rows = await db.$queryRawUnsafe<{ queued: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM pgboss.job
          WHERE name = $1 AND data->>'deliveryId' = $2 AND state IN ('created', 'retry', 'active')) AS queued`,
        falOutcome.name,
        deliveryId,
      );
      if (rows[0]?.queued) return false;
      await send(falOutcome, { deliveryId });
      dispatcher?.wake();
      return true;
    },
    sweepNow: () => sweepTempImages(pipeline.deps, settings.tempImageTtlMs),
    async queueStats() {
      return Promise.all(
        DEFINITIONS.map(async ({ name }) => {
          const rows = await db.$queryRawUnsafe<{ state: string; n: number }[]>(
            `SELECT state::text, count(*)::int AS n FROM pgboss.job
              WHERE name = $1 AND state IN ('created', 'retry') GROUP BY state`,
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
      await Promise.race([
        boss.stop({ graceful: true, wait: true, timeout: 3_000 }).catch(() => {}),
        new Promise((r) => setTimeout(r, 4_000).unref()),
      ]);
    },
  };
}
