// What must never lose or double-apply a result: duplicates, late errors, lost webhooks, restarts, several
// instances. Uploads and ownership are in generation-uploads.test.ts.
import { describe, expect, it } from 'vitest';
import { startFalEmulator } from '../src/fal/emulator.ts';
import { dbId, waitFor } from './helpers.ts';
import { boot, emulators, GENERATE, projectOf, started, statusOf } from './robustness-setup.ts';

describe('webhook delivery', () => {
  it('applies a duplicated webhook once', async () => {
    const app = await boot();
    app.emulator.configure({ latencyMs: 50, webhook: 'duplicate' });
    const { token } = await app.signUp();
    const projectId = await projectOf(app, token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'twice' } }, token)).data.generateImage.data;
    await waitFor('SUCCEEDED', async () => (await statusOf(app, token, image.id)).status === 'SUCCEEDED');
    await waitFor('both deliveries', async () => app.app.webhookStats.accepted + app.app.webhookStats.duplicate >= 2);
    expect(app.app.webhookStats).toMatchObject({ accepted: 1, duplicate: 1 });
    expect(await app.prisma.falWebhookDelivery.count()).toBe(1);
  });

  it('applies a delivery whose job was lost (a crash after recording it) when fal delivers it again', async () => {
    // An instance without workers records the delivery and enqueues its job; the job is then lost, as
    // when the process dies between the two. fal, having had no 200, delivers the same body again.
    const receiver = await boot({ JOB_WORKERS: '0' });
    receiver.emulator.configure({ latencyMs: 50 });
    const { token } = await receiver.signUp();
    const projectId = await projectOf(receiver, token);
    const image = (await receiver.gql(GENERATE, { input: { projectId, prompt: 'lost job' } }, token)).data.generateImage
      .data;
    await waitFor('the delivery recorded', async () => receiver.app.webhookStats.accepted === 1);
    await receiver.sql(`DELETE FROM pgboss.job WHERE name = 'fal-outcome'`);
    const worker = await boot({}, { shareWith: receiver, emulator: receiver.emulator });
    const delivery = receiver.emulator.deliveries.find((d) => d.ok)!;
    const again = await fetch(`${worker.url}/webhooks/fal${new URL(delivery.url).search}`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    expect(await again.json()).toMatchObject({ duplicate: true });
    await waitFor(
      'SUCCEEDED after the redelivery',
      async () => (await statusOf(worker, token, image.id)).status === 'SUCCEEDED',
      20_000,
    );
    // A further replay of an applied delivery enqueues nothing.
    await fetch(`${worker.url}/webhooks/fal`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const jobs = await worker.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'fal-outcome'`,
    );
    expect(jobs[0]?.n).toBe(1);
    expect(await worker.prisma.generationAttempt.count()).toBe(1);
  });

  it('never lets a late ERROR overwrite SUCCEEDED, nor apply a result to a deleted avatar', async () => {
    const app = await boot();
    app.emulator.configure({ latencyMs: 50 });
    const { token } = await app.signUp();
    const projectId = await projectOf(app, token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'ok' } }, token)).data.generateImage.data;
    await waitFor('SUCCEEDED', async () => (await statusOf(app, token, image.id)).status === 'SUCCEEDED');
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.id) } });
    const late = await app.app.deps.pipeline.apply(
      { kind: 'IMAGE', id: row.id },
      { requestId: row.falRequestId!, status: 'ERROR', error: 'late failure' },
    );
    expect(late).toBe('ignored');
    expect((await statusOf(app, token, image.id)).status).toBe('SUCCEEDED');
    const gone = await app.app.deps.pipeline.apply(
      { kind: 'AVATAR', id: 'deleted-avatar' },
      { requestId: 'r', status: 'OK', payload: {} },
    );
    expect(gone).toBe('ignored');
  });

  it('finishes a generation whose webhook was lost, through the reconciler', async () => {
    const app = await boot({ RECONCILE_AFTER_SECONDS: '1', RECONCILE_EVERY_SECONDS: '1' });
    app.emulator.configure({ latencyMs: 50, webhook: 'drop' });
    const { token } = await app.signUp();
    const projectId = await projectOf(app, token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'lost webhook' } }, token)).data.generateImage
      .data;
    await waitFor(
      'SUCCEEDED by reconciliation',
      async () => (await statusOf(app, token, image.id)).status === 'SUCCEEDED',
    );
    expect(app.app.webhookStats.accepted).toBe(0);
  });

  it('fails what never finishes, with a reason, past its deadline', async () => {
    const app = await boot({
      RECONCILE_AFTER_SECONDS: '1',
      RECONCILE_EVERY_SECONDS: '1',
      IMAGE_DEADLINE_MINUTES: '0.05',
    });
    app.emulator.configure({ latencyMs: 600_000 });
    const { token } = await app.signUp();
    const projectId = await projectOf(app, token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'forever' } }, token)).data.generateImage.data;
    const failed = await waitFor('FAILED', async () => {
      const n = await statusOf(app, token, image.id);
      return n.status === 'FAILED' && n;
    });
    expect(failed.failureReason).toMatch(/^Timed out/);
  });

  it('finishes after a restart between the webhook and the job', async () => {
    const emulator = await startFalEmulator({ latencyMs: 50 });
    emulators.push(emulator);
    // The first instance accepts the webhook and answers 200, but stops before any worker applies it.
    const first = await boot({ JOB_WORKERS: '0' }, { emulator });
    const { token } = await first.signUp();
    const projectId = await projectOf(first, token);
    const image = (await first.gql(GENERATE, { input: { projectId, prompt: 'survives a restart' } }, token)).data
      .generateImage.data;
    await waitFor('webhook accepted', async () => first.app.webhookStats.accepted === 1);
    expect((await statusOf(first, token, image.id)).status).toBe('PENDING');
    await first.stop();
    started.splice(started.indexOf(first), 1);

    const second = await boot({}, { shareWith: first, emulator });
    await waitFor(
      'SUCCEEDED after restart',
      async () => (await statusOf(second, token, image.id)).status === 'SUCCEEDED',
    );
  });
});

describe('several instances', () => {
  it('delivers an event to a subscriber on another instance through Redis', async () => {
    const emulator = await startFalEmulator({ latencyMs: 100 });
    emulators.push(emulator);
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379' };
    const a = await boot(redis, { emulator });
    const b = await boot(redis, { shareWith: a, emulator });
    const { token } = await a.signUp();
    const projectId = await projectOf(a, token);
    const seen: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      b.ws(token).subscribe(
        {
          query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind image { status } } }`,
          variables: { id: projectId },
        },
        {
          next: (v: any) => {
            seen.push(v.data.projectUpdated.image?.status);
            if (seen.includes('SUCCEEDED')) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    // The mutation and so the webhook go to instance A; the subscriber listens on B.
    await a.gql(GENERATE, { input: { projectId, prompt: 'across instances' } }, token);
    await done;
    // Progress may push more PENDING events in between (progress.test.ts).
    expect(seen.filter((s, i) => s !== seen[i - 1])).toEqual(['PENDING', 'SUCCEEDED']);
    expect(a.app.webhookStats.accepted).toBe(1);
    expect(b.app.webhookStats.accepted).toBe(0);
  });
});
