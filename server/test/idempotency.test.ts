// One idempotency key, one generation: one row, one reference copy, one fal submission, counted at the
// emulator (fal's stand-in), however many requests carry the key at once.
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp } from './helpers.ts';
import { CREATE_AVATAR, CREATE_BROLL, EDIT, GENERATE, slowCopies } from './idempotency-shared.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;
let slowStorage: Server;

beforeAll(async () => {
  const proxy = await slowCopies(inject('s3Endpoint'), 1000);
  slowStorage = proxy.server;
  // The reconciler stays out of the way: these tests drive it themselves.
  app = await startTestApp({ RECONCILE_AFTER_SECONDS: '600', S3_ENDPOINT: proxy.url });
  app.emulator.configure({ latencyMs: 300 });
  user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "Races" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  projectId = r.data.createProject.data.id;
});
afterAll(async () => {
  await app.stop();
  slowStorage.closeAllConnections();
  await new Promise((r) => slowStorage.close(r));
});

const RACERS = 50;

/** RACERS identical requests at once; every answer must be a success naming one and the same generation. */
async function race(query: string, field: string, input: Record<string, unknown>, token = user.token): Promise<string> {
  const answers = await Promise.all(
    Array.from({ length: RACERS }, () => app.gql<Record<string, any> | null>(query, { input }, token)),
  );
  const payloads = answers.map((a) => a.data?.[field] ?? a);
  expect(
    payloads.filter((p) => !p.data),
    JSON.stringify(payloads.find((p) => !p.data)),
  ).toEqual([]);
  const ids = new Set(payloads.map((p) => p.data.id as string));
  expect(ids.size).toBe(1);
  return [...ids][0]!;
}

async function readyImage(prompt: string, token = user.token, pid = projectId): Promise<string> {
  const r = await app.gql(GENERATE, { input: { projectId: pid, prompt } }, token);
  const id = r.data.generateImage.data.id as string;
  await untilStatus(app, token, id);
  return id;
}

const attemptsOf = async (targetId: string) => app.prisma.generationAttempt.count({ where: { targetId } });

describe(`${RACERS} simultaneous requests with one idempotency key`, () => {
  it.each(['a user', 'an admin (no advisory lock: the unique index decides)'])(
    'createAvatar by %s: one avatar, one reference copy, one upload to fal, one submission',
    async (who) => {
      const racer = who === 'a user' ? user : await app.admin();
      const p = await app.gql(
        `mutation { createProject(input: { name: "Avatar race" }) {
          ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        racer.token,
      );
      const pid = p.data.createProject.data.id;
      const imageId = await readyImage('Portrait for the avatar race', racer.token, pid);
      const before = app.emulator.counts();
      const id = await race(
        CREATE_AVATAR,
        'createAvatar',
        { projectId: pid, name: 'Racer', imageId, idempotencyKey: 'race-avatar' },
        racer.token,
      );
      expect(await app.prisma.avatar.count({ where: { userId: racer.userId, idempotencyKey: 'race-avatar' } })).toBe(1);
      expect(await attemptsOf(dbId(id))).toBe(1);
      await untilStatus(app, racer.token, id);
      expect(app.emulator.counts()).toEqual({ submissions: before.submissions + 1, uploads: before.uploads + 1 });
      expect(await app.storage.list(`images/avatars/${racer.userId}/`)).toEqual([
        `images/avatars/${racer.userId}/${dbId(id)}.png`,
      ]);
    },
  );

  it('generateImage: one image, one submission', async () => {
    const before = app.emulator.counts();
    const id = await race(GENERATE, 'generateImage', {
      projectId,
      prompt: 'The image race',
      idempotencyKey: 'race-image',
    });
    expect(await app.prisma.image.count({ where: { userId: user.userId, idempotencyKey: 'race-image' } })).toBe(1);
    expect(await attemptsOf(dbId(id))).toBe(1);
    await untilStatus(app, user.token, id);
    expect(app.emulator.counts()).toEqual({ submissions: before.submissions + 1, uploads: before.uploads });
  });

  it('editImage: one edit, one upload of the parent to fal, one submission', async () => {
    const parentId = await readyImage('Parent of the edit race');
    const before = app.emulator.counts();
    const id = await race(EDIT, 'editImage', { imageId: parentId, prompt: 'bluer', idempotencyKey: 'race-edit' });
    expect(await app.prisma.image.count({ where: { userId: user.userId, idempotencyKey: 'race-edit' } })).toBe(1);
    expect(await attemptsOf(dbId(id))).toBe(1);
    await untilStatus(app, user.token, id);
    expect(app.emulator.counts()).toEqual({ submissions: before.submissions + 1, uploads: before.uploads + 1 });
  });

  it('createBRoll from an image: one b-roll, one upload to fal, one submission', async () => {
    const imageId = await readyImage('Still for the b-roll race');
    const before = app.emulator.counts();
    const id = await race(CREATE_BROLL, 'createBRoll', {
      projectId,
      name: 'Racing clip',
      prompt: 'slow pan',
      imageId,
      idempotencyKey: 'race-broll',
    });
    expect(await app.prisma.bRoll.count({ where: { userId: user.userId, idempotencyKey: 'race-broll' } })).toBe(1);
    expect(await attemptsOf(dbId(id))).toBe(1);
    await untilStatus(app, user.token, id);
    expect(app.emulator.counts()).toEqual({ submissions: before.submissions + 1, uploads: before.uploads + 1 });
    // the video and its thumbnail
    expect(await app.storage.list(`videos/b-rolls/${user.userId}/${dbId(projectId)}/`)).toHaveLength(2);
  });
});

describe('replays', () => {
  it(
    'a later replay returns the original generation as it is now, ' + 'whatever its other input, and starts nothing',
    async () => {
      const first = await app.gql(
        GENERATE,
        { input: { projectId, prompt: 'The original prompt', idempotencyKey: 'replay-1' } },
        user.token,
      );
      const id = first.data.generateImage.data.id;
      await untilStatus(app, user.token, id);
      const before = { counts: app.emulator.counts(), tables: await tableCounts(app) };
      const again = await app.gql(
        GENERATE,
        { input: { projectId, prompt: 'Another prompt', aspectRatio: 'R16_9', idempotencyKey: 'replay-1' } },
        user.token,
      );
      expect(again.data.generateImage.data).toMatchObject({ id, status: 'SUCCEEDED', prompt: 'The original prompt' });
      // generateImage and editImage share the keys of the user's images
      const asEdit = await app.gql(
        EDIT,
        { input: { imageId: id, prompt: 'an edit', idempotencyKey: 'replay-1' } },
        user.token,
      );
      expect(asEdit.data.editImage.data).toMatchObject({ id });
      expect(app.emulator.counts()).toEqual(before.counts);
      expect(await tableCounts(app)).toEqual(before.tables);
    },
  );

  it('keys are per user: the same key of another user is another generation', async () => {
    const other = await app.signUp();
    const p = await app.gql(
      `mutation { createProject(input: { name: "Theirs" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      other.token,
    );
    const mine = await app.gql(
      GENERATE,
      { input: { projectId, prompt: 'mine', idempotencyKey: 'shared-key' } },
      user.token,
    );
    const theirs = await app.gql(
      GENERATE,
      { input: { projectId: p.data.createProject.data.id, prompt: 'theirs', idempotencyKey: 'shared-key' } },
      other.token,
    );
    expect(theirs.data.generateImage.data.id).not.toBe(mine.data.generateImage.data.id);
    expect(theirs.data.generateImage.data.prompt).toBe('theirs');
  });

  it('refuses an empty or over-long key on every mutation before writing anything', async () => {
    const imageId = await readyImage('Key validation');
    const before = { counts: app.emulator.counts(), tables: await tableCounts(app) };
    for (const idempotencyKey of ['', 'k'.repeat(101)]) {
      const cases: [string, string, Record<string, unknown>][] = [
        [GENERATE, 'generateImage', { projectId, prompt: 'p', idempotencyKey }],
        [EDIT, 'editImage', { imageId, prompt: 'p', idempotencyKey }],
        [CREATE_AVATAR, 'createAvatar', { projectId, name: 'n', imageId, idempotencyKey }],
        [CREATE_BROLL, 'createBRoll', { projectId, name: 'n', prompt: 'p', idempotencyKey }],
      ];
      for (const [query, field, input] of cases) {
        const r = (await app.gql(query, { input }, user.token)).data[field];
        expect(r.__typename, `${field} ${idempotencyKey.length}`).toBe('ValidationError');
        expect(r.fieldErrors[0].path).toEqual(['input', 'idempotencyKey']);
      }
    }
    expect(app.emulator.counts()).toEqual(before.counts);
    expect(await tableCounts(app)).toEqual(before.tables);
  });

  it(
    'a row whose first request died before submitting stays PENDING on replay, ' +
      'submits nothing, and times out at its deadline',
    async () => {
      const imageId = await readyImage('The crash reference');
      // What a server killed between the insert and the submit leaves behind: the row and its attempt, no request id.
      const createdAt = new Date(Date.now() - 60_000);
      const row = await app.prisma.avatar.create({
        data: {
          name: 'Orphan',
          visibility: 'PRIVATE',
          userId: user.userId,
          projectId: dbId(projectId),
          sourceImageId: dbId(imageId),
          idempotencyKey: 'crashed',
          createdAt,
        },
      });
      await app.prisma.generationAttempt.create({
        data: { userId: user.userId, kind: 'AVATAR', targetId: row.id, createdAt },
      });
      const gid = Buffer.from(`Avatar:${row.id}`).toString('base64');
      const before = app.emulator.counts();

      const replays = await Promise.all(
        Array.from({ length: 5 }, () =>
          app.gql(
            CREATE_AVATAR,
            { input: { projectId, name: 'Orphan', imageId, idempotencyKey: 'crashed' } },
            user.token,
          ),
        ),
      );
      for (const r of replays) expect(r.data.createAvatar.data).toMatchObject({ id: gid, status: 'PENDING' });
      expect(await app.storage.list(`images/avatars/${user.userId}/${row.id}`)).toEqual([]);

      // Before the deadline the reconciler leaves it; past it, the row fails with a reason.
      await app.app.deps.pipeline.reconcile(createdAt.getTime() + app.config.generation.reconcileAfterMs + 1000);
      expect((await app.prisma.avatar.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('PENDING');
      await app.app.deps.pipeline.reconcile(createdAt.getTime() + app.config.generation.videoDeadlineMs + 1000);
      const failed = await app.prisma.avatar.findUniqueOrThrow({ where: { id: row.id } });
      expect(failed).toMatchObject({
        status: 'FAILED',
        failureReason: 'Timed out: the generation could not be submitted. Try again.',
      });
      expect(await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } })).toMatchObject({
        status: 'FAILED',
      });

      const late = await app.gql(
        CREATE_AVATAR,
        { input: { projectId, name: 'Orphan', imageId, idempotencyKey: 'crashed' } },
        user.token,
      );
      expect(late.data.createAvatar.data).toMatchObject({ id: gid, status: 'FAILED' });
      expect(app.emulator.counts()).toEqual(before);
    },
  );
});
