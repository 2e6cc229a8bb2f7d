import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, untilStatus, type TestApp } from './helpers.ts';

// Long enough that the young image and upload stay young through both sweeps on a loaded machine (3 s was not).
const TTL_SECONDS = 10;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ TEMP_IMAGE_TTL_HOURS: String(TTL_SECONDS / 3600) });
  app.emulator.configure({ latencyMs: 50 });
});
afterAll(() => app.stop());

const PREFIX = 'images/temp-generated/';

describe('temp image sweep', () => {
  it('deletes expired unused studio images and unregistered uploads, row and object, and nothing else', async () => {
    const { token, userId } = await app.signUp();
    const p = (
      await app.gql(
        `mutation { createProject(input: { name: "Studio" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        token,
      )
    ).data.createProject.data.id;
    const image = async (prompt: string) => {
      const id = (
        await app.gql(
          `mutation($p: ID!, $t: String!) { generateImage(input: { projectId: $p, prompt: $t }) {
            ... on MutationGenerateImageSuccess { data { id } } } }`,
          { p, t: prompt },
          token,
        )
      ).data.generateImage.data.id;
      await untilStatus(app, token, id, 'SUCCEEDED');
      return dbId(id);
    };
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#345' } })
      .png()
      .toBuffer();
    const upload = async (register: boolean) => {
      const u = (
        await app.gql(
          `mutation($p: ID!) { createUpload(input: { projectId: $p, contentType: "image/png",
            byteSize: ${png.length} }) { ... on MutationCreateUploadSuccess { data { uploadId uploadUrl } } } }`,
          { p },
          token,
        )
      ).data.createUpload.data;
      expect(
        (await fetch(u.uploadUrl, { method: 'PUT', body: png, headers: { 'content-type': 'image/png' } })).ok,
      ).toBe(true);
      if (!register) return { key: `${PREFIX}${userId}/${dbId(p)}/upload-${u.uploadId}`, id: null };
      const r = await app.gql(
        `mutation($p: ID!, $u: String!) { registerUpload(input: { projectId: $p, uploadId: $u }) {
          ... on MutationRegisterUploadSuccess { data { id } } } }`,
        { p, u: u.uploadId },
        token,
      );
      return { key: `${PREFIX}${userId}/${dbId(p)}/upload-${u.uploadId}`, id: dbId(r.data.registerUpload.data.id) };
    };

    // Old: unused (A), used by a b-roll (B), used by an avatar that failed and may be retried (C),
    // a registered upload nobody used (R), an upload never registered (U), a stray object (O).
    const A = await image('unused');
    const B = await image('for a b-roll');
    const bRoll = (
      await app.gql(
        `mutation($p: ID!, $i: ID!) { createBRoll(input: { projectId: $p, name: "B", prompt: "move", imageId: $i }) {
          ... on MutationCreateBRollSuccess { data { id } } } }`,
        { p, i: Buffer.from(`Image:${B}`).toString('base64') },
        token,
      )
    ).data.createBRoll.data.id;
    await untilStatus(app, token, bRoll, 'SUCCEEDED');
    const C = await image('for an avatar');
    app.emulator.configure({ failure: 'all' });
    const avatar = (
      await app.gql(
        `mutation($p: ID!, $i: ID!) { createAvatar(input: { projectId: $p, name: "A", imageId: $i }) {
          ... on MutationCreateAvatarSuccess { data { id } } } }`,
        { p, i: Buffer.from(`Image:${C}`).toString('base64') },
        token,
      )
    ).data.createAvatar.data.id;
    await untilStatus(app, token, avatar, 'FAILED');
    app.emulator.configure({ failure: 'tagged' });
    const R = await upload(true);
    const U = await upload(false);
    const O = `${PREFIX}${userId}/${dbId(p)}/stray.png`;
    await app.storage.put(O, png, 'image/png');

    await new Promise((r) => setTimeout(r, (TTL_SECONDS + 1.5) * 1000));
    // Young: an image (Y) and an upload on its way (Z).
    const Y = await image('young');
    const Z = await upload(false);

    const keyOf = async (id: string) => (await app.prisma.image.findUniqueOrThrow({ where: { id } })).storagePath!;
    const [keyA, keyB, keyC, keyY] = [await keyOf(A), await keyOf(B), await keyOf(C), await keyOf(Y)];
    expect((await app.storage.list(PREFIX)).sort()).toEqual([keyA, keyB, keyC, keyY, R.key, U.key, O, Z.key].sort());

    expect(await app.app.jobs.sweepNow()).toEqual({ rows: 2, objects: 2 });
    expect(await app.app.jobs.sweepNow()).toEqual({ rows: 0, objects: 0 });

    const rows = await app.prisma.image.findMany({ where: { userId }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([B, C, Y].sort());
    const left = await app.storage.list(PREFIX);
    expect(left.sort()).toEqual([keyB, keyC, keyY, Z.key].sort());
    // No orphan either way: every object left is named by a row (but the upload still within its TTL),
    // and every row's object exists.
    const named = new Set(
      (await app.sql<{ k: string }>(`SELECT "storagePath" AS k FROM "Image" WHERE "storagePath" IS NOT NULL`)).map(
        (r) => r.k,
      ),
    );
    expect(left.filter((k) => !named.has(k))).toEqual([Z.key]);
    for (const k of named) expect(await app.storage.stat(k), k).not.toBeNull();
    // what survived still works: the failed avatar can be retried, the b-roll's source is there
    const retry = await app.gql(
      `mutation($id: ID!) { retryAvatar(input: { id: $id }) { __typename } }`,
      { id: avatar },
      token,
    );
    expect(retry.data.retryAvatar.__typename).toBe('MutationRetryAvatarSuccess');
    await untilStatus(app, token, avatar, 'SUCCEEDED');
  }, 120_000);

  it('is scheduled with pg-boss', async () => {
    const [schedule] = await app.sql(
      `SELECT name, cron, options FROM pgboss.schedule WHERE name = 'cleanup-temp-images'`,
    );
    expect(schedule).toMatchObject({ name: 'cleanup-temp-images', cron: app.config.generation.cleanupCron });
  });
});
