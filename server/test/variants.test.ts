// Variants count in limits and usage: generateImage(count) is one fal request of `num_images` (counted on the
// emulator over HTTP), `count` rows, `count` ledger attempts at the per-image price; the caps must fit all of
// them; a duplicate webhook applies once; a cancelled queued group is CANCELLED and unbilled; createBRoll(count)
// is `count` requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FalEmulatorConfig } from '../src/fal/emulator.ts';
import { dbId, startTestApp, tableCounts, untilStatus, waitFor, type TestApp } from './helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GENERATION_MAX_IN_FLIGHT: '4', GENERATION_MAX_PER_DAY: '30' });
});
afterAll(() => app.stop());

const QUICK = { latencyMs: 150, queueMs: null, workers: null, webhook: 'deliver' } as const;
async function knobs(partial: Partial<FalEmulatorConfig>) {
  const res = await fetch(`${app.emulator.url}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(partial),
  });
  expect(res.status).toBe(200);
}
interface Job {
  requestId: string;
  endpoint: string;
  input: { prompt?: string; num_images?: number };
  state: string;
  webhookUrl?: string;
  outcome?: { ok: boolean; payload?: { images: unknown[]; seed?: number } };
}
/** The emulator's jobs for a prompt, read over its HTTP API. */
async function jobsFor(prompt: string): Promise<Job[]> {
  const state = (await (await fetch(`${app.emulator.url}/_emulator/state`)).json()) as { jobs: Job[] };
  return state.jobs.filter((j) => j.input.prompt === prompt);
}

const IMAGE = `id status variantGroupId variantIndex variantCount failureReason imageUrl`;
const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { ${IMAGE} } images { ${IMAGE} } }
  ... on GenerationLimitError { kind limit } ... on ValidationError { fieldErrors { path message } } } }`;
const BROLL = `id status variantGroupId variantIndex variantCount`;
const CREATE_BROLL = `mutation($input: CreateBRollInput!) { createBRoll(input: $input) { __typename
  ... on MutationCreateBRollSuccess { data { ${BROLL} } bRolls { ${BROLL} } }
  ... on GenerationLimitError { kind } ... on ValidationError { fieldErrors { path message } } } }`;
const CANCEL = `mutation($id: ID!) { cancelGeneration(input: { id: $id }) { __typename
  ... on MutationCancelGenerationSuccess { data { answer } } } }`;
const USAGE = `{ me { usage(period: DAY) { generations succeeded failed pending cancelled totalCost } } }`;
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { estimatedCost } }`;

async function setup() {
  const user = await app.signUp();
  const r = await app.gql(
    `mutation { createProject(input: { name: "Variants" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    user.token,
  );
  return { ...user, projectId: r.data.createProject.data.id as string };
}
type User = Awaited<ReturnType<typeof setup>>;

const generate = async (u: User, prompt: string, more: Record<string, unknown> = {}) =>
  (await app.gql(GENERATE, { input: { projectId: u.projectId, prompt, ...more } }, u.token)).data.generateImage;
const usage = async (u: User) => (await app.gql(USAGE, {}, u.token)).data.me.usage;
const quote = async (u: User, input: Record<string, unknown>) =>
  (await app.gql(QUOTE, { input }, u.token)).data.quote.estimatedCost as number;
const attemptsOf = (ids: string[]) =>
  app.sql<{ targetId: string; status: string; cost: string; falRequestId: string }>(
    `SELECT "targetId", status::text, "estimatedCostUsd"::text AS cost, "falRequestId" FROM "GenerationAttempt"
      WHERE "targetId" = ANY($1) ORDER BY "targetId"`,
    [ids.map(dbId)],
  );
/** Stops what a test left running (fal stops a running request when asked), so the next finds the queue free. */
async function cancelAll(u: User, ids: string[]) {
  await knobs({ cancelRunning: 'stops' });
  for (const id of ids) await app.gql(CANCEL, { id }, u.token);
  for (const id of ids) await untilStatus(app, u.token, id, 'CANCELLED');
  await knobs({ cancelRunning: 'completes' });
}
/** Every webhook of the request was received and processed. */
async function webhooksApplied(requestId: string, copies: number) {
  await waitFor(
    'webhooks applied',
    async () =>
      app.emulator.deliveries.filter((d) => d.requestId === requestId && d.status === 200).length >= copies &&
      (await app.prisma.falWebhookDelivery.count({ where: { requestId, processedAt: null } })) === 0,
    60_000,
  );
}

describe('generateImage(count)', () => {
  it('makes count images from one fal request, each its own row, attempt and per-image price', async () => {
    const u = await setup();
    await knobs({ ...QUICK, webhook: 'duplicate' });
    const prompt = 'three variants of a red coat';
    const r = await generate(u, prompt, { count: 3, aspectRatio: 'R16_9', idempotencyKey: 'variants-3' });
    expect(r.__typename).toBe('MutationGenerateImageSuccess');
    expect(r.images).toHaveLength(3);
    const ids = r.images.map((i: { id: string }) => i.id) as string[];
    expect(r.data.id).toBe(ids[0]);
    const group = r.images[0].variantGroupId as string;
    expect(group).toBeTruthy();
    expect(r.images).toEqual(
      [0, 1, 2].map((variantIndex) =>
        expect.objectContaining({ variantGroupId: group, variantIndex, variantCount: 3, status: 'PENDING' }),
      ),
    );
    for (const id of ids) await untilStatus(app, u.token, id, 'SUCCEEDED');

    // One submission for the three, asking fal for three images.
    const jobs = await jobsFor(prompt);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!).toMatchObject({ endpoint: 'fal-ai/flux/dev', input: { num_images: 3 } });
    // Each row stored its own image of fal's images[], in order.
    const rows = await app.prisma.image.findMany({
      where: { id: { in: ids.map(dbId) } },
      orderBy: { variantIndex: 'asc' },
    });
    const falImages = jobs[0]!.outcome!.payload!.images as { url: string }[];
    const falSizes = await Promise.all(
      falImages.map(async (i) => (await (await fetch(i.url)).arrayBuffer()).byteLength),
    );
    expect(new Set(falSizes).size).toBe(3);
    expect(rows.map((x) => x.byteSize)).toEqual(falSizes);
    expect(new Set(rows.map((x) => x.storagePath)).size).toBe(3);
    expect(rows.every((x) => x.falRequestId === jobs[0]!.requestId)).toBe(true);

    // Three attempts, each at the price of one image; usage is three times that, as quote(count: 3) said.
    const one = await quote(u, { kind: 'TEXT_TO_IMAGE', aspectRatio: 'R16_9' });
    const attempts = await attemptsOf(ids);
    expect(attempts).toHaveLength(3);
    for (const a of attempts) expect(a).toMatchObject({ status: 'SUCCEEDED', falRequestId: jobs[0]!.requestId });
    for (const a of attempts) expect(Number(a.cost)).toBeCloseTo(one, 4);
    const used = await usage(u);
    expect(used).toMatchObject({ generations: 3, succeeded: 3, pending: 0 });
    expect(used.totalCost).toBeCloseTo(3 * one, 4);
    expect(await quote(u, { kind: 'TEXT_TO_IMAGE', aspectRatio: 'R16_9', count: 3 })).toBeCloseTo(used.totalCost, 4);

    // fal delivered the webhook twice: applied once (the rows were not written again).
    await webhooksApplied(jobs[0]!.requestId, 2);
    const again = await app.prisma.image.findMany({ where: { id: { in: ids.map(dbId) } } });
    expect(again.map((x) => x.updatedAt.getTime()).sort()).toEqual(rows.map((x) => x.updatedAt.getTime()).sort());
    expect(await attemptsOf(ids)).toEqual(attempts);

    // A replay of the key returns the same group, writes nothing, and asks fal nothing.
    const before = await tableCounts(app);
    const replay = await generate(u, prompt, { count: 3, idempotencyKey: 'variants-3' });
    expect(replay.images.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(await tableCounts(app)).toEqual(before);
    expect(await jobsFor(prompt)).toHaveLength(1);
  });

  it('fails the variant whose image fal did not return, with a reason, and bills only the others', async () => {
    const u = await setup();
    await knobs({ ...QUICK, webhook: 'drop' });
    const prompt = 'an answer short of one image';
    const r = await generate(u, prompt, { count: 2 });
    const [job] = await waitFor('done', async () => {
      const jobs = await jobsFor(prompt);
      return jobs[0]?.state === 'COMPLETED' && jobs;
    });
    // fal's own answer, one image short, signed as fal signs it.
    const payload = { ...job!.outcome!.payload!, images: job!.outcome!.payload!.images.slice(0, 1) };
    const body = Buffer.from(
      JSON.stringify({ request_id: job!.requestId, gateway_request_id: job!.requestId, status: 'OK', payload }),
    );
    const res = await fetch(job!.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...app.emulator.signWebhook(job!.requestId, body) },
      body,
    });
    expect(res.status).toBe(200);
    await untilStatus(app, u.token, r.images[0].id, 'SUCCEEDED');
    await untilStatus(app, u.token, r.images[1].id, 'FAILED');
    const failed = await app.prisma.image.findUniqueOrThrow({ where: { id: dbId(r.images[1].id) } });
    expect(failed.failureReason).toBe('The generator returned 1 image(s); variant 2 is missing.');
    const used = await usage(u);
    expect(used).toMatchObject({ generations: 2, succeeded: 1, failed: 1 });
    expect(used.totalCost).toBeCloseTo(await quote(u, { kind: 'TEXT_TO_IMAGE' }), 4);
  });

  it('counts every variant in the caps: a count that does not fit is refused, nothing is written', async () => {
    const u = await setup();
    await knobs({ ...QUICK, latencyMs: 60_000 });
    const two = await generate(u, 'two slow ones', { count: 2 });
    expect(two.images).toHaveLength(2);
    const before = await tableCounts(app);
    // Two of four in-flight slots left: three do not fit, nothing is written or sent.
    expect(await generate(u, 'three over the cap', { count: 3 })).toMatchObject({
      __typename: 'GenerationLimitError',
      kind: 'IN_FLIGHT',
      limit: 4,
    });
    expect(await tableCounts(app)).toEqual(before);
    expect(await jobsFor('three over the cap')).toHaveLength(0);
    // Two do.
    const fit = await generate(u, 'two that fit', { count: 2 });
    expect(fit.images).toHaveLength(2);
    expect((await generate(u, 'one past the cap')).__typename).toBe('GenerationLimitError');
    // Cancelling one of a running group stops the request: the whole group ends CANCELLED.
    await cancelAll(u, [two.images[0].id, fit.images[1].id]);
    for (const i of [...two.images, ...fit.images]) await untilStatus(app, u.token, i.id, 'CANCELLED');
    expect(await usage(u)).toMatchObject({ cancelled: 4, totalCost: 0 });

    // The daily cap too: 27 of 30 started today (the ledger), so 4 are refused and 3 fit.
    const d = await setup();
    await app.sql(
      `INSERT INTO "GenerationAttempt" (id, "userId", kind, "targetId", status)
       SELECT 'seed-' || $1 || '-' || g, $1, 'IMAGE', 'gone-' || g, 'FAILED' FROM generate_series(1, 27) g`,
      [d.userId],
    );
    await knobs({ ...QUICK });
    expect(await generate(d, 'four today', { count: 4 })).toMatchObject({
      __typename: 'GenerationLimitError',
      kind: 'DAILY',
    });
    expect(await jobsFor('four today')).toHaveLength(0);
    expect((await generate(d, 'three today', { count: 3 })).images).toHaveLength(3);
  });

  it('refuses a count outside 1–4 with a ValidationError, writing and sending nothing', async () => {
    const u = await setup();
    const before = await tableCounts(app);
    for (const count of [0, 5, -1]) {
      expect(await generate(u, `count ${count}`, { count })).toEqual({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input', 'count'], message: 'Between 1 and 4.' }],
      });
      const b = await app.gql(
        CREATE_BROLL,
        { input: { projectId: u.projectId, name: 'b', prompt: 'p', count } },
        u.token,
      );
      expect(b.data.createBRoll.fieldErrors).toEqual([{ path: ['input', 'count'], message: 'Between 1 and 4.' }]);
    }
    expect(await tableCounts(app)).toEqual(before);
    expect(await jobsFor('count 5')).toHaveLength(0);
  });

  it('cancelling one variant of a queued group cancels the request: all CANCELLED, unbilled, slots freed', async () => {
    const u = await setup();
    // One worker, busy: the group waits in fal's queue.
    await knobs({ ...QUICK, workers: 1, queueMs: 0, latencyMs: 30_000 });
    const blocker = await generate(u, 'holding the worker');
    await waitFor('running', async () => (await jobsFor('holding the worker'))[0]?.state === 'IN_PROGRESS');
    const group = await generate(u, 'a queued group', { count: 3 });
    const ids = group.images.map((i: { id: string }) => i.id) as string[];
    await waitFor('submitted', async () => (await attemptsOf(ids)).every((a) => a.falRequestId));
    expect((await app.gql(CANCEL, { id: ids[1] }, u.token)).data.cancelGeneration).toEqual({
      __typename: 'MutationCancelGenerationSuccess',
      data: { answer: 'CANCELLED' },
    });
    const rows = await app.prisma.image.findMany({ where: { id: { in: ids.map(dbId) } } });
    expect(rows.map((x) => x.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect((await attemptsOf(ids)).map((a) => a.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await usage(u)).toMatchObject({ cancelled: 3, pending: 1, totalCost: 0 });
    // Three slots free again (the blocker holds the fourth).
    const freed = await generate(u, 'in the freed slots', { count: 3 });
    expect(freed.images).toHaveLength(3);
    await waitFor('submitted', async () => (await attemptsOf([freed.data.id]))[0]?.falRequestId);
    await cancelAll(u, [blocker.data.id, freed.data.id]);
    await knobs({ ...QUICK });
  });
});

describe('createBRoll(count)', () => {
  it('makes count b-rolls, one fal request each, in one group', async () => {
    const u = await setup();
    await knobs({ ...QUICK });
    const prompt = 'two takes of a beach';
    const r = await app.gql(
      CREATE_BROLL,
      { input: { projectId: u.projectId, name: 'Beach', prompt, count: 2 } },
      u.token,
    );
    const made = r.data.createBRoll;
    expect(made.__typename).toBe('MutationCreateBRollSuccess');
    expect(made.bRolls).toEqual(
      [0, 1].map((variantIndex) =>
        expect.objectContaining({ variantGroupId: made.data.variantGroupId, variantIndex, variantCount: 2 }),
      ),
    );
    expect(made.data.variantGroupId).toBeTruthy();
    const ids = made.bRolls.map((b: { id: string }) => b.id) as string[];
    for (const id of ids) await untilStatus(app, u.token, id, 'SUCCEEDED');
    const jobs = await jobsFor(prompt);
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j) => j.requestId)).size).toBe(2);
    const one = await quote(u, { kind: 'TEXT_TO_VIDEO' });
    const used = await usage(u);
    expect(used).toMatchObject({ generations: 2, succeeded: 2 });
    expect(used.totalCost).toBeCloseTo(2 * one, 4);
  });
});
