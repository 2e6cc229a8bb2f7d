// The emulator's queue discipline, as fal's: a request waits IN_QUEUE until a worker of its endpoint is
// free (at most `workers` at once, in order of arrival), and its `queue_position` is the number of the
// endpoint's requests ahead of it (0: next).
interface Queued {
  requestId: string;
  endpoint: string;
}

interface Waiter {
  job: Queued;
  /** Set once the request has waited its queue time: it may take a free worker. */
  take?: (started: boolean) => void;
}

export function createQueue(workers: () => number | null) {
  const lines = new Map<string, Waiter[]>();
  const busy = new Map<string, Set<string>>();
  const lineOf = (endpoint: string) => lines.get(endpoint) ?? lines.set(endpoint, []).get(endpoint)!;
  const busyOf = (endpoint: string) => busy.get(endpoint) ?? busy.set(endpoint, new Set()).get(endpoint)!;

  function pump(endpoint: string) {
    const line = lineOf(endpoint);
    const running = busyOf(endpoint);
    const limit = workers() ?? Infinity;
    for (let i = 0; i < line.length && running.size < limit;) {
      const waiter = line[i]!;
      if (!waiter.take) {
        i++;
        continue;
      }
      line.splice(i, 1);
      running.add(waiter.job.requestId);
      waiter.take(true);
    }
  }

  return {
    enter(job: Queued) {
      lineOf(job.endpoint).push({ job });
    },
    /** Resolves true once a worker runs it; false when it left the queue (cancelled) first. */
    acquire(job: Queued): Promise<boolean> {
      const waiter = lineOf(job.endpoint).find((w) => w.job.requestId === job.requestId);
      if (!waiter) return Promise.resolve(false);
      return new Promise((resolve) => {
        waiter.take = resolve;
        pump(job.endpoint);
      });
    },
    position(job: Queued): number {
      return Math.max(
        0,
        lineOf(job.endpoint).findIndex((w) => w.job.requestId === job.requestId),
      );
    },
    /** Out of the queue (cancelled) or done running: its place or its worker goes to the next one. */
    leave(job: Queued) {
      const line = lineOf(job.endpoint);
      const i = line.findIndex((w) => w.job.requestId === job.requestId);
      if (i >= 0) line.splice(i, 1)[0]!.take?.(false);
      busyOf(job.endpoint).delete(job.requestId);
      pump(job.endpoint);
    },
    stop() {
      for (const line of lines.values()) for (const w of line.splice(0)) w.take?.(false);
    },
  };
}
