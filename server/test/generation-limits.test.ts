import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GENERATION_MAX_IN_FLIGHT: '2', GENERATION_MAX_PER_DAY: '4' });
  app.emulator.configure({ latencyMs: 50 });
});
afterAll(() => app.stop());

const LIMIT = `... on GenerationLimitError { message kind limit retryAfter } ... on Error { message }`;
const GENERATE = `mutation($p: ID!, $prompt: String!) { generateImage(input: { projectId: $p, prompt: $prompt }) {
  __typename ... on MutationGenerateImageSuccess { data { id status } } ${LIMIT} } }`;

async function setup() {
  const user = await app.signUp();
  const projectId = (
    await app.gql(
      `mutation { createProject(input: { name: "Limits" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    )
  ).data.createProject.data.id;
  return { ...user, projectId };
}
const generations = async (userId: string) =>
  Number(
    (
      await app.sql(
        `SELECT (SELECT count(*) FROM "Image" WHERE "userId" = $1) + (SELECT count(*) FROM "Avatar"
          WHERE "userId" = $1) + (SELECT count(*) FROM "BRoll" WHERE "userId" = $1)
              + (SELECT count(*) FROM "GenerationAttempt" WHERE "userId" = $1) AS n`,
        [userId],
      )
    )[0].n,
  );

describe('generation limits', () => {
  it(`caps generations in flight with a typed error: nothing written, nothing submitted; admins are \
exempt`, async () => {
    const u = await setup();
    const ready = (await app.gql(GENERATE, { p: u.projectId, prompt: 'ready' }, u.token)).data.generateImage.data.id;
    await untilStatus(app, u.token, ready);
    app.emulator.configure({ webhook: 'drop' }); // results never arrive: what was started stays PENDING
    try {
      for (const prompt of ['one', 'two'])
        expect((await app.gql(GENERATE, { p: u.projectId, prompt }, u.token)).data.generateImage.data.status).toBe(
          'PENDING',
        );
      const [rows, submitted, since] = [await generations(u.userId), app.emulator.jobs.size, Date.now()];

      const refused = (await app.gql(GENERATE, { p: u.projectId, prompt: 'three' }, u.token)).data.generateImage;
      expect(refused).toMatchObject({
        __typename: 'GenerationLimitError',
        kind: 'IN_FLIGHT',
        limit: 2,
        retryAfter: null,
      });
      expect(refused.message).toMatch(/2 generations in progress/);
      const bRoll = await app.gql(
        `mutation($p: ID!) { createBRoll(input: { projectId: $p, name: "B", prompt: "sea" }) { __typename ${LIMIT} } }`,
        { p: u.projectId },
        u.token,
      );
      expect(bRoll.data.createBRoll).toMatchObject({ __typename: 'GenerationLimitError', kind: 'IN_FLIGHT' });
      const edit = await app.gql(
        `mutation($i: ID!) { editImage(input: { imageId: $i, prompt: "x" }) { __typename ${LIMIT} } }`,
        { i: ready },
        u.token,
      );
      expect(edit.data.editImage).toMatchObject({ __typename: 'GenerationLimitError', kind: 'IN_FLIGHT' });
      const avatar = await app.gql(
        `mutation($p: ID!, $i: ID!) { createAvatar(input: { projectId: $p, name: "A", imageId: $i }) {
          __typename ${LIMIT} } }`,
        { p: u.projectId, i: ready },
        u.token,
      );
      expect(avatar.data.createAvatar).toMatchObject({ __typename: 'GenerationLimitError', kind: 'IN_FLIGHT' });
      expect(await generations(u.userId)).toBe(rows);
      expect(app.emulator.jobs.size).toBe(submitted);
      // Not even the reference handed to fal's storage (the progress poller's status reads aside).
      const sent = app.emulator.requests.filter((r) => r.at >= since && !r.path.endsWith('/status'));
      expect(sent).toEqual([]);

      const admin = await app.admin();
      const adminProject = (
        await app.gql(
          `mutation { createProject(input: { name: "Admin" }) {
            ... on MutationCreateProjectSuccess { data { id } } } }`,
          {},
          admin.token,
        )
      ).data.createProject.data.id;
      for (const prompt of ['a', 'b', 'c'])
        expect((await app.gql(GENERATE, { p: adminProject, prompt }, admin.token)).data.generateImage.__typename).toBe(
          'MutationGenerateImageSuccess',
        );
    } finally {
      app.emulator.configure({ webhook: 'deliver' });
    }
  });

  it('lets exactly the free slots through when requests race for them', async () => {
    const u = await setup();
    app.emulator.configure({ webhook: 'drop' });
    try {
      const submitted = app.emulator.jobs.size;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => app.gql(GENERATE, { p: u.projectId, prompt: `race ${i}` }, u.token)),
      );
      const types = results.map((r) => r.data.generateImage.__typename).sort();
      expect(types.filter((t) => t === 'MutationGenerateImageSuccess')).toHaveLength(2);
      expect(types.filter((t) => t === 'GenerationLimitError')).toHaveLength(4);
      expect(await generations(u.userId)).toBe(4); // 2 rows and their 2 attempts
      expect(app.emulator.jobs.size).toBe(submitted + 2);
    } finally {
      app.emulator.configure({ webhook: 'deliver' });
    }
  });

  it('caps generations per rolling 24 h, says when to retry, and still answers an idempotent replay', async () => {
    const u = await setup();
    const image = (await app.gql(GENERATE, { p: u.projectId, prompt: 'portrait' }, u.token)).data.generateImage.data.id;
    await untilStatus(app, u.token, image);
    const key = randomUUID();
    const CREATE_AVATAR = `mutation($p: ID!, $i: ID!, $k: String) { createAvatar(input: {
      projectId: $p, name: "A", imageId: $i, idempotencyKey: $k }) { __typename
      ... on MutationCreateAvatarSuccess { data { id } } ${LIMIT} } }`;
    const avatar = (await app.gql(CREATE_AVATAR, { p: u.projectId, i: image, k: key }, u.token)).data.createAvatar.data
      .id;
    await untilStatus(app, u.token, avatar);
    // The studio image was deleted once animated: its attempt still counts (the ledger keeps it).
    for (
      const end = Date.now() + 10_000;
      (await app.prisma.image.count({ where: { userId: u.userId } })) && Date.now() < end;
    )
      await new Promise((r) => setTimeout(r, 50));
    expect(await app.prisma.image.count({ where: { userId: u.userId } })).toBe(0);
    // Two earlier attempts today (23 h and 22 h ago), which failed: attempts count whatever their outcome.
    const project = dbId(u.projectId);
    const oldest = new Date(Date.now() - 23 * 3600_000);
    const failedBRoll = randomUUID();
    await app.sql(
      `INSERT INTO "BRoll" (id, name, prompt, source, status, "userId", "projectId", "createdAt", "updatedAt")
        VALUES ($1, 'old', 'old', 'TEXT_TO_VIDEO', 'FAILED', $2, $3, $4, now())`,
      [failedBRoll, u.userId, project, new Date(Date.now() - 22 * 3600_000)],
    );
    const attempt = `INSERT INTO "GenerationAttempt" (id, "userId", kind, "targetId", status, "createdAt")
      VALUES ($1, $2, $3, $4, 'FAILED', $5)`;
    await app.sql(attempt, [randomUUID(), u.userId, 'IMAGE', randomUUID(), oldest]);
    await app.sql(attempt, [randomUUID(), u.userId, 'BROLL', failedBRoll, new Date(Date.now() - 22 * 3600_000)]);
    // Out of the window:
    await app.sql(attempt, [randomUUID(), u.userId, 'IMAGE', randomUUID(), new Date(Date.now() - 25 * 3600_000)]);
    const [rows, submitted] = [await generations(u.userId), app.emulator.jobs.size];

    const refused = (await app.gql(GENERATE, { p: u.projectId, prompt: 'fifth' }, u.token)).data.generateImage;
    expect(refused).toMatchObject({ __typename: 'GenerationLimitError', kind: 'DAILY', limit: 4 });
    expect(new Date(refused.retryAfter).getTime()).toBe(new Date(oldest.getTime() + 24 * 3600_000).getTime());
    const retry = (
      await app.gql(
        `mutation($id: ID!) { retryBRoll(input: { id: $id }) { __typename ${LIMIT} } }`,
        { id: Buffer.from(`BRoll:${failedBRoll}`).toString('base64') },
        u.token,
      )
    ).data.retryBRoll;
    expect(retry).toMatchObject({ __typename: 'GenerationLimitError', kind: 'DAILY' });
    expect((await app.prisma.bRoll.findUniqueOrThrow({ where: { id: failedBRoll } })).status).toBe('FAILED');
    expect(await generations(u.userId)).toBe(rows);
    expect(app.emulator.jobs.size).toBe(submitted);

    const replay = (await app.gql(CREATE_AVATAR, { p: u.projectId, i: image, k: key }, u.token)).data.createAvatar;
    expect(replay).toMatchObject({ __typename: 'MutationCreateAvatarSuccess', data: { id: avatar } });
  });
});
