// The services the catalog benchmark runs against: a database (fresh on DATABASE_URL's server, or embedded),
// an embedded S3, and the server child (catalog-server.ts), each registering its clean-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/embedded/postgres.ts';
import { startEmbeddedS3 } from '../src/embedded/s3.ts';
import { cleaning, cleanup, cleanups, stopChildOnCleanup } from './catalog-cleanup.ts';
import { log, secs } from './catalog-settings.ts';

export async function startDatabase(): Promise<string> {
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

export async function startS3() {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-s3-'));
  cleanups.push({ what: dir, run: () => rm(dir, { recursive: true, force: true }) });
  const s3 = await startEmbeddedS3(dir);
  cleanups.push({ what: 'embedded S3', run: () => s3.stop() });
  log(`S3           embedded at ${s3.endpoint}`);
  return s3;
}

/** The environment of an app started by a bench: production mode, no seed, no admin, no fal key, quiet logs. */
export function benchAppEnv(
  databaseUrl: string,
  s3: { endpoint: string; accessKey: string; secretKey: string },
  bucket: string,
  redisUrl: string,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED: 'never',
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    S3_BUCKET: bucket,
    REDIS_URL: redisUrl,
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    FAL_KEY: '',
    LOG_LEVEL: 'warn',
    // The app's job queue (pg-boss) polls the database; no jobs exist here, so poll rarely and do
    // not re-run the reconciliation, to keep that background work out of the measurements.
    JOB_POLL_SECONDS: '5',
    RECONCILE_EVERY_SECONDS: '3600',
  };
}

export interface Endpoints {
  graphql: string;
  plain: string;
}

export async function startServer(
  databaseUrl: string,
  s3: { endpoint: string; accessKey: string; secretKey: string },
): Promise<Endpoints> {
  const script = resolve(import.meta.dirname, 'catalog-server.ts');
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...extra, script], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...benchAppEnv(databaseUrl, s3, `bench-${randomBytes(4).toString('hex')}`, '') },
  });
  stopChildOnCleanup(`server child ${child.pid}`, child);
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
