// The pipeline's parts one at a time, against a real database (and the real app's deps): the results
// union, the once-only settle of a row with its ledger attempt, the ledger of deleted rows, the registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOutcome, fail } from '../src/domain/generations/apply.ts';
import { orphanAttempts, settleDeleted } from '../src/domain/generations/ledger.ts';
import { generationTables, kindOf, parseTarget } from '../src/domain/generations/registry.ts';
import { fluxImageResult, readableFailure, seedanceVideoResult } from '../src/domain/generations/results.ts';
import { startTestApp, type TestApp } from './helpers.ts';

let app: TestApp;
let userId: string;
let projectId: string;
beforeAll(async () => {
  app = await startTestApp();
  userId = (await app.signUp()).userId;
  const { id } = await app.prisma.project.create({ data: { name: 'Parts', ownerId: userId } });
  projectId = id;
});
afterAll(() => app.stop());

/** A PENDING image with its ledger attempt, as reserveGeneration writes them. */
async function pendingImage(falRequestId: string | null = null) {
  const row = await app.prisma.image.create({
    data: { source: 'TEXT_TO_IMAGE', prompt: 'p', userId, projectId, falRequestId },
  });
  await app.prisma.generationAttempt.create({ data: { userId, kind: 'IMAGE', targetId: row.id, falRequestId } });
  return { kind: 'IMAGE' as const, id: row.id };
}
const attemptOf = (id: string) => app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: id } });

describe('results', () => {
  it('read a payload as an image, a video or a failure with its reason, never a marker string', () => {
    expect(fluxImageResult({ images: [{ url: 'https://x/1.png' }], has_nsfw_concepts: [true] })).toEqual({
      kind: 'image',
      url: 'https://x/1.png',
      nsfw: true,
      seed: null,
    });
    expect(fluxImageResult({ images: [] })).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('no image in the result'),
    });
    expect(seedanceVideoResult({ video: { url: 'https://x/v.mp4' } })).toEqual({
      kind: 'video',
      url: 'https://x/v.mp4',
      seed: null,
    });
    expect(seedanceVideoResult({ video: {} })).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^unexpected Seedance result/),
    });
    expect(
      readableFailure({
        requestId: 'r',
        status: 'ERROR',
        payload: { detail: [{ loc: ['body', 'prompt'], msg: 'Field required' }] },
      }),
    ).toBe('The generator refused the request: prompt: Field required.');
  });
});

describe('apply', () => {
  it('settles a row once, with its ledger attempt in the same write, however many answers race', async () => {
    const deps = app.app.deps.pipeline.deps;
    const target = await pendingImage('req-race');
    const outcome = { requestId: 'req-race', status: 'ERROR' as const, error: 'boom' };
    const results = await Promise.all([
      applyOutcome(deps, target, outcome),
      applyOutcome(deps, target, outcome),
      fail(deps, target, 'timed out'),
    ]);
    expect(results.filter((r) => r.kind === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'ignored')).toHaveLength(2);
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: target.id } });
    const attempt = await attemptOf(target.id);
    expect(row.status).toBe('FAILED');
    expect(attempt).toMatchObject({ status: 'FAILED', finishedAt: expect.any(Date) });
    expect(await applyOutcome(deps, target, outcome)).toEqual({ kind: 'ignored', reason: 'not pending' });
  });

  it('leaves a row alone for another request, and records a deleted one in the ledger only', async () => {
    const deps = app.app.deps.pipeline.deps;
    const target = await pendingImage('req-mine');
    expect(await applyOutcome(deps, target, { requestId: 'req-other', status: 'ERROR' })).toEqual({
      kind: 'ignored',
      reason: 'another request',
    });
    expect((await app.prisma.image.findUniqueOrThrow({ where: { id: target.id } })).status).toBe('PENDING');

    await app.prisma.image.delete({ where: { id: target.id } });
    expect(await applyOutcome(deps, target, { requestId: 'req-mine', status: 'ERROR' })).toEqual({
      kind: 'ignored',
      reason: 'deleted',
    });
    expect(await attemptOf(target.id)).toMatchObject({ status: 'FAILED' });
  });
});

describe('ledger', () => {
  it('finds the attempts whose row is gone in every table of the registry, and settles them once', async () => {
    const deps = app.app.deps.pipeline.deps;
    const target = await pendingImage('req-orphan');
    await app.prisma.image.delete({ where: { id: target.id } });
    const orphans = await orphanAttempts(deps.db, new Date(Date.now() + 60_000));
    expect(orphans.map((o) => o.targetId)).toContain(target.id);
    expect(await settleDeleted(deps, target, 'req-orphan', 'SUCCEEDED')).toBe(1);
    expect(await settleDeleted(deps, target, 'req-orphan', 'FAILED')).toBe(0);
    expect(await attemptOf(target.id)).toMatchObject({ status: 'SUCCEEDED' });
  });
});

describe('registry', () => {
  it('knows every kind once, by its table and model, and parses only targets of its tables', () => {
    const kinds = generationTables.flatMap((t) => t.kinds.map((k) => `${t.subject}/${k.name}`));
    expect(kinds).toEqual([
      'IMAGE/text-to-image',
      'IMAGE/image-to-image',
      'IMAGE/instruction-edit',
      'AVATAR/avatar',
      'AVATAR/avatar-fast',
      'BROLL/b-roll-from-text',
      'BROLL/b-roll-from-image',
      'BROLL/b-roll-from-text-fast',
      'BROLL/b-roll-from-image-fast',
    ]);
    expect(kindOf('BROLL', 'fal-ai/bytedance/seedance/v1/pro/image-to-video')?.name).toBe('b-roll-from-image');
    expect(kindOf('BROLL', 'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video')?.name).toBe('b-roll-from-text-fast');
    expect(kindOf('IMAGE', 'fal-ai/flux-pro/kontext')?.name).toBe('instruction-edit');
    expect(kindOf('AVATAR', 'fal-ai/bytedance/seedance/v1/pro/image-to-video')?.name).toBe('avatar');
    expect(parseTarget('AVATAR:abc-1')).toEqual({ kind: 'AVATAR', id: 'abc-1' });
    expect(parseTarget('PROJECT:abc')).toBeNull();
    expect(parseTarget(null)).toBeNull();
  });
});
