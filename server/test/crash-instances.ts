// Instances for the crash-recovery tests: app children spawned from crash-child.ts on a shared database
// (killed with SIGKILL at will), their emulator, and the checks that every generation settles once.
// Importing this module registers the clean-up of what a test started.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { startFalEmulator, type FalEmulator } from '../src/fal/emulator.ts';
import { dbId, freshDatabase, type TestApp, waitFor } from './helpers.ts';

export const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Short on purpose; the defaults (lease 30 s, heartbeat 10 s) reclaim within a minute.
export const LEASE = { JOB_LEASE_SECONDS: '5', JOB_HEARTBEAT_SECONDS: '1' };
export const DEADLINE_MINUTES = 0.75;
export const RECONCILE_EVERY_SECONDS = 1;
/** The guarantee: a row is final by its deadline plus the reconcile interval plus about a minute. */
export const LATEST_FINAL_MS = DEADLINE_MINUTES * 60_000 + RECONCILE_EVERY_SECONDS * 1000 + 60_000;

export interface Instance {
  url: string;
  proc: ChildProcess;
  /** The JSON log lines it printed. */
  logs: { event?: string; generationId?: string; [k: string]: unknown }[];
  exited: Promise<unknown>;
}

export const children: Instance[] = [];
export const emulators: FalEmulator[] = [];
export const pools: pg.Pool[] = [];
export const apps: TestApp[] = [];
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

export function spawnInstance(env: Record<string, string>): Promise<Instance> {
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

export async function kill9(instance: Instance): Promise<number> {
  instance.proc.kill('SIGKILL');
  await instance.exited;
  return Date.now();
}

export async function gql(instance: Instance, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

export const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
  ... on MutationGenerateImageSuccess { data { id } } } }`;

/** A database, a bucket, an emulator kept by the test, and images started on a first instance. */
export async function setUp(env: Record<string, string>) {
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

export async function startImages(instance: Instance, count: number): Promise<string[]> {
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
export async function expectSettledOnce(
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
