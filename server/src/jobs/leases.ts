import type PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

/**
 * Heartbeats for the jobs this instance runs (pg-boss 10 has none). A job's lease is pg-boss's expiry,
 * `started_on + expire_in`, which maintenance enforces (a retry, or a failure that frees a singleton
 * queue); each heartbeat moves it one lease past now. A dead instance stops beating, so its jobs are
 * reclaimed one lease after its last beat, while a live one keeps a long job (a video download, a long
 * reconciler pass) for up to its definition's maxRunSeconds. A job that runs twice all the same (a stuck handler, a
 * lost heartbeat) is harmless: a result is applied only to a row still PENDING for that request.
 */
export class Leases {
  private readonly held = new Map<string, { queue: string; since: number }>();
  private renewing = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly leaseSeconds: number,
    private readonly maxRunSeconds: Record<string, number>,
    private readonly log: Logger,
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
  holdingAll<J extends { id: string }>(
    queue: string,
    handle: (jobs: J[]) => Promise<void>,
  ): (jobs: J[]) => Promise<void> {
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
        if (Date.now() - since > (this.maxRunSeconds[queue] ?? 0) * 1000) continue;
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), id]);
      }
      for (const [queue, ids] of byQueue) {
        await this.boss.getDb().executeSql(
          `UPDATE pgboss.job SET expire_in = (now() - started_on) + $3 * interval '1 second'
              WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
          [queue, ids, this.leaseSeconds],
        );
      }
    } catch (e) {
      this.log.warn(
        { event: 'jobs.heartbeat_failed', error: (e as Error).message },
        'renewing job leases failed; retried at the next heartbeat',
      );
    } finally {
      this.renewing = false;
    }
  }
}
