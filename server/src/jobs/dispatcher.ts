import type PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

/**
 * One fetch loop for up to `concurrency` jobs at a time, instead of pg-boss's one loop per worker: a
 * burst of webhooks is fetched in one statement, a freed slot is refilled at once while work is waiting,
 * and an idle instance polls once per interval (not once per worker, nor once per worker per wake-up).
 * Kept rather than boss.work for fal-outcome: bench:status measured lower status latency with it in an
 * earlier session (ARCHITECTURE will say so).
 */
export class Dispatcher<T extends object> {
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
    private readonly log: Logger,
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
      // `stopped` and `wanted` change while fetch() is awaited; TypeScript keeps them narrowed from above.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      while (this.wanted && !this.stopped && this.running < this.concurrency) {
        this.wanted = false;
        const free = this.concurrency - this.running;
        const jobs =
          (await this.boss.fetch<T>(this.queue, { batchSize: free, includeMetadata: true }).catch((e: unknown) => {
            this.log.error(
              { event: 'jobs.error', queue: this.queue, error: (e as Error).message },
              'fetching jobs failed',
            );
            return null;
          })) ?? [];
        for (const job of jobs) this.run(job);
        // A full batch may have left more behind.
        if (jobs.length === free) this.wanted = true;
      }
    } finally {
      this.fetching = false;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run during the fetches
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
