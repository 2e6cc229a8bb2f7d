// The measurement: unloaded latency, then ROUNDS rounds of load per endpoint, and the summary lines
// (medians, ratio and aims) that scripts/bench-compare.mjs parses.
import { cpus, loadavg } from 'node:os';
import { abbreviate, type Stats, statsTarget } from './catalog-check.ts';
import { cleanups } from './catalog-cleanup.ts';
import { getJson, graphqlTarget, plainTarget } from './catalog-http.ts';
import { load, median, PgCpu, type Result, row, unloaded } from './catalog-load.ts';
import type { Endpoints } from './catalog-services.ts';
import {
  AIM_P99_OVER_PLAIN_MS,
  AIM_RATIO,
  CONCURRENCY,
  FIRST_WARMUP_SECONDS,
  log,
  ms,
  PAGE,
  ROUNDS,
  SECONDS,
  SERVED_AIM_P99_MS,
  SERVED_AIM_RATIO,
  UNLOADED_REQUESTS,
  WARMUP_SECONDS,
} from './catalog-settings.ts';

export async function measure(ep: Endpoints, databaseUrl: string) {
  // Each endpoint as a client gets it (whole answers cached for 10 s, both sides alike), and computed for
  // every request (`cache-control: no-cache`), which measures what GraphQL itself costs.
  const only = new RegExp(process.env.BENCH_ONLY ?? '');
  const targets = [
    graphqlTarget(ep.graphql, PAGE, false),
    plainTarget(ep.plain, PAGE, false),
    graphqlTarget(ep.graphql, PAGE),
    plainTarget(ep.plain, PAGE),
  ].filter((t) => only.test(t.name));
  const pgCpu = await PgCpu.open(databaseUrl);
  if (pgCpu) cleanups.push({ what: 'CPU probe connection', run: pgCpu.close });
  const lone: string[] = [];
  for (const t of targets) lone.push(`${t.name} ${ms(await unloaded(t, UNLOADED_REQUESTS))}`);
  log(`Unloaded     median latency of ${UNLOADED_REQUESTS} sequential requests: ${lone.join(', ')}`);
  log(
    `Load         concurrency ${CONCURRENCY}, ${FIRST_WARMUP_SECONDS} s warm-up per endpoint, then ` +
      `${WARMUP_SECONDS} s warm-up + ${SECONDS} s per endpoint and round, ${ROUNDS} rounds, the order reversed ` +
      `every other round`,
  );
  log(
    `             CPU per request: the server child process` +
      (pgCpu ? ' and the PostgreSQL backends' : ' (PostgreSQL CPU: server not on this machine)'),
  );
  const results = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
  let gqlTimings: Stats['timings'] = [];
  for (const t of targets) await load(t, FIRST_WARMUP_SECONDS);
  for (let round = 1; round <= ROUNDS; round++) {
    // A B, B A, A B…: neither endpoint always runs right after the other's load.
    for (const t of round % 2 ? targets : [...targets].reverse()) {
      await load(t, WARMUP_SECONDS);
      await getJson(statsTarget(ep, '/stats/reset'));
      const before = await pgCpu?.snapshot();
      const r = await load(t, SECONDS);
      const after = await pgCpu?.snapshot();
      const stats = await getJson<Stats>(statsTarget(ep, '/stats'));
      if (t.name === 'GraphQL, computed' && round === 1) gqlTimings = stats.timings;
      r.nodeCpu = stats.cpuMs / r.requests;
      if (pgCpu && before && after) r.pgCpu = pgCpu.msBetween(before, after) / r.requests;
      results.get(t.name)!.push(r);
      log(row(`${round} ${t.name}`, r));
    }
  }
  const summary = (name: string) => {
    const rs = results.get(name)!;
    const m = (f: (r: Result) => number | undefined) =>
      rs.every((r) => f(r) !== undefined) ? median(rs.map((r) => f(r)!)) : undefined;
    return {
      rps: m((r) => r.rps)!,
      p50: m((r) => r.p50)!,
      p99: m((r) => r.p99)!,
      nodeCpu: m((r) => r.nodeCpu),
      pgCpu: m((r) => r.pgCpu),
    };
  };
  log();
  log(`Summary (median of ${ROUNDS} rounds)`);
  for (const [label, gName, pName] of [
    ['as served (whole answers cached 10 s on both sides)', 'GraphQL', 'plain SQL'],
    ['computed for every request (cache-control: no-cache)', 'GraphQL, computed', 'plain SQL, computed'],
  ] as const) {
    if (!results.has(gName) || !results.has(pName)) continue;
    const g = summary(gName);
    const p = summary(pName);
    const ratio = g.rps / p.rps;
    log(` ${label}:`);
    log(row(gName, g));
    log(row(pName, p));
    // Computed answers: issue 14's aims (>= 0.95x plain SQL, p99 within 5 ms of it); served: the earlier ones.
    const computed = gName === 'GraphQL, computed';
    const aimRatio = computed ? AIM_RATIO : SERVED_AIM_RATIO;
    const p99Aim = computed
      ? `p99 <= plain SQL's + ${AIM_P99_OVER_PLAIN_MS} ms`
      : `GraphQL p99 < ${SERVED_AIM_P99_MS} ms`;
    const p99Met = computed ? g.p99 <= p.p99 + AIM_P99_OVER_PLAIN_MS : g.p99 < SERVED_AIM_P99_MS;
    log(
      `    GraphQL / plain throughput: ${ratio.toFixed(2)}x; ` +
        `aim >= ${aimRatio}x ${ratio >= aimRatio ? 'MET' : 'MISSED'}; ` +
        `aim ${p99Aim} ${p99Met ? 'MET' : 'MISSED'} (${ms(g.p99)} vs ${ms(p.p99)})`,
    );
  }
  log(
    `  machine load average now: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs (other processes share them)`,
  );
  if (gqlTimings.length) {
    const total = gqlTimings.reduce((a, t) => a + t.n, 0);
    const requests = results.get('GraphQL, computed')![0]!.requests;
    log();
    log(
      `GraphQL statements under load, round 1 (${total} statements for ${requests} requests; ` +
        `mean duration as the app reports it, pool wait included):`,
    );
    for (const t of [...gqlTimings].sort((a, b) => b.ms - a.ms))
      log(`  ${ms(t.ms / t.n).padStart(9)} x${String(t.n).padEnd(6)} ${abbreviate(t.sql, 110)}`);
  }
}
