// Idempotency under the generation limits, and when the provider is down: each test starts its own app
// (a capped one, one with an emulator it stops), so none shares the slow-storage app of idempotency.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { startFalEmulator } from '../src/fal/emulator.ts';
import { dbId, startTestApp, untilStatus, type TestApp } from './helpers.ts';
import { CREATE_BROLL, EDIT, GENERATE } from './idempotency-shared.ts';

describe('limits', () => {
  // Started by the test below, which a filtered run may skip.
  let limited: TestApp | undefined;
  afterAll(() => limited?.stop());

  it('a replay at the in-flight cap returns its generation; a new key is refused', async () => {
    const capped = await startTestApp({ RECONCILE_AFTER_SECONDS: '600', GENERATION_MAX_IN_FLIGHT: '1' });
    limited = capped;
    capped.emulator.configure({ latencyMs: 60_000 });
    const u = await capped.signUp();
    const p = await capped.gql(
      `mutation { createProject(input: { name: "Cap" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      u.token,
    );
    const pid = p.data.createProject.data.id;
    const LIMIT = `... on GenerationLimitError { kind }`;
    const gen = (key: string) =>
      capped.gql(
        GENERATE.replace('__typename', `__typename ${LIMIT}`),
        { input: { projectId: pid, prompt: 'slow', idempotencyKey: key } },
        u.token,
      );
    const broll = (key: string) =>
      capped.gql(
        CREATE_BROLL.replace('__typename', `__typename ${LIMIT}`),
        { input: { projectId: pid, name: 'b', prompt: 'slow', idempotencyKey: key } },
        u.token,
      );
    const first = (await gen('cap-1')).data.generateImage;
    expect(first.data.status).toBe('PENDING');
    const replays = await Promise.all([gen('cap-1'), gen('cap-1'), gen('cap-1')]);
    for (const r of replays) expect(r.data.generateImage.data?.id).toBe(first.data.id);
    expect((await gen('cap-2')).data.generateImage).toMatchObject({
      __typename: 'GenerationLimitError',
      kind: 'IN_FLIGHT',
    });
    expect((await broll('cap-3')).data.createBRoll).toMatchObject({
      __typename: 'GenerationLimitError',
      kind: 'IN_FLIGHT',
    });
    expect(capped.emulator.counts().submissions).toBe(1);
  });
});

describe('editImage writes its row before it uploads', () => {
  it('an unreachable provider fails the edit with a reason (one attempt), not the request', async () => {
    const emulator = await startFalEmulator({ latencyMs: 100 });
    const own = await startTestApp({ RECONCILE_AFTER_SECONDS: '600' }, { emulator });
    try {
      const u = await own.signUp();
      const p = await own.gql(
        `mutation { createProject(input: { name: "Down" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        u.token,
      );
      const g = await own.gql(
        GENERATE,
        { input: { projectId: p.data.createProject.data.id, prompt: 'before the outage' } },
        u.token,
      );
      const parentId = g.data.generateImage.data.id;
      await untilStatus(own, u.token, parentId);
      await emulator.stop();
      const r = await own.gql(
        EDIT.replace('status prompt', 'status prompt failureReason'),
        { input: { imageId: parentId, prompt: 'during the outage', idempotencyKey: 'outage' } },
        u.token,
      );
      expect(r.status).toBe(200);
      expect(r.data.editImage.data).toMatchObject({
        status: 'FAILED',
        failureReason: expect.stringMatching(/^The generator could not be reached/),
      });
      const again = await own.gql(
        EDIT,
        { input: { imageId: parentId, prompt: 'during the outage', idempotencyKey: 'outage' } },
        u.token,
      );
      expect(again.data.editImage.data).toMatchObject({ id: r.data.editImage.data.id, status: 'FAILED' });
      expect(
        await own.prisma.generationAttempt.findMany({
          where: { targetId: dbId(r.data.editImage.data.id) },
          select: { status: true },
        }),
      ).toEqual([{ status: 'FAILED' }]);
    } finally {
      await own.stop();
      await emulator.stop().catch(() => {});
    }
  });
});
