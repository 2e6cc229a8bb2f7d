import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, type TestApp } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;

beforeAll(async () => {
  app = await startTestApp({ RECONCILE_AFTER_SECONDS: '1', RECONCILE_EVERY_SECONDS: '1' });
  app.emulator.configure({ latencyMs: 200 });
  user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "Studio" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  projectId = r.data.createProject.data.id;
});
afterAll(() => app.stop());

const IMAGE_FIELDS = `id status failureReason source prompt width height contentType nsfw imageUrl`;
const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { ${IMAGE_FIELDS} } }
  ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }`;
const EDIT = `mutation($input: EditImageInput!) { editImage(input: $input) { __typename
  ... on MutationEditImageSuccess { data { ${IMAGE_FIELDS} parent { id } } }
  ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }`;
const CREATE_AVATAR = `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) { __typename
  ... on MutationCreateAvatarSuccess { data { id name status failureReason visibility videoUrl imageUrl } }
  ... on Error { message } ... on ValidationError { fieldErrors { path message } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Image { ${IMAGE_FIELDS} }
  ... on Avatar { id status failureReason videoUrl imageUrl } } }`;

/** Collects projectUpdated events over graphql-ws until `until` says enough. */
function watchProject(
  token: string,
  pid: string,
  until: (events: any[]) => boolean,
  timeoutMs = 30_000,
): Promise<any[]> {
  const events: any[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout; events so far: ${JSON.stringify(events)}`)), timeoutMs);
    const stop = app.ws(token).subscribe(
      {
        query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind subjectId avatar { id status
          failureReason } image { id status } } }`,
        variables: { id: pid },
      },
      {
        next: (v) => {
          events.push(v.data?.projectUpdated ?? v);
          if (until(events)) {
            clearTimeout(timer);
            stop();
            resolve(events);
          }
        },
        error: reject,
        complete: () => {},
      },
    );
  });
}

async function waitForStatus(gid: string, token: string, wanted: string[], timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.gql(NODE, { id: gid }, token);
    if (wanted.includes(r.data.node?.status)) return r.data.node;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(r.data.node)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

describe('image studio', () => {
  it('generates an image from a prompt: PENDING at once, then SUCCEEDED with the PNG in our bucket', async () => {
    const subscribed = watchProject(user.token, projectId, (ev) => ev.some((e) => e.image?.status === 'SUCCEEDED'));
    await new Promise((r) => setTimeout(r, 200));
    const r = await app.gql(
      GENERATE,
      { input: { projectId, prompt: 'Portrait of a smiling nurse', aspectRatio: 'R3_4' } },
      user.token,
    );
    const image = r.data.generateImage.data;
    expect(image).toMatchObject({
      status: 'PENDING',
      source: 'TEXT_TO_IMAGE',
      prompt: 'Portrait of a smiling nurse',
      imageUrl: null,
    });
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.id) } });
    expect(row).toMatchObject({ falModel: 'fal-ai/flux/dev' });
    expect(row.falRequestId).toBeTruthy();
    expect(Number(row.estimatedCostUsd)).toBeGreaterThan(0);

    const events = await subscribed;
    // Progress may push more PENDING events in between (progress.test.ts).
    const statuses = events.filter((e) => e.kind === 'IMAGE').map((e) => e.image.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(['PENDING', 'SUCCEEDED']);
    const done = await waitForStatus(image.id, user.token, ['SUCCEEDED']);
    expect(done).toMatchObject({ width: 768, height: 1024, contentType: 'image/png', nsfw: false });
    const stored = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.id) } });
    expect(stored.storagePath).toBe(`images/temp-generated/${user.userId}/${dbId(projectId)}/${dbId(image.id)}.png`);
    const bytes = Buffer.from(await (await fetch(done.imageUrl)).arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe('png');
  });

  it('edits an image with a prompt into a new image whose pixels differ', async () => {
    const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'A doctor in a white coat' } }, user.token);
    const source = await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
    const r = await app.gql(
      EDIT,
      { input: { imageId: source.id, prompt: 'make the coat blue', strength: 0.6 } },
      user.token,
    );
    const edit = r.data.editImage.data;
    expect(edit).toMatchObject({ status: 'PENDING', source: 'IMAGE_TO_IMAGE', parent: { id: source.id } });
    const done = await waitForStatus(edit.id, user.token, ['SUCCEEDED']);
    const a = await sharp(Buffer.from(await (await fetch(source.imageUrl)).arrayBuffer()))
      .raw()
      .toBuffer();
    const b = await sharp(Buffer.from(await (await fetch(done.imageUrl)).arrayBuffer()))
      .raw()
      .toBuffer();
    expect(Buffer.compare(a, b)).not.toBe(0);
  });

  it('keeps the NSFW flag and refuses such an image as a reference', async () => {
    const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'something [nsfw]' } }, user.token);
    const done = await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
    expect(done.nsfw).toBe(true);
    const before = await tableCounts(app);
    const r = await app.gql(CREATE_AVATAR, { input: { projectId, name: 'Nope', imageId: done.id } }, user.token);
    expect(r.data.createAvatar.__typename).toBe('ValidationError');
    expect(r.data.createAvatar.fieldErrors[0].path).toEqual(['input', 'imageId']);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('refuses bad studio input before spending anything', async () => {
    const other = await app.signUp();
    const before = await tableCounts(app);
    const submitted = app.emulator.requests.length;
    for (const input of [
      { projectId, prompt: '' },
      { projectId, prompt: 'x'.repeat(2001) },
    ]) {
      const r = await app.gql(GENERATE, { input }, user.token);
      expect(r.data.generateImage.__typename, JSON.stringify(input).slice(0, 80)).toBe('ValidationError');
    }
    // an ID that names no project is a missing project
    expect(
      (await app.gql(GENERATE, { input: { projectId: 'nope', prompt: 'ok' } }, user.token)).data.generateImage
        .__typename,
    ).toBe('NotFoundError');
    const foreign = await app.gql(GENERATE, { input: { projectId, prompt: 'mine' } }, other.token);
    expect(foreign.data.generateImage.__typename).toBe('NotFoundError');
    const strength = await app.gql(
      EDIT,
      { input: { imageId: Buffer.from('Image:x').toString('base64'), prompt: 'p', strength: 3 } },
      user.token,
    );
    expect(strength.data.editImage.fieldErrors[0].path).toEqual(['input', 'strength']);
    expect(await tableCounts(app)).toEqual(before);
    expect(app.emulator.requests.length).toBe(submitted);
  });
});

describe('avatars', () => {
  it('turns a reference into a mute video avatar: PENDING at once, SUCCEEDED through the subscription', async () => {
    const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'Portrait of a young pharmacist' } }, user.token);
    const image = await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
    const imageRow = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.id) } });

    const subscribed = watchProject(user.token, projectId, (ev) => ev.some((e) => e.avatar?.status === 'SUCCEEDED'));
    await new Promise((r) => setTimeout(r, 200));
    const r = await app.gql(
      CREATE_AVATAR,
      { input: { projectId, name: 'Pharmacienne', imageId: image.id, idempotencyKey: 'k-1' } },
      user.token,
    );
    const avatar = r.data.createAvatar.data;
    expect(avatar).toMatchObject({ name: 'Pharmacienne', status: 'PENDING', visibility: 'PRIVATE', videoUrl: null });
    const again = await app.gql(
      CREATE_AVATAR,
      { input: { projectId, name: 'Pharmacienne', imageId: image.id, idempotencyKey: 'k-1' } },
      user.token,
    );
    expect(again.data.createAvatar.data.id).toBe(avatar.id);
    expect(await app.prisma.avatar.count({ where: { userId: user.userId } })).toBe(1);

    const events = await subscribed;
    // Progress may push more PENDING events in between (progress.test.ts).
    const statuses = events.filter((e) => e.kind === 'AVATAR').map((e) => e.avatar.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(['PENDING', 'SUCCEEDED']);
    const done = await waitForStatus(avatar.id, user.token, ['SUCCEEDED']);
    const row = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(avatar.id) } });
    expect(row.videoStoragePath).toBe(`videos/avatars/private/${user.userId}/${row.id}.mp4`);
    expect(row.imageStoragePath).toBe(`images/avatars/${user.userId}/${row.id}.png`);
    expect(row.falModel).toBe('fal-ai/bytedance/seedance/v1/pro/image-to-video');
    const submittedInput = [...app.emulator.jobs.values()].find((j) => j.requestId === row.falRequestId)!;
    expect((submittedInput as any).input.generate_audio).toBe(false);
    const video = Buffer.from(await (await fetch(done.videoUrl)).arrayBuffer());
    expect(video.subarray(4, 8).toString()).toBe('ftyp');
    // the temp studio image was copied next to the avatar and is gone from the studio
    expect(await app.prisma.image.findUnique({ where: { id: imageRow.id } })).toBeNull();
    expect(await app.storage.stat(imageRow.storagePath!)).toBeNull();
    expect(await app.storage.stat(row.imageStoragePath!)).not.toBeNull();
  });

  it('shows a readable reason when the generator fails, and retries', async () => {
    const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'Portrait for a failure' } }, user.token);
    const image = await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
    app.emulator.configure({ failure: 'all' });
    const r = await app.gql(CREATE_AVATAR, { input: { projectId, name: 'Will fail', imageId: image.id } }, user.token);
    const failed = await waitForStatus(r.data.createAvatar.data.id, user.token, ['FAILED']);
    app.emulator.configure({ failure: 'tagged' });
    expect(failed.failureReason).toMatch(/^The generat/);
    expect(failed.failureReason.length).toBeGreaterThan(20);
    const retry = await app.gql(
      `mutation($id: ID!) { retryAvatar(input: { id: $id }) { __typename
        ... on MutationRetryAvatarSuccess { data { status } } } }`,
      { id: failed.id },
      user.token,
    );
    expect(retry.data.retryAvatar.data.status).toBe('PENDING');
    await waitForStatus(failed.id, user.token, ['SUCCEEDED']);
  });

  it(
    'fails the avatar with a reason, not the request, ' + 'when the reference object vanished after the check',
    async () => {
      const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'Portrait swept away' } }, user.token);
      const image = await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
      const [row] = await app.sql<{ storage_path: string }>(
        `SELECT "storagePath" AS storage_path FROM "Image" WHERE id = $1`,
        [dbId(image.id)],
      );
      await app.storage.remove([row!.storage_path]);
      const submitted = app.emulator.jobs.size;
      const r = await app.gql(CREATE_AVATAR, { input: { projectId, name: 'Orphaned', imageId: image.id } }, user.token);
      expect(r.status).toBe(200);
      expect(r.data.createAvatar.__typename).toBe('MutationCreateAvatarSuccess');
      expect(r.data.createAvatar.data.status).toBe('FAILED');
      expect(r.data.createAvatar.data.failureReason).toMatch(/^The reference image is no longer available/);
      expect(app.emulator.jobs.size).toBe(submitted);
      const edit = await app.gql(EDIT, { input: { imageId: image.id, prompt: 'Brighter' } }, user.token);
      expect(edit.status).toBe(200);
      expect(edit.data.editImage.__typename).toBe('NotFoundError');
      expect(app.emulator.jobs.size).toBe(submitted);
    },
  );
});

describe('webhooks', () => {
  it(
    'refuses forged, stale and unsigned webhooks with 401 and changes nothing; ' + 'a replay is recorded once',
    async () => {
      const gen = await app.gql(GENERATE, { input: { projectId, prompt: 'a genuine delivery' } }, user.token);
      await waitForStatus(gen.data.generateImage.data.id, user.token, ['SUCCEEDED']);
      const before = await tableCounts(app);
      const deliveriesBefore = await app.prisma.falWebhookDelivery.count();
      const rejected = app.app.webhookStats.rejected;
      const post = (headers: Record<string, string>, body: string) =>
        fetch(`${app.url}/webhooks/fal`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      const body = JSON.stringify({
        request_id: 'req-forged',
        gateway_request_id: 'req-forged',
        status: 'OK',
        payload: { images: [] },
      });
      const now = Math.floor(Date.now() / 1000);

      expect((await post({}, body)).status).toBe(401);
      const signed = app.emulator.signWebhook('req-forged', Buffer.from(body), now);
      expect((await post({ ...signed, 'x-fal-webhook-signature': 'ab'.repeat(64) }, body)).status).toBe(401);
      expect((await post(signed, body.replace('OK', 'ERROR'))).status).toBe(401);
      expect((await post(app.emulator.signWebhook('req-forged', Buffer.from(body), now - 310), body)).status).toBe(401);
      expect((await post(app.emulator.signWebhook('req-forged', Buffer.from(body), now + 310), body)).status).toBe(401);
      expect(app.app.webhookStats.rejected).toBe(rejected + 5);
      expect(await tableCounts(app)).toEqual(before);
      expect(await app.prisma.falWebhookDelivery.count()).toBe(deliveriesBefore);

      // A genuine delivery replayed later: accepted as a duplicate, applied nowhere twice.
      const genuine = app.emulator.deliveries.find((d) => d.ok);
      expect(genuine).toBeTruthy();
      const replay = await post(genuine!.headers, genuine!.body);
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ duplicate: true });
      expect(await app.prisma.falWebhookDelivery.count()).toBe(deliveriesBefore);
      expect(await tableCounts(app)).toEqual(before);
    },
  );
});
