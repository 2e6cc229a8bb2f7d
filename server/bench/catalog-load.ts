// Load: CONCURRENCY requests in flight for a while, latencies and throughput, and the CPU per request of
// the server child and of the PostgreSQL backends.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { aborted } from './catalog-cleanup.ts';
import { request, type Target } from './catalog-http.ts';
import { CONCURRENCY, ms } from './catalog-settings.ts';

export interface Result {
  name: string;
  /** CPU ms per request of the server child, and of the PostgreSQL backends when measurable. */
  nodeCpu?: number;
  pgCpu?: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export async function load(t: Target, seconds: number): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (!aborted && performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const r = await request(t);
        const t1 = performance.now();
        if (r.status === 200 && r.body.includes('"totalCount"')) latencies.push(t1 - t0);
        else {
          errors++;
          firstError ||= `HTTP ${r.status}: ${r.body.toString().slice(0, 300)}`;
        }
      } catch (e) {
        errors++;
        firstError ||= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  if (errors && !aborted) console.error(`  ${t.name}: ${errors} failed requests, first: ${firstError}`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    name: t.name,
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const row = (
  label: string,
  r: {
    rps: number;
    p50: number;
    p99: number;
    requests?: number;
    errors?: number;
    nodeCpu?: number | undefined;
    pgCpu?: number | undefined;
  },
) =>
  `  ${label.padEnd(22)} ${r.rps.toFixed(1).padStart(7)} req/s  ` +
  `p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}` +
  (r.nodeCpu !== undefined ? `  CPU/req: node ${ms(r.nodeCpu).padStart(8)}` : '') +
  (r.pgCpu !== undefined ? `, postgres ${ms(r.pgCpu).padStart(8)}` : '') +
  (r.requests !== undefined ? `  (${r.requests} req${r.errors ? `, ${r.errors} errors` : ''})` : '');

/**
 * CPU time of the PostgreSQL backends serving the bench database, from /proc (only when the server
 * runs on this machine, as with the embedded one or a local DATABASE_URL; otherwise null).
 */
export class PgCpu {
  private constructor(
    private client: pg.Client,
    private msPerTick: number,
  ) {}

  static async open(databaseUrl: string): Promise<PgCpu | null> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const probe = new PgCpu(client, 10);
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    if ((await probe.ticksOf(rows[0]!.pid)) === null) {
      await client.end();
      return null;
    }
    return probe;
  }

  private async ticksOf(pid: number): Promise<number | null> {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // A remote server's pid may be some other local process: only count PostgreSQL's own.
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) return null;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (USER_HZ = 100)
    } catch {
      return null;
    }
  }

  /** Clock ticks used so far by every backend of this database but ours. */
  async snapshot(): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const t = await this.ticksOf(pid);
      if (t !== null) out.set(pid, t);
    }
    return out;
  }

  /** CPU ms used between two snapshots (backends that appeared in between count from zero). */
  msBetween(before: Map<number, number>, after: Map<number, number>): number {
    let ticks = 0;
    for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
    return ticks * this.msPerTick;
  }

  close = () => this.client.end();
}

export async function unloaded(t: Target, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await request(t);
    if (r.status !== 200) throw new Error(`${t.name}: HTTP ${r.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}
