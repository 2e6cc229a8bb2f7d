// cancelGeneration over HTTP against the fal emulator, its queue held with its knobs (POST /_emulator/config).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FalEmulatorConfig } from '../src/fal/emulator.ts';
import { dbId, startTestApp, tableCounts, untilStatus, waitFor, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GENERATION_MAX_IN_FLIGHT: '2', GENERATION_PROGRESS_POLL_MS: '300' });
});
afterAll(() => app.stop());

async function knobs(partial: Partial<FalEmulatorConfig>) {
  const res = await fetch(`${app.emulator.url}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(partial),
  });
  expect(res.status).toBe(200);
}
const QUICK = { latencyMs: 200, queueMs: null, workers: null, webhook: 'deliver', cancelRunning: 'completes' } as const;

const GENERATE = `mutation($p: ID!, $prompt: String!) { generateImage(input: { projectId: $p, prompt: $prompt }) {
  __typename ... on MutationGenerateImageSuccess { data { id status } } ... on GenerationLimitError { kind }
  ... on Error { message } } }`;
const CANCEL = `mutation($id: ID!) { cancelGeneration(input: { id: $id }) { __typename
  ... on MutationCancelGenerationSuccess { data { answer generation { __typename
    ... on Image { id status } ... on Avatar { id status } ... on BRoll { id status } } } }
  ... on ValidationError { fieldErrors { path message } } ... on NotFoundError { id } ... on Error { message } } }`;
const USAGE = `{ me { usage(period: DAY) { generations succeeded pending cancelled totalCost } } }`;

async function setup() {
  const user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "Cancel" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  return { ...user, projectId: r.data.createProject.data.id as string };
}
type User = Awaited<ReturnType<typeof setup>>;

const generate = async (u: User, prompt: string) =>
  (await app.gql(GENERATE, { p: u.projectId, prompt }, u.token)).data.generateImage;
const cancel = async (u: { token: string }, id: string) =>
  (await app.gql(CANCEL, { id }, u.token)).data.cancelGeneration;
const attempts = (gid: string) =>
  app.sql<{ status: string; cost: string | null }>(
    `SELECT status::text, "estimatedCostUsd"::text AS cost FROM "GenerationAttempt" WHERE "targetId" = $1`,
    [dbId(gid)],
  );
/** The emulator's job for a generation, once it was submitted. */
async function jobOf(gid: string) {
  const { falRequestId } = await waitFor('submitted', () =>
    app.prisma.image.findFirst({ where: { id: dbId(gid), falRequestId: { not: null } } }),
  );
  return app.emulator.jobs.get(falRequestId!)!;
}
/** Every webhook fal sent for it has been received and applied. */
async function webhooksApplied(requestId: string, copies = 1) {
  await waitFor(
    'webhooks applied',
    async () =>
      app.emulator.deliveries.filter((d) => d.requestId === requestId && d.status === 200).length >= copies &&
      (await app.prisma.falWebhookDelivery.count({ where: { requestId, processedAt: null } })) === 0,
    60_000,
  );
}

describe('cancelGeneration', () => {
  it('cancels a queued request at once: CANCELLED, not billed, and its in-flight slot is free', async () => {
    const u = await setup();
    // One worker busy for long: the second request waits in fal's queue.
    await knobs({ ...QUICK, workers: 1, queueMs: 0, latencyMs: 30_000 });
    const running = await generate(u, 'running');
    await waitFor('running', async () => (await jobOf(running.data.id)).state === 'IN_PROGRESS');
    const queued = await generate(u, 'queued');
    const queuedJob = await jobOf(queued.data.id);
    expect(queuedJob.state).toBe('IN_QUEUE');
    expect(await generate(u, 'over the cap')).toMatchObject({ __typename: 'GenerationLimitError', kind: 'IN_FLIGHT' });

    expect(await cancel(u, queued.data.id)).toMatchObject({
      __typename: 'MutationCancelGenerationSuccess',
      data: { answer: 'CANCELLED', generation: { __typename: 'Image', id: queued.data.id, status: 'CANCELLED' } },
    });
    expect(queuedJob.state).toBe('COMPLETED');
    expect(await attempts(queued.data.id)).toEqual([{ status: 'CANCELLED', cost: expect.any(String) }]);
    const usage = (await app.gql(USAGE, {}, u.token)).data.me.usage;
    expect(usage).toMatchObject({ generations: 2, pending: 1, cancelled: 1, succeeded: 0, totalCost: 0 });
    // fal's ERROR webhook for the removed request changes nothing.
    await webhooksApplied(queuedJob.requestId);
    expect((await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(queued.data.id) } })).status).toBe(
      'CANCELLED',
    );

    const next = await generate(u, 'in the freed slot');
    expect(next).toMatchObject({ __typename: 'MutationGenerateImageSuccess', data: { status: 'PENDING' } });
    // Neither is left to hold the emulator's only worker.
    await knobs({ cancelRunning: 'stops' });
    expect((await cancel(u, next.data.id)).data.answer).toBe('CANCELLED');
    expect((await cancel(u, running.data.id)).data.answer).toBe('CANCELLATION_REQUESTED');
    await untilStatus(app, u.token, running.data.id, 'CANCELLED');
    expect((await app.gql(USAGE, {}, u.token)).data.me.usage).toMatchObject({ cancelled: 3, totalCost: 0 });
  });

  it('a running request ends as fal ends it: SUCCEEDED and billed, or CANCELLED and not', async () => {
    const u = await setup();
    await knobs({ ...QUICK, queueMs: 0, latencyMs: 3_000 });
    const finishes = await generate(u, 'finishes anyway');
    await waitFor('running', async () => (await jobOf(finishes.data.id)).state === 'IN_PROGRESS');
    expect(await cancel(u, finishes.data.id)).toMatchObject({
      data: { answer: 'CANCELLATION_REQUESTED', generation: { status: 'PENDING' } },
    });
    await untilStatus(app, u.token, finishes.data.id, 'SUCCEEDED');
    const [billed] = await attempts(finishes.data.id);
    expect(billed!.status).toBe('SUCCEEDED');
    expect(Number(billed!.cost)).toBeGreaterThan(0);

    await knobs({ cancelRunning: 'stops' });
    const stops = await generate(u, 'stops');
    await waitFor('running', async () => (await jobOf(stops.data.id)).state === 'IN_PROGRESS');
    expect((await cancel(u, stops.data.id)).data.answer).toBe('CANCELLATION_REQUESTED');
    await untilStatus(app, u.token, stops.data.id, 'CANCELLED');
    expect((await attempts(stops.data.id)).map((a) => a.status)).toEqual(['CANCELLED']);
    const usage = (await app.gql(USAGE, {}, u.token)).data.me.usage;
    expect(usage).toMatchObject({ generations: 2, succeeded: 1, cancelled: 1, pending: 0 });
    expect(usage.totalCost).toBeCloseTo(Number(billed!.cost), 4);
  });

  it("refuses someone else's, a missing and a finished generation with a typed error, changing nothing", async () => {
    const [u, other] = [await setup(), await setup()];
    await knobs({ ...QUICK, queueMs: 20_000, latencyMs: 30_000 });
    const pending = await generate(u, 'mine');
    const job = await jobOf(pending.data.id);
    await knobs({ ...QUICK });
    const done = await generate(u, 'done');
    await untilStatus(app, u.token, done.data.id, 'SUCCEEDED');
    const [before, since] = [await tableCounts(app), Date.now()];

    expect(await cancel(other, pending.data.id)).toEqual({
      __typename: 'NotFoundError',
      id: pending.data.id,
      message: expect.stringMatching(/not found/),
    });
    expect(await cancel(u, u.projectId)).toMatchObject({ __typename: 'NotFoundError', id: u.projectId });
    expect(await cancel(u, 'not-an-id')).toMatchObject({ __typename: 'NotFoundError' });
    const finished = await cancel(u, done.data.id);
    expect(finished).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['input', 'id'] }] });
    expect(finished.message).toMatch(/Only a PENDING generation/);
    const anonymous = await app.gql(CANCEL, { id: pending.data.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await tableCounts(app)).toEqual(before);
    const progress = `SELECT "cancelRequestedAt" FROM "GenerationProgress" WHERE "targetId" = $1`;
    expect(await app.sql(progress, [dbId(pending.data.id)])).toEqual([{ cancelRequestedAt: null }]);
    expect(job.state).toBe('IN_QUEUE');
    expect(app.emulator.requests.filter((r) => r.at >= since && r.path.endsWith('/cancel'))).toEqual([]);
    expect((await cancel(u, pending.data.id)).data.answer).toBe('CANCELLED');
  });

  it('a duplicate or late webhook after a cancel changes nothing', async () => {
    const u = await setup();
    await knobs({ ...QUICK, webhook: 'duplicate', queueMs: 20_000, latencyMs: 30_000 });
    const image = await generate(u, 'cancel me');
    const job = await jobOf(image.data.id);
    expect((await cancel(u, image.data.id)).data.answer).toBe('CANCELLED');
    await webhooksApplied(job.requestId, 2);
    // A late OK for the same request (fal signed it): the row is not PENDING any more, so it is left alone.
    const body = Buffer.from(
      JSON.stringify({
        request_id: job.requestId,
        gateway_request_id: job.requestId,
        status: 'OK',
        payload: {
          images: [{ url: `${app.emulator.url}/files/none.png`, width: 1, height: 1, content_type: 'image/png' }],
        },
      }),
    );
    const res = await fetch(job.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...app.emulator.signWebhook(job.requestId, body) },
      body,
    });
    expect(res.status).toBe(200);
    await waitFor(
      'late webhook applied',
      async () =>
        (await app.prisma.falWebhookDelivery.count({ where: { requestId: job.requestId } })) === 2 &&
        (await app.prisma.falWebhookDelivery.count({ where: { requestId: job.requestId, processedAt: null } })) === 0,
    );
    const row = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(image.data.id) } });
    expect(row).toMatchObject({ status: 'CANCELLED', storagePath: null });
    expect(await attempts(image.data.id)).toEqual([{ status: 'CANCELLED', cost: expect.any(String) }]);
    expect((await app.gql(USAGE, {}, u.token)).data.me.usage).toMatchObject({ cancelled: 1, totalCost: 0 });
  });
});
