// What must never lose or double-apply a result: duplicates, late errors, lost webhooks, restarts, several instances.
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFalEmulator, type FalEmulator } from '../src/fal/emulator.ts';
import { dbId, startTestApp, tableCounts, type TestApp, waitFor } from './helpers.ts';

const started: TestApp[] = [];
const emulators: FalEmulator[] = [];
afterEach(async () => {
  for (const a of started.splice(0).reverse()) await a.stop().catch(() => {});
});
afterAll(async () => {
  for (const e of emulators) await e.stop();
});

async function boot(env: Record<string, string> = {}, opts: Parameters<typeof startTestApp>[1] = {}) {
  const app = await startTestApp({ RECONCILE_AFTER_SECONDS: '600', ...env }, opts);
  started.push(app);
  return app;
}

async function projectOf(app: TestApp, token: string) {
  const r = await app.gql(
    `mutation { createProject(input: { name: "P" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    token,
  );
  return r.data.createProject.data.id as string;
}

const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
  ... on MutationGenerateImageSuccess { data { id status } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Image { id status failureReason imageUrl }
  ... on Avatar { id status failureReason } } }`;

const statusOf = async (app: TestApp, token: string, gid: string) =>
  (await app.gql(NODE, { id: gid }, token)).data.node;

describe('uploads', () => {
  it('registers a real image uploaded straight to the presigned URL, and refuses lies', async () => {
    const app = await boot();
    const { token, userId } = await app.signUp();
    const projectId = await projectOf(app, token);
    const CREATE = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { __typename
      ... on MutationCreateUploadSuccess { data { uploadId uploadUrl contentType } }
      ... on ValidationError { fieldErrors { path message } } } }`;
    const REGISTER = `mutation($input: RegisterUploadInput!) { registerUpload(input: $input) { __typename
      ... on MutationRegisterUploadSuccess { data { id status width height contentType source imageUrl } }
      ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
    const png = await sharp({ create: { width: 320, height: 400, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();

    const up = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: png.length } }, token))
      .data.createUpload.data;
    expect(
      (await fetch(up.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).status,
    ).toBe(200);
    const reg = await app.gql(REGISTER, { input: { projectId, uploadId: up.uploadId } }, token);
    expect(reg.data.registerUpload.data).toMatchObject({
      status: 'SUCCEEDED',
      width: 320,
      height: 400,
      contentType: 'image/png',
      source: 'UPLOAD',
    });
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(reg.data.registerUpload.data.id) } });
    expect(row.storagePath).toBe(`images/temp-generated/${userId}/${dbId(projectId)}/upload-${up.uploadId}`);

    const before = await tableCounts(app);
    // lying content type: declared PNG, bytes are JPEG
    const lie = (
      await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: jpeg.length } }, token)
    ).data.createUpload.data;
    await fetch(lie.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: jpeg });
    const lied = await app.gql(REGISTER, { input: { projectId, uploadId: lie.uploadId } }, token);
    expect(lied.data.registerUpload.fieldErrors[0].message).toMatch(/image\/jpeg, not the image\/png/);
    // not an image at all
    const txt = (await app.gql(CREATE, { input: { projectId, contentType: 'image/webp', byteSize: 20 } }, token)).data
      .createUpload.data;
    await fetch(txt.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/webp' },
      body: 'this is not an image',
    });
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: txt.uploadId } }, token)).data.registerUpload.__typename,
    ).toBe('ValidationError');
    // too big: refused when declared, and when the upload is bigger than declared
    const big = await app.gql(
      CREATE,
      { input: { projectId, contentType: 'image/png', byteSize: 10 * 1024 * 1024 + 1 } },
      token,
    );
    expect(big.data.createUpload.fieldErrors[0].path).toEqual(['input', 'byteSize']);
    const sneaky = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 100 } }, token))
      .data.createUpload.data;
    await fetch(sneaky.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: sneaky.uploadId } }, token)).data.registerUpload
        .fieldErrors[0].message,
    ).toMatch(/10 MB/);
    // wrong type declared, nothing uploaded, made-up id
    expect(
      (await app.gql(CREATE, { input: { projectId, contentType: 'image/gif', byteSize: 10 } }, token)).data.createUpload
        .__typename,
    ).toBe('ValidationError');
    const never = (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 10 } }, token)).data
      .createUpload.data;
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: never.uploadId } }, token)).data.registerUpload
        .fieldErrors[0].message,
    ).toMatch(/Nothing was uploaded/);
    expect(
      (await app.gql(REGISTER, { input: { projectId, uploadId: '../../etc/passwd' } }, token)).data.registerUpload
        .__typename,
    ).toBe('ValidationError');
    // someone else's project
    const other = await app.signUp();
    expect(
      (await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: 10 } }, other.token)).data
        .createUpload.__typename,
    ).toBe('NotFoundError');

    expect(await tableCounts(app)).toEqual({ ...before, User: before.User! + 1, Session: before.Session! + 1 });
    for (const id of [lie.uploadId, txt.uploadId, sneaky.uploadId]) {
      expect(await app.storage.stat(`images/temp-generated/${userId}/${dbId(projectId)}/upload-${id}`)).toBeNull();
    }
  });
});

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

describe('ownership', () => {
  it('keeps another user from seeing, changing or subscribing to images and avatars', async () => {
    const app = await boot();
    app.emulator.configure({ latencyMs: 50 });
    const owner = await app.signUp();
    const other = await app.signUp();
    const projectId = await projectOf(app, owner.token);
    const image = (await app.gql(GENERATE, { input: { projectId, prompt: 'mine' } }, owner.token)).data.generateImage
      .data;
    await waitFor('SUCCEEDED', async () => (await statusOf(app, owner.token, image.id)).status === 'SUCCEEDED');
    const avatar = (
      await app.gql(
        `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) {
          ... on MutationCreateAvatarSuccess { data { id } } } }`,
        { input: { projectId, name: 'Mine', imageId: image.id } },
        owner.token,
      )
    ).data.createAvatar.data;
    await waitFor('avatar SUCCEEDED', async () => (await statusOf(app, owner.token, avatar.id)).status === 'SUCCEEDED');

    const otherProject = await projectOf(app, other.token);
    const before = await tableCounts(app);
    expect((await app.gql(NODE, { id: avatar.id }, other.token)).data.node).toBeNull();
    expect((await app.gql(NODE, { id: image.id }, other.token)).data.node).toBeNull();
    expect((await app.gql(NODE, { id: avatar.id })).data.node).toBeNull();
    const mine = await app.gql(`{ me { avatars(first: 10) { totalCount } } }`, {}, other.token);
    expect(mine.data.me.avatars.totalCount).toBe(0);
    for (const [query, field] of [
      [`mutation($id: ID!) { renameAvatar(input: { id: $id, name: "x" }) { __typename } }`, 'renameAvatar'],
      [`mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename } }`, 'deleteAvatar'],
      [`mutation($id: ID!) { retryAvatar(input: { id: $id }) { __typename } }`, 'retryAvatar'],
    ] as const) {
      expect((await app.gql(query, { id: avatar.id }, other.token)).data[field].__typename).toBe('NotFoundError');
    }
    const edit = await app.gql(
      `mutation($id: ID!) { editImage(input: { imageId: $id, prompt: "x" }) { __typename } }`,
      { id: image.id },
      other.token,
    );
    expect(edit.data.editImage.__typename).toBe('NotFoundError');
    const steal = await app.gql(
      `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) { __typename } }`,
      { input: { projectId: otherProject, name: 'Stolen', imageId: image.id } },
      other.token,
    );
    expect(steal.data.createAvatar.__typename).toBe('NotFoundError');
    const sub = await new Promise<unknown>((resolve) => {
      app
        .ws(other.token)
        .subscribe(
          { query: `subscription($id: ID!) { avatarUpdated(id: $id) { status } }`, variables: { id: avatar.id } },
          { next: (v: any) => resolve(v.errors ?? null), error: resolve, complete: () => resolve(null) },
        );
    });
    expect(sub).toBeTruthy();
    expect(await tableCounts(app)).toEqual(before);

    // the owner deletes it: objects go too
    const row = await app.prisma.avatar.findUniqueOrThrow({ where: { id: dbId(avatar.id) } });
    const del = await app.gql(
      `mutation($id: ID!) { deleteAvatar(input: { id: $id }) { __typename } }`,
      { id: avatar.id },
      owner.token,
    );
    expect(del.data.deleteAvatar.__typename).toBe('MutationDeleteAvatarSuccess');
    expect(await app.storage.stat(row.videoStoragePath!)).toBeNull();
    expect(await app.storage.stat(row.imageStoragePath!)).toBeNull();
  });
});
