// bench:status: where webhook → event goes, per generation: the durable job's wait for a worker (webhook
// recorded → job started), then applying it (job started → row SUCCEEDED: fetch and store the video, the
// row's transaction). From pgboss.job / pgboss.archive and the rows, all on the database's clock.
import { readFile, writeFile } from 'node:fs/promises';
import type { PrismaClient } from '../src/db.ts';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
export const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(0).padStart(5)} ms   p99 ${pct(xs, 99).toFixed(0).padStart(5)} ms   ` +
  `mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(0).padStart(5)} ms   (n=${xs.length})`;

export async function phasesOf(
  prisma: PrismaClient,
  rows: { falRequestId: string | null; finishedAt: Date | null }[],
  received: Map<string, number>,
): Promise<{ toStart: number[]; startToRow: number[]; jobStarted: Map<string, number> }> {
  const jobs = await prisma
    .$queryRawUnsafe<{ deliveryId: string; startedOn: Date | null }[]>(
      `SELECT data->>'deliveryId' AS "deliveryId", started_on AS "startedOn" FROM pgboss.job WHERE name = 'fal-outcome'
       UNION ALL
       SELECT data->>'deliveryId', started_on FROM pgboss.archive WHERE name = 'fal-outcome'`,
    )
    .catch(() => []);
  const deliveries = await prisma.falWebhookDelivery.findMany({ select: { id: true, requestId: true } });
  const deliveryOf = new Map(deliveries.map((d) => [d.requestId, d.id]));
  const jobOf = new Map(jobs.map((j) => [j.deliveryId, j]));
  const toStart: number[] = [];
  const startToRow: number[] = [];
  const jobStarted = new Map<string, number>();
  for (const r of rows) {
    const rec = r.falRequestId ? received.get(r.falRequestId) : undefined;
    const started = r.falRequestId ? jobOf.get(deliveryOf.get(r.falRequestId) ?? '')?.startedOn : undefined;
    if (started && r.falRequestId) jobStarted.set(r.falRequestId, started.getTime());
    if (rec === undefined || !started) continue;
    toStart.push(started.getTime() - rec);
    if (r.finishedAt) startToRow.push(r.finishedAt.getTime() - started.getTime());
  }
  return { toStart, startToRow, jobStarted };
}

/** One generation's moments, in ms since the run started (absent: never seen). */
export interface Moments {
  created?: number | undefined;
  webhook?: number | undefined;
  jobStarted?: number | undefined;
  rowFinal?: number | undefined;
  event?: number | undefined;
  polled?: number | undefined;
}

/**
 * BENCH_TIMELINE=<file>: every generation's moments as CSV, in webhook order, to see how the bursts line up
 * (which webhooks wait behind which jobs, creations and polls).
 */
export async function writeTimeline(file: string, moments: Moments[]): Promise<void> {
  const columns = ['created', 'webhook', 'jobStarted', 'rowFinal', 'event', 'polled'] as const;
  const sorted = [...moments].sort((a, b) => (a.webhook ?? Infinity) - (b.webhook ?? Infinity));
  const lines = sorted.map((m) => columns.map((c) => (m[c] === undefined ? '' : String(m[c]))).join(','));
  await writeFile(file, `${columns.join(',')}\n${lines.join('\n')}\n`);
}

/** CPU ms (user + system) a process has used so far, from /proc (null where there is no /proc). */
export async function cpuMsOf(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms (USER_HZ = 100)
  } catch {
    return null;
  }
}
