import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, type TestApp } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;

beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 100 });
  user = await app.signUp();
  projectId = (
    await app.gql(
      `mutation { createProject(input: { name: "B-rolls" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    )
  ).data.createProject.data.id;
});
afterAll(() => app.stop());

const CREATE = `mutation($input: CreateBRollInput!) { createBRoll(input: $input) { __typename
  ... on MutationCreateBRollSuccess { data { id status source durationSeconds aspectRatio videoUrl thumbnailUrl } }
  ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on BRoll { id status failureReason source videoUrl thumbnailUrl }
  ... on Image { id status } } }`;

async function until(gid: string, statuses: string[]) {
  const end = Date.now() + 30_000;
  for (;;) {
    const n = (await app.gql(NODE, { id: gid }, user.token)).data.node;
    if (statuses.includes(n?.status)) return n;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(n)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectStored(gid: string) {
  const row = await app.prisma.bRoll.findUniqueOrThrow({ where: { id: dbId(gid) } });
  const prefix = `videos/b-rolls/${user.userId}/${dbId(projectId)}/${row.id}`;
  expect(row.videoStoragePath).toBe(`${prefix}.mp4`);
  expect(row.thumbnailStoragePath).toBe(`${prefix}.jpg`);
  return row;
}

describe('b-rolls', () => {
  it('makes a b-roll from a prompt: PENDING at once, then a video and a real JPEG thumbnail, pushed live', async () => {
    const events: string[] = [];
    const seen = new Promise<void>((resolve, reject) => {
      app.ws(user.token).subscribe(
        {
          query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind bRoll { status } } }`,
          variables: { id: projectId },
        },
        {
          next: (v: any) => {
            if (v.data.projectUpdated.kind === 'BROLL') events.push(v.data.projectUpdated.bRoll.status);
            if (events.includes('SUCCEEDED')) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 200));
    const r = await app.gql(
      CREATE,
      {
        input: {
          projectId,
          name: 'Ville la nuit',
          prompt: 'A city street at night, slow dolly',
          durationSeconds: 10,
          aspectRatio: 'R9_16',
        },
      },
      user.token,
    );
    const created = r.data.createBRoll.data;
    expect(created).toMatchObject({
      status: 'PENDING',
      source: 'TEXT_TO_VIDEO',
      durationSeconds: 10,
      aspectRatio: '9:16',
      videoUrl: null,
      thumbnailUrl: null,
    });
    await seen;
    // Progress may push more PENDING events in between (progress.test.ts).
    expect(events.filter((s, i) => s !== events[i - 1])).toEqual(['PENDING', 'SUCCEEDED']);
    const done = await until(created.id, ['SUCCEEDED']);
    const row = await expectStored(created.id);
    expect(row.falModel).toBe('fal-ai/bytedance/seedance/v1/pro/text-to-video');
    const job = [...app.emulator.jobs.values()].find((j) => j.requestId === row.falRequestId) as any;
    expect(job.input).toMatchObject({ duration: '10', aspect_ratio: '9:16', generate_audio: false });
    const video = Buffer.from(await (await fetch(done.videoUrl)).arrayBuffer());
    expect(video.subarray(4, 8).toString()).toBe('ftyp');
    const thumb = Buffer.from(await (await fetch(done.thumbnailUrl)).arrayBuffer());
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBeGreaterThan(0);
  });

  it('animates one of your images (image-to-video)', async () => {
    const gen = await app.gql(
      `mutation { generateImage(input: { projectId: "${projectId}", prompt: "a beach" }) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      {},
      user.token,
    );
    const image = await until(gen.data.generateImage.data.id, ['SUCCEEDED']);
    const r = await app.gql(
      CREATE,
      { input: { projectId, name: 'Plage', prompt: 'waves roll in', imageId: image.id } },
      user.token,
    );
    expect(r.data.createBRoll.data).toMatchObject({
      status: 'PENDING',
      source: 'IMAGE_TO_VIDEO',
      durationSeconds: 5,
      aspectRatio: '16:9',
    });
    await until(r.data.createBRoll.data.id, ['SUCCEEDED']);
    const row = await expectStored(r.data.createBRoll.data.id);
    expect(row.falModel).toBe('fal-ai/bytedance/seedance/v1/pro/image-to-video');
    // the studio image stays: b-rolls do not consume it
    expect((await app.gql(NODE, { id: image.id }, user.token)).data.node.status).toBe('SUCCEEDED');
  });

  it('shows why a generation failed, retries it, filters by status, and deletes with its objects', async () => {
    const r = await app.gql(
      CREATE,
      { input: { projectId, name: 'Raté', prompt: 'this one breaks [fail]' } },
      user.token,
    );
    const failed = await until(r.data.createBRoll.data.id, ['FAILED']);
    expect(failed.failureReason).toMatch(/^The generat/);
    const list = await app.gql(
      `query($id: ID!) { node(id: $id) { ... on Project { bRolls(first: 10, status: FAILED) { totalCount edges { node {
        id } } } all: bRolls(first: 10) { totalCount } } } }`,
      { id: projectId },
      user.token,
    );
    expect(list.data.node.bRolls.edges.map((e: any) => e.node.id)).toEqual([failed.id]);
    expect(list.data.node.all.totalCount).toBe(3);

    const retry = await app.gql(
      `mutation($id: ID!) { retryBRoll(input: { id: $id }) { __typename
        ... on MutationRetryBRollSuccess { data { status } } } }`,
      { id: failed.id },
      user.token,
    );
    expect(retry.data.retryBRoll.data.status).toBe('PENDING');
    expect((await until(failed.id, ['FAILED', 'SUCCEEDED'])).status).toBe('FAILED'); // the prompt still says [fail]

    const ok = await app.prisma.bRoll.findFirstOrThrow({ where: { status: 'SUCCEEDED' } });
    const gid = Buffer.from(`BRoll:${ok.id}`).toString('base64');
    const other = await app.signUp();
    expect(
      (await app.gql(`mutation($id: ID!) { deleteBRoll(input: { id: $id }) { __typename } }`, { id: gid }, other.token))
        .data.deleteBRoll.__typename,
    ).toBe('NotFoundError');
    expect((await app.gql(NODE, { id: gid }, other.token)).data.node).toBeNull();
    const del = await app.gql(
      `mutation($id: ID!) { deleteBRoll(input: { id: $id }) { __typename } }`,
      { id: gid },
      user.token,
    );
    expect(del.data.deleteBRoll.__typename).toBe('MutationDeleteBRollSuccess');
    expect(await app.storage.stat(ok.videoStoragePath!)).toBeNull();
    expect(await app.storage.stat(ok.thumbnailStoragePath!)).toBeNull();
  });

  it('validates duration, aspect ratio, prompt and image before submitting anything', async () => {
    const before = await tableCounts(app);
    const submitted = app.emulator.requests.length;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ projectId, name: 'x', prompt: 'p', durationSeconds: 7 }, ['input', 'durationSeconds']],
      [{ projectId, name: 'x', prompt: '' }, ['input', 'prompt']],
      [{ projectId, name: '', prompt: 'p' }, ['input', 'name']],
    ];
    for (const [input, path] of cases) {
      const r = await app.gql(CREATE, { input }, user.token);
      expect(r.data.createBRoll.__typename, JSON.stringify(input)).toBe('ValidationError');
      expect(r.data.createBRoll.fieldErrors[0].path).toEqual(path);
    }
    // an image ID that names no image of yours is a missing image
    const noImage = await app.gql(
      CREATE,
      { input: { projectId, name: 'x', prompt: 'p', imageId: 'nope' } },
      user.token,
    );
    expect(noImage.data.createBRoll.__typename).toBe('NotFoundError');
    const badRatio = await app.gql(
      CREATE,
      { input: { projectId, name: 'x', prompt: 'p', aspectRatio: 'R2_1' } },
      user.token,
    );
    expect(badRatio.status).toBe(400);
    expect(await tableCounts(app)).toEqual(before);
    expect(app.emulator.requests.length).toBe(submitted);
  });
});

describe('/metrics', () => {
  const scrape = async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };
  const value = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${series} `))
        ?.split(' ')[1] ?? 0,
    );

  it('moves as generations and webhooks happen', async () => {
    const T2V =
      'better_ads_generations{kind="b_roll",model="fal-ai/bytedance/seedance/v1/pro/text-to-video",status="SUCCEEDED"}';
    const before = await scrape();
    const r = await app.gql(CREATE, { input: { projectId, name: 'Metrics', prompt: 'clouds' } }, user.token);
    await until(r.data.createBRoll.data.id, ['SUCCEEDED']);
    const after = await scrape();
    expect(value(after, T2V)).toBe(value(before, T2V) + 1);
    expect(value(after, 'better_ads_webhooks_total{outcome="accepted"}')).toBe(
      value(before, 'better_ads_webhooks_total{outcome="accepted"}') + 1,
    );
    expect(value(after, 'better_ads_webhooks_total{outcome="accepted"}')).toBe(app.app.webhookStats.accepted);
    expect(after).toMatch(
      /better_ads_fal_latency_seconds_count\{model="fal-ai\/bytedance\/seedance\/v1\/pro\/text-to-video"\} \d+/,
    );
    expect(after).toMatch(/better_ads_job_queue_depth\{queue="fal-outcome"\} \d+/);
    const forged = await fetch(`${app.url}/webhooks/fal`, { method: 'POST', body: '{}' });
    expect(forged.status).toBe(401);
    expect(value(await scrape(), 'better_ads_webhooks_total{outcome="rejected"}')).toBe(
      value(after, 'better_ads_webhooks_total{outcome="rejected"}') + 1,
    );
  });
});
