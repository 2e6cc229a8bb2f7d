// Crash recovery: an instance killed with SIGKILL in the middle of a job, and another one taking over on
// the same database. The jobs a dead instance held are reclaimed within its lease, every generation ends
// final within its deadline, and none is applied or submitted twice.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { dbId, startTestApp, waitFor } from './helpers.ts';
import {
  apps,
  expectSettledOnce,
  GENERATE,
  kill9,
  LATEST_FINAL_MS,
  LEASE,
  setUp,
  spawnInstance,
  startImages,
} from './crash-instances.ts';

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
