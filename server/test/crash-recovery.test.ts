// Crash recovery: an instance killed with SIGKILL in the middle of a job, and another one taking over on
// the same database. The jobs a dead instance held are reclaimed within its lease, every generation ends
// final within its deadline, and none is applied or submitted twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startFalEmulator, type FalEmulator } from '../src/fal/emulator.ts';
import { dbId, freshDatabase, startTestApp, type TestApp, waitFor } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Short on purpose; the defaults (lease 30 s, heartbeat 10 s) reclaim within a minute.
const LEASE = { JOB_LEASE_SECONDS: '5', JOB_HEARTBEAT_SECONDS: '1' };
const DEADLINE_MINUTES = 0.75;
const RECONCILE_EVERY_SECONDS = 1;
/** The guarantee: a row is final by its deadline plus the reconcile interval plus about a minute. */
const LATEST_FINAL_MS = DEADLINE_MINUTES * 60_000 + RECONCILE_EVERY_SECONDS * 1000 + 60_000;

interface Instance {
  url: string;
  proc: ChildProcess;
  /** The JSON log lines it printed. */
  logs: { event?: string; generationId?: string; [k: string]: unknown }[];
  exited: Promise<unknown>;
}

const children: Instance[] = [];
const emulators: FalEmulator[] = [];
const pools: pg.Pool[] = [];
const apps: TestApp[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await c.exited;
  }
  for (const a of apps.splice(0)) await a.stop().catch(() => {});
});
afterAll(async () => {
  for (const e of emulators) await e.stop();
  for (const p of pools) await p.end();
});

function spawnInstance(env: Record<string, string>): Promise<Instance> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      S3_ENDPOINT: inject('s3Endpoint'),
      S3_ACCESS_KEY: inject('s3AccessKey'),
      S3_SECRET_KEY: inject('s3SecretKey'),
      SEED: 'never',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => proc.once('exit', r));
  const instance: Instance = { url: '', proc, logs: [], exited };
  children.push(instance);
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let rest = '';
    proc.stdout.on('data', (d: Buffer) => {
      const lines = (rest + d.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const ready = /^READY (\S+)$/.exec(line);
        if (ready) {
          instance.url = ready[1]!;
          resolve(instance);
        } else if (line.startsWith('{')) {
          instance.logs.push(JSON.parse(line));
        }
      }
    });
    void exited.then(() => reject(new Error(`instance exited before it was ready: ${stderr.slice(-2000)}`)));
  });
}

async function kill9(instance: Instance): Promise<number> {
  instance.proc.kill('SIGKILL');
  await instance.exited;
  return Date.now();
}

async function gql(instance: Instance, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
  ... on MutationGenerateImageSuccess { data { id } } } }`;

/** A database, a bucket, an emulator kept by the test, and images started on a first instance. */
async function setUp(env: Record<string, string>) {
  const emulator = await startFalEmulator({ latencyMs: 50 });
  emulators.push(emulator);
  const databaseUrl = await freshDatabase();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pools.push(pool);
  const sql = async <T = any>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[];
  const instanceEnv = {
    DATABASE_URL: databaseUrl,
    S3_BUCKET: `t-${randomBytes(4).toString('hex')}`,
    TEST_FAL_URL: emulator.url,
    RECONCILE_EVERY_SECONDS: String(RECONCILE_EVERY_SECONDS),
    IMAGE_DEADLINE_MINUTES: String(DEADLINE_MINUTES),
    ...LEASE,
    ...env,
  };
  return { emulator, sql, instanceEnv };
}

async function startImages(instance: Instance, count: number): Promise<string[]> {
  const email = `crash-${randomBytes(4).toString('hex')}@example.com`;
  const up = await gql(
    instance,
    `mutation($input: SignUpInput!) { signUp(input: $input) { ... on MutationSignUpSuccess { data { token } } } }`,
    {
      input: { email, name: 'Crash', password: 'correct horse battery' },
    },
  );
  const token = up.data.signUp.data.token as string;
  const project = await gql(
    instance,
    `mutation { createProject(input: { name: "P" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    token,
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await gql(
      instance,
      GENERATE,
      { input: { projectId: project.data.createProject.data.id, prompt: `crash ${i}` } },
      token,
    );
    ids.push(dbId(r.data.generateImage.data.id));
  }
  return ids;
}

/** Every image final, in time, applied once (row, ledger, logs) and submitted to fal once. */
async function expectSettledOnce(
  sql: <T = any>(text: string, params?: unknown[]) => Promise<T[]>,
  emulator: FalEmulator,
  ids: string[],
  instances: Instance[],
) {
  const rows = await sql<{ id: string; status: string; createdAt: Date; finishedAt: Date }>(
    `SELECT id, status::text, "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "finishedAt" AT TIME ZONE 'UTC' AS
      "finishedAt" FROM "Image" WHERE id = ANY($1)`,
    [ids],
  );
  expect(rows).toHaveLength(ids.length);
  for (const row of rows) {
    expect(row.status).toBe('SUCCEEDED');
    expect(row.finishedAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(LATEST_FINAL_MS);
    const attempts = await sql(`SELECT status::text FROM "GenerationAttempt" WHERE "targetId" = $1`, [row.id]);
    expect(attempts).toEqual([{ status: 'SUCCEEDED' }]);
    // The row is written before its log line reaches us through the child's stdout: wait for the line.
    const finishesOf = () =>
      instances
        .flatMap((i) => i.logs)
        .filter(
          (l) =>
            (l.event === 'generation.succeeded' || l.event === 'generation.failed') &&
            JSON.stringify(l).includes(row.id),
        );
    await waitFor(`the finish of ${row.id} logged`, async () => finishesOf().length > 0, 10_000);
    expect(finishesOf()).toHaveLength(1);
    const submissions = [...emulator.jobs.values()].filter((j) => j.webhookUrl?.includes(row.id));
    expect(submissions).toHaveLength(1);
  }
}

describe('kill -9', () => {
  it(
    'during a reconciler pass: the singleton reconcile job is reclaimed ' + 'and the rows finish by their deadline',
    async () => {
      const { emulator, sql, instanceEnv } = await setUp({ RECONCILE_AFTER_SECONDS: '1' });
      // Webhooks lost: only the reconciler can finish the rows; and it is stuck downloading the first result.
      emulator.configure({ webhook: 'drop', fileDelayMs: 120_000 });
      const first = await spawnInstance(instanceEnv);
      const ids = await startImages(first, 3);
      await waitFor(
        'a reconciler pass applying a result',
        async () => first.logs.some((l) => l.event === 'reconcile.completed'),
        30_000,
      );
      const [orphan] = await sql<{ id: string }>(
        `SELECT id FROM pgboss.job WHERE name = 'reconcile' AND state = 'active'`,
      );
      expect(orphan).toBeDefined();
      const crashedAt = await kill9(first);
      emulator.configure({ fileDelayMs: 0 });

      const second = await spawnInstance(instanceEnv);
      const upAt = Date.now();
      const reclaimedAt = await waitFor(
        'the orphaned reconcile job reclaimed',
        async () =>
          (await sql(`SELECT state::text FROM pgboss.job WHERE id = $1 AND state <> 'active'`, [orphan!.id])).length >
            0 && Date.now(),
        75_000,
      );
      const finalAt = await waitFor(
        'every row final',
        async () =>
          (await sql(`SELECT 1 FROM "Image" WHERE id = ANY($1) AND status = 'PENDING'`, [ids])).length === 0 &&
          Date.now(),
        LATEST_FINAL_MS,
      );
      console.log(
        `[crash during reconcile] crash → second instance up ${upAt - crashedAt} ms, ` +
          `→ job reclaimed ${reclaimedAt - crashedAt} ms, crash → all rows final ${finalAt - crashedAt} ms`,
      );
      expect(reclaimedAt - crashedAt).toBeLessThan(60_000);
      await expectSettledOnce(sql, emulator, ids, [first, second]);
    },
    180_000,
  );

  it('while a fal-outcome job is in flight: the job is reclaimed and applied once', async () => {
    // The reconciler waits long enough that the result can only arrive through the reclaimed job.
    const { emulator, sql, instanceEnv } = await setUp({ RECONCILE_AFTER_SECONDS: '40' });
    emulator.configure({ fileDelayMs: 120_000 });
    const first = await spawnInstance(instanceEnv);
    const ids = await startImages(first, 2);
    await waitFor(
      'both results being downloaded',
      async () => first.logs.filter((l) => l.event === 'job.started').length === 2,
      30_000,
    );
    const orphans = await sql<{ id: string }>(
      `SELECT id FROM pgboss.job WHERE name = 'fal-outcome' AND state = 'active'`,
    );
    expect(orphans).toHaveLength(2);
    const crashedAt = await kill9(first);
    emulator.configure({ fileDelayMs: 0 });

    const second = await spawnInstance(instanceEnv);
    const upAt = Date.now();
    const reclaimedAt = await waitFor(
      'the orphaned fal-outcome jobs reclaimed',
      async () =>
        (
          await sql(`SELECT 1 FROM pgboss.job WHERE id = ANY($1) AND state = 'completed' AND retry_count = 1`, [
            orphans.map((o) => o.id),
          ])
        ).length === 2 && Date.now(),
      75_000,
    );
    const finalAt = await waitFor(
      'every row final',
      async () =>
        (await sql(`SELECT 1 FROM "Image" WHERE id = ANY($1) AND status = 'PENDING'`, [ids])).length === 0 &&
        Date.now(),
      LATEST_FINAL_MS,
    );
    const retried = second.logs
      .filter((l) => l.event === 'job.retried')
      .map((l) => Date.parse(String(l.time)) - crashedAt);
    console.log(
      `[crash during fal-outcome] crash → second instance up ${upAt - crashedAt} ms, ` +
        `→ jobs retried ${retried.join(', ')} ms, → reclaimed and applied ${reclaimedAt - crashedAt} ms, ` +
        `crash → all rows final ${finalAt - crashedAt} ms`,
    );
    expect(reclaimedAt - crashedAt).toBeLessThan(60_000);
    expect(second.logs.filter((l) => l.event === 'job.retried')).toHaveLength(2);
    await expectSettledOnce(sql, emulator, ids, [first, second]);
    const deliveries = await sql(`SELECT 1 FROM "FalWebhookDelivery" WHERE "processedAt" IS NOT NULL`);
    expect(deliveries).toHaveLength(2);
  }, 180_000);

  it("between the webhook's 200 and the job: the next instance applies it once", async () => {
    const { emulator, sql, instanceEnv } = await setUp({ RECONCILE_AFTER_SECONDS: '40' });
    const first = await spawnInstance({ ...instanceEnv, JOB_WORKERS: '0' });
    const ids = await startImages(first, 1);
    await waitFor('the webhook answered 200', async () => emulator.deliveries.some((d) => d.ok), 30_000);
    await kill9(first);
    const second = await spawnInstance(instanceEnv);
    await waitFor(
      'the row final',
      async () => (await sql(`SELECT 1 FROM "Image" WHERE id = $1 AND status <> 'PENDING'`, [ids[0]])).length === 1,
      30_000,
    );
    await expectSettledOnce(sql, emulator, ids, [first, second]);
  }, 120_000);
});

describe('heartbeat', () => {
  it('defaults to a lease that reclaims within a minute, and refuses a heartbeat a lease could miss', () => {
    const { jobLeaseSeconds, jobHeartbeatSeconds } = loadConfig({}).generation;
    expect(jobLeaseSeconds + jobHeartbeatSeconds).toBeLessThanOrEqual(50);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '10', JOB_HEARTBEAT_SECONDS: '6' })).toThrow(
      /JOB_HEARTBEAT_SECONDS must be at most half of JOB_LEASE_SECONDS/,
    );
  });

  it('keeps a job that runs longer than its lease with the live instance that runs it', async () => {
    const app = await startTestApp({ ...LEASE, RECONCILE_AFTER_SECONDS: '600' });
    apps.push(app);
    // Three leases long: without heartbeats the job would expire and run a second time meanwhile.
    app.emulator.configure({ latencyMs: 50, fileDelayMs: 15_000 });
    const { token } = await app.signUp();
    const project = await app.gql(
      `mutation { createProject(input: { name: "P" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      token,
    );
    const r = await app.gql(
      GENERATE,
      { input: { projectId: project.data.createProject.data.id, prompt: 'slow download' } },
      token,
    );
    const id = dbId(r.data.generateImage.data.id);
    await waitFor(
      'SUCCEEDED',
      async () => (await app.prisma.image.findUnique({ where: { id } }))?.status === 'SUCCEEDED',
      45_000,
    );
    const jobs = await app.sql(`SELECT state::text, retry_count FROM pgboss.job WHERE name = 'fal-outcome'`);
    expect(jobs).toEqual([{ state: 'completed', retry_count: 0 }]);
    const downloads = app.emulator.requests.filter((q) => q.path.startsWith('/files/'));
    expect(downloads).toHaveLength(1);
  }, 90_000);
});
