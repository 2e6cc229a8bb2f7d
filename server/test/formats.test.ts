// Formats, durations and quality of avatars (and b-rolls), and the seed fal reports, end to end through the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;

const CREATE = `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) { __typename
  ... on MutationCreateAvatarSuccess { data { id status aspectRatio durationSeconds quality seed } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const AVATAR = `query($id: ID!) { node(id: $id) { ... on Avatar { id status aspectRatio durationSeconds quality seed
  videoUrl } } }`;

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50 });
  user = await app.signUp();
  const project = await app.gql(
    `mutation { createProject(input: { name: "Formats" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  projectId = project.data.createProject.data.id;
});
afterAll(() => app.stop());

/**
 * A SUCCEEDED 3:4 portrait (FLUX portrait_4_3, 768×1024), for `auto` to keep these proportions. An avatar uses
 * up the studio image it is made from: one each.
 */
async function freshImage(): Promise<string> {
  const image = await app.gql(
    `mutation($p: ID!) { generateImage(input: { projectId: $p, prompt: "A nurse, portrait", aspectRatio: R3_4 }) {
      ... on MutationGenerateImageSuccess { data { id } } } }`,
    { p: projectId },
    user.token,
  );
  const id = image.data.generateImage.data.id as string;
  await untilStatus(app, user.token, id);
  return id;
}

const jobOf = async (avatarGid: string) => {
  const row = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(avatarGid) } });
  const job = [...app.emulator.jobs.values()].find((j) => j.requestId === row.falRequestId);
  if (!job) throw new Error(`no emulator job for ${avatarGid}`);
  return { row, job };
};

/** Width and height of the H.264 stream of an MP4 (its `tkhd` box: 16.16 fixed point at the box's end). */
function mp4Size(mp4: Buffer): { width: number; height: number } {
  const at = mp4.indexOf('tkhd');
  if (at < 0) throw new Error('no tkhd box');
  const size = mp4.readUInt32BE(at - 4);
  const end = at - 4 + size;
  return { width: mp4.readUInt32BE(end - 8) >>> 16, height: mp4.readUInt32BE(end - 4) >>> 16 };
}

describe('avatar formats and durations', () => {
  const ratios = [
    ['R9_16', '9:16'],
    ['R1_1', '1:1'],
    ['R16_9', '16:9'],
    ['R4_3', '4:3'],
    ['R3_4', '3:4'],
    ['R21_9', '21:9'],
  ] as const;

  it.each(ratios)('%s reaches Seedance as aspect_ratio %s, and the API and the video show it', async (value, name) => {
    const r = await app.gql(
      CREATE,
      {
        input: {
          projectId,
          name: `Format ${name}`,
          imageId: await freshImage(),
          aspectRatio: value,
          durationSeconds: 10,
        },
      },
      user.token,
    );
    const created = r.data.createAvatar.data;
    expect(created).toMatchObject({ status: 'PENDING', aspectRatio: name, durationSeconds: 10, quality: 'STANDARD' });
    const { row, job } = await jobOf(created.id);
    expect(row.falModel).toBe('fal-ai/bytedance/seedance/v1/pro/image-to-video');
    expect(job.input).toMatchObject({ aspect_ratio: name, duration: '10', resolution: '1080p' });
    await untilStatus(app, user.token, created.id);
    const done = (await app.gql(AVATAR, { id: created.id }, user.token)).data.node;
    expect(done).toMatchObject({ aspectRatio: name, durationSeconds: 10 });
    const { width, height } = mp4Size(Buffer.from(await (await fetch(done.videoUrl)).arrayBuffer()));
    const [w, h] = name.split(':').map(Number);
    expect(width / height).toBeCloseTo(w! / h!, 1);
  });

  it("without a format keeps the reference's proportions (`auto`), 5 s by default", async () => {
    const r = await app.gql(CREATE, { input: { projectId, name: 'Auto', imageId: await freshImage() } }, user.token);
    const created = r.data.createAvatar.data;
    expect(created).toMatchObject({ aspectRatio: null, durationSeconds: 5, quality: 'STANDARD' });
    const { job } = await jobOf(created.id);
    expect(job.input).toMatchObject({ aspect_ratio: 'auto', duration: '5' });
    await untilStatus(app, user.token, created.id);
    const done = (await app.gql(AVATAR, { id: created.id }, user.token)).data.node;
    const { width, height } = mp4Size(Buffer.from(await (await fetch(done.videoUrl)).arrayBuffer()));
    expect(width / height).toBeCloseTo(768 / 1024, 1);
  });

  it('refuses a duration or format Seedance does not make, as a typed field error that changes nothing', async () => {
    const imageId = await freshImage();
    const before = await tableCounts(app);
    const submitted = app.emulator.counts().submissions;
    for (const durationSeconds of [0, 7, 15, -5]) {
      const r = await app.gql(CREATE, { input: { projectId, name: 'Bad', imageId, durationSeconds } }, user.token);
      expect(r.data.createAvatar.__typename).toBe('ValidationError');
      expect(r.data.createAvatar.fieldErrors).toEqual([
        { path: ['input', 'durationSeconds'], message: 'Must be 5 or 10.' },
      ]);
    }
    const badRatio = await app.gql(
      CREATE,
      { input: { projectId, name: 'Bad', imageId, aspectRatio: 'R2_1' } },
      user.token,
    );
    expect(badRatio.status).toBe(400);
    expect(badRatio.errors?.[0]?.message).toMatch(/aspectRatio/);
    const badQuality = await app.gql(
      CREATE,
      { input: { projectId, name: 'Bad', imageId, quality: 'ULTRA' } },
      user.token,
    );
    expect(badQuality.status).toBe(400);
    expect(await tableCounts(app)).toEqual(before);
    expect(app.emulator.counts().submissions).toBe(submitted);
  });
});

describe('quality', () => {
  it('FAST avatars and b-rolls go to Seedance 1 Pro Fast with the same inputs, retries included', async () => {
    const r = await app.gql(
      CREATE,
      { input: { projectId, name: 'Fast', imageId: await freshImage(), aspectRatio: 'R9_16', quality: 'FAST' } },
      user.token,
    );
    const avatar = r.data.createAvatar.data;
    expect(avatar).toMatchObject({ quality: 'FAST', aspectRatio: '9:16' });
    const { row, job } = await jobOf(avatar.id);
    expect(row.falModel).toBe('fal-ai/bytedance/seedance/v1/pro/fast/image-to-video');
    expect(job.input).toMatchObject({ aspect_ratio: '9:16', duration: '5', image_url: expect.any(String) });
    await untilStatus(app, user.token, avatar.id);
    const broll = await app.gql(
      `mutation($input: CreateBRollInput!) { createBRoll(input: $input) {
        ... on MutationCreateBRollSuccess { data { id quality } } } }`,
      { input: { projectId, name: 'Fast clip', prompt: '[fail] a city at night', quality: 'FAST' } },
      user.token,
    );
    const b = broll.data.createBRoll.data;
    expect(b.quality).toBe('FAST');
    await untilStatus(app, user.token, b.id, 'FAILED');
    await app.prisma.bRoll.update({ where: { id: dbId(b.id) }, data: { prompt: 'a city at night' } });
    await app.gql(`mutation($id: ID!) { retryBRoll(input: { id: $id }) { __typename } }`, { id: b.id }, user.token);
    await untilStatus(app, user.token, b.id);
    const models = await app.prisma.generationAttempt.findMany({
      where: { targetId: dbId(b.id) },
      select: { falModel: true },
    });
    expect(models.map((m) => m.falModel)).toEqual([
      'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video',
      'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video',
    ]);
  });
});

describe('seed', () => {
  it('keeps the seed fal returns on every generation and exposes it', async () => {
    const imageId = await freshImage();
    const image = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(imageId) } });
    const job = [...app.emulator.jobs.values()].find((j) => j.requestId === image.falRequestId)!;
    const reported = (job.outcome as { payload: { seed: number } }).payload.seed;
    expect(Number.isInteger(reported)).toBe(true);
    expect(image.seed).toBe(reported);
    const node = await app.gql(
      `query($id: ID!) { node(id: $id) { ... on Image { seed } } }`,
      { id: imageId },
      user.token,
    );
    expect(node.data.node.seed).toBe(reported);

    const r = await app.gql(CREATE, { input: { projectId, name: 'Seeded', imageId } }, user.token);
    // (the avatar uses that image up)
    const avatar = r.data.createAvatar.data;
    expect(avatar.seed).toBeNull();
    await untilStatus(app, user.token, avatar.id);
    const { row, job: avatarJob } = await jobOf(avatar.id);
    const avatarSeed = (avatarJob.outcome as { payload: { seed: number } }).payload.seed;
    expect(row.seed).toBe(avatarSeed);
    expect((await app.gql(AVATAR, { id: avatar.id }, user.token)).data.node.seed).toBe(avatarSeed);

    const broll = await app.gql(
      `mutation($input: CreateBRollInput!) { createBRoll(input: $input) {
        ... on MutationCreateBRollSuccess { data { id } } } }`,
      { input: { projectId, name: 'Seeded clip', prompt: 'waves' } },
      user.token,
    );
    const bId = broll.data.createBRoll.data.id;
    await untilStatus(app, user.token, bId);
    const bRow = await app.prisma.bRoll.findUniqueOrThrow({ where: { id: dbId(bId) } });
    const bJob = [...app.emulator.jobs.values()].find((j) => j.requestId === bRow.falRequestId)!;
    expect(bRow.seed).toBe((bJob.outcome as { payload: { seed: number } }).payload.seed);
    const bNode = await app.gql(`query($id: ID!) { node(id: $id) { ... on BRoll { seed } } }`, { id: bId }, user.token);
    expect(bNode.data.node.seed).toBe(bRow.seed);
  });
});
