import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
});
afterAll(() => app.stop());

const NODE = `query($id: ID!) { node(id: $id) { ... on Image { status } ... on Avatar { status }
  ... on BRoll { status } } }`;

describe('deleting a project', () => {
  it('leaves no row and no object of what was made in it', async () => {
    const { token, userId } = await app.signUp();
    const keep = (
      await app.gql(
        `mutation { createProject(input: { name: "Keep" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        token,
      )
    ).data.createProject.data.id;
    const pid = (
      await app.gql(
        `mutation { createProject(input: { name: "Doomed" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        token,
      )
    ).data.createProject.data.id;
    const gen = async (projectId: string) => {
      const id = (
        await app.gql(
          `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "x" }) {
            ... on MutationGenerateImageSuccess { data { id } } } }`,
          { p: projectId },
          token,
        )
      ).data.generateImage.data.id;
      await untilStatus(app, token, id);
      return id;
    };
    const [refImage, extraImage, keptImage] = [await gen(pid), await gen(pid), await gen(keep)];
    const avatar = (
      await app.gql(
        `mutation($p: ID!, $i: ID!) { createAvatar(input: { projectId: $p, name: "A", imageId: $i }) {
          ... on MutationCreateAvatarSuccess { data { id } } } }`,
        { p: pid, i: refImage },
        token,
      )
    ).data.createAvatar.data.id;
    const bRoll = (
      await app.gql(
        `mutation($p: ID!, $i: ID!) { createBRoll(input: { projectId: $p, name: "B", prompt: "waves", imageId: $i }) {
          ... on MutationCreateBRollSuccess { data { id } } } }`,
        { p: pid, i: extraImage },
        token,
      )
    ).data.createBRoll.data.id;
    await untilStatus(app, token, avatar);
    await untilStatus(app, token, bRoll);
    const upload = (
      await app.gql(
        `mutation($p: ID!) { createUpload(input: { projectId: $p, contentType: "image/png", byteSize: 100 }) {
          ... on MutationCreateUploadSuccess { data { uploadUrl } } } }`,
        { p: pid },
        token,
      )
    ).data.createUpload.data;
    await fetch(upload.uploadUrl, {
      method: 'PUT',
      body: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    });

    const projectDbId = Buffer.from(pid, 'base64').toString().split(':')[1]!;
    const before = (await app.storage.list(`images/`)).concat(await app.storage.list('videos/'));
    expect(before.filter((k) => k.includes(projectDbId)).length).toBeGreaterThanOrEqual(4);

    const del = await app.gql(
      `mutation($id: ID!) { deleteProject(input: { id: $id }) { __typename } }`,
      { id: pid },
      token,
    );
    expect(del.data.deleteProject.__typename).toBe('MutationDeleteProjectSuccess');

    for (const table of ['Image', 'Avatar', 'BRoll'] as const) {
      expect(
        (await app.sql(`SELECT count(*)::int AS n FROM "${table}" WHERE "projectId" = $1`, [projectDbId]))[0].n,
        table,
      ).toBe(0);
    }
    // every object left belongs to a row that still exists
    const rows = await app.sql<{ k: string }>(
      `SELECT "storagePath" AS k FROM "Image" UNION SELECT "imageStoragePath" FROM "Avatar" UNION SELECT
        "videoStoragePath" FROM "Avatar"
       UNION SELECT "videoStoragePath" FROM "BRoll" UNION SELECT "thumbnailStoragePath" FROM "BRoll"`,
    );
    const referenced = new Set(rows.map((r) => r.k));
    const left = (await app.storage.list('images/')).concat(await app.storage.list('videos/'));
    expect(left.filter((k) => !referenced.has(k))).toEqual([]);
    expect(left.some((k) => k.includes(projectDbId))).toBe(false);
    // the other project is untouched
    expect((await app.gql(NODE, { id: keptImage }, token)).data.node.status).toBe('SUCCEEDED');
    expect(left.some((k) => k.startsWith(`images/temp-generated/${userId}/`))).toBe(true);
  });
});
