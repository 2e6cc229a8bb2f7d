// fal as it really behaves, through the whole app: prices of edits, results with only the required
// fields, payload_error webhooks, fal-signed webhooks of other accounts aimed at our rows, invalid input
// that fal queues and then fails.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dbId, startTestApp, tableCounts, untilStatus, type TestApp, waitFor } from './helpers.ts';

let app: TestApp;
let user: { token: string; userId: string };
let projectId: string;

beforeAll(async () => {
  // The reconciler stays out of the way: whatever finishes a row here is the webhook path.
  app = await startTestApp({ RECONCILE_AFTER_SECONDS: '600' });
  user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "fal" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  projectId = r.data.createProject.data.id;
});
afterAll(() => app.stop());
afterEach(() => {
  app.emulator.configure({ latencyMs: 100, webhookPayload: 'inline', resultFields: 'all' });
});

const IMAGE = `id status failureReason width height contentType byteSize`;
const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { ${IMAGE} } } ... on Error { message } } }`;
const EDIT = `mutation($input: EditImageInput!) { editImage(input: $input) { __typename
  ... on MutationEditImageSuccess { data { ${IMAGE} } } ... on Error { message } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Image { ${IMAGE} } } }`;
const node = async (gid: string) => (await app.gql(NODE, { id: gid }, user.token)).data.node;

async function generate(prompt: string) {
  const r = await app.gql(GENERATE, { input: { projectId, prompt } }, user.token);
  return r.data.generateImage.data as { id: string; status: string };
}

/** A real image registered through the upload flow, of the given size. */
async function upload(width: number, height: number): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: '#4477aa' } })
    .png()
    .toBuffer();
  const CREATE = `mutation($input: CreateUploadInput!) { createUpload(input: $input) {
    ... on MutationCreateUploadSuccess { data { uploadId uploadUrl } } } }`;
  const REGISTER = `mutation($input: RegisterUploadInput!) { registerUpload(input: $input) {
    ... on MutationRegisterUploadSuccess { data { id width height } } } }`;
  const up = (
    await app.gql(CREATE, { input: { projectId, contentType: 'image/png', byteSize: png.length } }, user.token)
  ).data.createUpload.data;
  expect(
    (await fetch(up.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).status,
  ).toBe(200);
  const reg = (await app.gql(REGISTER, { input: { projectId, uploadId: up.uploadId } }, user.token)).data.registerUpload
    .data;
  expect(reg).toMatchObject({ width, height });
  return reg.id;
}

describe('fal fidelity', () => {
  it('estimates an edit at $0.03 per megapixel of its input, in the row, the ledger and usage', async () => {
    app.emulator.configure({ latencyMs: 100 });
    const source = await upload(1600, 1200); // 1.83 MP, billed as 2
    const edit = (
      await app.gql(EDIT, { input: { imageId: source, prompt: 'warmer light', strength: 0.5 } }, user.token)
    ).data.editImage.data;
    await untilStatus(app, user.token, edit.id);
    expect(await node(edit.id)).toMatchObject({ width: 1600, height: 1200 });
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(edit.id) } });
    expect(Number(row.estimatedCostUsd)).toBe(0.06);
    const attempt = await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } });
    expect({ status: attempt.status, model: attempt.falModel, cost: Number(attempt.estimatedCostUsd) }).toEqual({
      status: 'SUCCEEDED',
      model: 'fal-ai/flux/dev/image-to-image',
      cost: 0.06,
    });
    const usage = await app.gql(`{ me { usage(period: ALL) { byModel { model cost } } } }`, {}, user.token);
    expect(usage.data.me.usage.byModel).toContainEqual({ model: 'fal-ai/flux/dev/image-to-image', cost: 0.06 });
  });

  it('accepts a result without width, height or content type: SUCCEEDED, measured from the bytes', async () => {
    app.emulator.configure({ resultFields: 'required' });
    const image = await generate('only a url comes back');
    await untilStatus(app, user.token, image.id);
    expect(await node(image.id)).toMatchObject({
      status: 'SUCCEEDED',
      width: 1024,
      height: 1024,
      contentType: 'image/png',
      failureReason: null,
    });
    const job = [...app.emulator.jobs.values()].find((j) => j.input.prompt === 'only a url comes back')!;
    expect(job.outcome).toMatchObject({ ok: true, payload: { images: [{ url: expect.any(String) }] } });
    expect(Object.keys((job.outcome as { payload: { images: object[] } }).payload.images[0]!)).toEqual(['url']);
  });

  it('a payload_error webhook (OK, payload null) gets the result from the queue: SUCCEEDED', async () => {
    app.emulator.configure({ webhookPayload: 'payload_error' });
    const image = await generate('result too big for the webhook');
    await untilStatus(app, user.token, image.id);
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.id) } });
    const delivery = await app.prisma.falWebhookDelivery.findFirstOrThrow({ where: { requestId: row.falRequestId! } });
    expect(delivery.body).toMatchObject({ status: 'OK', payload: null, payload_error: expect.any(String) });
    // fal's result URL drops the endpoint's sub-path: owner/app/requests/<id>.
    expect(
      app.emulator.requests.some(
        (r) => r.method === 'GET' && r.path === `/fal-ai/flux/requests/${row.falRequestId}` && r.status === 200,
      ),
    ).toBe(true);
    expect(await node(image.id)).toMatchObject({ status: 'SUCCEEDED', width: 1024, height: 1024 });
  });

  it(
    'a fal-signed webhook of another request, ' +
      'aimed at our row by an unsigned or wrongly signed target, changes nothing',
    async () => {
      app.emulator.configure({ latencyMs: 600_000 });
      const victim = await generate('still working on it');
      const other = await generate('another row');
      const victimId = dbId(victim.id);
      const ourJob = (prompt: string) => [...app.emulator.jobs.values()].find((j) => j.input.prompt === prompt)!;
      // The window the attack needs: fal has the request, we have not recorded its id yet.
      await app.sql(`UPDATE "Image" SET "falRequestId" = NULL WHERE id = $1`, [victimId]);

      const uploaded = await app.app.deps.pipeline.deps.gateway.uploadFile(
        await sharp({ create: { width: 64, height: 64, channels: 3, background: '#f00' } })
          .png()
          .toBuffer(),
        'image/png',
      );
      if (!uploaded.ok) throw new Error(uploaded.error.message);
      const foreignId = `foreign-${randomBytes(6).toString('hex')}`;
      const body = Buffer.from(
        JSON.stringify({
          request_id: foreignId,
          gateway_request_id: foreignId,
          status: 'OK',
          payload: { images: [{ url: uploaded.value.url, width: 64, height: 64 }] },
        }),
      );
      const otherSig = new URL(ourJob('another row').webhookUrl!).searchParams.get('sig')!;
      const aims = [
        `target=IMAGE:${victimId}`,
        `target=IMAGE:${victimId}&sig=${'A'.repeat(43)}`,
        `target=IMAGE:${victimId}&sig=${otherSig}`,
        `target=IMAGE:${victimId}&sig=`,
      ];
      const before = await tableCounts(app);
      for (const [n, aim] of aims.entries()) {
        // Each a genuine fal signature (other accounts get the same keys), over a distinct body.
        const raw = Buffer.concat([body.subarray(0, -1), Buffer.from(`,"n":${n}}`)]);
        const res = await fetch(`${app.url}/webhooks/fal?${aim}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...app.emulator.signWebhook(foreignId, raw) },
          body: raw,
        });
        expect(res.status).toBe(200);
      }
      const recorded = await waitFor('the deliveries processed', async () => {
        const rows = await app.prisma.falWebhookDelivery.findMany({ where: { requestId: foreignId } });
        return rows.length === aims.length && rows.every((d) => d.processedAt) && rows;
      });
      expect(recorded.map((d) => d.target)).toEqual(aims.map(() => null));
      expect(await tableCounts(app)).toEqual(before);
      expect(await app.prisma.image.findUniqueOrThrow({ where: { id: victimId } })).toMatchObject({
        status: 'PENDING',
        falRequestId: null,
        storagePath: null,
      });
      expect(await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: victimId } })).toMatchObject({
        status: 'PENDING',
      });

      // The URL we gave fal (target signed by us) still finds the row before its request id is recorded.
      const genuine = ourJob('still working on it');
      const own = Buffer.from(
        JSON.stringify({
          request_id: genuine.requestId,
          gateway_request_id: genuine.requestId,
          status: 'OK',
          payload: { images: [{ url: uploaded.value.url }] },
        }),
      );
      const res = await fetch(genuine.webhookUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...app.emulator.signWebhook(genuine.requestId, own) },
        body: own,
      });
      expect(res.status).toBe(200);
      await untilStatus(app, user.token, victim.id);
      expect(await app.prisma.image.findUniqueOrThrow({ where: { id: victimId } })).toMatchObject({
        status: 'SUCCEEDED',
        falRequestId: genuine.requestId,
        width: 64,
      });
      expect((await node(other.id)).status).toBe('PENDING');
    },
  );

  it(
    'invalid input is accepted into the queue, ' + 'then FAILED by its ERROR webhook with a reason built from detail[]',
    async () => {
      app.emulator.configure({ latencyMs: 100 });
      const row = await app.prisma.image.create({
        data: {
          source: 'TEXT_TO_IMAGE',
          prompt: 'x',
          aspectRatio: '1:1',
          userId: user.userId,
          projectId: dbId(projectId),
        },
      });
      await app.prisma.generationAttempt.create({ data: { userId: user.userId, kind: 'IMAGE', targetId: row.id } });
      // What fal would refuse (our builders never make it): no prompt, too many images.
      await app.app.deps.pipeline.submit({ kind: 'IMAGE', id: row.id }, 'fal-ai/flux/dev', {
        image_size: 'square',
        num_images: 9,
      });
      const submitted = await app.prisma.image.findUniqueOrThrow({ where: { id: row.id } });
      expect(submitted.falRequestId).toEqual(expect.any(String));
      const failed = await waitFor('FAILED', async () => {
        const r = await app.prisma.image.findUniqueOrThrow({ where: { id: row.id } });
        return r.status === 'FAILED' && r;
      });
      expect(failed.failureReason).toMatch(
        /^The generator refused the request: prompt: Field required; num_images: .+\.$/,
      );
      const delivery = await app.prisma.falWebhookDelivery.findFirstOrThrow({
        where: { requestId: submitted.falRequestId! },
      });
      expect(delivery.body).toMatchObject({
        status: 'ERROR',
        error: 'Invalid status code: 422',
        payload: { detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }, expect.anything()] },
      });
      expect(await app.prisma.generationAttempt.findFirstOrThrow({ where: { targetId: row.id } })).toMatchObject({
        status: 'FAILED',
        falModel: 'fal-ai/flux/dev',
      });
    },
  );
});
