// `npm run bench:subscriptions`: live subscribers on the real app. The app runs in its own process (its RSS
// and CPU are its own), the subscribers in BENCH_CLIENTS (default 2) others, all with the app client's own
// projectUpdated document; events come from the renameProject mutation over HTTP.
//   BENCH_SUBSCRIBERS  connections of one user on one project, per round (default 500,2000,5000,10000)
//   BENCH_EVENTS       events per case, one at a time (default 20)
//   BENCH_SPREAD       N users with one project each, an event for one of them (default 2000; 0: skip)
//   BENCH_INSTANCES_SUBSCRIBERS  one user's subscribers over 3 app instances sharing Redis
//                      (REDIS_URL, default redis://127.0.0.1:6379) and PostgreSQL (default 3000; 0: skip)
//   BENCH_WARMUP       subscribers of a first case on each set of fresh apps, printed, not counted (200; 0: none)
//   DATABASE_URL       a PostgreSQL server (a fresh database is created and dropped); unset: embedded
// Single-instance cases run without Redis (the app's in-process events).
import { loadavg } from 'node:os';
import { applyMigrations } from '../src/db/engine.ts';
import { cleanup } from './catalog-cleanup.ts';
import { startDatabase, startS3 } from './catalog-services.ts';
import { log } from './catalog-settings.ts';
import { pct } from './status-phases.ts';
import { runCase, type CaseResult } from './subscriptions-case.ts';
import {
  type Account,
  type App,
  createAccounts,
  openFilesLimit,
  startApps,
  startClients,
} from './subscriptions-setup.ts';

const list = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const SUBSCRIBERS = list(process.env.BENCH_SUBSCRIBERS, '500,2000,5000,10000');
const SPREAD = Number(process.env.BENCH_SPREAD ?? 2000);
const INSTANCES = Number(process.env.BENCH_INSTANCES_SUBSCRIBERS ?? 3000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));
}

const n0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
// Not Math.max(...xs): 10,000 subscribers x 20 events is more arguments than the stack holds.
const maxOf = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);
const row = (label: string, r: CaseResult) =>
  [
    label.padEnd(22),
    String(r.connections).padStart(6),
    r.kbPerConnection.toFixed(0).padStart(7),
    r.heapKbPerConnection.toFixed(1).padStart(7),
    `${n0(pct(r.fanOut, 50))} / ${n0(pct(r.fanOut, 99))} / ${n0(maxOf(r.fanOut))}`.padStart(20),
    r.cpuPerEventMs.toFixed(1).padStart(9),
    `${n0(pct(r.mutation, 50))} / ${n0(pct(r.mutation, 99))}`.padStart(12),
    `${r.lost} / ${r.outOfOrder} / ${r.errors + r.misdelivered}`.padStart(14),
  ].join('  ');
const HEADER =
  `${'case'.padEnd(22)}  ${'conns'.padStart(6)}  ${'kB/conn'.padStart(7)}  ${'heap kB'.padStart(7)}  ` +
  `${'fan-out p50/p99/max ms'.padStart(20)}  ${'CPU/event'.padStart(9)}  ${'mutation p50/p99'.padStart(12)}  ` +
  'lost/order/err'.padStart(14);

async function main() {
  log(`bench:subscriptions — load average at start ${load()}`);
  const most = Math.max(...SUBSCRIBERS, SPREAD, INSTANCES);
  const limit = openFilesLimit();
  if (limit !== null && limit < most + 1000) {
    log(`WARNING: open files soft limit ${limit} < ${most + 1000} (N + 1000); run \`ulimit -n 65536\` first`);
  }
  const databaseUrl = await startDatabase();
  await applyMigrations(databaseUrl);
  const s3 = await startS3();
  const clients = await startClients(CLIENTS);
  const report = (label: string, r: CaseResult) => {
    log(row(label, r));
    if (r.sample.length) log(`    errors, e.g.: ${r.sample.join(' | ')}`);
  };
  log(HEADER);
  // A fresh app's RSS after GC is still settling (startup's memory given back later): measured from it, a first
  // case of 500 came out at -45 kB per connection and the next two at 11 and 4.
  const warmUp = async (apps: App[], one: Account) => {
    if (WARMUP) report('warm-up (not counted)', await runCase(apps, clients, Array(WARMUP).fill(one), [one]));
  };
  if (SUBSCRIBERS.length || SPREAD) {
    const [app] = await startApps(1, { databaseUrl, s3, redisUrl: '' });
    const [one] = await createAccounts(databaseUrl, 1, 'one');
    await warmUp([app!], one!);
    for (const n of SUBSCRIBERS) report('one project', await runCase([app!], clients, Array(n).fill(one), [one!]));
    if (SPREAD) {
      const users = await createAccounts(databaseUrl, SPREAD, 'spread');
      report('spread (1 per user)', await runCase([app!], clients, users, users));
    }
  }
  if (INSTANCES) {
    const apps = await startApps(3, { databaseUrl, s3, redisUrl: REDIS_URL });
    const [one] = await createAccounts(databaseUrl, 1, 'instances');
    await warmUp(apps, one!);
    report('3 instances + Redis', await runCase(apps, clients, Array(INSTANCES).fill(one), [one!]));
  }
  log();
  log('kB/conn: server RSS after GC with the subscribers open, minus before, per connection (3 instances: summed);');
  log('heap kB: the same for V8 heap in use + external (Buffers): steadier, blind to native memory (sockets, zlib).');
  log('fan-out: renameProject sent → frame received, every subscriber; CPU/event: app process(es), ms.');
  log('lost/order/err: events a subscriber never got / got out of order / errors and frames for other projects.');
  log(`load average at end ${load()}`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error('\nBENCHMARK FAILED:', e instanceof Error ? e.stack : e);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
